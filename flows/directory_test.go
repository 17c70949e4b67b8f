package flows

import (
	"strings"
	"testing"

	"yunwei/model"
)

// decideDir runs a directory command against the fixture world.
func decideDir(w *world, a Actor, st State, cmd Command) ([]model.Change, error) {
	return Decide(Env{Now: w.now, Actor: a, Dir: w}, st, cmd)
}

func TestDirectoryDecidersRefuseWrongRoles(t *testing.T) {
	w := newWorld(t)
	contract := w.contracts[w.contract]
	cases := []struct {
		name  string
		cmd   Command
		allow []model.Role
	}{
		{"customer", SaveCustomer{Customer: model.Customer{ID: w.newID(), Name: "市妇幼保健院"}}, []model.Role{model.RoleAdmin}},
		{"contract", SaveContract{Contract: contract}, []model.Role{model.RoleAdmin}},
		{"calendar", SaveCalendar{Calendar: w.calendars[w.calendar]}, []model.Role{model.RoleAdmin}},
		{"site", SaveSite{Site: model.Site{ID: w.newID(), CustomerID: w.customer, Name: "急诊楼"}}, []model.Role{model.RoleAdmin, model.RoleEngineer}},
		{"system", SaveSystem{System: model.System{ID: w.newID(), CustomerID: w.customer, SiteID: w.site, Name: "PACS"}}, []model.Role{model.RoleAdmin, model.RoleEngineer}},
		{"contact", SaveContact{Contact: model.Contact{ID: w.newID(), CustomerID: w.customer, Name: "赵护士长", Roles: model.Roles{model.RoleRequester}}}, []model.Role{model.RoleAdmin, model.RoleEngineer}},
		{"user", SaveUser{User: model.User{ID: w.newID(), Login: "li", Name: "李工", Roles: model.Roles{model.RoleEngineer}}}, []model.Role{model.RoleAdmin}},
	}
	for _, c := range cases {
		for _, r := range []model.Role{model.RoleEngineer, model.RoleDeveloper, model.RoleTechLead, model.RoleReqLead, model.RoleAdmin, model.RoleDeptHead} {
			_, err := decideDir(w, w.as(r), nil, c.cmd)
			allowed := false
			for _, a := range c.allow {
				allowed = allowed || a == r
			}
			if allowed && err != nil {
				t.Errorf("%s by %s refused: %v", c.name, r, err)
			}
			if !allowed && model.ErrorCode(err) != model.EUNAUTHORIZED {
				t.Errorf("%s by %s: want EUNAUTHORIZED, got %v", c.name, r, err)
			}
		}
	}
}

