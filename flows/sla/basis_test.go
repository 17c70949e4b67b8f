package sla_test

import (
	"testing"
	"time"

	"yunwei/flows/sla"
	"yunwei/model"
)

// A wait that begins at the very instant the clock is read pauses it: the
// projection reads a ticket's clock at its last event, which is the event
// that began the wait, and must say paused as the detail does later.
func TestAPauseBeginningNowPauses(t *testing.T) {
	cal := fixture(t)
	reported, waits := at(t, "2026-03-09 10:00"), at(t, "2026-03-09 10:30")
	in := sla.Input{ReportedAt: reported, Targets: model.DefaultSLA(), Calendar: cal, Pauses: []sla.Interval{{Start: waits}}}
	c := clock(t, sla.Clocks(in, waits), sla.Response)
	if c.State != sla.Paused || c.Remaining != 90*time.Minute || hm(c.Due) != "2026-03-09 12:00" {
		t.Errorf("at the event that began the wait: %s, %s left, due %s; want paused, 1h30m left, due 12:00", c.State, c.Remaining, hm(c.Due))
	}
	// A wait created with the ticket (a data correction waits for the
	// department head from the moment it is raised) pauses it at once.
	in.Pauses = []sla.Interval{{Start: reported}}
	if c := clock(t, sla.Clocks(in, reported), sla.Response); c.State != sla.Paused || c.Remaining != 2*time.Hour {
		t.Errorf("a ticket raised into a wait: %s, %s left; want paused with the whole 2 h left", c.State, c.Remaining)
	}
	// Responding at the instant the wait begins stops the clock: met.
	in.Pauses, in.RespondedAt = []sla.Interval{{Start: waits}}, waits
	if c := clock(t, sla.Clocks(in, waits), sla.Response); c.State != sla.Met {
		t.Errorf("responded as the wait began: %s, want met", c.State)
	}
}

// StateAt, applied to a clock as it stood at the ticket's last event, gives
// what Clocks gives at any later instant without events: the queue, its
// Breaching filter and the ticket list say what the detail says.
func TestStateAtAgreesWithClocks(t *testing.T) {
	cal := fixture(t)
	reported := at(t, "2026-03-09 10:00")
	business := model.DefaultSLA()
	business.BusinessDurations = true
	for _, tc := range []struct {
		name    string
		last    string // the ticket's last event
		pauses  []sla.Interval
		targets model.SLATargets
	}{
		{"running", "2026-03-09 10:20", nil, model.DefaultSLA()},
		{"waiting since the last event", "2026-03-09 10:20", []sla.Interval{{Start: at(t, "2026-03-09 10:20")}}, model.DefaultSLA()},
		{"waiting since before it", "2026-03-09 11:00", []sla.Interval{{Start: at(t, "2026-03-09 10:20")}}, model.DefaultSLA()},
		{"waited, then resumed", "2026-03-09 11:00", []sla.Interval{{Start: at(t, "2026-03-09 10:20"), End: at(t, "2026-03-09 11:00")}}, model.DefaultSLA()},
		{"breached before the last event", "2026-03-09 13:00", nil, model.DefaultSLA()},
		{"waiting after the breach", "2026-03-09 13:00", []sla.Interval{{Start: at(t, "2026-03-09 13:00")}}, model.DefaultSLA()},
		{"working time, waiting", "2026-03-09 17:50", []sla.Interval{{Start: at(t, "2026-03-09 17:50")}}, business},
		{"working time, running overnight", "2026-03-09 17:50", nil, business},
	} {
		in := sla.Input{ReportedAt: reported, Targets: tc.targets, Calendar: cal, Pauses: tc.pauses}
		stored, ok := sla.Next(sla.Clocks(in, at(t, tc.last)))
		if !ok {
			t.Fatalf("%s: no open clock", tc.name)
		}
		for _, later := range []string{tc.last, "2026-03-09 11:59", "2026-03-09 12:00", "2026-03-09 12:01", "2026-03-10 09:30", "2026-03-20 10:00"} {
			now := at(t, later)
			if now.Before(at(t, tc.last)) {
				continue
			}
			want := clock(t, sla.Clocks(in, now), stored.Kind).State
			if got := sla.StateAt(stored.State, stored.Due, now); got != want {
				t.Errorf("%s, at %s: StateAt says %s, the clock says %s", tc.name, later, got, want)
			}
		}
	}
}

