package db

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// The ticket_text projection is what search looks in: per ticket, its
// number, title and the texts people wrote (the description, every
// comment, every decision's comment and text inputs: plan, cause, fix,
// upgrade notes…), folded (foldText) so that matching is a plain
// substring test, and indexed by an FTS5 trigram index (ticket_text_index).
// Customer and assignee names are not copied in: they live in their own
// small tables, and renaming a customer must not rewrite its tickets.

// textEnd ends every column of the text rows: two characters no search
// term holds (foldTerm drops control characters), so that every
// character of the text starts a trigram of the index and a term of one or
// two characters can be looked up by the trigrams it begins.
const textEnd = "\n\n"

// textSeparator separates the parts of a ticket's body, so that no term
// matches across two comments.
const textSeparator = "\n"

// ticketText is a ticket's row in ticket_text: number, title and body,
// folded and ended with textEnd.
type ticketText struct {
	number, title, body string
}

// textOf is what search finds a ticket by.
func textOf(t *ticket.State) ticketText {
	parts := []string{t.Description}
	for i := range t.History {
		h := &t.History[i]
		parts = append(parts, h.Comment)
		if len(h.Inputs) > 0 {
			parts = append(parts, textInputs(h)...)
		}
	}
	var body strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			body.WriteString(foldText(p))
			body.WriteString(textSeparator)
		}
	}
	return ticketText{
		number: foldText(t.Number) + textEnd,
		title:  foldText(t.Title) + textEnd,
		body:   strings.TrimSuffix(body.String(), textSeparator) + textEnd,
	}
}

// textInputs are the values of a decision's inputs that people wrote
// (InputText), in the order of their names. Inputs that are dates, times,
// minutes, ratings, yes/no or user ids are not text to find; an input this
// version does not know is kept, being text of a newer one.
func textInputs(h *ticket.HistoryEntry) []string {
	names := make([]string, 0, len(h.Inputs))
	for name := range h.Inputs {
		if in := decisionInput(h, name); in == nil || in.Type == ticket.InputText {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = h.Inputs[name]
	}
	return out
}

// decisionInput is the step table's input of a decision in the history,
// nil when this version does not know it.
func decisionInput(h *ticket.HistoryEntry, name string) *ticket.Input {
	f := ticket.FlowFor(h.Kind)
	if f == nil {
		return nil
	}
	st := f.Step(h.From)
	if st == nil {
		return nil
	}
	d := st.Decision(h.Decision)
	if d == nil {
		return nil
	}
	return d.Input(name)
}

// foldText is how stored text and search terms are compared: NFC, lower
// case. Event text is NFC already (model's canonical JSON); terms are typed.
func foldText(s string) string {
	return strings.ToLower(norm.NFC.String(s))
}

// foldTerm is a search term as it is looked for: trimmed, folded, with
// control characters (which no one types into a search, and which would
// match textEnd) turned into spaces.
func foldTerm(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	return foldText(strings.TrimSpace(s))
}

// projectTicketText writes a ticket's text row and its index entry when its
// text changed. The index is an external-content FTS5 table: an entry is
// taken out with the text it was made from, before the row changes.
func (b *Batch) projectTicketText(id model.ID, t *ticket.State) error {
	txt := textOf(t)
	if b.rebuilding || b.created[id] {
		// A new ticket has no row yet, unless this batch wrote one already.
		st, err := b.stmt("INSERT INTO ticket_text (ticket_id, number, title, body) VALUES (?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING")
		if err != nil {
			return err
		}
		res, err := st.ExecContext(b.ctx, id, txt.number, txt.title, txt.body)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			if err != nil {
				return err
			}
			return b.exec("INSERT INTO ticket_text_index (rowid, number, title, body) VALUES (last_insert_rowid(), ?, ?, ?)", txt.number, txt.title, txt.body)
		}
	}
	var old ticketText
	var n int64
	st, err := b.stmt("SELECT rowid, number, title, body FROM ticket_text WHERE ticket_id = ?")
	if err != nil {
		return err
	}
	switch err := st.QueryRowContext(b.ctx, id).Scan(&n, &old.number, &old.title, &old.body); {
	case isNoRows(err):
		if err := b.exec("INSERT INTO ticket_text (ticket_id, number, title, body) VALUES (?, ?, ?, ?)", id, txt.number, txt.title, txt.body); err != nil {
			return err
		}
		return b.exec("INSERT INTO ticket_text_index (rowid, number, title, body) VALUES (last_insert_rowid(), ?, ?, ?)", txt.number, txt.title, txt.body)
	case err != nil:
		return err
	case old == txt:
		return nil
	}
	if err := b.exec("INSERT INTO ticket_text_index (ticket_text_index, rowid, number, title, body) VALUES ('delete', ?, ?, ?, ?)",
		n, old.number, old.title, old.body); err != nil {
		return err
	}
	if err := b.exec("UPDATE ticket_text SET number = ?, title = ?, body = ? WHERE rowid = ?", txt.number, txt.title, txt.body, n); err != nil {
		return err
	}
	return b.exec("INSERT INTO ticket_text_index (rowid, number, title, body) VALUES (?, ?, ?, ?)", n, txt.number, txt.title, txt.body)
}