func TestDirectoryDecidersCheckInput(t *testing.T) {
	w := newWorld(t)
	admin := w.as(model.RoleAdmin)
	good := w.contracts[w.contract]
	good.ID = w.newID()
	mutate := func(f func(*model.Contract)) model.Contract {
		c := good
		f(&c)
		return c
	}
	cases := []struct {
		name string
		cmd  Command
		want string
	}{
		{"empty customer name", SaveCustomer{Customer: model.Customer{ID: w.newID(), Name: "  "}}, "must not be empty"},
		{"control char in name", SaveCustomer{Customer: model.Customer{ID: w.newID(), Name: "医院\x1b[31m"}}, "control character"},
		{"huge name", SaveCustomer{Customer: model.Customer{ID: w.newID(), Name: strings.Repeat("院", 101)}}, "101 characters"},
		{"malformed start", SaveContract{Contract: mutate(func(c *model.Contract) { c.StartDate = "2026-02-30" })}, "not a real date"},
		{"words for a date", SaveContract{Contract: mutate(func(c *model.Contract) { c.EndDate = "next year" })}, "not a date"},
		{"end before start", SaveContract{Contract: mutate(func(c *model.Contract) { c.EndDate = "2025-12-31" })}, "before it starts"},
		{"negative quota", SaveContract{Contract: mutate(func(c *model.Contract) { c.QuotaDays = -1 })}, "out of range"},
		{"zero SLA", SaveContract{Contract: mutate(func(c *model.Contract) { c.SLA.ResponseInHours = 0 })}, "out of range"},
		{"unknown customer", SaveContract{Contract: mutate(func(c *model.Contract) { c.CustomerID = w.newID() })}, "no customer"},
		{"non-engineer assigned", SaveContract{Contract: mutate(func(c *model.Contract) { c.Engineers = []model.ID{w.admin} })}, "not an engineer"},
		{"engineer twice", SaveContract{Contract: mutate(func(c *model.Contract) { c.Engineers = []model.ID{w.eng, w.eng} })}, "twice"},
		{"site of another customer's system", SaveSystem{System: model.System{ID: w.newID(), CustomerID: w.otherCustomer, SiteID: w.site, Name: "HIS"}}, "another customer"},
		{"contact without roles", SaveContact{Contact: model.Contact{ID: w.newID(), CustomerID: w.customer, Name: "某人"}}, "at least one role"},
		{"contact with a vendor role", SaveContact{Contact: model.Contact{ID: w.newID(), CustomerID: w.customer, Name: "某人", Roles: model.Roles{model.RoleEngineer}}}, "not a customer role"},
		{"user with a customer role", SaveUser{User: model.User{ID: w.newID(), Login: "x", Name: "某人", Roles: model.Roles{model.RoleDeptHead}}}, "not a vendor role"},
		{"bad login", SaveUser{User: model.User{ID: w.newID(), Login: "Wang Gong", Name: "王工", Roles: model.Roles{model.RoleEngineer}}}, "login"},
		{"calendar zone", SaveCalendar{Calendar: model.Calendar{ID: w.newID(), Name: "x", TimeZone: "Mars/Olympus", Weekly: model.Default5x8(model.NilID, "").Weekly}}, "time zone"},
		{"calendar span", SaveCalendar{Calendar: func() model.Calendar {
			c := model.Default5x8(w.newID(), "坏日历")
			c.Weekly[1] = []string{"18:00-09:00"}
			return c
		}()}, ""},
	}
	for _, c := range cases {
		changes, err := decideDir(w, admin, nil, c.cmd)
		if model.ErrorCode(err) != model.EINVALID || len(changes) != 0 {
			t.Errorf("%s: want EINVALID and no events, got %v (%d events)", c.name, err, len(changes))
			continue
		}
		if c.want != "" && !strings.Contains(model.ErrorMessage(err), c.want) {
			t.Errorf("%s: message %q does not say %q", c.name, model.ErrorMessage(err), c.want)
		}
	}
}

