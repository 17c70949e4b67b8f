package detail

import (
	"fmt"
	"strings"

	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/decide"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// relayout builds the body for the width: everything below the title
// line, scrolled as one.
func (m *Model) relayout() {
	if m.data == nil || m.w <= 0 {
		m.lines = nil
		m.layoutHead()
		return
	}
	var b []string
	b = append(b, m.fields()...)
	b = append(b, m.flow()...)
	b = append(b, m.clocks()...)
	b = append(b, m.description()...)
	b = append(b, m.facts()...)
	b = append(b, m.history()...)
	m.lines = b
	m.layoutHead()
	m.scroll(0)
}

// fields are the ticket's fields, labels in a column.
func (m Model) fields() []string {
	L, lang := m.deps.Lang, m.deps.Lang.Code()
	t := &m.data.c.Ticket
	loc := common.Zone(t.TimeZone)
	state := L.T("open")
	if st := t.Step; t.Status != model.StatusClosed {
		state += " · " + words.Step(L, t.Kind, st)
		if len(t.WaitingFor) > 0 {
			state += " · " + L.T("waiting for") + " " + decide.RoleNames(t.WaitingFor, L)
		}
	} else {
		state = L.T("closed") + " · " + common.LocalTime(t.ClosedAt, loc)
	}
	assignee := L.T("nobody")
	if t.Assignee != nil {
		assignee = t.Assignee.Name
	}
	reported := common.LocalTime(t.ReportedAt, loc)
	updated := common.LocalTime(t.UpdatedAt, loc)
	rows := [][2]string{
		{L.T("Status"), state},
		{L.T("Severity"), fmt.Sprintf("%d %s", t.Severity, t.Severity.Label(lang))},
		{L.T("Channel"), t.Channel.Label(lang)},
		{L.T("Customer"), join(t.CustomerName, t.ContractNo)},
		{L.T("Site"), join(t.SiteName, t.SystemName)},
		{L.T("Requester"), t.RequesterName},
		{L.T("Assignee"), assignee},
		{L.T("On site"), common.YesNo(t.OnSite, L)},
		{L.T("Reported"), reported + " · " + L.T("Updated") + " " + updated},
	}
	if len(t.AlsoEditedBy) > 0 {
		var parts []string
		for _, f := range fieldOrder(t.AlsoEditedBy) {
			var who []string
			for _, id := range t.AlsoEditedBy[f] {
				who = append(who, m.name(id))
			}
			parts = append(parts, common.FieldLabel(f, L)+": "+strings.Join(who, ", "))
		}
		rows = append(rows, [2]string{L.T("Also edited by"), strings.Join(parts, "; ")})
	}
	if n := len(t.Rejected); n > 0 {
		rows = append(rows, [2]string{"⚠", L.Plural(n, "%d event kept but not applied: see the history", "%d events kept but not applied: see the history", n)})
	}
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, text.Width(r[0]))
	}
	var out []string
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		out = append(out, common.LabelValue(r[0], r[1], labelW, m.w)...)
	}
	return out
}

// flow is the stepper: every step of the ticket's flow, marked done,
// current or upcoming by symbol as well as by colour.
func (m Model) flow() []string {
	L := m.deps.Lang
	t := &m.data.c.Ticket
	steps := words.Steps(L, &t.State)
	if len(steps) == 0 {
		return nil
	}
	out := []string{"", common.Rule(L.T("Flow")+" · "+t.Kind.Label(L.Code()), "", m.w)}
	labelW := 0
	for _, st := range steps {
		labelW = max(labelW, text.Width(st.Label))
	}
	labelW = min(labelW, m.w/2)
	for _, st := range steps {
		mark, style := "·", common.Faint
		switch st.Status {
		case "done":
			mark, style = "✓", common.OKText
		case "current":
			mark, style = "▶", common.Bold
		}
		roles := decide.RoleNames(st.Roles, L)
		line := " " + mark + " " + text.Pad(st.Label, labelW) + "  " + roles
		if st.Status == "current" && t.Status != model.StatusClosed {
			line += "  ◀ " + L.T("now")
		}
		out = append(out, style.Render(text.Truncate(line, m.w)))
	}
	return out
}

