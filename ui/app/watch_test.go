package app

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/approval"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
	"yunwei/ui/detail"
)

// other is another process on the fixture's file: its own connection
// pool, writing as the fixture's engineer a minute after the screens' now.
func other(t *testing.T, s *db.Store) (*db.Store, db.Acting) {
	t.Helper()
	o, err := db.Open(context.Background(), s.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	o.Now = func() time.Time { return screentest.Now.Add(time.Minute) }
	u, err := s.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return o, db.Acting{UserID: u.ID}
}

// watching starts the root with its change feed from the log as it is.
func watching(t *testing.T, s *db.Store) *harness {
	t.Helper()
	from, err := s.LastEvent(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	d := screentest.Deps(t, s, i18n.En)
	return startWith(t, Options{Deps: d, DBPath: "/data/yunwei.db", Headless: true, Watch: true, WatchFrom: from}, 120, 40)
}

func (h *harness) approvals() approval.Model {
	a, _ := common.Unwrap[approval.Model](h.m().live[common.ScreenApprovals])
	return a
}

// A ticket created and another decided by another process reach the open
// screens at the next tick, without a key: the queue gains the new one,
// the Approvals tab and the detail open on the decided one show its new
// step, never the one already decided.
func TestOtherProcessesWritesShowAtTheNextTick(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	h := watching(t, s)
	h.keys("2")
	var decided db.Approval
	for _, r := range h.approvals().Rows() {
		if r.Kind == model.KindIncident && r.Step == "reported" && !r.ForCustomer {
			decided = r
		}
	}
	if decided.ID.IsZero() {
		t.Fatal("no incident waits for the engineer's response")
	}
	h.send(common.NavigateMsg{To: common.ScreenTicket, Ticket: decided.ID})
	if v := h.m().View(); !strings.Contains(v, "reported, awaiting response") {
		t.Fatalf("the detail before:\n%s", v)
	}
	h.send(common.NavigateMsg{To: common.ScreenApprovals})
	h.send(common.NavigateMsg{To: common.ScreenTicket, Ticket: decided.ID})

	o, as := other(t, s)
	src, err := s.Ticket(ctx, decided.ID)
	if err != nil {
		t.Fatal(err)
	}
	created := ticket.Create{ID: model.NewID(), Kind: model.KindIncident, Channel: model.ChannelPhone, Severity: model.SeverityMajor,
		Title: "另一台电脑登记：住院部打印机卡纸", CustomerID: src.CustomerID, ContractID: src.ContractID, SiteID: src.SiteID,
		SystemID: src.SystemID, RequesterID: src.RequesterID}
	if _, err := o.Execute(ctx, as, created); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Execute(ctx, as, ticket.Act{ID: decided.ID, Decision: "respond", Inputs: map[string]string{"on_site": "false"}}); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(h.m().queue().Rows(), created.ID) {
		t.Fatal("the queue had the new ticket before the tick")
	}

	h.send(common.StatusMsg{}, tickMsg(screentest.Now))
	if !slices.Contains(h.m().queue().Rows(), created.ID) {
		t.Error("the queue does not show the ticket created elsewhere")
	}
	for _, r := range h.approvals().Rows() {
		if r.ID == decided.ID && r.Step != "diagnosis" {
			t.Errorf("Approvals shows %s at %s", r.Number, r.Step)
		}
	}
	d, _ := common.Unwrap[detail.Model](h.m().live[common.ScreenTicket])
	if v := d.View(); !strings.Contains(v, "diagnosis · waiting for engineer") {
		t.Errorf("the detail after the tick:\n%s", v)
	}
	// The queue re-read the two rows, not the whole queue.
	if st := h.m().status.Text; strings.Contains(st, "Loaded") {
		t.Errorf("the queue was loaded again: %q", st)
	}
}
