package detail

import (
	"strings"

	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/decide"
	"yunwei/ui/text"
)

// View renders the screen at the size given to SetSize: the title (as many
// lines as it takes, the scroll position beside it), the body scrolled, and
// the actions (as many lines as they take); or the open form.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	switch {
	case m.decide.Active():
		return m.decide.View()
	case m.focus == focusSheet:
		return m.sheet.View()
	}
	L := m.deps.Lang
	if m.data == nil {
		msg := common.Faint.Render(L.T("Loading…"))
		if m.loadErr != "" {
			msg = common.ErrorText.Render(text.Sanitize(m.loadErr, false))
		}
		return common.Frame([]string{msg}, m.w, m.h)
	}
	rows := m.bodyRows()
	lines := m.titleLines()
	end := min(m.off+rows, len(m.lines))
	lines = append(lines, m.lines[m.off:end]...)
	for len(lines) < len(m.head)+rows {
		lines = append(lines, "")
	}
	lines = append(lines, m.acts...)
	return common.Frame(lines, m.w, m.h)
}

// maxHeadRows is the most rows the title takes, a third of the screen: a
// title is at most flows.MaxTitle characters, which fits that at 80×24,
// and the body keeps the rest.
func (m Model) maxHeadRows() int { return max(1, m.h/3) }

// layoutHead wraps the title and the actions for the width: the title
// whole, beside room for the scroll position when the body will not fit;
// the actions whole, on as many lines as they need. The body's rows are
// what is left (bodyRows).
func (m *Model) layoutHead() {
	m.head, m.pagerW, m.acts = nil, 0, nil
	if m.data == nil || m.w <= 0 {
		return
	}
	L := m.deps.Lang
	t := &m.data.c.Ticket
	title := text.Sanitize(t.Number+" · "+t.Kind.Label(L.Code())+" · "+t.Title, false)
	m.acts = m.actionLines()
	limit := m.maxHeadRows()
	m.head = clip(text.Wrap(title, m.w), limit)
	if len(m.lines) <= m.h-len(m.head)-len(m.acts) {
		return // it all fits: no scroll position to show
	}
	n := len(m.lines)
	m.pagerW = text.Width(L.Tf("lines %d–%d of %d", n, n, n))
	m.head = clip(text.Wrap(title, max(m.w-m.pagerW-1, m.w/2)), limit)
}

// clip keeps the first n lines, the last cut with "…" when lines were
// dropped.
func clip(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	out := lines[:n:n]
	out[n-1] = strings.TrimRight(out[n-1], " ") + "…"
	return out
}

// titleLines are the title's lines, styled, the scroll position right
// of the first: it never runs into the title.
func (m Model) titleLines() []string {
	L := m.deps.Lang
	out := make([]string, len(m.head))
	for i, l := range m.head {
		out[i] = common.Title.Render(l)
	}
	if m.pagerW > 0 && len(out) > 0 {
		n, rows := len(m.lines), m.bodyRows()
		pos := L.Tf("lines %d–%d of %d", m.off+1, min(m.off+rows, n), n)
		gap := max(m.w-text.Width(m.head[0])-text.Width(pos), 1)
		out[0] += strings.Repeat(" ", gap) + common.Faint.Render(pos)
	}
	return out
}

// actionLines show the decisions allowed now with their keys, then the
// other actions: what the user can do here, and only that, wrapped so that
// none is cut. When the ticket waits for someone else they say for whom.
// (x, which explains the clocks, is named where the clocks are.)
func (m Model) actionLines() []string {
	L := m.deps.Lang
	t := &m.data.c.Ticket
	k := m.liveKeys()
	var items []item
	switch {
	case len(m.actions) > 0 && m.actions[0].Customer():
		items = append(items, item{common.Faint.Render(L.T("customer:")), text.Width(L.T("customer:")), true})
	case len(m.actions) == 0 && t.Status != model.StatusClosed && len(t.WaitingFor) > 0:
		w := L.Tf("waits for %s", decide.RoleNames(t.WaitingFor, L))
		items = append(items, item{common.Faint.Render(w), text.Width(w), false})
	}
	key := func(k, label string) item {
		label = text.Sanitize(label, false)
		return item{common.Title.Render("["+k+"]") + " " + label, text.Width(k) + 3 + text.Width(label), false}
	}
	decisions := len(items) > 0 || len(m.actions) > 0
	for _, a := range m.actions {
		items = append(items, key(a.Key, a.Label(L)))
	}
	first := true
	for _, b := range []struct {
		on   bool
		k, h string
	}{
		{k.Edit.Enabled(), "e", L.T("edit")},
		{k.Comment.Enabled(), "c", L.T("comment")},
		{k.Assign.Enabled(), "A", L.T("assign")},
	} {
		if !b.on {
			continue
		}
		if first && decisions {
			items = append(items, item{common.Faint.Render("│"), 1, false})
		}
		first = false
		items = append(items, key(b.k, b.h))
	}
	return flow(items, m.w)
}

// item is one entry of the actions: drawn, its width, and whether the next
// one follows after a single space ("customer: [o] sign off").
type item struct {
	s     string
	w     int
	tight bool
}

// flow lays items out on lines of at most w cells, two spaces apart,
// starting a new line rather than cutting one.
func flow(items []item, w int) []string {
	var lines []string
	var b strings.Builder
	used, gap := 0, 0
	for _, it := range items {
		if used > 0 && used+gap+it.w > w {
			lines = append(lines, b.String())
			b.Reset()
			used = 0
		}
		if used > 0 {
			b.WriteString(strings.Repeat(" ", gap))
			used += gap
		}
		b.WriteString(it.s)
		used += it.w
		gap = 2
		if it.tight {
			gap = 1
		}
	}
	if used > 0 || len(lines) == 0 {
		lines = append(lines, b.String())
	}
	return lines
}
