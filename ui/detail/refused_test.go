package detail

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

// An edit refused because another process wrote the ticket meanwhile
// (here: it set the same title, and the severity) reopens over the ticket
// as it is now: the severity it was given shows, what the user typed
// stays, and so does the refusal; the other screens are told.
func TestRefusedEditReloadsTheForm(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	m := open(t, s, id, model.User{}, i18n.En, 100, 30)
	before, _ := m.Ticket()
	title := before.Title + "（加急）"
	m, _ = screentest.Drive(t, m, runes("e"), runes("（加急）"))

	other, err := db.Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = func() time.Time { return screentest.Now.Add(time.Minute) }
	severity := model.SeverityCritical
	if before.Severity == severity {
		severity = model.SeverityLow
	}
	edit := ticket.Edit{ID: id, Fields: map[string]string{"title": title, "severity": string(rune('0' + severity))}}
	if _, err := other.Execute(ctx, db.Acting{UserID: m.deps.User.ID}, edit); err != nil {
		t.Fatal(err)
	}

	m, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	sh, ok := m.Sheet()
	if !ok || !strings.Contains(sh.Error(), "nothing changed") {
		t.Fatalf("open %v, error %q", ok, sh.Error())
	}
	if c, ok := screentest.Find[common.TicketChangedMsg](out); !ok || c.ID != id {
		t.Errorf("the other screens were not told: %v", out)
	}
	if d := m.editing.draft; d.Severity != severity || d.Title != title {
		t.Errorf("the form holds severity %d, title %q", d.Severity, d.Title)
	}
	if v := m.View(); !strings.Contains(v, "nothing changed") || !strings.Contains(v, severity.Label("en")) {
		t.Errorf("the form after the refusal:\n%s", v)
	}
	// Saved now, the form sends nothing stale: it says nothing changed.
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if sh, ok := m.Sheet(); !ok || sh.Error() != "Nothing was changed." {
		t.Fatalf("saved again: %q", sh.Error())
	}
}
