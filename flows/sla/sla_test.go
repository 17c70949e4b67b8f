package sla_test

import (
	"slices"
	"testing"
	"time"

	"yunwei/flows/sla"
	"yunwei/flows/sla/slatest"
	"yunwei/model"
)

// clock returns the clock of kind k, failing when there is none.
func clock(t *testing.T, clocks []sla.Clock, k sla.ClockKind) sla.Clock {
	return slatest.Clock(t, clocks, k)
}

// TestResponseRule: seed §2.6, 2 h for a request raised inside working
// hours, 1 h for one raised outside them (sic), wall-clock by default.
func TestResponseRule(t *testing.T) {
	cal := fixture(t)
	tests := []struct {
		name, reported string
		rule           sla.Rule
		due            string
	}{
		{"weekday 08:59, before work", "2026-03-09 08:59", sla.RuleOutHours, "2026-03-09 09:59"},
		{"weekday 09:00, work starts", "2026-03-09 09:00", sla.RuleInHours, "2026-03-09 11:00"},
		{"weekday 11:59", "2026-03-09 11:59", sla.RuleInHours, "2026-03-09 13:59"},
		{"weekday 12:30, lunch", "2026-03-09 12:30", sla.RuleOutHours, "2026-03-09 13:30"},
		{"weekday 17:59", "2026-03-09 17:59", sla.RuleInHours, "2026-03-09 19:59"},
		{"weekday 18:00, work has ended", "2026-03-09 18:00", sla.RuleOutHours, "2026-03-09 19:00"},
		{"Saturday", "2026-03-07 10:15", sla.RuleOutHours, "2026-03-07 11:15"},
		{"public holiday on a Thursday", "2026-10-01 10:00", sla.RuleOutHours, "2026-10-01 11:00"},
		{"make-up Sunday, in hours", "2026-09-20 10:00", sla.RuleInHours, "2026-09-20 12:00"},
		{"make-up Sunday, before hours", "2026-09-20 08:00", sla.RuleOutHours, "2026-09-20 09:00"},
		{"make-up Saturday 17:30", "2026-10-10 17:30", sla.RuleInHours, "2026-10-10 19:30"},
	}
	for _, tt := range tests {
		reported := at(t, tt.reported)
		clocks := sla.Clocks(sla.Input{ReportedAt: reported, Kind: model.KindIncident, Targets: model.DefaultSLA(), Calendar: cal}, reported)
		if len(clocks) != 1 {
			t.Fatalf("%s: %d clocks, want the response clock only", tt.name, len(clocks))
		}
		c := clocks[0]
		want := 2 * time.Hour
		if tt.rule == sla.RuleOutHours {
			want = time.Hour
		}
		if c.Kind != sla.Response || c.Rule != tt.rule || c.Target != want || hm(c.Due) != tt.due || c.State != sla.Running || c.Remaining != want {
			t.Errorf("%s: got %s %s target %s due %s %s remaining %s, want %s %s due %s running", tt.name,
				c.Kind, c.Rule, c.Target, hm(c.Due), c.State, c.Remaining, tt.rule, want, tt.due)
		}
		if c.Due.Location() != cal.Location() {
			t.Errorf("%s: due in zone %s, want the calendar's", tt.name, c.Due.Location())
		}
	}
}

