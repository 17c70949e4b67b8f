package detail

import (
	"strings"

	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/decide"
	"yunwei/ui/text"
)

// View renders the screen at the size given to SetSize: the title, the
// body scrolled, and the actions line; or the open form.
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
	lines := []string{m.titleLine()}
	end := min(m.off+rows, len(m.lines))
	lines = append(lines, m.lines[m.off:end]...)
	for len(lines) < rows+1 {
		lines = append(lines, "")
	}
	lines = append(lines, m.actionsLine())
	return common.Frame(lines, m.w, m.h)
}

// titleLine names the ticket, with the scroll position on the right when
// the body does not fit.
func (m Model) titleLine() string {
	L := m.deps.Lang
	t := &m.data.c.Ticket
	pos := ""
	if n, rows := len(m.lines), m.bodyRows(); n > rows {
		pos = L.Tf("lines %d–%d of %d", m.off+1, min(m.off+rows, n), n)
	}
	title := text.Sanitize(t.Number+" · "+t.Kind.Label(L.Code())+" · "+t.Title, false)
	room := m.w - text.Width(pos) - 1
	if pos == "" {
		room = m.w
	}
	title = text.Truncate(title, room)
	line := common.Title.Render(title)
	if pos != "" {
		line += strings.Repeat(" ", max(m.w-text.Width(title)-text.Width(pos), 1)) + common.Faint.Render(pos)
	}
	return line
}

// actionsLine shows the decisions allowed now with their keys, then the
// other actions: what the user can do here, and only that. When the
// ticket waits for someone else it says for whom. (x, which explains the
// clocks, is named where the clocks are.)
func (m Model) actionsLine() string {
	L := m.deps.Lang
	t := &m.data.c.Ticket
	k := m.liveKeys()
	var parts []string
	for _, a := range m.actions {
		label := a.Label(L)
		parts = append(parts, common.Title.Render("["+a.Key+"]")+" "+label)
	}
	lead := ""
	switch {
	case len(m.actions) > 0 && m.actions[0].Customer():
		lead = common.Faint.Render(L.T("customer:")) + " "
	case len(m.actions) == 0 && t.Status != model.StatusClosed && len(t.WaitingFor) > 0:
		lead = common.Faint.Render(L.Tf("waits for %s", decide.RoleNames(t.WaitingFor, L)))
	}
	var rest []string
	for _, b := range []struct {
		on   bool
		k, h string
	}{
		{k.Edit.Enabled(), "e", L.T("edit")},
		{k.Comment.Enabled(), "c", L.T("comment")},
		{k.Assign.Enabled(), "A", L.T("assign")},
	} {
		if b.on {
			rest = append(rest, common.Title.Render("["+b.k+"]")+" "+b.h)
		}
	}
	line := lead + strings.Join(parts, "  ")
	if len(rest) > 0 {
		if line != "" {
			line += common.Faint.Render("  │  ")
		}
		line += strings.Join(rest, "  ")
	}
	return line
}
