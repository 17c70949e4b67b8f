package db

import (
	"context"
	"testing"
	"time"

	"yunwei/flows/sla"
	"yunwei/model"
)

// listed is ticket id's row of the ticket list.
func listed(t *testing.T, s *Store, id model.ID) TicketRow {
	t.Helper()
	var out TicketRow
	found := false
	err := s.EachTicket(context.Background(), TicketFilter{Status: "all"}, func(r TicketRow) error {
		if r.ID == id {
			out, found = r, true
		}
		return nil
	})
	if err != nil || !found {
		t.Fatalf("ticket %s not listed: %v", id, err)
	}
	return out
}

// One clock, one answer: the list's clock state is the detail's at every
// instant. A data correction waits for the department head from the moment
// it is raised, and its stored clock, read at that very event, is paused;
// an incident's clock, stored running, is breached in the list once its
// due time has passed, as in the detail.
func TestTheListSaysWhatTheDetailSays(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	correction := f.newTicket("更正门诊重复挂号记录")
	correction.Kind = model.KindDataCorrection
	f.must(t, f.engineer, correction)
	incident := f.newTicket("HIS 无法登录")
	f.must(t, f.engineer, incident)
	raised := f.clock

	for _, later := range []time.Duration{0, time.Hour, 3 * time.Hour, 10 * 24 * time.Hour} {
		now := raised.Add(later)
		f.s.Now = func() time.Time { return now }
		for _, id := range []model.ID{correction.ID, incident.ID} {
			d, err := f.s.Ticket(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := sla.Next(d.Clocks)
			row := listed(t, f.s, id)
			if row.SLA == nil || row.SLA.State != string(want.State) {
				t.Errorf("%s, %v after it was raised: the list says %+v, the detail %s", d.Kind, later, row.SLA, want.State)
			}
			q, err := f.s.QueueTicketByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got := sla.StateAt(q.Clock.State, q.Clock.Due, now); got != want.State {
				t.Errorf("%s, %v after it was raised: the queue's clock stands %s, the detail's %s", d.Kind, later, got, want.State)
			}
		}
	}
	if row := listed(t, f.s, correction.ID); row.SLA.State != string(sla.Paused) {
		t.Errorf("a data correction waiting for the department head is listed %s, want paused", row.SLA.State)
	}
}

// The vendor's own notices (seed §2.4) are stored without a clock, and a
// database whose clocks were stored by the older rule gets them recomputed
// by the projection migration's rebuild.
func TestNoticesAreStoredWithoutAClock(t *testing.T) {
	f := newFixture(t)
	notice := f.newTicket("驻场工程师变更")
	notice.Kind, notice.SiteID, notice.SystemID = model.KindStaffChange, model.NilID, model.NilID
	f.must(t, f.admin, notice)
	if row := listed(t, f.s, notice.ID); row.SLA != nil {
		t.Errorf("a staff change notice is listed with a clock %+v", row.SLA)
	}
	q, err := f.s.QueueTicketByID(context.Background(), notice.ID)
	if err != nil || q.Clock.Kind != "" {
		t.Errorf("a staff change notice has the queue clock %+v (%v)", q.Clock, err)
	}

	// As the older rule stored it: a response clock, long breached.
	ctx := context.Background()
	for _, q := range []string{
		"UPDATE tickets SET sla_clock = 'response', sla_due = 1764000000000, sla_state = 'running'",
		"PRAGMA user_version = 9",
	} {
		if _, err := f.s.DB().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	path := f.s.Path()
	f.s.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the migration: %v", err)
	}
	defer s.Close()
	if row := listed(t, s, notice.ID); row.SLA != nil {
		t.Errorf("after the migration the notice is listed with a clock %+v", row.SLA)
	}
	if rep, err := s.Check(ctx); err != nil || len(rep.Problems) != 0 {
		t.Errorf("check after the migration: %+v %v", rep.Problems, err)
	}
}
