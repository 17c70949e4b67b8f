package flows

import (
	"encoding/binary"
	"sort"
	"time"

	"yunwei/model"
)

// tb is what the harness needs of *testing.T and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Errorf(format string, args ...any)
}

// world is a map-backed Directory and event store for flow tests: no DB.
type world struct {
	t   tb
	now time.Time
	ids uint64
	seq int64

	customers map[model.ID]model.Customer
	contracts map[model.ID]model.Contract
	sites     map[model.ID]model.Site
	systems   map[model.ID]model.System
	contacts  map[model.ID]model.Contact
	users     map[model.ID]model.User
	calendars map[model.ID]model.Calendar

	tickets map[model.ID]*TicketState
	events  map[model.ID][]model.Event

	// The fixture: one hospital under one contract, and a second customer.
	customer, contract, site, system, calendar, device model.ID
	eng, dev, techLead, reqLead, admin, clerk          model.ID
	requester, requester2, head, boss, otherHead       model.ID
	otherCustomer                                      model.ID
}

func newWorld(t tb) *world {
	w := &world{
		t: t, now: time.Date(2026, 11, 2, 2, 0, 0, 0, time.UTC), // 10:00 in Beijing, a Monday
		customers: map[model.ID]model.Customer{}, contracts: map[model.ID]model.Contract{},
		sites: map[model.ID]model.Site{}, systems: map[model.ID]model.System{},
		contacts: map[model.ID]model.Contact{}, users: map[model.ID]model.User{},
		calendars: map[model.ID]model.Calendar{},
		tickets:   map[model.ID]*TicketState{}, events: map[model.ID][]model.Event{},
	}
	w.device = w.newID()
	w.customer, w.otherCustomer = w.newID(), w.newID()
	w.customers[w.customer] = model.Customer{ID: w.customer, Name: "市第一人民医院"}
	w.customers[w.otherCustomer] = model.Customer{ID: w.otherCustomer, Name: "市中医院"}
	w.calendar = w.newID()
	w.calendars[w.calendar] = model.Default5x8(w.calendar, "北京 5×8")
	w.site, w.system = w.newID(), w.newID()
	w.sites[w.site] = model.Site{ID: w.site, CustomerID: w.customer, Name: "门诊楼机房"}
	w.systems[w.system] = model.System{ID: w.system, CustomerID: w.customer, SiteID: w.site, Name: "HIS"}
	user := func(login, name string, roles ...model.Role) model.ID {
		id := w.newID()
		w.users[id] = model.User{ID: id, Login: login, Name: name, Roles: roles}
		return id
	}
	w.eng = user("wang", "王工", model.RoleEngineer)
	w.dev = user("zhao", "赵开发", model.RoleDeveloper)
	w.techLead = user("chen", "陈总工", model.RoleTechLead)
	w.reqLead = user("sun", "孙需求", model.RoleReqLead)
	w.admin = user("admin", "管理员", model.RoleAdmin)
	w.clerk = user("clerk", "录入员") // a signed-in user with no role: the laptop a contact decides on
	contact := func(cust model.ID, name string, roles ...model.Role) model.ID {
		id := w.newID()
		w.contacts[id] = model.Contact{ID: id, CustomerID: cust, Name: name, Roles: roles}
		return id
	}
	w.requester = contact(w.customer, "李护士", model.RoleRequester)
	w.requester2 = contact(w.customer, "王医生", model.RoleRequester)
	w.head = contact(w.customer, "张主任", model.RoleDeptHead)
	w.boss = contact(w.customer, "刘院长", model.RoleLeadership)
	w.otherHead = contact(w.otherCustomer, "周主任", model.RoleDeptHead, model.RoleLeadership, model.RoleRequester)
	w.contract = w.newID()
	w.contracts[w.contract] = model.Contract{ID: w.contract, CustomerID: w.customer, Number: "HT-2026-001",
		StartDate: "2026-01-01", EndDate: "2026-12-31", SupportHours: "5x8", CalendarID: w.calendar,
		SLA: model.DefaultSLA(), QuotaDays: model.DefaultQuotaDays, Engineers: []model.ID{w.eng}}
	return w
}

func (w *world) newID() model.ID {
	w.ids++
	var id model.ID
	binary.BigEndian.PutUint64(id[8:], w.ids)
	id[6], id[8] = 0x70, 0x80|id[8]&0x3f
	return id
}

func find[T any](m map[model.ID]T, id model.ID, what string) (T, error) {
	v, ok := m[id]
	if !ok {
		return v, model.Errorf(model.ENOTFOUND, "no %s with id %s", what, id)
	}
	return v, nil
}

// Customer implements Directory.
func (w *world) Customer(id model.ID) (model.Customer, error) {
	return find(w.customers, id, "customer")
}

