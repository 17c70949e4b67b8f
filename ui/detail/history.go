package detail

import (
	"strings"
	"time"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/decide"
	"yunwei/ui/signoff"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// signatureRows is the height of a signature drawn in the history: enough
// to recognise it, small enough to keep the timeline readable.
const signatureRows = 3

// history is the timeline, oldest first: who (in which role, and for a
// customer's decision who entered it), when, what, the inputs and comment,
// and a signed decision's signature with its valid / VOID badge.
func (m Model) history() []string {
	L := m.deps.Lang
	t := &m.data.c.Ticket
	loc := common.Zone(t.TimeZone)
	count := L.Plural(len(t.History), "%d entry", "%d entries", len(t.History))
	if len(t.History) == 1 {
		count = L.T("1 entry")
	}
	out := []string{"", common.Rule(L.T("History"), count, m.w)}
	for i, h := range t.History {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, m.entry(h, loc)...)
	}
	return out
}

func (m Model) entry(h ticket.HistoryEntry, loc *time.Location) []string {
	L, lang := m.deps.Lang, m.deps.Lang.Code()
	t := &m.data.c.Ticket
	who, role := m.name(h.Actor), h.Role.Label(lang)
	if role == "" {
		role = m.userRole(h.Actor)
	}
	head := common.Faint.Render(" "+common.LocalTime(h.At, loc)) + "  "
	if !h.Contact.IsZero() {
		// A customer's decision, taken on the engineer's laptop.
		head += common.Bold.Render(m.name(h.Contact)) + common.Faint.Render(" · "+role+" · "+L.Tf("entered by %s", who))
	} else {
		head += common.Bold.Render(who)
		if role != "" {
			head += common.Faint.Render(" · " + role)
		}
	}
	out := []string{head}
	if late := words.LateContact(L, h.LateContact); late != "" {
		out = append(out, common.WarnText.Render("   "+late))
	}
	style := common.Text
	if h.Rejected != "" {
		style = common.WarnText
	}
	for _, l := range text.Wrap(common.HistoryLine(h, m.data.names, L, loc), max(m.w-3, 10)) {
		out = append(out, style.Render("   "+l))
	}
	if d := decisionOf(h, t.Kind); d != nil {
		kind := t.Kind
		if h.Kind != "" {
			kind = h.Kind
		}
		labelW := 0
		for _, in := range d.Inputs {
			if _, ok := h.Inputs[in.Name]; ok {
				labelW = max(labelW, text.Width(words.Input(L, kind, &in)))
			}
		}
		labelW = min(labelW, max(m.w/6, 8))
		for _, in := range d.Inputs {
			if v, ok := h.Inputs[in.Name]; ok {
				out = append(out, common.LabelValue("     "+words.Input(L, kind, &in), decide.Value(&in, v, &m.data.c, L), labelW+5, m.w)...)
			}
		}
	}
	if c := strings.TrimSpace(h.Comment); c != "" {
		for _, l := range text.Wrap(text.Sanitize(c, true), max(m.w-5, 10)) {
			out = append(out, common.Text.Render("     "+l))
		}
	}
	if sig := h.Signature; sig != nil {
		art := strings.Split(signoff.RenderSignature(*sig, max(min(32, m.w-6), 4), signatureRows), "\n")
		// A drawing is moved to the top of its box: rows left blank below
		// it only lengthen the timeline.
		for len(art) > 1 && strings.TrimSpace(art[len(art)-1]) == "" {
			art = art[:len(art)-1]
		}
		for _, l := range art {
			out = append(out, common.Text.Render("     "+l))
		}
		v := ticket.VerifySignature(&t.State, h)
		signer := text.Sanitize(sig.SignerName, false) + " · " + sig.SignerRole.Label(lang) + " · " + common.LocalTime(sig.SignedAt, loc)
		out = append(out, "     "+signoff.Badge(v.Valid(), L)+"  "+common.Faint.Render(signer))
		// A void signature says which part of what was signed changed; an
		// older one what it does not cover.
		note, style := strings.Join(words.VoidReasons(L, v), L.T("; ")), common.DangerText
		if v.Valid() && v.Version < flows.SignatureVersion {
			note, style = L.T(words.FirstFormatNote), common.Faint
		}
		if note != "" {
			for _, l := range text.Wrap(note, max(m.w-5, 10)) {
				out = append(out, style.Render("     "+l))
			}
		}
		out = append(out, common.Faint.Render("     "+L.T("content SHA-256")+" "+flows.HashPrefix(sig.ContentHash)))
	}
	return out
}

// decisionOf is the table row of a decision entry, for its inputs' labels.
func decisionOf(h ticket.HistoryEntry, kind model.Kind) *ticket.Decision {
	if h.Type != ticket.Decided && h.Type != ticket.Converted {
		return nil
	}
	if h.Kind != "" {
		kind = h.Kind
	}
	f := ticket.FlowFor(kind)
	if f == nil {
		return nil
	}
	st := f.Step(h.From)
	if st == nil {
		return nil
	}
	return st.Decision(h.Decision)
}

// userRole names a vendor user's first role, for entries that are not
// decisions (edits, comments, assignments).
func (m Model) userRole(id model.ID) string {
	for _, u := range m.data.c.Users {
		if u.ID == id && len(u.Roles) > 0 {
			return u.Roles[0].Label(m.deps.Lang.Code())
		}
	}
	return ""
}
