package directory

import (
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
)

// decideDir runs a directory command against the fixture world.
func decideDir(w *flowtest.World, a flows.Actor, st flows.State, cmd flows.Command) ([]model.Change, error) {
	return flows.Decide(w.Env(a), st, cmd)
}

func TestDirectoryDecidersRefuseWrongRoles(t *testing.T) {
	w := flowtest.New(t)
	contract := w.Contracts[w.ContractID]
	cases := []struct {
		name  string
		cmd   flows.Command
		allow []model.Role
	}{
		{"customer", SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: "市妇幼保健院"}}, []model.Role{model.RoleAdmin}},
		{"contract", SaveContract{Contract: contract}, []model.Role{model.RoleAdmin}},
		{"calendar", SaveCalendar{Calendar: w.Calendars[w.CalendarID]}, []model.Role{model.RoleAdmin}},
		{"site", SaveSite{Site: model.Site{ID: w.NewID(), CustomerID: w.CustomerID, Name: "急诊楼"}}, []model.Role{model.RoleAdmin, model.RoleEngineer}},
		{"system", SaveSystem{System: model.System{ID: w.NewID(), CustomerID: w.CustomerID, SiteID: w.SiteID, Name: "PACS"}}, []model.Role{model.RoleAdmin, model.RoleEngineer}},
		{"contact", SaveContact{Contact: model.Contact{ID: w.NewID(), CustomerID: w.CustomerID, Name: "赵护士长", Roles: model.Roles{model.RoleRequester}}}, []model.Role{model.RoleAdmin, model.RoleEngineer}},
		{"user", SaveUser{User: model.User{ID: w.NewID(), Login: "li", Name: "李工", Roles: model.Roles{model.RoleEngineer}}}, []model.Role{model.RoleAdmin}},
	}
	for _, c := range cases {
		for _, r := range []model.Role{model.RoleEngineer, model.RoleDeveloper, model.RoleTechLead, model.RoleReqLead, model.RoleAdmin, model.RoleDeptHead} {
			_, err := decideDir(w, w.As(r), nil, c.cmd)
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
	w := flowtest.New(t)
	admin := w.As(model.RoleAdmin)
	good := w.Contracts[w.ContractID]
	good.ID = w.NewID()
	mutate := func(f func(*model.Contract)) model.Contract {
		c := good
		f(&c)
		return c
	}
	cases := []struct {
		name string
		cmd  flows.Command
		want string
	}{
		{"empty customer name", SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: "  "}}, "must not be empty"},
		{"control char in name", SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: "医院\x1b[31m"}}, "control character"},
		{"huge name", SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: strings.Repeat("院", 101)}}, "101 characters"},
		{"malformed start", SaveContract{Contract: mutate(func(c *model.Contract) { c.StartDate = "2026-02-30" })}, "not a real date"},
		{"words for a date", SaveContract{Contract: mutate(func(c *model.Contract) { c.EndDate = "next year" })}, "not a date"},
		{"end before start", SaveContract{Contract: mutate(func(c *model.Contract) { c.EndDate = "2025-12-31" })}, "before it starts"},
		{"negative quota", SaveContract{Contract: mutate(func(c *model.Contract) { c.QuotaDays = -1 })}, "out of range"},
		{"zero SLA", SaveContract{Contract: mutate(func(c *model.Contract) { c.SLA.ResponseInHours = 0 })}, "out of range"},
		{"unknown customer", SaveContract{Contract: mutate(func(c *model.Contract) { c.CustomerID = w.NewID() })}, "no customer"},
		{"non-engineer assigned", SaveContract{Contract: mutate(func(c *model.Contract) { c.Engineers = []model.ID{w.Admin} })}, "not an engineer"},
		{"engineer twice", SaveContract{Contract: mutate(func(c *model.Contract) { c.Engineers = []model.ID{w.Eng, w.Eng} })}, "twice"},
		{"site of another customer's system", SaveSystem{System: model.System{ID: w.NewID(), CustomerID: w.OtherCustomer, SiteID: w.SiteID, Name: "HIS"}}, "another customer"},
		{"contact without roles", SaveContact{Contact: model.Contact{ID: w.NewID(), CustomerID: w.CustomerID, Name: "某人"}}, "at least one role"},
		{"contact with a vendor role", SaveContact{Contact: model.Contact{ID: w.NewID(), CustomerID: w.CustomerID, Name: "某人", Roles: model.Roles{model.RoleEngineer}}}, "not a customer role"},
		{"user with a customer role", SaveUser{User: model.User{ID: w.NewID(), Login: "x", Name: "某人", Roles: model.Roles{model.RoleDeptHead}}}, "not a vendor role"},
		{"bad login", SaveUser{User: model.User{ID: w.NewID(), Login: "Wang Gong", Name: "王工", Roles: model.Roles{model.RoleEngineer}}}, "login"},
		{"calendar zone", SaveCalendar{Calendar: model.Calendar{ID: w.NewID(), Name: "x", TimeZone: "Mars/Olympus", Weekly: model.Default5x8(model.NilID, "").Weekly}}, "time zone"},
		{"calendar span", SaveCalendar{Calendar: func() model.Calendar {
			c := model.Default5x8(w.NewID(), "坏日历")
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
	w := flowtest.New(t)
	admin := w.As(model.RoleAdmin)
	old := w.Customers[w.CustomerID]
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
	e, err := model.SealEvent(model.Envelope{V: 1, Origin: w.Device, Seq: 1, Actor: w.Admin, Entity: model.EntityCustomer,
		EntityID: w.CustomerID, Type: ch.Type, TypeVersion: 1, Payload: model.MustCanonical(ch.Payload), Wall: "2026-11-27T02:00:00.000Z"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Evolver[model.Customer]()(&old, e)
	if err != nil || st.(*model.Customer).Address != edited.Address || st.(*model.Customer).Name != old.Name {
		t.Fatalf("folded edit: %+v %v", st, err)
	}
}

func changes0(t *testing.T, w *flowtest.World, a flows.Actor, old *model.Customer, edited model.Customer) model.Change {
	t.Helper()
	changes, err := decideDir(w, a, old, SaveCustomer{Customer: edited})
	if err != nil || len(changes) != 1 {
		t.Fatalf("%v", err)
	}
	return changes[0]
}

func TestFirstUserBootstrapsAsAdmin(t *testing.T) {
	w := flowtest.New(t)
	w.Users = map[model.ID]model.User{} // an empty DB
	id := w.NewID()
	changes, err := decideDir(w, flows.Actor{User: model.User{ID: id}}, nil, SaveUser{User: model.User{ID: id, Login: "zhang", Name: "张工", Roles: model.Roles{model.RoleEngineer}}})
	if err != nil {
		t.Fatal(err)
	}
	u := changes[0].Payload.(model.User)
	if !u.Roles.Has(model.RoleAdmin) || !u.Roles.Has(model.RoleEngineer) {
		t.Fatalf("first user roles %v: want engineer and admin", u.Roles)
	}
}