// Contract implements Directory.
func (w *world) Contract(id model.ID) (model.Contract, error) {
	return find(w.contracts, id, "contract")
}

// Site implements Directory.
func (w *world) Site(id model.ID) (model.Site, error) {
	return find(w.sites, id, "site")
}

// System implements Directory.
func (w *world) System(id model.ID) (model.System, error) {
	return find(w.systems, id, "system")
}

// Contact implements Directory.
func (w *world) Contact(id model.ID) (model.Contact, error) {
	return find(w.contacts, id, "contact")
}

// User implements Directory.
func (w *world) User(id model.ID) (model.User, error) {
	return find(w.users, id, "vendor user")
}

// Calendar implements Directory.
func (w *world) Calendar(id model.ID) (model.Calendar, error) {
	return find(w.calendars, id, "calendar")
}

// UserCount implements Directory.
func (w *world) UserCount() (int, error) { return len(w.users), nil }

// QuotaUsed sums the bookings the folded tickets hold, as the store does
// over its projection.
func (w *world) QuotaUsed(contractID model.ID, serviceYear string) (int, error) {
	var all []Booking
	for _, s := range w.tickets {
		all = append(all, s.Bookings...)
	}
	return QuotaUsedBy(all, contractID, serviceYear), nil
}

var _ Directory = (*world)(nil)

// as returns an actor holding exactly one role: a vendor user with it, or,
// for a customer role, the role-less clerk with a contact holding it. The
// requester is the fixture's requester.
func (w *world) as(r model.Role) Actor {
	switch r {
	case model.RoleRequester:
		return w.withContact(w.requester)
	case model.RoleDeptHead:
		return w.withContact(w.head)
	case model.RoleLeadership:
		return w.withContact(w.boss)
	case model.RoleEngineer:
		return w.user(w.eng)
	case model.RoleDeveloper:
		return w.user(w.dev)
	case model.RoleTechLead:
		return w.user(w.techLead)
	case model.RoleReqLead:
		return w.user(w.reqLead)
	case model.RoleAdmin:
		return w.user(w.admin)
	}
	w.t.Fatalf("no actor for role %q", r)
	return Actor{}
}

func (w *world) user(id model.ID) Actor { return Actor{User: w.users[id]} }

func (w *world) withContact(id model.ID) Actor {
	c := w.contacts[id]
	return Actor{User: w.users[w.clerk], Contact: &c}
}

// create records a ticket of kind k raised by the fixture's requester.
func (w *world) create(k model.Kind, title string) model.ID {
	w.t.Helper()
	id := w.newID()
	c := CreateTicket{ID: id, Number: "T-2026-" + string(rune('A'+len(w.tickets))), Kind: k, Channel: model.ChannelPhone,
		Severity: model.SeverityMajor, Title: title, ContractID: w.contract, SiteID: w.site, SystemID: w.system,
		RequesterID: w.requester, AssigneeID: w.eng}
	w.must(w.as(model.RoleEngineer), c)
	return id
}

// act decides cmd as actor; on success it seals and folds the events, as
// the store does, and advances the clock a minute.
func (w *world) act(a Actor, cmd Command) ([]model.Event, error) {
	w.t.Helper()
	_, id := cmd.Target()
	var st State
	if s := w.tickets[id]; s != nil {
		st = s
	}
	before := snapshot(st)
	changes, err := Decide(Env{Now: w.now, Actor: a, Dir: w}, st, cmd)
	if after := snapshot(st); after != before {
		w.t.Fatalf("Decide changed the state it was given")
	}
	if err != nil {
		if len(changes) != 0 {
			w.t.Fatalf("Decide returned events with an error: %v", err)
		}
		return nil, err
	}
	var out []model.Event
	for _, ch := range changes {
		e := w.seal(a, id, ch)
		next, err := Evolve(st, e)
		if err != nil {
			w.t.Fatalf("Evolve failed on a decided event: %v", err)
		}
		st = next
		out = append(out, e)
	}
	w.tickets[id] = st.(*TicketState)
	w.now = w.now.Add(time.Minute)
	return out, nil
}

func (w *world) must(a Actor, cmd Command) []model.Event {
	w.t.Helper()
	evs, err := w.act(a, cmd)
	if err != nil {
		w.t.Fatalf("%T %+v: %v", cmd, cmd, err)
	}
	return evs
}

// decide takes a decision on ticket id as the given role.
func (w *world) decide(id model.ID, r model.Role, decision, comment string, inputs map[string]string) error {
	w.t.Helper()
	_, err := w.act(w.as(r), ActTicket{ID: id, Decision: decision, Comment: comment, Inputs: inputs})
	return err
}

