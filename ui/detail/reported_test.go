package detail

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// The edit form corrects when the request was raised, typed in the
// contract's zone as the command line's ticket edit reads it; a time in
// the future is refused inline.
func TestEditCorrectsWhenTheRequestWasRaised(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	before, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	reported, _ := model.ParseTime(before.ReportedAt)
	earlier := reported.Add(-40 * time.Minute)
	m := open(t, s, id, model.User{}, i18n.En, 120, 40)
	toReported := []tea.Msg{runes("e")}
	for range 8 { // title, description, severity, channel, site, system, requester, on site
		toReported = append(toReported, keyMsg(tea.KeyTab))
	}
	m, _ = screentest.Drive(t, m, append(toReported, keyMsg(tea.KeyCtrlU), runes("2099-01-01 10:00"), keyMsg(tea.KeyCtrlS))...)
	if sh, ok := m.Sheet(); !ok || !strings.Contains(sh.Error(), "in the future") {
		t.Fatalf("a time in the future was not refused inline: %v\n%s", ok, m.View())
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlU), runes(model.LocalClock(earlier, model.DefaultZone())), keyMsg(tea.KeyCtrlS))
	if m.Capturing() {
		sh, _ := m.Sheet()
		t.Fatalf("edit not saved: %q\n%s", sh.Error(), m.View())
	}
	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if last := d.History[len(d.History)-1]; d.ReportedAt != model.FormatTime(earlier) || last.Field != "reported_at" {
		t.Fatalf("reported %s (want %s), last %+v", d.ReportedAt, model.FormatTime(earlier), last)
	}
}