func TestOutcomes(t *testing.T) {
	cal := fixture(t)
	reported := "2026-03-09 10:00" // in hours: response due 12:00, on site due 14:00
	tests := []struct {
		name                    string
		responded, arrived, now string
		kind                    sla.ClockKind
		state                   sla.State
		stop                    sla.StopReason
		remaining, overdue      time.Duration
	}{
		{"running", "", "", "2026-03-09 11:20", sla.Response, sla.Running, "", 40 * time.Minute, 0},
		{"running at the due time", "", "", "2026-03-09 12:00", sla.Response, sla.Running, "", 0, 0},
		{"open past due", "", "", "2026-03-09 12:20", sla.Response, sla.Breached, "", 0, 20 * time.Minute},
		{"met early", "2026-03-09 10:40", "", "2026-03-09 16:00", sla.Response, sla.Met, sla.StopResponded, 80 * time.Minute, 0},
		{"met at the due time", "2026-03-09 12:00", "", "2026-03-09 16:00", sla.Response, sla.Met, sla.StopResponded, 0, 0},
		{"breached by a minute", "2026-03-09 12:01", "", "2026-03-09 16:00", sla.Response, sla.Breached, sla.StopResponded, 0, time.Minute},
		{"arrival is a response", "", "2026-03-09 11:00", "2026-03-09 16:00", sla.Response, sla.Met, sla.StopArrived, time.Hour, 0},
		{"a response after now is not known yet", "2026-03-09 11:00", "", "2026-03-09 10:30", sla.Response, sla.Running, "", 90 * time.Minute, 0},
		{"on site: due 4 h after the request", "", "", "2026-03-09 13:00", sla.OnSite, sla.Running, "", time.Hour, 0},
		{"on site met", "2026-03-09 10:10", "2026-03-09 13:30", "2026-03-09 16:00", sla.OnSite, sla.Met, sla.StopArrived, 30 * time.Minute, 0},
		{"on site breached", "2026-03-09 10:10", "2026-03-09 14:30", "2026-03-09 16:00", sla.OnSite, sla.Breached, sla.StopArrived, 0, 30 * time.Minute},
		{"on site still open", "2026-03-09 10:10", "", "2026-03-09 15:00", sla.OnSite, sla.Breached, "", 0, time.Hour},
	}
	for _, tt := range tests {
		in := sla.Input{ReportedAt: at(t, reported), OnSite: true, RespondedAt: at(t, tt.responded), ArrivedAt: at(t, tt.arrived),
			Targets: model.DefaultSLA(), Calendar: cal}
		c := clock(t, sla.Clocks(in, at(t, tt.now)), tt.kind)
		if c.State != tt.state || c.Stop != tt.stop || c.Remaining != tt.remaining || c.Overdue != tt.overdue {
			t.Errorf("%s: %s stop %q remaining %s overdue %s, want %s stop %q remaining %s overdue %s", tt.name,
				c.State, c.Stop, c.Remaining, c.Overdue, tt.state, tt.stop, tt.remaining, tt.overdue)
		}
		if c.Open() != (tt.stop == "") {
			t.Errorf("%s: Open() = %v", tt.name, c.Open())
		}
	}
	in := sla.Input{ReportedAt: at(t, reported), OnSite: true, Targets: model.DefaultSLA(), Calendar: cal}
	if c := clock(t, sla.Clocks(in, at(t, reported)), sla.OnSite); c.Rule != sla.RuleOnSite || hm(c.Due) != "2026-03-09 14:00" {
		t.Errorf("on-site clock = %s due %s, want on_site due 2026-03-09 14:00", c.Rule, hm(c.Due))
	}
	// Resolved remotely before anyone went: the on-site clock ends too.
	in.ResolvedAt = at(t, "2026-03-09 11:00")
	if c := clock(t, sla.Clocks(in, at(t, "2026-03-09 16:00")), sla.OnSite); c.State != sla.Met || c.Stop != sla.StopResolved {
		t.Errorf("on-site clock after a remote fix = %s stop %s, want met by resolution", c.State, c.Stop)
	}
}

