package app

import (
	"context"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// A customer signing gets the whole terminal: at 80x24 the sign-off has
// no room under the header, tabs, status and help lines (DESIGN §5).
func TestSigningTakesTheWholeTerminalAt80x24(t *testing.T) {
	s := screentest.Store(t)
	var target model.ID
	err := s.EachTicket(context.Background(), db.TicketFilter{Kind: model.KindDataCorrection}, func(r db.TicketRow) error {
		if r.Step == "dept_approval" && target.IsZero() {
			target = r.ID
		}
		return nil
	})
	if err != nil || target.IsZero() {
		t.Fatalf("no data correction waiting for its department head: %v", err)
	}
	h := start(t, s, i18n.En, 80, 24)
	h.send(common.NavigateMsg{To: common.ScreenTicket, Ticket: target})
	h.keys("a enter enter enter")
	if !h.m().fullScreen() {
		t.Fatal("the sign-off did not take the whole terminal")
	}
	v := h.m().View()
	screentest.Frame(t, v, 80, 24)
	if strings.Contains(v, "yunwei  ") || strings.Contains(v, "needs") {
		t.Fatalf("the sign-off is not alone on the screen or has no room:\n%s", v)
	}
	// Reading to the end, drawing and signing returns to the framed
	// detail, one step further.
	h.keys("pgdown pgdown pgdown space right right right right right right right right right right down down space enter")
	if h.m().fullScreen() {
		t.Fatal("still full screen after signing")
	}
	if v := h.m().View(); !strings.HasPrefix(v, "yunwei") || !strings.Contains(v, "maintenance plan") {
		t.Fatalf("after signing:\n%s", v)
	}
}