func TestDirectoryEditRecordsOnlyChangedFields(t *testing.T) {
	w := newWorld(t)
	admin := w.as(model.RoleAdmin)
	old := w.customers[w.customer]
	edited := old
	edited.Address = "江州市解放路 88 号 🏥"
	changes, err := decideDir(w, admin, &old, SaveCustomer{Customer: edited})
	if err != nil || len(changes) != 1 || changes[0].Type != "customer.updated" {
		t.Fatalf("edit: %v %+v", err, changes)
	}
	fields := changes[0].Payload.(FieldsPayload).Fields
	if len(fields) != 1 || string(fields["address"]) != `"江州市解放路 88 号 🏥"` {
		t.Fatalf("changed fields %v, want only the address", fields)
	}
	if changes, err := decideDir(w, admin, &old, SaveCustomer{Customer: old}); err != nil || len(changes) != 0 {
		t.Fatalf("saving an unchanged customer wrote %d events (%v)", len(changes), err)
	}
	// The edit folds onto the state.
	ch := changes0(t, w, admin, &old, edited)
	e, err := model.SealEvent(model.Envelope{V: 1, Origin: w.device, Seq: 1, Actor: w.admin, Entity: model.EntityCustomer,
		EntityID: w.customer, Type: ch.Type, TypeVersion: 1, Payload: model.MustCanonical(ch.Payload), Wall: "2026-11-27T02:00:00.000Z"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Evolve(&old, e)
	if err != nil || st.(*model.Customer).Address != edited.Address || st.(*model.Customer).Name != old.Name {
		t.Fatalf("folded edit: %+v %v", st, err)
	}
}

func changes0(t *testing.T, w *world, a Actor, old *model.Customer, edited model.Customer) model.Change {
	t.Helper()
	changes, err := decideDir(w, a, old, SaveCustomer{Customer: edited})
	if err != nil || len(changes) != 1 {
		t.Fatalf("%v", err)
	}
	return changes[0]
}

func TestFirstUserBootstrapsAsAdmin(t *testing.T) {
	w := newWorld(t)
	w.users = map[model.ID]model.User{} // an empty DB
	id := w.newID()
	changes, err := decideDir(w, Actor{User: model.User{ID: id}}, nil, SaveUser{User: model.User{ID: id, Login: "zhang", Name: "张工", Roles: model.Roles{model.RoleEngineer}}})
	if err != nil {
		t.Fatal(err)
	}
	u := changes[0].Payload.(model.User)
	if !u.Roles.Has(model.RoleAdmin) || !u.Roles.Has(model.RoleEngineer) {
		t.Fatalf("first user roles %v: want engineer and admin", u.Roles)
	}
}

func TestTicketEditAssignCommentDeciders(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindIncident, "挂号系统无法登录")
	eng := w.as(model.RoleEngineer)
	cases := []struct {
		name string
		cmd  Command
		code string
	}{
		{"unknown field", EditTicket{ID: id, Fields: map[string]string{"status": "closed"}}, model.EINVALID},
		{"nothing", EditTicket{ID: id}, model.EINVALID},
		{"same title", EditTicket{ID: id, Fields: map[string]string{"title": "挂号系统无法登录"}}, model.EINVALID},
		{"bad severity", EditTicket{ID: id, Fields: map[string]string{"severity": "9"}}, model.EINVALID},
		{"bad bool", EditTicket{ID: id, Fields: map[string]string{"on_site": "maybe"}}, model.EINVALID},
		{"site of another customer", EditTicket{ID: id, Fields: map[string]string{"site_id": w.newID().String()}}, model.EINVALID},
		{"empty comment", CommentTicket{ID: id, Text: " \n "}, model.EINVALID},
		{"comment with escape", CommentTicket{ID: id, Text: "ok\x1b]0;pwned\x07"}, model.EINVALID},
		{"assign to a contact", AssignTicket{ID: id, AssigneeID: w.head}, model.EINVALID},
		{"assign to the assignee", AssignTicket{ID: id, AssigneeID: w.eng}, model.EINVALID},
		{"unknown ticket", CommentTicket{ID: w.newID(), Text: "hi"}, model.ENOTFOUND},
	}
	for _, c := range cases {
		if _, err := w.act(eng, c.cmd); model.ErrorCode(err) != c.code {
			t.Errorf("%s: want %s, got %v", c.name, c.code, err)
		}
	}
	w.must(eng, EditTicket{ID: id, Fields: map[string]string{"title": "挂号系统无法登录 🚨", "severity": "1", "description": "第一行\n第二行"}})
	w.must(eng, CommentTicket{ID: id, Text: "已远程查看\n稍后到场"})
	w.must(w.as(model.RoleTechLead), AssignTicket{ID: id, AssigneeID: w.dev})
	s := w.tickets[id]
	if s.Title != "挂号系统无法登录 🚨" || s.Severity != 1 || s.Description != "第一行\n第二行" || s.Comments != 1 || s.AssigneeID != w.dev {
		t.Fatalf("after edits: %+v", s.Ticket)
	}
	if _, err := w.act(w.as(model.RoleDeptHead), CommentTicket{ID: id, Text: "客户意见"}); model.ErrorCode(err) != model.EUNAUTHORIZED {
		t.Fatalf("a contact commenting without a vendor user: %v", err)
	}
}