func (w *world) mustDecide(id model.ID, r model.Role, decision, comment string, inputs map[string]string) *TicketState {
	w.t.Helper()
	if err := w.decide(id, r, decision, comment, inputs); err != nil {
		w.t.Fatalf("%s as %s at %s: %v", decision, r, w.tickets[id].Step, err)
	}
	return w.tickets[id]
}

func (w *world) seal(a Actor, id model.ID, ch model.Change) model.Event {
	w.t.Helper()
	payload, err := model.Canonical(ch.Payload)
	if err != nil {
		w.t.Fatalf("encode %s: %v", ch.Type, err)
	}
	w.seq++
	var parents []model.EventID
	if prev := w.events[id]; len(prev) > 0 {
		parents = []model.EventID{prev[len(prev)-1].ID}
	}
	e, err := model.SealEvent(model.Envelope{V: model.EnvelopeVersion, Origin: w.device, Seq: w.seq,
		HLC: model.MakeHLC(w.now.UnixMilli(), 0), Wall: model.FormatTime(w.now), Actor: a.User.ID,
		Entity: model.EntityTicket, EntityID: id, Type: ch.Type, TypeVersion: ch.TypeVersion,
		Parents: parents, Payload: payload})
	if err != nil {
		w.t.Fatal(err)
	}
	w.events[id] = append(w.events[id], e)
	return e
}

// snapshot is the state as canonical JSON, for comparing states.
func snapshot(st State) string {
	if s, ok := st.(*TicketState); ok && s != nil {
		return string(model.MustCanonical(s))
	}
	return ""
}

// sampleInputs fills a decision's required inputs and its optional
// yes/no inputs (true, so conditional steps apply) with valid values.
func (w *world) sampleInputs(d *Decision) map[string]string {
	in := map[string]string{}
	for _, i := range d.Inputs {
		if !i.Required && i.Type != InputBool {
			continue
		}
		switch i.Type {
		case InputText:
			in[i.Name] = "说明：" + i.Zh
		case InputBool:
			in[i.Name] = "true"
		case InputMinutes:
			in[i.Name] = "60"
		case InputRating:
			in[i.Name] = "5"
		case InputTime:
			in[i.Name] = model.FormatTime(w.now)
		case InputDate:
			day := w.now.In(time.FixedZone("CST", 8*3600))
			if i.Future {
				day = day.AddDate(0, 0, 10)
			}
			in[i.Name] = day.Format(time.DateOnly)
		case InputUser:
			in[i.Name] = w.eng.String()
			if i.Name == "incoming_id" {
				in[i.Name] = w.dev.String()
			}
		}
	}
	return in
}

// pathTo finds the decisions that lead a new ticket of flow f to step
// target, shortest first, with every condition true.
func pathTo(f *Flow, target string) []struct{ step, decision string } {
	type hop struct{ step, decision string }
	prev := map[string]hop{}
	seen := map[string]bool{f.Start(): true}
	queue := []string{f.Start()}
	for len(queue) > 0 && !seen[target] {
		st := f.Step(queue[0])
		queue = queue[1:]
		for _, d := range st.Decisions {
			if d.Convert != "" || seen[d.To] {
				continue
			}
			seen[d.To] = true
			prev[d.To] = hop{st.Name, d.Name}
			queue = append(queue, d.To)
		}
	}
	var path []struct{ step, decision string }
	for at := target; at != f.Start(); at = prev[at].step {
		h := prev[at]
		path = append([]struct{ step, decision string }{{h.step, h.decision}}, path...)
	}
	return path
}

// driveTo creates a ticket of kind k and takes it to step target along the
// shortest path, each decision by the step's first role.
func (w *world) driveTo(k model.Kind, target string) model.ID {
	w.t.Helper()
	f := FlowFor(k)
	id := w.create(k, "测试："+f.Zh)
	for _, h := range pathTo(f, target) {
		st := f.Step(h.step)
		d := st.Decision(h.decision)
		comment := ""
		if d.NeedsComment {
			comment = "退回原因：请补充说明"
		}
		w.mustDecide(id, st.Roles[0], d.Name, comment, w.sampleInputs(d))
	}
	if got := w.tickets[id].Step; got != target {
		w.t.Fatalf("drove %s to %s, want %s", k, got, target)
	}
	return id
}

// allRoles lists every role, customer side first.
func allRoles() []model.Role {
	return append(append([]model.Role{}, model.CustomerRoles...), model.VendorRoles...)
}

func decisionNames(ds []Decision) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Name
	}
	sort.Strings(out)
	return out
}

func wantCode(t tb, err error, code string) {
	t.Helper()
	if model.ErrorCode(err) != code {
		t.Fatalf("got error %v (%s), want code %s", err, model.ErrorCode(err), code)
	}
}
