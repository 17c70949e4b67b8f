package decide

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// A decision saved on a form over a ticket that another process has
// decided meanwhile is refused, not taken at the next step; the form then
// shows the ticket as it is now, the step it moved to and that step's
// decisions, with the refusal, and keeps the comment typed. The other
// screens are told.
func TestRefusedDecisionReloadsTheForm(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindIncident, "reported")
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "", 100, 30)
	if v := m.View(); !strings.Contains(v, "reported, awaiting response") {
		t.Fatalf("the form before:\n%s", v)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), runes("已电话联系收费处"))

	other, err := db.Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = func() time.Time { return screentest.Now.Add(time.Minute) }
	if _, err := other.Execute(ctx, db.Acting{UserID: engineer.ID}, ticket.Act{ID: id, Decision: "respond", Inputs: map[string]string{"on_site": "false"}}); err != nil {
		t.Fatal(err)
	}
	before, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}

	m, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if _, ok := screentest.Find[DecidedMsg](out); ok {
		t.Fatal("the stale response was recorded")
	}
	if c, ok := screentest.Find[common.TicketChangedMsg](out); !ok || c.ID != id {
		t.Errorf("the other screens were not told: %v", out)
	}
	v := m.View()
	for _, want := range []string{"Decision · ", "diagnosis", "moved on from “reported, awaiting response” to “diagnosis”", "diagnosed, fix proposed"} {
		if !strings.Contains(v, want) {
			t.Errorf("the form after the refusal does not show %q:\n%s", want, v)
		}
	}
	if m.Stage() != StageForm || m.draft.Comment != "已电话联系收费处" || m.draft.Decision != "diagnosed" {
		t.Errorf("stage %s, comment %q, decision %q", m.Stage(), m.draft.Comment, m.draft.Decision)
	}
	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Step != "diagnosis" || len(d.History) != len(before.History) {
		t.Fatalf("the refusal wrote: step %s, %d history entries, %d before", d.Step, len(d.History), len(before.History))
	}
}

// A refusal by flows of a ticket nobody else wrote leaves the form as it
// was, focus and all: only the refusal shows.
func TestRefusalOfAnUnchangedTicketKeepsTheForm(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "approve", 80, 24)
	m.draft.Comment = "ok\x07"
	form := m.form
	m, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if _, ok := screentest.Find[common.TicketChangedMsg](out); ok || m.form != form || !strings.Contains(m.Error(), "control character") {
		t.Fatalf("rebuilt %v, told %v, error %q", m.form != form, out, m.Error())
	}
}
