package db

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// fixture is a small world: an admin, an engineer, one customer with a
// contract, a site, a system and contacts.
type fixture struct {
	s                        *Store
	admin, engineer          model.ID
	customer, contract, site model.ID
	system, requester, head  model.ID
	calendar                 model.ID
	clock                    time.Time
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "yunwei.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_ = 0
	f := &fixture{s: s, clock: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)}
	s.Now = func() time.Time { f.clock = f.clock.Add(time.Second); return f.clock }
	f.admin, f.engineer = model.NewID(), model.NewID()
	f.customer, f.contract, f.site, f.system = model.NewID(), model.NewID(), model.NewID(), model.NewID()
	f.requester, f.head, f.calendar = model.NewID(), model.NewID(), model.NewID()
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: f.admin, Login: "admin", Name: "管理员", Roles: model.Roles{model.RoleAdmin}}})
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: f.engineer, Login: "wang", Name: "王工", Roles: model.Roles{model.RoleEngineer}}})
	f.must(t, f.admin, directory.SaveCustomer{Customer: model.Customer{ID: f.customer, Name: "市第一人民医院"}})
	f.must(t, f.admin, directory.SaveCalendar{Calendar: model.Default5x8(f.calendar, "5x8")})
	f.must(t, f.admin, directory.SaveContract{Contract: model.Contract{ID: f.contract, CustomerID: f.customer, Number: "HT-2026-001",
		StartDate: "2026-01-01", EndDate: "2026-12-31", CalendarID: f.calendar, SLA: model.DefaultSLA(), QuotaDays: 30, Engineers: []model.ID{f.engineer}}})
	f.must(t, f.admin, directory.SaveSite{Site: model.Site{ID: f.site, CustomerID: f.customer, Name: "门诊楼机房"}})
	f.must(t, f.admin, directory.SaveSystem{System: model.System{ID: f.system, CustomerID: f.customer, SiteID: f.site, Name: "HIS"}})
	f.must(t, f.admin, directory.SaveContact{Contact: model.Contact{ID: f.requester, CustomerID: f.customer, Name: "李护士", Roles: model.Roles{model.RoleRequester}}})
	f.must(t, f.admin, directory.SaveContact{Contact: model.Contact{ID: f.head, CustomerID: f.customer, Name: "张主任", Roles: model.Roles{model.RoleDeptHead}}})
	return f
}

func (f *fixture) must(t testing.TB, actor model.ID, cmd flows.Command) Result {
	t.Helper()
	res, err := f.s.Execute(context.Background(), Acting{UserID: actor}, cmd)
	if err != nil {
		t.Fatalf("%T: %v", cmd, err)
	}
	return res
}

func (f *fixture) newTicket(title string) ticket.Create {
	return ticket.Create{ID: model.NewID(), Kind: model.KindIncident, Channel: model.ChannelPhone, Severity: model.SeverityMajor,
		Title: title, CustomerID: f.customer, ContractID: f.contract, SiteID: f.site, SystemID: f.system, RequesterID: f.requester}
}

// signed is act with the signature of the contact in as, drawn, over
// exactly what act decides: previewed first for its normalised comment
// and inputs, as the sign-off screen does.
func (f *fixture) signed(t testing.TB, as Acting, act ticket.Act) ticket.Act {
	t.Helper()
	ctx := context.Background()
	res, err := f.s.DryRun(ctx, as, act)
	if err != nil {
		t.Fatalf("preview %s: %v", act.Decision, err)
	}
	var p ticket.DecidedPayload
	if err := res.Events[0].Decode(&p); err != nil {
		t.Fatal(err)
	}
	d, err := f.s.Ticket(ctx, act.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := f.s.ActorFor(ctx, as)
	if err != nil {
		t.Fatal(err)
	}
	c := a.Contact
	signer := flows.Signer{ContactID: c.ID, Name: c.Name, Role: p.Role}
	sig := ticket.DecisionContent(&d.State, p.Decision, p.Comment, p.Inputs).By(signer, as.UserID).
		Sign([][]model.Point{{{X: 2, Y: 8}, {X: 6, Y: 2}, {X: 10, Y: 9}}}, "", model.FormatTime(f.clock))
	act.Signature = &sig
	return act
}
