// Package flowtest is the decider harness the entity packages' tests share:
// a fixed world of customers, contracts, people and calendars behind a
// map-backed flows.Directory, actors holding one role each, and an event
// store that seals decided events and folds them as the database does. No
// SQL: deciders are tested as the pure functions they are.
package flowtest

import (
	"encoding/binary"
	"time"

	"yunwei/flows"
	"yunwei/model"
)

// TB is what the harness needs of *testing.T and *rapid.T.
type TB interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Errorf(format string, args ...any)
}

// World is a map-backed Directory and event store for flow tests.
type World struct {
	T   TB
	Now time.Time

	Customers map[model.ID]model.Customer
	Contracts map[model.ID]model.Contract
	Sites     map[model.ID]model.Site
	Systems   map[model.ID]model.System
	Contacts  map[model.ID]model.Contact
	Users     map[model.ID]model.User
	Calendars map[model.ID]model.Calendar

	// States and Events are every entity's folded state and its events,
	// in the order they were decided.
	States map[model.ID]flows.State
	Events map[model.ID][]model.Event

	// QuotaUsedBy answers Directory.QuotaUsed from the folded states; the
	// package whose entities book effort sets it (nil: nothing booked).
	QuotaUsedBy func(w *World, contractID model.ID, serviceYear string) int
	// StaffChangesBy answers Directory.StaffChanges from the folded states;
	// the package whose entities approve staff changes sets it (nil: none).
	StaffChangesBy func(w *World, contractID model.ID) []model.StaffChange

	// The fixture: one hospital under one contract, and a second customer.
	Device                                               model.ID
	CustomerID, ContractID, SiteID, SystemID, CalendarID model.ID
	OtherCustomer                                        model.ID
	// Vendor users, one role each; Clerk has none: the laptop a customer
	// person decides on.
	Eng, Dev, TechLead, ReqLead, Admin, Clerk model.ID
	// Customer contacts: two requesters of one department, its head and
	// the leadership of the hospital, and the other customer's head.
	Requester, Requester2, Head, Boss, OtherHead model.ID

	ids uint64
	seq int64
}

// New builds the fixture world at 10:00 in Beijing on Monday 2026-11-02.
func New(t TB) *World {
	w := &World{
		T: t, Now: time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC),
		Customers: map[model.ID]model.Customer{}, Contracts: map[model.ID]model.Contract{},
		Sites: map[model.ID]model.Site{}, Systems: map[model.ID]model.System{},
		Contacts: map[model.ID]model.Contact{}, Users: map[model.ID]model.User{},
		Calendars: map[model.ID]model.Calendar{},
		States:    map[model.ID]flows.State{}, Events: map[model.ID][]model.Event{},
	}
	w.Device = w.NewID()
	w.CustomerID, w.OtherCustomer = w.NewID(), w.NewID()
	w.Customers[w.CustomerID] = model.Customer{ID: w.CustomerID, Name: "市第一人民医院"}
	w.Customers[w.OtherCustomer] = model.Customer{ID: w.OtherCustomer, Name: "市中医院"}
	w.CalendarID = w.NewID()
	w.Calendars[w.CalendarID] = model.Default5x8(w.CalendarID, "北京 5×8")
	w.SiteID, w.SystemID = w.NewID(), w.NewID()
	w.Sites[w.SiteID] = model.Site{ID: w.SiteID, CustomerID: w.CustomerID, Name: "门诊楼机房"}
	w.Systems[w.SystemID] = model.System{ID: w.SystemID, CustomerID: w.CustomerID, SiteID: w.SiteID, Name: "HIS"}
	user := func(login, name string, roles ...model.Role) model.ID {
		id := w.NewID()
		w.Users[id] = model.User{ID: id, Login: login, Name: name, Roles: roles}
		return id
	}
	w.Eng = user("wang", "王工", model.RoleEngineer)
	w.Dev = user("zhao", "赵开发", model.RoleDeveloper)
	w.TechLead = user("chen", "陈总工", model.RoleTechLead)
	w.ReqLead = user("sun", "孙需求", model.RoleReqLead)
	w.Admin = user("admin", "管理员", model.RoleAdmin)
	w.Clerk = user("clerk", "录入员")
	contact := func(cust model.ID, name, dept string, roles ...model.Role) model.ID {
		id := w.NewID()
		w.Contacts[id] = model.Contact{ID: id, CustomerID: cust, Name: name, Department: dept, Roles: roles}
		return id
	}
	// The requesters work in the department the head heads (seed §3 step
	// 2: the user's department head approves).
	w.Requester = contact(w.CustomerID, "李护士", "检验科", model.RoleRequester)
	w.Requester2 = contact(w.CustomerID, "王医生", "检验科", model.RoleRequester)
	w.Head = contact(w.CustomerID, "张主任", "检验科", model.RoleDeptHead)
	w.Boss = contact(w.CustomerID, "刘院长", "院长办公室", model.RoleLeadership)
	w.OtherHead = contact(w.OtherCustomer, "周主任", "信息科", model.RoleDeptHead, model.RoleLeadership, model.RoleRequester)
	w.ContractID = w.NewID()
	w.Contracts[w.ContractID] = model.Contract{ID: w.ContractID, CustomerID: w.CustomerID, Number: "HT-2026-001",
		StartDate: "2026-01-01", EndDate: "2026-12-31", SupportHours: "5x8", CalendarID: w.CalendarID,
		SLA: model.DefaultSLA(), QuotaDays: model.DefaultQuotaDays, Engineers: []model.ID{w.Eng}}
	return w
}

