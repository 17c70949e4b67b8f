package ticket

import (
	"slices"
	"testing"
	"time"

	"yunwei/flows/sla"
	"yunwei/model"
)

func (w *world) clocks(id model.ID, now time.Time) []sla.Clock {
	return Clocks(w.ticket(id), w.Contracts[w.ContractID], nil, now)
}

// Seed §2.6 times the vendor's response to the customer's requests: every
// request kind gets a response clock from when it was raised, the vendor's
// own notices (seed §2.4) none at all, even where on-site service is
// ticked, and training (planned work) a response clock until scheduled.
func TestClocksOnlyWhereTheSeedPutsThem(t *testing.T) {
	for _, k := range FlowKinds() {
		w := newWorld(t)
		id := w.create(k, "时限")
		s := w.ticket(id)
		s.OnSite = true
		clocks := w.clocks(id, w.Now.Add(10*time.Minute))
		kinds := make([]sla.ClockKind, len(clocks))
		for i, c := range clocks {
			kinds[i] = c.Kind
		}
		var want []sla.ClockKind
		switch {
		case slices.Contains(model.NoticeKinds, k):
			if Timing(k) != sla.BasisNone {
				t.Errorf("%s is timed by %s, want no clock", k, Timing(k))
			}
		case k == model.KindTraining:
			want = []sla.ClockKind{sla.Response}
		default:
			want = []sla.ClockKind{sla.Response, sla.OnSite}
		}
		if !slices.Equal(kinds, want) {
			t.Errorf("a new %s has clocks %v, want %v", k, kinds, want)
		}
		for _, c := range clocks {
			if !c.Start.Equal(parsedTime(s.ReportedAt)) {
				t.Errorf("a new %s: the %s clock starts %s, want the request %s", k, c.Kind, c.Start, s.ReportedAt)
			}
		}
	}
}

// Every kind timed from a schedule has a step that takes the scheduled
// time, or it would never be timed at all.
func TestScheduledKindsTakeAScheduledTime(t *testing.T) {
	for _, k := range FlowKinds() {
		if Timing(k) != sla.BasisSchedule {
			continue
		}
		found := false
		for i := range FlowFor(k).Steps {
			found = found || takesInput(&FlowFor(k).Steps[i], scheduleInput)
		}
		if !found {
			t.Errorf("%s is timed from its schedule but no step takes %s", k, scheduleInput)
		}
	}
}

// An on-site training scheduled for a date nine days on is due on site 4
// hours after its scheduled start, not 4 hours after it was entered; sent
// back to be rescheduled, it has no on-site clock until it is scheduled
// again, at the new time.
func TestOnSiteTrainingIsTimedFromItsScheduledTime(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindTraining, "HIS 收费操作培训")
	w.ticket(id).OnSite = true
	planned := w.Now.Add(9*24*time.Hour - time.Hour) // 09:00 on 2026-11-11
	w.mustDecide(id, model.RoleEngineer, "schedule", "", map[string]string{"scheduled_for": model.FormatTime(planned), "topic": "收费操作"})

	later := w.Now.Add(5 * time.Hour)
	next, ok := sla.Next(w.clocks(id, later))
	if !ok || next.Kind != sla.OnSite || next.State != sla.Running || !next.Start.Equal(planned) || !next.Due.Equal(planned.Add(4*time.Hour)) {
		t.Fatalf("5 h after scheduling: next clock %s %s from %s due %s, want on site running from %s due 4 h later",
			next.Kind, next.State, next.Start, next.Due, planned)
	}
	if c := clock(t, w.clocks(id, later), sla.Response); c.State != sla.Met {
		t.Errorf("scheduling is the response: %s, want met", c.State)
	}

	w.mustDecide(id, model.RoleEngineer, "reschedule", "客户要求改期", nil)
	if c := w.clocks(id, later); slices.ContainsFunc(c, func(c sla.Clock) bool { return c.Kind == sla.OnSite }) {
		t.Errorf("sent back to be rescheduled, it still has an on-site clock")
	}
	again := planned.Add(48 * time.Hour)
	w.mustDecide(id, model.RoleEngineer, "schedule", "", map[string]string{"scheduled_for": model.FormatTime(again), "topic": "收费操作"})
	if c := clock(t, w.clocks(id, later), sla.OnSite); !c.Start.Equal(again) {
		t.Errorf("rescheduled: the on-site clock starts %s, want the new time %s", c.Start, again)
	}
}

func clock(t *testing.T, clocks []sla.Clock, k sla.ClockKind) sla.Clock {
	t.Helper()
	for _, c := range clocks {
		if c.Kind == k {
			return c
		}
	}
	t.Fatalf("no %s clock", k)
	return sla.Clock{}
}
