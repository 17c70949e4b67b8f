package decide

import (
	"errors"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// field is one field of the form with the rows it takes at its natural
// height: the form is laid out in pages by them.
type field struct {
	f     huh.Field
	h     int    // natural height, for the sizer (common.FormSizer.Add)
	rows  int    // rows on screen, title and description included
	input string // the decision input it takes, if any
}

// fields are the form's fields for the decision chosen now, in the order
// that keeps nothing out of sight: the decision and who decides, then the
// decision's required inputs (the plan, whether a backup is needed…), then
// the comment, then its optional inputs. Choosing another decision builds
// the form again with that decision's inputs (Update).
func (m *Model) fields() []field {
	L := m.deps.Lang
	d := m.draft
	actions := m.actions
	w := max(m.w-2, 10) // the focus bar takes two cells

	var opts []huh.Option[string]
	var needs []string
	for _, a := range actions {
		opts = append(opts, huh.NewOption(decisionLabel(a.Decision, m.c.Ticket.Kind, L), a.Decision.Name))
		if a.Decision.NeedsComment {
			needs = append(needs, "“"+a.Label(L)+"”")
		}
	}
	title := L.T("Decision")
	out := []field{{f: huh.NewSelect[string]().Title(title).Options(opts...).Value(&d.Decision),
		rows: rows(title, "", len(opts), w)}}
	if m.customer {
		var people []huh.Option[model.ID]
		for _, c := range candidates(actions) {
			people = append(people, huh.NewOption(contactLabel(c, L), c.ID))
		}
		title := L.T("Who decides")
		h := 0
		if len(people) > maxListRows {
			h = maxListRows + 1
		}
		out = append(out, field{f: huh.NewSelect[model.ID]().Title(title).Options(people...).Value(&d.Contact),
			h: h, rows: rows(title, "", min(len(people), maxListRows), w)})
	}
	a := m.action(d.Decision)
	var required, optional []field
	if a != nil {
		for _, in := range a.Decision.Inputs {
			desc := m.inputNote(a, in)
			f := inputField(in, d.Inputs[a.Decision.Name][in.Name], desc, m.c, L, w)
			f.input = in.Name
			if in.Required {
				required = append(required, f)
			} else {
				optional = append(optional, f)
			}
		}
	}
	title = L.T("Comment")
	desc := ""
	if len(needs) > 0 {
		desc = L.Tf("Required for %s.", strings.Join(needs, L.T(" or ")))
	}
	comment := huh.NewText().Title(title).Placeholder(L.T("Type here; ctrl+j starts a new line.")).CharLimit(flows.MaxText).ExternalEditor(false).
		Value(&d.Comment).Validate(func(s string) error {
		for _, a := range actions {
			if a.Decision.Name == d.Decision && a.Decision.NeedsComment && strings.TrimSpace(s) == "" {
				return errors.New(needsComment(a, L))
			}
		}
		return nil
	})
	if desc != "" {
		comment.Description(desc)
	}
	out = append(out, required...)
	out = append(out, field{f: comment, h: commentLines, rows: rows(title, desc, commentLines, w)})
	return append(out, optional...)
}

// Heights of the fields that have a choice of them.
const (
	commentLines = 3 // the comment's text area
	maxListRows  = 5 // a list of people longer than this scrolls
)

// rows is what a field takes on screen: its title and description wrapped
// to w, and body rows of input.
func rows(title, desc string, body, w int) int {
	n := len(text.Wrap(title, w)) + body
	if desc != "" {
		n += len(text.Wrap(desc, w))
	}
	return n
}

// needsComment says that decision a needs a comment, and why.
func needsComment(a Action, L i18n.Lang) string {
	return L.Tf("“%s” needs a comment: say why, so that the next person knows what to change.", a.Label(L))
}

// paginate splits the fields into pages of at most rows rows each, in
// order; a field taller than a page has one of its own. With no size yet
// everything is one page.
func paginate(fs []field, rows int) [][]field {
	if rows <= 0 {
		return [][]field{fs}
	}
	var pages [][]field
	var page []field
	used := 0
	for _, f := range fs {
		if len(page) > 0 && used+f.rows > rows {
			pages = append(pages, page)
			page, used = nil, 0
		}
		page = append(page, f)
		used += f.rows
	}
	return append(pages, page)
}

// pageSizes is how many fields each page holds: two layouts with the same
// sizes are the same form.
func pageSizes(pages [][]field) []int {
	out := make([]int, len(pages))
	for i, p := range pages {
		out[i] = len(p)
	}
	return out
}

// buildForm makes the huh form on the draft for the decision chosen now:
// its fields (fields) on as few pages as the height allows, the first page
// holding the decision and its required inputs whenever they fit. The
// page shown is named above the form when there is more than one.
func (m *Model) buildForm() {
	m.gen++
	gen := m.gen
	m.form, m.formInit, m.pageOf, m.pages, m.inputPage = nil, nil, nil, nil, nil
	if len(m.actions) == 0 {
		return
	}
	fs := m.fields()
	m.built = m.draft.Decision
	m.need = 0
	for _, f := range fs {
		m.need += f.rows
	}
	formRows := 0
	if m.h > 0 {
		formRows = m.formRows()
	}
	pages := paginate(fs, formRows)
	m.pages = pageSizes(pages)
	m.pageOf, m.inputPage = map[huh.Field]int{}, map[string]int{}
	var sz common.FormSizer
	var groups []*huh.Group
	for i, p := range pages {
		var hs []huh.Field
		for _, f := range p {
			hs = append(hs, sz.Add(f.f, f.h))
			m.pageOf[f.f] = i
			if f.input != "" {
				m.inputPage[f.input] = i
			}
		}
		groups = append(groups, huh.NewGroup(hs...))
	}
	f := common.NewScreenForm(m.deps.Lang, m.w, formRows, groups...)
	f.SubmitCmd = func() tea.Msg { return submitMsg{gen} }
	f.CancelCmd = func() tea.Msg { return cancelMsg{gen} }
	m.form, m.sizer = f, sz
	m.formInit = f.Init()
}

// repaginate builds the form again when the size changed how its fields
// fall on pages; what was typed is in the draft and stays.
func (m *Model) repaginate() {
	if m.form == nil || m.stage != StageForm || m.h <= 0 {
		return
	}
	fs := m.fields()
	m.need = 0
	for _, f := range fs {
		m.need += f.rows
	}
	if slices.Equal(pageSizes(paginate(fs, m.formRows())), m.pages) {
		return
	}
	m.buildForm()
}

// page is the page the focused field is on, from 0; pages how many there
// are.
func (m Model) page() (page, pages int) {
	if f := m.focused(); f != nil {
		page = m.pageOf[f]
	}
	return page, len(m.pages)
}

// inputNote is what an input's field says under its title: for the effort
// booked against the yearly quota (seed §1.3), what is booked already and
// what is left.
func (m Model) inputNote(a *Action, in ticket.Input) string {
	if a.Decision.Rule != "quota" || in.Type != ticket.InputMinutes || !in.Required || m.c.Quota == nil {
		return ""
	}
	L := m.deps.Lang
	q := m.c.Quota
	booked := L.T("nothing yet")
	if n := m.c.Ticket.EffortMinutes; n > 0 {
		booked = Minutes(n, L)
	}
	return L.Tf("Booked on this ticket so far: %s. Left of this service year's quota: %s of %s.",
		booked, Days(q.RemainingMinutes, L), Days(q.LimitMinutes, L))
}

// decisionLabel offers a decision with where it leads:
// "reject → closed (comment required)".
func decisionLabel(d ticket.Decision, kind model.Kind, L i18n.Lang) string {
	from := kind
	if d.Convert != "" {
		kind = d.Convert
	}
	label := words.Decision(L, from, &d) + " → " + words.Step(L, kind, d.To)
	if d.NeedsComment {
		label += " " + L.T("(comment required)")
	}
	return label
}

// contactLabel names a customer person for the picker: name, department
// and customer roles.
func contactLabel(c model.Contact, L i18n.Lang) string {
	var roles []model.Role
	for _, r := range c.Roles {
		if r.IsCustomer() {
			roles = append(roles, r)
		}
	}
	return text.Sanitize(join(c.Name, c.Department, RoleNames(roles, L)), false)
}
