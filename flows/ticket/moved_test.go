package ticket

import (
	"strings"
	"testing"

	"yunwei/model"
	"yunwei/model/i18n"
)

// A decision chosen on a form opened at one step is refused once the
// ticket has moved on: here a backup's "done", sent after someone else
// recorded the backup, would otherwise be taken as the execution's "done"
// at the next step. Chosen at the step the ticket is at, it goes through.
func TestDecisionAtAStepTheTicketLeft(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindDataCorrection, dcApprove, act{model.RoleEngineer, "propose", "", plan("true", "false")}, dcReview)
	eng := w.As(model.RoleEngineer)
	stale := Act{ID: id, Decision: "done", At: "backup", Inputs: dcBackup.inputs}
	w.must(eng, stale)
	if s := w.ticket(id); s.Step != "execution" {
		t.Fatalf("after the backup the ticket is at %s", s.Step)
	}
	_, err := w.act(eng, stale)
	if model.ErrorCode(err) != model.ECONFLICT {
		t.Fatalf("the stale backup: %v", err)
	}
	for _, want := range []string{w.ticket(id).Number, "“data backup”", "“execute the plan”", "nothing was recorded"} {
		if !strings.Contains(model.ErrorText(err, i18n.En), want) {
			t.Errorf("the refusal %q does not say %q", model.ErrorText(err, i18n.En), want)
		}
	}
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "数据备份") || strings.Contains(zh, "moved on") {
		t.Errorf("in Chinese: %q", zh)
	}
	if s := w.ticket(id); s.Step != "execution" {
		t.Fatalf("the refused decision moved the ticket to %s", s.Step)
	}
	w.must(eng, Act{ID: id, Decision: "done", At: "execution", Inputs: dcExecute.inputs})
	if s := w.ticket(id); s.Step != "feedback" {
		t.Fatalf("the execution left the ticket at %s", s.Step)
	}
}
