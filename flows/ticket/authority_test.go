package ticket

import (
	"testing"

	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/model"
)

// logAuthority answers flows.Authority from the people's events the world
// recorded, as the store does from its log.
type logAuthority struct{ w *world }

func (a logAuthority) Holding(id model.ID, at model.HLC) (flows.Holding, error) {
	return directory.NewRoleHistory(a.w.Events[id]).Holding(at), nil
}

// logPeople records the creation of every user and contact of the world as
// events of the log, then lets a minute pass.
func (w *world) logPeople() {
	w.T.Helper()
	admin := w.As(model.RoleAdmin)
	for _, u := range w.Users {
		w.Seal(admin, model.EntityUser, u.ID, model.Change{Type: "user.created", TypeVersion: 1, Payload: u})
	}
	for _, c := range w.Contacts {
		w.Seal(admin, model.EntityContact, c.ID, model.Change{Type: "contact.created", TypeVersion: 1, Payload: c})
	}
	w.Now = w.Now.Add(60e9)
}

// saveContact creates or edits a contact through its decider, as an
// engineer may (the log records it), and updates the world's tables.
func (w *world) saveContact(c model.Contact) {
	w.T.Helper()
	if _, err := w.Act(w.As(model.RoleEngineer), directory.SaveContact{Contact: c}, directory.Evolver[model.Contact]()); err != nil {
		w.T.Fatal(err)
	}
	w.Contacts[c.ID] = c
}

// refold folds ticket id's events again, re-checking their authority
// against the log, as the store folds every ticket.
func (w *world) refold(id model.ID) *State {
	w.T.Helper()
	st, err := flows.Fold(w.Events[id], func(s flows.State, e model.Event) (flows.State, error) {
		return EvolveWith(logAuthority{w}, s, e)
	})
	if err != nil {
		w.T.Fatal(err)
	}
	return flows.As[State](st)
}

func lastDecision(s *State) HistoryEntry {
	for i := len(s.History) - 1; i >= 0; i-- {
		if s.History[i].Type == Decided {
			return s.History[i]
		}
	}
	return HistoryEntry{}
}

// seed §3 step 1 with people the office set up beforehand: nothing to mark.
func TestDecisionByALongStandingContactIsNotMarked(t *testing.T) {
	w := newWorld(t)
	w.logPeople()
	id := w.create(model.KindDataCorrection, "更正数据")
	w.mustDecide(id, model.RoleDeptHead, "approve", "", nil)
	s := w.refold(id)
	if h := lastDecision(s); h.LateContact != "" || h.Rejected != "" || s.Step != "plan" {
		t.Fatalf("a legitimate head's approval: %+v at %s", h, s.Step)
	}
}

// "Engineers may add contacts": a department head made up on the laptop
// after the ticket was raised approves; the decision counts, and says on
// every screen that its contact came late.
func TestContactAddedAfterTheTicketIsMarked(t *testing.T) {
	w := newWorld(t)
	w.logPeople()
	id := w.create(model.KindDataCorrection, "更正数据")
	fake := model.Contact{ID: w.NewID(), CustomerID: w.CustomerID, Name: "假主管", Department: "检验科", Roles: model.Roles{model.RoleDeptHead}}
	w.saveContact(fake)
	w.must(w.WithContact(fake.ID), Act{ID: id, Decision: "approve"})
	s := w.refold(id)
	if h := lastDecision(s); h.LateContact != LateCreated || h.Rejected != "" || s.Step != "plan" {
		t.Fatalf("假主管's approval: %+v at %s", h, s.Step)
	}
	// Their later decisions on it are marked too.
	w.mustDecide(id, model.RoleEngineer, "propose", "", map[string]string{"plan": "执行", "backup_needed": "no", "verify_needed": "no"})
	if h := lastDecision(w.refold(id)); h.LateContact != "" {
		t.Fatalf("the engineer's decision is marked %q", h.LateContact)
	}
}

// A requester given the department head's role after the ticket was
// raised: their approval is marked; as requester they were there before.
func TestContactGivenTheRoleAfterTheTicketIsMarked(t *testing.T) {
	w := newWorld(t)
	w.logPeople()
	id := w.create(model.KindDataCorrection, "更正数据")
	c := w.Contacts[w.Requester2]
	c.Roles = model.Roles{model.RoleRequester, model.RoleDeptHead}
	w.saveContact(c)
	w.must(w.WithContact(c.ID), Act{ID: id, Decision: "approve"})
	s := w.refold(id)
	if h := lastDecision(s); h.LateContact != LateRole || h.Rejected != "" {
		t.Fatalf("王医生's approval as a new head: %+v", h)
	}
}

