package ticket

import (
	"sort"
	"time"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// world is the shared flow-test world (flowtest.World) with the ticket
// helpers: create, decide, drive a ticket to a step.
type world struct {
	*flowtest.World
	forged []model.Event // the events of the last tamper
}

func newWorld(t flowtest.TB) *world {
	w := &world{World: flowtest.New(t)}
	// The quota is what the folded tickets booked, as the store sums it
	// over its projection.
	w.QuotaUsedBy = func(fw *flowtest.World, contractID model.ID, serviceYear string) int {
		var all []Booking
		for _, st := range fw.States {
			if s, ok := st.(*State); ok && s != nil {
				all = append(all, s.Bookings...)
			}
		}
		return QuotaUsedBy(all, contractID, serviceYear)
	}
	// The approved staff changes are the folded notices', as the store
	// keeps them in its projection.
	w.StaffChangesBy = func(fw *flowtest.World, contractID model.ID) []model.StaffChange {
		var out []model.StaffChange
		for _, st := range fw.States {
			if c, ok := ApprovedStaffChange(flows.As[State](st)); ok && c.ContractID == contractID {
				out = append(out, c)
			}
		}
		return out
	}
	return w
}

// ticket is ticket id's folded state (nil before it exists).
func (w *world) ticket(id model.ID) *State { return flows.As[State](w.States[id]) }

// tickets counts the tickets of the world.
func (w *world) tickets() int {
	n := 0
	for _, st := range w.States {
		if _, ok := st.(*State); ok {
			n++
		}
	}
	return n
}

// create records a ticket of kind k raised by the fixture's requester.
func (w *world) create(k model.Kind, title string) model.ID {
	w.T.Helper()
	id := w.NewID()
	c := Create{ID: id, Number: "T-2026-" + string(rune('A'+w.tickets())), Kind: k, Channel: model.ChannelPhone,
		Severity: model.SeverityMajor, Title: title, ContractID: w.ContractID, SiteID: w.SiteID, SystemID: w.SystemID,
		RequesterID: w.Requester, AssigneeID: w.Eng}
	w.must(w.As(model.RoleEngineer), c)
	return id
}

// act decides cmd as actor and folds its events (flowtest.World.Act). A
// customer's decision is signed by the contact, drawn, as on the laptop;
// w.Act decides one unsigned.
func (w *world) act(a flows.Actor, cmd flows.Command) ([]model.Event, error) {
	w.T.Helper()
	if act, ok := cmd.(Act); ok && act.Signature == nil && a.Contact != nil {
		cmd = w.sign(a, act, drawing)
	}
	return w.Act(a, cmd, Evolve)
}

// sign gives act the contact's signature of exactly what it decides: the
// decision is previewed for its normalised comment and inputs, as the
// sign-off screen does. A decision the preview refuses stays unsigned
// (it is refused all the same).
func (w *world) sign(a flows.Actor, act Act, strokes [][]model.Point) Act {
	w.T.Helper()
	env := w.Env(a)
	env.Preview = true
	st := w.ticket(act.ID)
	changes, err := flows.Decide(env, st, act)
	if err != nil || len(changes) != 1 {
		return act
	}
	p := changes[0].Payload.(DecidedPayload)
	signer := flows.Signer{ContactID: a.Contact.ID, Name: a.Contact.Name, Role: p.Role}
	sig := DecisionContent(st, p.Decision, p.Comment, p.Inputs).By(signer, a.User.ID).Sign(strokes, "", model.FormatTime(w.Now))
	act.Signature = &sig
	return act
}

func (w *world) must(a flows.Actor, cmd flows.Command) []model.Event {
	w.T.Helper()
	evs, err := w.act(a, cmd)
	if err != nil {
		w.T.Fatalf("%T %+v: %v", cmd, cmd, err)
	}
	return evs
}

// decide takes a decision on ticket id as the given role.
func (w *world) decide(id model.ID, r model.Role, decision, comment string, inputs map[string]string) error {
	w.T.Helper()
	_, err := w.act(w.As(r), Act{ID: id, Decision: decision, Comment: comment, Inputs: inputs})
	return err
}

func (w *world) mustDecide(id model.ID, r model.Role, decision, comment string, inputs map[string]string) *State {
	w.T.Helper()
	if err := w.decide(id, r, decision, comment, inputs); err != nil {
		w.T.Fatalf("%s as %s at %s: %v", decision, r, w.ticket(id).Step, err)
	}
	return w.ticket(id)
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
			in[i.Name] = "说明：" + i18n.Zh.T(i.Label)
		case InputBool:
			in[i.Name] = "true"
		case InputMinutes:
			in[i.Name] = "60"
		case InputRating:
			in[i.Name] = "5"
		case InputTime:
			in[i.Name] = model.FormatTime(w.Now)
		case InputDate:
			day := w.Now.In(time.FixedZone("CST", 8*3600))
			if i.Future {
				day = day.AddDate(0, 0, 10)
			}
			in[i.Name] = day.Format(time.DateOnly)
		case InputUser:
			in[i.Name] = w.Eng.String()
			if i.Name == "incoming_id" {
				in[i.Name] = w.Dev.String()
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
	w.T.Helper()
	f := FlowFor(k)
	id := w.create(k, "测试："+i18n.Zh.T(f.Label))
	for _, h := range pathTo(f, target) {
		st := f.Step(h.step)
		d := st.Decision(h.decision)
		comment := ""
		if d.NeedsComment {
			comment = "退回原因：请补充说明"
		}
		w.mustDecide(id, st.Roles[0], d.Name, comment, w.sampleInputs(d))
	}
	if got := w.ticket(id).Step; got != target {
		w.T.Fatalf("drove %s to %s, want %s", k, got, target)
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