// clocks are the SLA clocks (seed §2.6), each with its explanation when
// explanations are on.
func (m Model) clocks() []string {
	L := m.deps.Lang
	t := &m.data.c.Ticket
	note := ""
	if len(t.Clocks) > 0 {
		note = L.T("x: explain")
		if m.explain {
			note = L.T("x: hide explanations")
		}
	}
	out := []string{"", common.Rule(L.T("SLA clocks"), note, m.w)}
	if len(t.Clocks) == 0 {
		for _, l := range text.Wrap(words.NoClocks(L, t.Kind), max(m.w-1, 10)) {
			out = append(out, common.Faint.Render(" "+l))
		}
		return out
	}
	loc := common.Zone(t.TimeZone)
	clocks := words.Clocks(L, t.Clocks)
	labelW := 0
	for _, c := range clocks {
		labelW = max(labelW, text.Width(c.Label))
	}
	for _, c := range clocks {
		state := L.T(c.State)
		switch {
		case c.Overdue != "":
			state += " · " + L.Tf("overdue %s", c.Overdue)
		case c.Remaining != "" && c.Stopped == "":
			state += " · " + L.Tf("%s left", c.Remaining)
		}
		mark, style := "○", common.Text
		switch c.State {
		case "met":
			mark, style = "✓", common.OKText
		case "breached":
			mark, style = "✗", common.DangerText
		case "paused":
			mark, style = "‖", common.WarnText
		case "running":
			mark = "◷"
		}
		line := " " + mark + " " + text.Pad(c.Label, labelW) + "  " + state + " · " + L.T("due") + " " + common.LocalTime(c.Due, loc)
		out = append(out, style.Render(text.Truncate(line, m.w)))
		if m.explain {
			for _, e := range c.Explanation {
				for _, l := range text.Wrap(text.Sanitize(e, false), max(m.w-5, 10)) {
					out = append(out, common.Faint.Render("     "+l))
				}
			}
		}
	}
	return out
}

// description is the request as the customer put it.
func (m Model) description() []string {
	L := m.deps.Lang
	d := m.data.c.Ticket.Description
	if strings.TrimSpace(d) == "" {
		return nil
	}
	out := []string{"", common.Rule(L.T("Description"), "", m.w)}
	for _, l := range text.Wrap(text.Sanitize(d, true), max(m.w-1, 10)) {
		out = append(out, common.Text.Render(" "+l))
	}
	return out
}

// facts are what the steps so far established: the plan, the backup, the
// solution, the upgrade notes.
func (m Model) facts() []string {
	L := m.deps.Lang
	fs := decide.Facts(&m.data.c, L)
	if len(fs) == 0 {
		return nil
	}
	labelW := 0
	for _, f := range fs {
		labelW = max(labelW, text.Width(text.Sanitize(f.Label, false)))
	}
	labelW = min(labelW, max(m.w/6, 8))
	out := []string{"", common.Rule(L.T("Recorded so far"), "", m.w)}
	for _, f := range fs {
		out = append(out, common.LabelValue(" "+f.Label, f.Value, labelW+1, m.w)...)
	}
	return out
}

// name is the display name of a user or contact id.
func (m Model) name(id model.ID) string {
	if n := m.data.names[id.String()]; n != "" {
		return text.Sanitize(n, false)
	}
	return id.Short()
}

func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// fieldOrder lists the fields of a soft conflict in the order of the
// editable fields.
func fieldOrder(m map[string][]model.ID) []string {
	var out []string
	for _, f := range []string{"title", "description", "severity", "channel", "site_id", "system_id", "requester_id", "on_site"} {
		if _, ok := m[f]; ok {
			out = append(out, f)
		}
	}
	return out
}
