package approval

import (
	"time"

	"yunwei/db"
	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/decide"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// item is one line of the list: a group heading (row < 0) or an approval.
type item struct {
	heading string
	row     int
}

// items are the list's lines: the user's decisions under one heading, the
// customer's under another.
func (m Model) items() []item {
	L := m.deps.Lang
	var out []item
	group := -1
	for i, r := range m.rows {
		g := 0
		if r.ForCustomer {
			g = 1
		}
		if g != group {
			group = g
			n := 0
			for _, x := range m.rows {
				if x.ForCustomer == r.ForCustomer {
					n++
				}
			}
			h := L.Tf("For you · %d", n)
			if r.ForCustomer {
				h = L.Tf("For the customer, decided and signed on this laptop · %d", n)
			}
			out = append(out, item{heading: h, row: -1})
		}
		out = append(out, item{row: i})
	}
	return out
}

// line is the list line of row i.
func (m Model) line(i int) int {
	for n, it := range m.items() {
		if it.row == i {
			return n
		}
	}
	return 0
}

// listRows are the rows between the title and the footer.
func (m Model) listRows() int { return max(m.h-2, 1) }

// columns are the widths of the list's columns for width w: number, step,
// waiting role, customer, age; the title takes the rest.
type columns struct{ number, step, who, customer, age, title int }

func layout(w int) columns {
	c := columns{number: 13, step: min(max(w/5, 12), 26), who: min(max(w/8, 8), 16), customer: 8, age: 6}
	c.title = max(w-2-c.number-c.step-c.who-c.customer-c.age-5, 6)
	return c
}

// View renders the tab at the size given to SetSize, or the decision form.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.decide.Active() {
		return m.decide.View()
	}
	L := m.deps.Lang
	mine, theirs := 0, 0
	for _, r := range m.rows {
		if r.ForCustomer {
			theirs++
		} else {
			mine++
		}
	}
	title := common.Title.Render(L.T("Approvals")) + common.Faint.Render("  "+L.Tf("%d for you · %d for the customer", mine, theirs))
	lines := []string{title}
	switch {
	case m.err != "":
		lines = append(lines, common.ErrorText.Render(text.Sanitize(m.err, false)))
	case !m.loaded:
		lines = append(lines, common.Faint.Render(L.T("Loading…")))
	case len(m.rows) == 0:
		lines = append(lines, "", common.Faint.Render(" "+L.T("Nothing waits for a decision by you or the customer.")))
	default:
		items := m.items()
		c := layout(m.w)
		for n := m.off; n < min(m.off+m.listRows(), len(items)); n++ {
			it := items[n]
			if it.row < 0 {
				lines = append(lines, common.Rule(it.heading, "", m.w))
				continue
			}
			lines = append(lines, m.rowLine(it.row, c))
		}
	}
	for len(lines) < m.h-1 {
		lines = append(lines, "")
	}
	lines = append(lines, m.footer())
	return common.Frame(lines, m.w, m.h)
}

// rowLine is one approval: number, the step waiting, who must decide, the
// customer, the title, how long it has waited.
func (m Model) rowLine(i int, c columns) string {
	L := m.deps.Lang
	r := m.rows[i]
	customer := r.Customer.ShortName
	if customer == "" {
		customer = r.Customer.Name
	}
	age := common.Ago(timeOf(r.UpdatedAt), m.deps.Now(), L)
	cells := text.Cell(r.Number, c.number) + " " +
		text.Cell(words.Fit(words.Step(L, r.Kind, r.Step), words.ShortStep(L, r.Kind, r.Step), c.step), c.step) + " " +
		text.Cell(decide.RoleNames(waiting(r), L), c.who) + " " +
		text.Cell(customer, c.customer) + " " +
		text.Cell(r.Title, c.title) + " " +
		text.PadLeft(age, c.age)
	if i == m.cursor && m.opening.IsZero() {
		return common.Selected.Render("▸ " + cells)
	}
	if i == m.cursor {
		return common.Faint.Render("… " + cells)
	}
	return "  " + cells
}

// footer shows the selected approval's whole title and customer: the
// list cuts them.
func (m Model) footer() string {
	L := m.deps.Lang
	if !m.opening.IsZero() {
		return common.Faint.Render(L.T("Opening the decision…"))
	}
	if m.cursor >= len(m.rows) {
		return ""
	}
	r := m.rows[m.cursor]
	return common.Faint.Render(text.Sanitize(r.Number+" · "+r.Kind.Label(L.Code())+" · "+r.Customer.Name+" · "+r.Title, false))
}

// waiting are the roles an approval waits for.
func waiting(r db.Approval) []model.Role { return r.WaitingFor }

// timeOf reads a stored time; an unreadable one is the zero time, which
// shows no age.
func timeOf(s string) time.Time {
	t, _ := model.ParseTime(s)
	return t
}