// NewID is the next UUIDv7-shaped id of the world, deterministic.
func (w *World) NewID() model.ID {
	w.ids++
	var id model.ID
	binary.BigEndian.PutUint64(id[8:], w.ids)
	id[6], id[8] = 0x70, 0x80|id[8]&0x3f
	return id
}

// As returns an actor holding exactly one role: a vendor user with it, or,
// for a customer role, the role-less clerk with a contact holding it.
func (w *World) As(r model.Role) flows.Actor {
	switch r {
	case model.RoleRequester:
		return w.WithContact(w.Requester)
	case model.RoleDeptHead:
		return w.WithContact(w.Head)
	case model.RoleLeadership:
		return w.WithContact(w.Boss)
	case model.RoleEngineer:
		return w.UserActor(w.Eng)
	case model.RoleDeveloper:
		return w.UserActor(w.Dev)
	case model.RoleTechLead:
		return w.UserActor(w.TechLead)
	case model.RoleReqLead:
		return w.UserActor(w.ReqLead)
	case model.RoleAdmin:
		return w.UserActor(w.Admin)
	}
	w.T.Fatalf("no actor for role %q", r)
	return flows.Actor{}
}

// UserActor is the vendor user id acting alone.
func (w *World) UserActor(id model.ID) flows.Actor { return flows.Actor{User: w.Users[id]} }

// WithContact is the customer contact id deciding at the clerk's laptop.
func (w *World) WithContact(id model.ID) flows.Actor {
	c := w.Contacts[id]
	return flows.Actor{User: w.Users[w.Clerk], Contact: &c}
}

// Env is the decision environment of actor a now.
func (w *World) Env(a flows.Actor) flows.Env { return flows.Env{Now: w.Now, Actor: a, Dir: w} }

// Act decides cmd as actor a against its target's state; on success it
// seals the events, folds them with evolve as the store does, and advances
// the clock a minute. It fails the test if Decide changes the state it was
// given or returns events with an error.
func (w *World) Act(a flows.Actor, cmd flows.Command, evolve flows.Evolver) ([]model.Event, error) {
	w.T.Helper()
	entity, id := cmd.Target()
	st := w.States[id]
	before := Snapshot(st)
	changes, err := flows.Decide(w.Env(a), st, cmd)
	if after := Snapshot(st); after != before {
		w.T.Fatalf("Decide changed the state it was given")
	}
	if err != nil {
		if len(changes) != 0 {
			w.T.Fatalf("Decide returned events with an error: %v", err)
		}
		return nil, err
	}
	var out []model.Event
	for _, ch := range changes {
		e := w.Seal(a, entity, id, ch)
		next, err := evolve(st, e)
		if err != nil {
			w.T.Fatalf("Evolve failed on a decided event: %v", err)
		}
		st = next
		out = append(out, e)
	}
	w.States[id] = st
	w.Now = w.Now.Add(time.Minute)
	return out, nil
}

// Seal makes change an event of entity id by actor a, its parent the
// entity's last event, and appends it to the entity's events.
func (w *World) Seal(a flows.Actor, entity string, id model.ID, ch model.Change) model.Event {
	w.T.Helper()
	payload, err := model.Canonical(ch.Payload)
	if err != nil {
		w.T.Fatalf("encode %s: %v", ch.Type, err)
	}
	w.seq++
	var parents []model.EventID
	if prev := w.Events[id]; len(prev) > 0 {
		parents = []model.EventID{prev[len(prev)-1].ID}
	}
	e, err := model.SealEvent(model.Envelope{V: model.EnvelopeVersion, Origin: w.Device, Seq: w.seq,
		HLC: model.MakeHLC(w.Now.UnixMilli(), 0), Wall: model.FormatTime(w.Now), Actor: a.User.ID,
		Entity: entity, EntityID: id, Type: ch.Type, TypeVersion: ch.TypeVersion,
		Parents: parents, Payload: payload})
	if err != nil {
		w.T.Fatal(err)
	}
	w.Events[id] = append(w.Events[id], e)
	return e
}

// Snapshot is a state as canonical JSON, for comparing states.
func Snapshot(st flows.State) string {
	if st == nil {
		return ""
	}
	b, err := model.Canonical(st)
	if err != nil {
		return "unencodable"
	}
	return string(b)
}

// WantCode fails the test unless err has the given model error code.
func WantCode(t TB, err error, code string) {
	t.Helper()
	if model.ErrorCode(err) != code {
		t.Fatalf("got error %v (%s), want code %s", err, model.ErrorCode(err), code)
	}
}