func TestPauses(t *testing.T) {
	cal := fixture(t)
	reported := "2026-03-09 10:00" // response due 12:00 without pauses
	tests := []struct {
		name      string
		pauses    [][2]string
		responded string
		now       string
		state     sla.State
		due       string
		remaining time.Duration
		overdue   time.Duration
	}{
		{"pause moves the due time", [][2]string{{"2026-03-09 10:30", "2026-03-09 11:00"}}, "", "2026-03-09 11:30", sla.Running, "2026-03-09 12:30", time.Hour, 0},
		{"overlapping pauses count once", [][2]string{{"2026-03-09 10:30", "2026-03-09 11:00"}, {"2026-03-09 10:45", "2026-03-09 11:15"}}, "", "2026-03-09 11:30", sla.Running, "2026-03-09 12:45", 75 * time.Minute, 0},
		{"open pause", [][2]string{{"2026-03-09 10:30", ""}}, "", "2026-03-09 11:15", sla.Paused, "2026-03-09 12:45", 90 * time.Minute, 0},
		{"pause ending after now is still open", [][2]string{{"2026-03-09 10:30", "2026-03-09 13:00"}}, "", "2026-03-09 11:15", sla.Paused, "2026-03-09 12:45", 90 * time.Minute, 0},
		{"pause after the due time does not stop a breach", [][2]string{{"2026-03-09 12:10", ""}}, "", "2026-03-09 13:00", sla.Breached, "2026-03-09 12:00", 0, time.Hour},
		{"pause before the request is clipped", [][2]string{{"2026-03-09 09:00", "2026-03-09 10:30"}}, "", "2026-03-09 11:00", sla.Running, "2026-03-09 12:30", 90 * time.Minute, 0},
		{"pause starting after now is unknown", [][2]string{{"2026-03-09 11:00", ""}}, "", "2026-03-09 10:30", sla.Running, "2026-03-09 12:00", 90 * time.Minute, 0},
		{"response during an open pause is met", [][2]string{{"2026-03-09 11:00", ""}}, "2026-03-09 13:00", "2026-03-09 14:00", sla.Met, "2026-03-09 14:00", time.Hour, 0},
		{"paused then late", [][2]string{{"2026-03-09 10:30", "2026-03-09 11:30"}}, "2026-03-09 13:10", "2026-03-09 14:00", sla.Breached, "2026-03-09 13:00", 0, 10 * time.Minute},
	}
	for _, tt := range tests {
		in := sla.Input{ReportedAt: at(t, reported), RespondedAt: at(t, tt.responded), Targets: model.DefaultSLA(), Calendar: cal}
		for _, p := range tt.pauses {
			in.Pauses = append(in.Pauses, sla.Interval{Start: at(t, p[0]), End: at(t, p[1])})
		}
		c := clock(t, sla.Clocks(in, at(t, tt.now)), sla.Response)
		if c.State != tt.state || hm(c.Due) != tt.due || c.Remaining != tt.remaining || c.Overdue != tt.overdue {
			t.Errorf("%s: %s due %s remaining %s overdue %s, want %s due %s remaining %s overdue %s", tt.name,
				c.State, hm(c.Due), c.Remaining, c.Overdue, tt.state, tt.due, tt.remaining, tt.overdue)
		}
	}
}

// TestBusinessDurations: a contract may count targets in working time
// (DESIGN §3); the calendar then also moves the due time past lunch, nights,
// weekends and holidays.
func TestBusinessDurations(t *testing.T) {
	cal := fixture(t)
	targets := model.DefaultSLA()
	targets.BusinessDurations = true
	tests := []struct {
		name, reported string
		pause          [2]string
		now            string
		due            string
		state          sla.State
		remaining      time.Duration
	}{
		{"across lunch", "2026-03-09 11:00", [2]string{}, "2026-03-09 11:00", "2026-03-09 14:00", sla.Running, 2 * time.Hour},
		{"overnight", "2026-03-09 17:00", [2]string{}, "2026-03-09 17:30", "2026-03-10 10:00", sla.Running, 90 * time.Minute},
		{"raised after hours: 1 h from the next start", "2026-03-09 18:30", [2]string{}, "2026-03-09 23:00", "2026-03-10 10:00", sla.Running, time.Hour},
		{"raised on Saturday", "2026-03-07 10:15", [2]string{}, "2026-03-07 10:15", "2026-03-09 10:00", sla.Running, time.Hour},
		{"across 国庆", "2026-09-30 17:00", [2]string{}, "2026-10-05 12:00", "2026-10-08 10:00", sla.Running, time.Hour}, // 17:00-18:00 on Sep 30 counted
		{"make-up Sunday counts", "2026-09-19 10:00", [2]string{}, "2026-09-19 10:00", "2026-09-20 10:00", sla.Running, time.Hour},
		{"a pause counts its working time only", "2026-03-09 11:00", [2]string{"2026-03-09 11:30", "2026-03-09 13:30"}, "2026-03-09 14:00", "2026-03-09 15:00", sla.Running, time.Hour},
		{"a pause over the night moves nothing", "2026-03-09 17:00", [2]string{"2026-03-09 18:30", "2026-03-10 08:00"}, "2026-03-10 08:30", "2026-03-10 10:00", sla.Running, time.Hour},
		{"breached, counted in working time", "2026-03-09 17:00", [2]string{}, "2026-03-11 09:30", "2026-03-10 10:00", sla.Breached, 0},
	}
	for _, tt := range tests {
		in := sla.Input{ReportedAt: at(t, tt.reported), Targets: targets, Calendar: cal}
		if tt.pause[0] != "" {
			in.Pauses = []sla.Interval{{Start: at(t, tt.pause[0]), End: at(t, tt.pause[1])}}
		}
		c := clock(t, sla.Clocks(in, at(t, tt.now)), sla.Response)
		if !c.Business || hm(c.Due) != tt.due || c.State != tt.state || c.Remaining != tt.remaining {
			t.Errorf("%s: due %s %s remaining %s (business %v), want due %s %s remaining %s", tt.name,
				hm(c.Due), c.State, c.Remaining, c.Business, tt.due, tt.state, tt.remaining)
		}
		if tt.state == sla.Breached && c.Overdue != 7*time.Hour+30*time.Minute {
			t.Errorf("%s: overdue %s, want 7h30m of working time (Tue 10:00 to Wed 09:30)", tt.name, c.Overdue)
		}
	}
}

