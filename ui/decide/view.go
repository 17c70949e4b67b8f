package decide

import (
	"strings"

	"yunwei/flows/ticket"
	"yunwei/ui/common"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// errRows are the rows under the form kept for refusals and the fields'
// complaints, so the form does not jump when one appears.
const errRows = 2

// relayout lays the summary out for the width and sizes the form.
func (m *Model) relayout() {
	labelW := 0
	for _, f := range m.summary {
		labelW = max(labelW, text.Width(text.Sanitize(f.Label, false)))
	}
	// Long labels (an input's full wording) go on a line of their own
	// rather than push every value to the right.
	labelW = min(labelW, max(m.w/6, 8))
	m.lines = m.lines[:0]
	for _, f := range m.summary {
		m.lines = append(m.lines, common.LabelValue(f.Label, f.Value, labelW, m.w)...)
	}
	m.scroll(0)
	m.repaginate()
	m.sizer.Size(m.form, m.w, m.formRows())
}

// summaryRows is how many rows of the summary show: all of it when there
// is room, else what the form's fields leave (at least 3, it scrolls): the
// decision's fields come first, so that none is out of sight.
func (m Model) summaryRows() int {
	if m.h <= 0 {
		return 0
	}
	limit := m.h - 5
	if len(m.actions) > 0 {
		limit = max(3, m.h-3-errRows-m.need)
	}
	return max(0, min(len(m.lines), limit))
}

// formRows is the height of the form: below the title, two rules and the
// summary, above the error rows.
func (m Model) formRows() int {
	return max(3, m.h-3-m.summaryRows()-errRows)
}

// View renders the form at the size given to SetSize, or the sign-off
// while the customer signs.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.stage == StageSign {
		return m.sign.View()
	}
	L := m.deps.Lang
	rows := m.summaryRows()
	lines := []string{m.titleLine()}
	note := ""
	if len(m.lines) > rows {
		note = L.Tf("lines %d–%d of %d", m.off+1, m.off+rows, len(m.lines))
	}
	lines = append(lines, common.Rule(L.T("What is being decided"), note, m.w))
	lines = append(lines, m.lines[m.off:m.off+rows]...)
	pageNote := ""
	if p, n := m.page(); n > 1 && m.form != nil {
		pageNote = L.Tf("page %d of %d", p+1, n)
	}
	lines = append(lines, common.Rule(m.deciderNote(), pageNote, m.w))
	if m.form == nil {
		for _, l := range text.Wrap(m.nobody(), m.w) {
			lines = append(lines, common.WarnText.Render(l))
		}
		return common.Frame(lines, m.w, m.h)
	}
	formRows := m.formRows()
	var form []string
	if v := m.form.View(); v != "" {
		form = strings.Split(v, "\n")
	}
	for i := range formRows {
		l := ""
		if i < len(form) {
			l = form[i]
		}
		lines = append(lines, l)
	}
	var status []string
	switch m.stage {
	case StageChecking:
		status = []string{common.Faint.Render(L.T("Checking the decision…"))}
	case StageSaving:
		status = []string{common.Faint.Render(L.T("Saving…"))}
	case StageForm:
		if m.confirming {
			for _, l := range text.Wrap(L.T("Discard what you typed? y discards it; n or esc goes back to the form."), max(m.w, 10)) {
				status = append(status, common.WarnText.Render(l))
			}
			break
		}
		if p, n := m.page(); n > 1 && p < n-1 && len(m.errorLines()) == 0 {
			status = append(status, common.Faint.Render(text.Truncate(L.Tf("More on page %d: tab or enter goes on.", p+2), m.w)))
			break
		}
		fallthrough
	default:
		for _, l := range m.errorLines() {
			status = append(status, common.ErrorText.Render(l))
		}
	}
	if len(status) > errRows {
		status = status[:errRows]
	}
	lines = append(lines, status...)
	return common.Frame(lines, m.w, m.h)
}

// titleLine names the ticket and the step being decided.
func (m Model) titleLine() string {
	L := m.deps.Lang
	t := &m.c.Ticket
	title := L.T("Decision") + " · " + t.Number
	if st := ticket.CurrentStep(&t.State); st != nil {
		title += " · " + words.StepOf(L, t.Kind, st)
	}
	return common.Title.Render(text.Truncate(text.Sanitize(title, false), m.w))
}

// deciderNote says whose decision it is: the user's, in their role, or the
// customer's.
func (m Model) deciderNote() string {
	L := m.deps.Lang
	switch {
	case len(m.actions) == 0:
		return L.T("Decision")
	case m.customer:
		var roles = ticket.WaitingFor(&m.c.Ticket.State)
		return L.Tf("The customer's %s decides and signs", RoleNames(roles, L))
	}
	return L.Tf("Your decision, as %s (%s)", text.Sanitize(m.deps.User.Name, false), m.role.Label(L.Code()))
}

// nobody explains why no decision is offered.
func (m Model) nobody() string {
	L := m.deps.Lang
	t := &m.c.Ticket
	st := ticket.CurrentStep(&t.State)
	switch {
	case st == nil:
		return L.T("This ticket is closed: there is nothing to decide.")
	case st.CustomerStep():
		return L.Tf("It waits for the customer's %s, and no contact of %s who may decide here is on file.",
			RoleNames(st.Roles, L), text.Sanitize(t.CustomerName, false))
	}
	return L.Tf("It waits for a %s: you do not hold that role.", RoleNames(st.Roles, L))
}
