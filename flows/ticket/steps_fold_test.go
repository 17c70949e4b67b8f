package ticket

import (
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/model"
)

// forge seals a decided payload as if another device had written it, with
// the given parents.
func (w *world) forge(id model.ID, typ string, p any, parents ...model.EventID) model.Event {
	w.T.Helper()
	w.Now = w.Now.Add(model.MaxRemoteLead / 10)
	e, err := model.SealEvent(model.Envelope{V: model.EnvelopeVersion, Origin: w.NewID(), Seq: 1,
		HLC: model.MakeHLC(w.Now.UnixMilli(), 0), Wall: model.FormatTime(w.Now), Actor: w.Eng,
		Entity: model.EntityTicket, EntityID: id, Type: typ, TypeVersion: 1, Parents: parents,
		Payload: model.MustCanonical(p)})
	if err != nil {
		w.T.Fatal(err)
	}
	return e
}

// Two devices decide at the same step offline: the fold applies the first
// in order and keeps the second, marked, in the history.
func TestConcurrentDecisionIsKeptAndMarked(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "并发审批")
	created := w.Events[id][0]
	approve := w.forge(id, Decided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleDeptHead, ContactID: w.Head}, created.ID)
	reject := w.forge(id, Decided, DecidedPayload{Step: "dept_approval", Decision: "reject", To: "closed", Role: model.RoleDeptHead, ContactID: w.Head, Comment: "不同意"}, created.ID)
	for _, order := range [][]model.Event{{created, approve, reject}, {reject, created, approve}} {
		st, err := flows.Fold(order, Evolve)
		if err != nil {
			t.Fatal(err)
		}
		s := st.(*State)
		if len(s.History) != 3 || len(s.Rejected) != 1 {
			t.Fatalf("history %d, rejected %+v", len(s.History), s.Rejected)
		}
		if s.Step != "plan" && s.Step != "closed" {
			t.Errorf("step %s", s.Step)
		}
		loser := s.Rejected[0].Event
		if loser != approve.ID && loser != reject.ID || !strings.Contains(s.Rejected[0].Reason, "another decision came first") {
			t.Errorf("rejected %+v", s.Rejected[0])
		}
	}
}

// Events that break the table are marked, whatever is wrong with them, and
// Evolve never fails.
func TestEventsBreakingTheTableAreMarked(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "伪造事件")
	head := w.Events[id][0].ID
	bad := map[string]model.Event{
		"wrong role":          w.forge(id, Decided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleEngineer}, head),
		"customer no contact": w.forge(id, Decided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleDeptHead}, head),
		"wrong target":        w.forge(id, Decided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "closed", Role: model.RoleDeptHead, ContactID: w.Head}, head),
		"unknown decision":    w.forge(id, Decided, DecidedPayload{Step: "dept_approval", Decision: "shrug", To: "plan", Role: model.RoleDeptHead, ContactID: w.Head}, head),
		"missing comment":     w.forge(id, Decided, DecidedPayload{Step: "dept_approval", Decision: "reject", To: "closed", Role: model.RoleDeptHead, ContactID: w.Head}, head),
		"wrong step":          w.forge(id, Decided, DecidedPayload{Step: "plan", Decision: "propose", To: "review", Role: model.RoleEngineer, Inputs: plan("true", "true")}, head),
		"not a conversion":    w.forge(id, Converted, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleDeptHead, ContactID: w.Head, Kind: model.KindChange}, head),
		"unreadable":          w.forge(id, Decided, map[string]any{"step": 42}, head),
		"unreadable created":  w.forge(id, Created, map[string]any{"kind": []int{1}}, head),
		"created twice":       w.forge(id, Created, TicketCreatedPayload{Number: "X", Kind: model.KindIncident}, head),
	}
	for name, e := range bad {
		st, err := flows.Fold([]model.Event{w.Events[id][0], e}, Evolve)
		if err != nil {
			t.Fatalf("%s: Fold failed: %v", name, err)
		}
		s := st.(*State)
		if len(s.Rejected) != 1 || s.Rejected[0].Event != e.ID || s.Step != "dept_approval" || s.Kind != model.KindDataCorrection {
			t.Errorf("%s: rejected %+v, step %s", name, s.Rejected, s.Step)
		}
		if last := s.History[len(s.History)-1]; last.Rejected == "" || last.Event != e.ID {
			t.Errorf("%s: history does not mark it: %+v", name, last)
		}
	}
	// Missing required inputs at the plan step.
	w.mustDecide(id, model.RoleDeptHead, "approve", "", nil)
	noFlags := w.forge(id, Decided, DecidedPayload{Step: "plan", Decision: "propose", To: "review", Role: model.RoleEngineer, Inputs: map[string]string{"plan": "x"}}, w.Events[id][1].ID)
	st, _ := flows.Fold(append(append([]model.Event{}, w.Events[id]...), noFlags), Evolve)
	if s := st.(*State); len(s.Rejected) != 1 || !strings.Contains(s.Rejected[0].Reason, "backup_needed") {
		t.Errorf("missing input: %+v", s.Rejected)
	}
}

// A decision that arrives before its ticket's creation is kept on a
// placeholder; once the creation arrives the fold orders them.
func TestDecisionBeforeCreationIsKept(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindConsultation, "咨询")
	w.mustDecide(id, model.RoleEngineer, "answer", "", map[string]string{"answer": "可以"})
	decided := w.Events[id][1]
	st, err := flows.Fold([]model.Event{decided}, Evolve)
	if err != nil {
		t.Fatal(err)
	}
	if s := st.(*State); len(s.Rejected) != 1 || len(s.History) != 1 {
		t.Errorf("orphan: %+v", s)
	}
	st, _ = flows.Fold([]model.Event{decided, w.Events[id][0]}, Evolve)
	if s := st.(*State); s.Status != model.StatusClosed || len(s.Rejected) != 0 {
		t.Errorf("after the creation arrived: %s, rejected %v", s.Status, s.Rejected)
	}
}

// A decision taken while on_site was false stays valid if a concurrent
// edit made on_site true: the table allows both targets.
func TestConcurrentConditionEditDoesNotVoidTheDecision(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindIncident, "并发编辑")
	created := w.Events[id][0]
	respond := w.forge(id, Decided, DecidedPayload{Step: "reported", Decision: "respond", To: "diagnosis", Role: model.RoleEngineer}, created.ID)
	edit := w.forge(id, FieldSet, FieldSetPayload{Field: "on_site", Value: []byte("true")}, created.ID)
	st, _ := flows.Fold([]model.Event{created, edit, respond}, Evolve)
	if s := st.(*State); s.Step != "diagnosis" || len(s.Rejected) != 0 {
		t.Errorf("step %s rejected %v", s.Step, s.Rejected)
	}
}
