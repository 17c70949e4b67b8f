package flows

import (
	"strings"
	"testing"

	"yunwei/model"
)

// forge seals a decided payload as if another device had written it, with
// the given parents.
func (w *world) forge(id model.ID, typ string, p any, parents ...model.EventID) model.Event {
	w.t.Helper()
	w.seq++
	w.now = w.now.Add(model.MaxRemoteLead / 10)
	e, err := model.SealEvent(model.Envelope{V: model.EnvelopeVersion, Origin: w.newID(), Seq: 1,
		HLC: model.MakeHLC(w.now.UnixMilli(), 0), Wall: model.FormatTime(w.now), Actor: w.eng,
		Entity: model.EntityTicket, EntityID: id, Type: typ, TypeVersion: 1, Parents: parents,
		Payload: model.MustCanonical(p)})
	if err != nil {
		w.t.Fatal(err)
	}
	return e
}

// Two devices decide at the same step offline: the fold applies the first
// in order and keeps the second, marked, in the history.
func TestConcurrentDecisionIsKeptAndMarked(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "并发审批")
	created := w.events[id][0]
	approve := w.forge(id, TicketDecided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleDeptHead, ContactID: w.head}, created.ID)
	reject := w.forge(id, TicketDecided, DecidedPayload{Step: "dept_approval", Decision: "reject", To: "closed", Role: model.RoleDeptHead, ContactID: w.head, Comment: "不同意"}, created.ID)
	for _, order := range [][]model.Event{{created, approve, reject}, {reject, created, approve}} {
		st, err := Fold(order)
		if err != nil {
			t.Fatal(err)
		}
		s := st.(*TicketState)
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
	head := w.events[id][0].ID
	bad := map[string]model.Event{
		"wrong role":          w.forge(id, TicketDecided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleEngineer}, head),
		"customer no contact": w.forge(id, TicketDecided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleDeptHead}, head),
		"wrong target":        w.forge(id, TicketDecided, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "closed", Role: model.RoleDeptHead, ContactID: w.head}, head),
		"unknown decision":    w.forge(id, TicketDecided, DecidedPayload{Step: "dept_approval", Decision: "shrug", To: "plan", Role: model.RoleDeptHead, ContactID: w.head}, head),
		"missing comment":     w.forge(id, TicketDecided, DecidedPayload{Step: "dept_approval", Decision: "reject", To: "closed", Role: model.RoleDeptHead, ContactID: w.head}, head),
		"wrong step":          w.forge(id, TicketDecided, DecidedPayload{Step: "plan", Decision: "propose", To: "review", Role: model.RoleEngineer, Inputs: plan("true", "true")}, head),
		"not a conversion":    w.forge(id, TicketConverted, DecidedPayload{Step: "dept_approval", Decision: "approve", To: "plan", Role: model.RoleDeptHead, ContactID: w.head, Kind: model.KindChange}, head),
		"unreadable":          w.forge(id, TicketDecided, map[string]any{"step": 42}, head),
		"unreadable created":  w.forge(id, TicketCreated, map[string]any{"kind": []int{1}}, head),
		"created twice":       w.forge(id, TicketCreated, TicketCreatedPayload{Number: "X", Kind: model.KindIncident}, head),
	}
	for name, e := range bad {
		st, err := Fold([]model.Event{w.events[id][0], e})
		if err != nil {
			t.Fatalf("%s: Fold failed: %v", name, err)
		}
		s := st.(*TicketState)
		if len(s.Rejected) != 1 || s.Rejected[0].Event != e.ID || s.Step != "dept_approval" || s.Kind != model.KindDataCorrection {
			t.Errorf("%s: rejected %+v, step %s", name, s.Rejected, s.Step)
		}
		if last := s.History[len(s.History)-1]; last.Rejected == "" || last.Event != e.ID {
			t.Errorf("%s: history does not mark it: %+v", name, last)
		}
	}
	// Missing required inputs at the plan step.
	w.mustDecide(id, model.RoleDeptHead, "approve", "", nil)
	noFlags := w.forge(id, TicketDecided, DecidedPayload{Step: "plan", Decision: "propose", To: "review", Role: model.RoleEngineer, Inputs: map[string]string{"plan": "x"}}, w.events[id][1].ID)
	st, _ := Fold(append(append([]model.Event{}, w.events[id]...), noFlags))
	if s := st.(*TicketState); len(s.Rejected) != 1 || !strings.Contains(s.Rejected[0].Reason, "backup_needed") {
		t.Errorf("missing input: %+v", s.Rejected)
	}
}

// A decision that arrives before its ticket's creation is kept on a
// placeholder; once the creation arrives the fold orders them.
func TestDecisionBeforeCreationIsKept(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindConsultation, "咨询")
	w.mustDecide(id, model.RoleEngineer, "answer", "", map[string]string{"answer": "可以"})
	decided := w.events[id][1]
	st, err := Fold([]model.Event{decided})
	if err != nil {
		t.Fatal(err)
	}
	if s := st.(*TicketState); len(s.Rejected) != 1 || len(s.History) != 1 {
		t.Errorf("orphan: %+v", s)
	}
	st, _ = Fold([]model.Event{decided, w.events[id][0]})
	if s := st.(*TicketState); s.Status != model.StatusClosed || len(s.Rejected) != 0 {
		t.Errorf("after the creation arrived: %s, rejected %v", s.Status, s.Rejected)
	}
}

// A decision taken while on_site was false stays valid if a concurrent
// edit made on_site true: the table allows both targets.
func TestConcurrentConditionEditDoesNotVoidTheDecision(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindIncident, "并发编辑")
	created := w.events[id][0]
	respond := w.forge(id, TicketDecided, DecidedPayload{Step: "reported", Decision: "respond", To: "diagnosis", Role: model.RoleEngineer}, created.ID)
	edit := w.forge(id, TicketFieldSet, FieldSetPayload{Field: "on_site", Value: []byte("true")}, created.ID)
	st, _ := Fold([]model.Event{created, edit, respond})
	if s := st.(*TicketState); s.Step != "diagnosis" || len(s.Rejected) != 0 {
		t.Errorf("step %s rejected %v", s.Step, s.Rejected)
	}
}