func TestResolutionTarget(t *testing.T) {
	cal := fixture(t)
	targets := model.DefaultSLA()
	targets.Resolution = map[string]int{string(model.KindIncident): 480}
	in := sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), Kind: model.KindIncident, Targets: targets, Calendar: cal,
		RespondedAt: at(t, "2026-03-09 10:30"), ResolvedAt: at(t, "2026-03-09 17:00")}
	c := clock(t, sla.Clocks(in, at(t, "2026-03-09 18:00")), sla.Resolution)
	if c.Rule != sla.RuleResolution || c.Target != 8*time.Hour || hm(c.Due) != "2026-03-09 18:00" || c.State != sla.Met || c.Stop != sla.StopResolved {
		t.Errorf("resolution clock = %+v", c)
	}
	in.Kind = model.KindConsultation
	for _, c := range sla.Clocks(in, at(t, "2026-03-09 18:00")) {
		if c.Kind == sla.Resolution {
			t.Error("a resolution clock for a kind without a target")
		}
	}
}

func TestNoClocks(t *testing.T) {
	if got := sla.Clocks(sla.Input{Targets: model.DefaultSLA()}, time.Now()); got != nil {
		t.Errorf("clocks without a report time = %v, want none", got)
	}
	reported := at(t, "2026-03-09 10:00")
	if got := sla.Clocks(sla.Input{ReportedAt: reported, OnSite: true}, reported); len(got) != 0 {
		t.Errorf("clocks without targets = %d, want none: 0 means the contract sets none", len(got))
	}
}

func TestStandardCalendar(t *testing.T) {
	reported := at(t, "2026-10-01 10:00") // a holiday, but the standard calendar knows none
	c := clock(t, sla.Clocks(sla.Input{ReportedAt: reported, Targets: model.DefaultSLA()}, reported), sla.Response)
	if c.Rule != sla.RuleInHours || hm(c.Due) != "2026-10-01 12:00" {
		t.Errorf("without a calendar: %s due %s, want in_hours due 12:00", c.Rule, hm(c.Due))
	}
	if !slices.ContainsFunc(c.Explanation, func(s sla.Step) bool { return s.Kind == sla.StepStandardCalendar }) {
		t.Errorf("explanation does not say the standard calendar was used: %+v", c.Explanation)
	}
}

func TestNext(t *testing.T) {
	cal := fixture(t)
	in := sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), OnSite: true, Targets: model.DefaultSLA(), Calendar: cal}
	in.Targets.Resolution = map[string]int{"incident": 480}
	in.Kind = model.KindIncident

	c, ok := sla.Next(sla.Clocks(in, at(t, "2026-03-09 10:30")))
	if !ok || c.Kind != sla.Response {
		t.Errorf("Next = %s %v, want the response clock (due 12:00)", c.Kind, ok)
	}
	in.RespondedAt = at(t, "2026-03-09 10:40")
	if c, ok := sla.Next(sla.Clocks(in, at(t, "2026-03-09 11:00"))); !ok || c.Kind != sla.OnSite {
		t.Errorf("Next after the response = %s %v, want on site (due 14:00)", c.Kind, ok)
	}
	// An open breached clock stays first: it is the most urgent.
	if c, ok := sla.Next(sla.Clocks(in, at(t, "2026-03-09 15:00"))); !ok || c.Kind != sla.OnSite || c.State != sla.Breached {
		t.Errorf("Next past the on-site due time = %s %s %v, want the breached on-site clock", c.Kind, c.State, ok)
	}
	in.ArrivedAt, in.ResolvedAt = at(t, "2026-03-09 13:00"), at(t, "2026-03-09 16:00")
	if c, ok := sla.Next(sla.Clocks(in, at(t, "2026-03-09 17:00"))); ok {
		t.Errorf("Next with every clock stopped = %s, want none", c.Kind)
	}
}