// Seed §2.6 times the response to the customer's requests: the vendor's
// own notices (seed §2.4) have no clock.
func TestTheVendorsOwnNoticesHaveNoClock(t *testing.T) {
	reported := at(t, "2026-03-09 10:00")
	targets := model.DefaultSLA()
	targets.Resolution = map[string]int{"staff_change": 600}
	in := sla.Input{ReportedAt: reported, Kind: model.KindStaffChange, OnSite: true, Basis: sla.BasisNone, Targets: targets, Calendar: fixture(t)}
	if got := sla.Clocks(in, reported.Add(time.Hour)); got != nil {
		t.Errorf("a vendor's notice has %d clocks, want none", len(got))
	}
}

// Planned work is timed from its scheduled time: an on-site training
// scheduled for a date nine days on is due on site then, not 4 hours after
// it was entered; until it is scheduled only the response is timed.
func TestPlannedWorkIsTimedFromItsScheduledTime(t *testing.T) {
	cal := fixture(t)
	targets := model.DefaultSLA()
	targets.Resolution = map[string]int{"training": 480}
	in := sla.Input{ReportedAt: at(t, "2026-03-02 10:00"), Kind: model.KindTraining, OnSite: true, Basis: sla.BasisSchedule, Targets: targets, Calendar: cal}
	clocks := sla.Clocks(in, at(t, "2026-03-02 10:10"))
	if len(clocks) != 1 || clocks[0].Kind != sla.Response || hm(clocks[0].Due) != "2026-03-02 12:00" {
		t.Fatalf("before it is scheduled: %+v, want the response clock only, due 12:00", clocks)
	}

	in.RespondedAt, in.ScheduledAt = at(t, "2026-03-02 10:30"), at(t, "2026-03-11 09:00")
	now := at(t, "2026-03-02 16:00") // past 4 h after the request
	onSite := clock(t, sla.Clocks(in, now), sla.OnSite)
	if hm(onSite.Start) != "2026-03-11 09:00" || hm(onSite.Due) != "2026-03-11 13:00" || onSite.State != sla.Running {
		t.Errorf("on site: start %s due %s %s, want from 2026-03-11 09:00, due 13:00, running", hm(onSite.Start), hm(onSite.Due), onSite.State)
	}
	if res := clock(t, sla.Clocks(in, now), sla.Resolution); hm(res.Due) != "2026-03-11 17:00" {
		t.Errorf("resolution due %s, want 8 h after the scheduled time", hm(res.Due))
	}
	if next, _ := sla.Next(sla.Clocks(in, now)); next.Kind != sla.OnSite || next.State != sla.Running {
		t.Errorf("the clock due next is %s %s, want on site, running", next.Kind, next.State)
	}
	if got := onSite.Explanation[0]; got.Kind != sla.StepBasis || got.Basis != sla.BasisSchedule || !got.At.Equal(in.ScheduledAt) {
		t.Errorf("the explanation starts with %+v, want what the kind is timed by", got)
	}
	// On the day: arriving at 10:00 meets it; not at all breaches at 13:01.
	if c := clock(t, sla.Clocks(in, at(t, "2026-03-11 13:01")), sla.OnSite); c.State != sla.Breached {
		t.Errorf("no one on site by 13:01 on the day: %s, want breached", c.State)
	}
	in.ArrivedAt = at(t, "2026-03-11 10:00")
	if c := clock(t, sla.Clocks(in, at(t, "2026-03-11 16:00")), sla.OnSite); c.State != sla.Met {
		t.Errorf("on site at 10:00 on the day: %s, want met", c.State)
	}
	// The response is timed from the request as for any request.
	if c := clock(t, sla.Clocks(in, now), sla.Response); c.State != sla.Met || hm(c.Start) != "2026-03-02 10:00" {
		t.Errorf("response: %s from %s, want met, from the request", c.State, hm(c.Start))
	}
}
