package decide

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// The required inputs of a decision are on the form's first screen at the
// size the root leaves it at 80×24 (80×20), or the form says which page it
// is on: ctrl+s never asks for a plan nobody can see.
func TestRequiredInputsAreOnTheFirstScreen(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "plan")
	for _, L := range screentest.Langs {
		engineer := screentest.Deps(t, s, L).User
		m := open(t, s, id, engineer, L, "", 80, 20)
		v := m.View()
		screentest.Frame(t, v, 80, 20)
		for _, name := range []string{"plan", "backup_needed", "verify_needed"} {
			in := ticket.FlowFor(model.KindDataCorrection).Step("plan").Decision("propose").Input(name)
			if title := inputTitle(*in, model.KindDataCorrection, L); !strings.Contains(v, title) {
				t.Errorf("%s: %q is not on the first screen:\n%s", L, title, v)
			}
		}
		if want := L.Tf("page %d of %d", 1, 2); !strings.Contains(v, want) {
			t.Errorf("%s: the comment is on a second page, and the form does not say so:\n%s", L, v)
		}
		m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
		v = m.View()
		if want := L.Tf("Fill in %s.", L.T(i18n.In(string(model.KindDataCorrection), "the plan"))); !strings.Contains(m.Error(), want) || !strings.Contains(v, inputTitle(*ticket.FlowFor(model.KindDataCorrection).Step("plan").Decision("propose").Input("plan"), model.KindDataCorrection, L)) {
			t.Errorf("%s: ctrl+s: %q, and the plan in sight:\n%s", L, m.Error(), v)
		}
		// tab goes on to the comment, on the second page.
		m, _ = screentest.Drive(t, m, keyMsg(tea.KeyTab), runes("方案"), keyMsg(tea.KeyTab), keyMsg(tea.KeyTab), keyMsg(tea.KeyTab))
		if v := m.View(); !strings.Contains(v, L.Tf("page %d of %d", 2, 2)) || !strings.Contains(v, L.T("Comment")) {
			t.Errorf("%s: the second page:\n%s", L, v)
		}
	}
}

// Choosing another decision puts its inputs on the first screen in place
// of the last one's.
func TestChoosingADecisionShowsItsInputs(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindEnhancement, "estimate")
	engineer := screentest.User(t, s, screentest.Engineer)
	m := open(t, s, id, engineer, i18n.En, "estimate", 80, 20)
	if v := m.View(); !strings.Contains(v, "estimated effort (required)") {
		t.Fatalf("estimate's input:\n%s", v)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyDown))
	v := m.View()
	if m.draft.Decision != ticket.DecisionConvert || !strings.Contains(v, "estimated effort") ||
		strings.Contains(v, "estimated effort (required)") || !strings.Contains(v, "Comment") {
		t.Fatalf("after choosing convert (%s):\n%s", m.draft.Decision, v)
	}
	// The decision keeps the focus: up goes back.
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyUp))
	if m.draft.Decision != "estimate" {
		t.Fatalf("up: %s", m.draft.Decision)
	}
}

// A plan returned for rework opens with the plan that was sent: the
// engineer changes it, not types it again.
func TestReturnedPlanStartsFromThePreviousValues(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "review")
	before, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	lead := screentest.User(t, s, screentest.TechLead)
	if _, err := s.Execute(ctx, db.Acting{UserID: lead.ID}, ticket.Act{ID: id, Decision: "return", Comment: "回滚步骤写清楚"}); err != nil {
		t.Fatal(err)
	}
	engineer := screentest.User(t, s, screentest.Engineer)
	m := open(t, s, id, engineer, i18n.Zh, "", 80, 24)
	in := m.draft.Inputs["propose"]
	if *in["plan"] != before.Facts["plan"] || *in["backup_needed"] != before.Facts["backup_needed"] || *in["verify_needed"] != before.Facts["verify_needed"] {
		t.Fatalf("prefilled %q %q %q, facts %v", *in["plan"], *in["backup_needed"], *in["verify_needed"], before.Facts)
	}
	if v := m.View(); !strings.Contains(v, []string{before.Facts["plan"]}[0][:12]) {
		t.Fatalf("the plan is not shown:\n%s", v)
	}
	// Prefilled is not typed: esc leaves at once; a change is, and asks.
	if _, out := screentest.Drive(t, m, keyMsg(tea.KeyEsc)); len(out) == 0 {
		t.Fatal("esc on an untouched prefilled form asked")
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), runes("补充回滚步骤。"), keyMsg(tea.KeyEsc))
	if m.draft.Decision != "propose" || !m.confirming {
		t.Fatalf("esc after a change did not ask:\n%s", m.View())
	}
	// Sent again as it stands plus the change.
	m, out := screentest.Drive(t, m, runes("n"), keyMsg(tea.KeyCtrlS))
	if _, ok := screentest.Find[DecidedMsg](out); !ok {
		t.Fatalf("not decided: %q", m.Error())
	}
	after, _ := s.Ticket(ctx, id)
	if after.Step != "review" || after.Facts["plan"] != before.Facts["plan"]+"补充回滚步骤。" {
		t.Fatalf("step %s, plan %q", after.Step, after.Facts["plan"])
	}
}

// The booking of an enhancement's effort shows what is booked already and
// what is left of the year's quota (seed §1.3).
func TestBookingShowsBookedAndQuotaLeft(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindEnhancement, "implementation")
	dev := screentest.User(t, s, screentest.Developer)
	for _, L := range screentest.Langs {
		m := open(t, s, id, dev, L, "done", 80, 20)
		v := m.View()
		screentest.Frame(t, v, 80, 20)
		if m.c.Quota == nil || m.c.Quota.LimitMinutes != 30*480 {
			t.Fatalf("quota %+v", m.c.Quota)
		}
		want := L.Tf("Booked on this ticket so far: %s. Left of this service year's quota: %s of %s.",
			L.T("nothing yet"), Days(m.c.Quota.RemainingMinutes, L), Days(30*480, L))
		if flat := strings.Join(strings.Fields(v), ""); !strings.Contains(flat, strings.Join(strings.Fields(want), "")) {
			t.Errorf("%s: the booking does not say %q:\n%s", L, want, v)
		}
	}
}
