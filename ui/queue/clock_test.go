package queue

import (
	"context"
	"slices"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// The vendor's own notices (seed §2.4) have no SLA clock: the queue shows
// none for them, and the Breaching filter never lists them, however old.
func TestNoticesHaveNoClockInTheQueue(t *testing.T) {
	s := screentest.Store(t)
	full := fullTable(t, s)
	notices := 0
	for i := range full.rows {
		k := full.kinds[full.rows[i].kind]
		if !slices.Contains(model.NoticeKinds, k) || full.rows[i].flags&flagClosed != 0 {
			continue
		}
		notices++
		for _, later := range []time.Duration{0, 24 * time.Hour, 30 * 24 * time.Hour} {
			now := screentest.Now.Add(later).UnixMilli()
			if cell, _ := full.slaCell(int32(i), now, i18n.En, true); cell != "-" {
				t.Errorf("%s (%s) shows %q in the SLA column, want none", full.number(int32(i)), k, cell)
			}
			if full.breaching(int32(i), now) {
				t.Errorf("%s (%s) is listed as breaching", full.number(int32(i)), k)
			}
		}
	}
	if notices < 3 {
		t.Fatalf("the fixture has %d open notices: it should exercise them", notices)
	}
}

// A request raised into a wait on the customer (a data correction waits
// for the department head from the start) is paused in the queue as in the
// detail: it shows on hold and is never breaching while it waits, though
// the projection read its clock at that very event.
func TestAClockPausedByTheLastEventIsPausedInTheQueue(t *testing.T) {
	ctx := context.Background()
	s := screentest.Store(t)
	d := screentest.Deps(t, s, i18n.En)
	full := fullTable(t, s)
	var like db.TicketDetail
	for i := range full.rows {
		if full.kinds[full.rows[i].kind] == model.KindDataCorrection {
			var err error
			if like, err = s.Ticket(ctx, full.rows[i].id); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	id := model.NewID()
	if _, err := s.Execute(ctx, db.Acting{UserID: d.User.ID}, ticket.Create{ID: id, Kind: model.KindDataCorrection, Channel: model.ChannelPhone,
		Severity: model.SeverityMinor, Title: "更正门诊重复挂号记录", ContractID: like.ContractID, SiteID: like.SiteID, RequesterID: like.RequesterID}); err != nil {
		t.Fatal(err)
	}
	q, err := s.QueueTicketByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	i := full.put(&q)
	detail, err := s.Ticket(ctx, id)
	if err != nil || len(detail.Clocks) == 0 {
		t.Fatalf("the detail has no clock: %v", err)
	}
	for _, later := range []time.Duration{time.Minute, 3 * time.Hour, 5 * 24 * time.Hour} {
		now := screentest.Now.Add(later)
		if st, _ := full.clockOf(i, now.UnixMilli()); st != slaPaused {
			t.Errorf("%v after it was raised: queue state %d, want paused", later, st)
		}
		if full.breaching(i, now.UnixMilli()) {
			t.Errorf("%v after it was raised: listed as breaching while it waits", later)
		}
		clocks, _ := s.Clocks(ctx, &detail.State, now)
		if clocks[0].State != "paused" {
			t.Errorf("%v after it was raised: the detail says %s", later, clocks[0].State)
		}
	}
	if cell, _ := full.slaCell(i, screentest.Now.Add(3*time.Hour).UnixMilli(), i18n.En, false); cell != "◌ on hold" {
		t.Errorf("the SLA column says %q, want ◌ on hold", cell)
	}
}
