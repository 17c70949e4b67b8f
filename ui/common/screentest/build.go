package screentest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// shanghai is the fixture customers' time zone: their calendars' default.
var shanghai = model.DefaultZone()

// setUp is when the directory was entered: before every ticket.
var setUp = time.Date(2026, 11, 2, 9, 0, 0, 0, shanghai)

// builder writes the fixture through the store's write path, as people
// would have: every entity by its command, every step by its decision,
// taken by someone holding the step's role.
type builder struct {
	b   *db.Batch
	ids *rand.ChaCha8 // ids are UUIDv7s from a fixed seed: the same on every run
	now time.Time     // the clock of the next command

	users     map[string]model.User // by login
	customers map[string]*customerWorld
}

type customerWorld struct {
	plan     customerPlan
	id       model.ID
	contract model.ID
	systems  []model.System
	contacts []model.Contact
}

// build fills an empty store with the fixture.
func build(ctx context.Context, s *db.Store) error {
	g := &builder{ids: rand.NewChaCha8([32]byte{'s', 'c', 'r', 'e', 'e', 'n', 's'}), users: map[string]model.User{}, customers: map[string]*customerWorld{}}
	if err := s.SetDevice(ctx, g.id(setUp), DeviceCode); err != nil {
		return err
	}
	err := s.Batch(ctx, func(b *db.Batch) error {
		g.b = b
		b.SetNow(func() time.Time { return g.now })
		if err := g.directory(); err != nil {
			return fmt.Errorf("fixture directory: %w", err)
		}
		// Numbers follow the order tickets were reported in.
		plans := append([]ticketPlan(nil), tickets...)
		sort.SliceStable(plans, func(i, j int) bool { return plans[i].reported < plans[j].reported })
		for _, p := range plans {
			if err := g.ticket(p); err != nil {
				return fmt.Errorf("fixture ticket %q: %w", p.title, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.SetProfile(ctx, g.users[Engineer].ID)
}

func (g *builder) id(at time.Time) model.ID { return model.NewIDAt(at, g.ids) }

func (g *builder) run(as db.Acting, cmd flows.Command) (db.Result, error) {
	return g.b.Execute(as, cmd)
}

// directory enters users, customers, the calendar, contracts, sites,
// systems and contacts, all on setUp.
func (g *builder) directory() error {
	g.now = setUp
	var admin model.ID
	for i, u := range users {
		u.ID = g.id(g.now)
		if i == 0 {
			admin = u.ID // the first user of an empty DB creates themselves
		}
		if _, err := g.run(db.Acting{UserID: admin}, directory.SaveUser{User: u}); err != nil {
			return err
		}
		g.users[u.Login] = u
	}
	as := db.Acting{UserID: admin}
	cal := model.Default5x8(g.id(g.now), "5×8 工作日历")
	if _, err := g.run(as, directory.SaveCalendar{Calendar: cal}); err != nil {
		return err
	}
	engineers := []model.ID{g.users[Engineer].ID, g.users[TechLead].ID, g.users[Developer].ID}
	for _, p := range customers {
		cw := &customerWorld{plan: p, id: g.id(g.now), contract: g.id(g.now)}
		if _, err := g.run(as, directory.SaveCustomer{Customer: model.Customer{ID: cw.id, Name: p.name, ShortName: p.short, Address: p.address}}); err != nil {
			return err
		}
		contract := model.Contract{
			ID: cw.contract, CustomerID: cw.id, Number: p.contract, StartDate: "2026-01-01", EndDate: "2026-12-31",
			SupportHours: "5x8", CalendarID: cal.ID, SLA: model.DefaultSLA(), QuotaDays: model.DefaultQuotaDays, Engineers: engineers,
		}
		if _, err := g.run(as, directory.SaveContract{Contract: contract}); err != nil {
			return err
		}
		for _, sp := range p.sites {
			site := model.Site{ID: g.id(g.now), CustomerID: cw.id, Name: sp.name, Address: sp.address}
			if _, err := g.run(as, directory.SaveSite{Site: site}); err != nil {
				return err
			}
			for _, sys := range sp.systems {
				sys.ID, sys.CustomerID, sys.SiteID = g.id(g.now), cw.id, site.ID
				if _, err := g.run(as, directory.SaveSystem{System: sys}); err != nil {
					return err
				}
				cw.systems = append(cw.systems, sys)
			}
		}
		for _, c := range p.contacts {
			c.ID, c.CustomerID = g.id(g.now), cw.id
			if _, err := g.run(as, directory.SaveContact{Contact: c}); err != nil {
				return err
			}
			cw.contacts = append(cw.contacts, c)
		}
		g.customers[p.key] = cw
	}
	return nil
}

// ticket records p five minutes after it was reported, then makes its
// moves spread evenly up to Now, at most 90 minutes apart.
func (g *builder) ticket(p ticketPlan) error {
	cw := g.customers[p.customer]
	if cw == nil {
		return fmt.Errorf("no customer %q", p.customer)
	}
	reported, err := time.ParseInLocation("2006-01-02 15:04", "2026-"+p.reported, shanghai)
	if err != nil {
		return err
	}
	g.now = reported.Add(5 * time.Minute)
	gap := min(90*time.Minute, Now.Sub(g.now)/time.Duration(len(p.moves)+1))
	c := ticket.Create{
		ID: g.id(g.now), Kind: p.kind, Channel: p.channel, Severity: p.severity, Title: p.title, Description: p.description,
		CustomerID: cw.id, ContractID: cw.contract, OnSite: p.onSite, ReportedAt: reported,
	}
	if ticket.NeedsSite(p.kind) {
		sys, err := cw.system(p.system)
		if err != nil {
			return err
		}
		c.SiteID, c.SystemID = sys.SiteID, sys.ID
	}
	requester, err := cw.requester(p.requester)
	if err != nil {
		return err
	}
	c.RequesterID = requester.ID
	if p.assignee != "" {
		c.AssigneeID = g.users[p.assignee].ID
	}
	recorder := db.Acting{UserID: g.users[Engineer].ID}
	if _, err := g.b.ExecuteNew(recorder, c); err != nil {
		return err
	}
	for _, m := range p.moves {
		g.now = g.now.Add(gap)
		if m.decision == "" {
			if _, err := g.run(recorder, ticket.Comment{ID: c.ID, Text: m.comment}); err != nil {
				return err
			}
			continue
		}
		if err := g.decide(c.ID, cw, m); err != nil {
			return fmt.Errorf("%s: %w", m.decision, err)
		}
	}
	return g.b.Forget(c.ID)
}

// system finds the customer's system by name; "" is the first.
func (cw *customerWorld) system(name string) (model.System, error) {
	for _, s := range cw.systems {
		if name == "" || s.Name == name {
			return s, nil
		}
	}
	return model.System{}, fmt.Errorf("%s has no system %q", cw.plan.name, name)
}

// requester finds the customer's contact by name; "" is the first
// requester.
func (cw *customerWorld) requester(name string) (model.Contact, error) {
	for _, c := range cw.contacts {
		if (name == "" && c.Roles.Has(model.RoleRequester)) || c.Name == name {
			return c, nil
		}
	}
	return model.Contact{}, fmt.Errorf("%s has no requester %q", cw.plan.name, name)
}

// decider is the contact who decides for role: the ticket's own requester,
// or the customer's first contact holding the role, of the requester's own
// department where the step says so (seed §3 step 2).
func (cw *customerWorld) decider(role model.Role, st *ticket.State) (model.Contact, error) {
	var requester *model.Contact
	for i := range cw.contacts {
		if cw.contacts[i].ID == st.RequesterID {
			requester = &cw.contacts[i]
		}
	}
	for _, c := range cw.contacts {
		if c.Roles.Has(role) && (role != model.RoleRequester || c.ID == st.RequesterID) && ticket.InRequesterDepartment(st, c, requester) {
			return c, nil
		}
	}
	return model.Contact{}, fmt.Errorf("%s has no %s", cw.plan.name, role)
}
