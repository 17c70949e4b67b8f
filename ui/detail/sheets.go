package detail

import (
	"errors"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

// editDraft holds the ticket's editable fields as the edit form has them.
type editDraft struct {
	Title, Description      string
	Severity                model.Severity
	Channel                 model.Channel
	Site, System, Requester model.ID
	OnSite                  bool
	// Reported is when the request was raised, as typed in the
	// contract's zone (ticket.Edit reads it there).
	Reported string
}

// editing is an open edit form: the draft its fields are bound to, and
// the ticket's values it was opened on.
type editing struct {
	draft *editDraft
	base  editDraft
}

// over is the draft of a form opened on base, carrying over what the
// user changed on the form e (opened on an older copy of the ticket):
// the fields they changed keep their typing, the others show the ticket
// as it is now.
func (e *editing) over(base editDraft) *editDraft {
	d := base
	if e == nil {
		return &d
	}
	was, typed := e.base, *e.draft
	if typed.Title != was.Title {
		d.Title = typed.Title
	}
	if typed.Description != was.Description {
		d.Description = typed.Description
	}
	if typed.Severity != was.Severity {
		d.Severity = typed.Severity
	}
	if typed.Channel != was.Channel {
		d.Channel = typed.Channel
	}
	if typed.Site != was.Site {
		d.Site = typed.Site
	}
	if typed.System != was.System {
		d.System = typed.System
	}
	if typed.Requester != was.Requester {
		d.Requester = typed.Requester
	}
	if typed.OnSite != was.OnSite {
		d.OnSite = typed.OnSite
	}
	if typed.Reported != was.Reported {
		d.Reported = typed.Reported
	}
	return &d
}

// editSheet edits title, description, severity, channel, site, system,
// requester, on-site and when the request was raised (ticket.Edit); only
// changed fields are sent. prev is the edit form this one replaces after a
// refusal (nil for a new one): what was typed on it is kept.
func (m Model) editSheet(prev *editing) (common.Sheet, *editing) {
	L, lang := m.deps.Lang, m.deps.Lang.Code()
	t := m.data.c.Ticket
	// The fields show the stored text sanitised, as every screen does (a
	// right-to-left override shows as ‹U+202E›); a field left as shown is
	// not changed.
	title, description := text.Sanitize(t.Title, false), text.Sanitize(t.Description, true)
	reported := common.LocalTime(t.ReportedAt, common.Zone(t.TimeZone))
	base := editDraft{Title: title, Description: description, Severity: t.Severity, Channel: t.Channel,
		Site: t.SiteID, System: t.SystemID, Requester: t.RequesterID, OnSite: t.OnSite, Reported: reported}
	d := prev.over(base)
	sites, systems, contacts := m.data.sites, m.data.systems, m.data.c.Contacts
	build := func() (*huh.Form, common.FormSizer) {
		var sz common.FormSizer
		var sev []huh.Option[model.Severity]
		for s := model.SeverityCritical; s <= model.SeverityLow; s++ {
			sev = append(sev, huh.NewOption(strconv.Itoa(int(s))+" "+s.Label(lang), s))
		}
		var ch []huh.Option[model.Channel]
		for _, c := range model.Channels {
			ch = append(ch, huh.NewOption(c.Label(lang), c))
		}
		none := huh.NewOption(L.T("— none —"), model.NilID)
		var site []huh.Option[model.ID]
		if !ticket.NeedsSite(t.Kind) || t.SiteID.IsZero() {
			site = append(site, none)
		}
		for _, s := range sites {
			site = append(site, huh.NewOption(text.Sanitize(s.Name, false), s.ID))
		}
		sys := []huh.Option[model.ID]{none}
		for _, s := range systems {
			sys = append(sys, huh.NewOption(text.Sanitize(s.Name, false), s.ID))
		}
		req := []huh.Option[model.ID]{none}
		for _, c := range contacts {
			req = append(req, huh.NewOption(text.Sanitize(join(c.Name, c.Department), false), c.ID))
		}
		fields := []huh.Field{
			sz.Add(huh.NewInput().Title(L.T("Title")).CharLimit(flows.MaxTitle).Value(&d.Title), 0),
			sz.Add(huh.NewText().Title(L.T("Description")).CharLimit(flows.MaxText).ExternalEditor(false).Value(&d.Description), 4),
			sz.Add(huh.NewSelect[model.Severity]().Title(L.T("Severity")).Options(sev...).Value(&d.Severity), 0),
			sz.Add(huh.NewSelect[model.Channel]().Title(L.T("Channel")).Options(ch...).Value(&d.Channel), 0),
			sz.Add(huh.NewSelect[model.ID]().Title(L.T("Site")).Options(site...).Value(&d.Site), 0),
			sz.Add(huh.NewSelect[model.ID]().Title(L.T("System")).Options(sys...).Value(&d.System), 0),
			sz.Add(huh.NewSelect[model.ID]().Title(L.T("Requester")).Options(req...).Value(&d.Requester), 0),
			sz.Add(huh.NewConfirm().Title(L.T("On site")).Affirmative(L.T("yes")).Negative(L.T("no")).Value(&d.OnSite), 0),
			sz.Add(huh.NewInput().Title(L.T("Reported")).Placeholder(L.T("e.g.")+" 2026-11-27 14:30").Value(&d.Reported), 0),
		}
		return common.NewScreenForm(L, 0, 0, huh.NewGroup(fields...)), sz
	}
	changes := func() map[string]string {
		fields := map[string]string{}
		set := func(name string, changed bool, v string) {
			if changed {
				fields[name] = v
			}
		}
		id := func(v model.ID) string {
			if v.IsZero() {
				return ""
			}
			return v.String()
		}
		set("title", d.Title != title, d.Title)
		set("description", d.Description != description, d.Description)
		set("severity", d.Severity != t.Severity, strconv.Itoa(int(d.Severity)))
		set("channel", d.Channel != t.Channel, string(d.Channel))
		set("site_id", d.Site != t.SiteID, id(d.Site))
		set("system_id", d.System != t.SystemID, id(d.System))
		set("requester_id", d.Requester != t.RequesterID, id(d.Requester))
		set("on_site", d.OnSite != t.OnSite, strconv.FormatBool(d.OnSite))
		set("reported_at", strings.TrimSpace(d.Reported) != reported, d.Reported)
		return fields
	}
	submit := func() (tea.Cmd, error) {
		fields := changes()
		if len(fields) == 0 {
			return nil, errors.New(L.T("Nothing was changed."))
		}
		return m.save(ticket.Edit{ID: t.ID, Fields: fields}, L.Tf("Saved: %s", t.Number)), nil
	}
	// Typed text is not dropped on one key: esc asks.
	typed := func() bool { return len(changes()) > 0 }
	return common.NewSheet(L, L.Tf("Edit %s", t.Number)+" · "+t.Title, build, submit).WithDirty(typed), &editing{draft: d, base: base}
}

// commentSheet adds a comment (ticket.Comment): comments accumulate,
// they never conflict.
func (m Model) commentSheet() common.Sheet {
	L := m.deps.Lang
	t := m.data.c.Ticket
	d := new(string)
	build := func() (*huh.Form, common.FormSizer) {
		var sz common.FormSizer
		f := sz.Add(huh.NewText().Title(L.T("Comment")).Placeholder(L.T("Type here; ctrl+j starts a new line.")).
			CharLimit(flows.MaxText).ExternalEditor(false).Value(d), 6)
		return common.NewScreenForm(L, 0, 0, huh.NewGroup(f)), sz
	}
	submit := func() (tea.Cmd, error) {
		return m.save(ticket.Comment{ID: t.ID, Text: *d}, L.Tf("Comment added to %s", t.Number)), nil
	}
	typed := func() bool { return strings.TrimSpace(*d) != "" }
	return common.NewSheet(L, L.Tf("Comment on %s", t.Number)+" · "+t.Title, build, submit).WithDirty(typed)
}

// assignSheet gives the ticket to a vendor user who takes tickets, or to
// nobody (ticket.Assign).
func (m Model) assignSheet() common.Sheet {
	L := m.deps.Lang
	t := m.data.c.Ticket
	d := new(model.ID)
	*d = t.AssigneeID
	users := m.data.c.Users
	build := func() (*huh.Form, common.FormSizer) {
		var sz common.FormSizer
		opts := []huh.Option[model.ID]{huh.NewOption(L.T("— nobody —"), model.NilID)}
		for _, u := range users {
			if u.Roles.HasAny(model.RoleEngineer, model.RoleDeveloper, model.RoleTechLead, model.RoleReqLead) {
				opts = append(opts, huh.NewOption(text.Sanitize(u.Name+" ("+u.Login+")", false), u.ID))
			}
		}
		f := sz.Add(huh.NewSelect[model.ID]().Title(L.T("Assignee")).Options(opts...).Value(d), 0)
		return common.NewScreenForm(L, 0, 0, huh.NewGroup(f)), sz
	}
	submit := func() (tea.Cmd, error) {
		name := L.T("nobody")
		for _, u := range users {
			if u.ID == *d {
				name = u.Name
			}
		}
		return m.save(ticket.Assign{ID: t.ID, AssigneeID: *d}, L.Tf("%s assigned to %s", t.Number, text.Sanitize(name, false))), nil
	}
	return common.NewSheet(L, L.Tf("Assign %s", t.Number)+" · "+t.Title, build, submit)
}

// save runs a command on the ticket as the user; the result comes back as
// savedMsg.
func (m Model) save(cmd flows.Command, done string) tea.Cmd {
	ctx, s, as, id := m.deps.Context(), m.deps.Store, db.Acting{UserID: m.deps.User.ID}, m.id
	return func() tea.Msg {
		_, err := s.Execute(ctx, as, cmd)
		return savedMsg{id: id, status: done, err: err}
	}
}