// A role given by editing the users table (the decider reads it) is not
// in the log: the decision is kept, marked rule broken, and never moves
// the ticket.
func TestRoleNotInTheLogBreaksTheRule(t *testing.T) {
	w := newWorld(t)
	w.logPeople()
	id := w.driveTo(model.KindDataCorrection, "review")
	dev := w.Users[w.Dev] // not the plan's author: that is a rule of its own
	dev.Roles = model.Roles{model.RoleDeveloper, model.RoleTechLead}
	w.Users[w.Dev] = dev // the table, not the log
	w.must(w.UserActor(w.Dev), Act{ID: id, Decision: "approve"})
	if w.ticket(id).Step == "review" {
		t.Fatal("the decider did not take the table's role: the test shows nothing")
	}
	s := w.refold(id)
	h := lastDecision(s)
	if s.Step != "review" || !h.RuleBroken || h.Rejected != BrokenUserRole {
		t.Fatalf("at %s: %+v", s.Step, h)
	}
	if len(s.Rejected) != 1 || !s.Rejected[0].RuleBroken {
		t.Fatalf("rejected: %+v", s.Rejected)
	}
	// Nor does a customer contact's role given in the contacts table count.
	id = w.create(model.KindDataCorrection, "另一项更正")
	ct := w.Contacts[w.Requester]
	ct.Roles = model.Roles{model.RoleRequester, model.RoleDeptHead}
	w.Contacts[w.Requester] = ct
	w.must(w.WithContact(ct.ID), Act{ID: id, Decision: "approve"})
	if s := w.refold(id); s.Step != "dept_approval" || lastDecision(s).Rejected != BrokenContactRole {
		t.Fatalf("a head by the contacts table: at %s, %+v", s.Step, lastDecision(s))
	}
	// And someone the log has never heard of decides nothing.
	ghost := model.Contact{ID: w.NewID(), CustomerID: w.CustomerID, Name: "幽灵", Department: "检验科", Roles: model.Roles{model.RoleDeptHead}}
	w.Contacts[ghost.ID] = ghost
	id = w.create(model.KindDataCorrection, "第三项更正")
	w.must(w.WithContact(ghost.ID), Act{ID: id, Decision: "approve"})
	if s := w.refold(id); s.Step != "dept_approval" || lastDecision(s).Rejected != BrokenUnknownContact {
		t.Fatalf("a contact not in the log: at %s, %+v", s.Step, lastDecision(s))
	}
}

// seed §1.3: booking beyond the quota needs an admin. An engineer made an
// admin in the users table only books nothing.
func TestOverrideByAnAdminNotInTheLogBreaksTheRule(t *testing.T) {
	w := newWorld(t)
	w.logPeople()
	c := w.Contracts[w.ContractID]
	c.QuotaDays = 1
	w.Contracts[w.ContractID] = c
	first := w.walk(model.KindEnhancement, enEstimate("1d"), enApprove)
	w.mustDecide(first, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "1d"})
	id := w.walk(model.KindEnhancement, enEstimate("60"), enApprove)
	eng := w.Users[w.Eng]
	eng.Roles = model.Roles{model.RoleEngineer, model.RoleAdmin}
	w.Users[w.Eng] = eng
	evs := w.must(w.UserActor(w.Eng), Act{ID: id, Decision: "done", Inputs: map[string]string{"effort_minutes": "30", "override_reason": "特批"}})
	var p DecidedPayload
	if err := evs[0].Decode(&p); err != nil || p.Booking == nil || !p.Booking.Override || p.Role != model.RoleEngineer {
		t.Fatalf("the decider did not take the table's admin role: %+v %v", p, err)
	}
	s := w.refold(id)
	if h := lastDecision(s); h.Rejected != BrokenOverride || len(s.Bookings) != 0 || s.EffortMinutes != 0 {
		t.Fatalf("an override by a table admin: %+v, bookings %+v", h, s.Bookings)
	}
}
