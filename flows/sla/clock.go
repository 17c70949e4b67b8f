package sla

import (
	"slices"
	"time"

	"yunwei/flows/calendar"
)

// Clocks computes the ticket's clocks as they stand at now: the response
// clock always, the on-site clock when on-site service is needed, the
// resolution clock when the contract sets a target for the ticket's kind. A
// target of 0 means the contract sets none, and that clock is left out;
// events after now are ignored, so the answer is what was known at now. The
// basis decides what they count from: a vendor's own notice has no clock,
// and planned work's arrival and resolution count from its scheduled time.
func Clocks(in Input, now time.Time) []Clock {
	if in.ReportedAt.IsZero() || in.Basis == BasisNone {
		return nil
	}
	cal, standard := in.Calendar, false
	if cal == nil {
		cal, standard = standard5x8(), true
	}
	loc := cal.Location()
	m := measure{cal, in.Targets.BusinessDurations}
	where := cal.At(in.ReportedAt)

	// seed §2.6: the calendar decides which response target applies.
	rule, minutes := RuleInHours, in.Targets.ResponseInHours
	if where.Phase != calendar.PhaseWorking {
		rule, minutes = RuleOutHours, in.Targets.ResponseOutHours
	}
	// The work itself: from the request, or from the time it is planned for.
	basis, work, scheduled := BasisRequest, in.ReportedAt, false
	if in.Basis == BasisSchedule {
		basis, work, scheduled = BasisSchedule, in.ScheduledAt, true
	}
	specs := []spec{{Response, rule, minutes, in.ReportedAt, false, []stopAt{{in.RespondedAt, StopResponded}, {in.ArrivedAt, StopArrived}, {in.ResolvedAt, StopResolved}}}}
	if in.OnSite {
		specs = append(specs, spec{OnSite, RuleOnSite, in.Targets.OnSite, work, scheduled, []stopAt{{in.ArrivedAt, StopArrived}, {in.ResolvedAt, StopResolved}}})
	}
	specs = append(specs, spec{Resolution, RuleResolution, in.Targets.Resolution[string(in.Kind)], work, scheduled, []stopAt{{in.ResolvedAt, StopResolved}}})

	var out []Clock
	for _, s := range specs {
		if s.minutes <= 0 || s.start.IsZero() {
			continue
		}
		c := Clock{Kind: s.kind, Rule: s.rule, Target: time.Duration(s.minutes) * time.Minute, Business: m.business, Start: s.start.In(loc)}
		stop, reason := s.firstStop(now)
		head := []Step{
			{Kind: StepBasis, Basis: basis, TicketKind: in.Kind, At: timeIn(in.ScheduledAt, loc)},
			{Kind: StepRule, At: in.ReportedAt.In(loc), Rule: s.rule, Duration: c.Target, TicketKind: in.Kind, Moment: where, Scheduled: s.scheduled},
		}
		if standard {
			head = append(head, Step{Kind: StepStandardCalendar})
		}
		out = append(out, run(c, head, m, stop.In(loc), reason, in.Pauses, now.In(loc), s.scheduled))
	}
	return out
}

// timeIn is t in loc, the zero time staying zero.
func timeIn(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(loc)
}

// spec is one clock to compute: its rule, target and the events that stop
// it.
type spec struct {
	kind    ClockKind
	rule    Rule
	minutes int
	// start is when the clock starts: the request, or for planned work the
	// scheduled time (scheduled); zero while the work is not scheduled.
	start     time.Time
	scheduled bool
	stops     []stopAt
}

type stopAt struct {
	at     time.Time
	reason StopReason
}

// firstStop is the earliest stop event known at now (zero if none).
func (s spec) firstStop(now time.Time) (time.Time, StopReason) {
	var best stopAt
	for _, st := range s.stops {
		if !st.at.IsZero() && !st.at.After(now) && (best.at.IsZero() || st.at.Before(best.at)) {
			best = st
		}
	}
	return best.at, best.reason
}

// measure counts time the contract's way: wall-clock by default, working
// time when BusinessDurations is set (DESIGN §3).
type measure struct {
	cal      *calendar.Calendar
	business bool
}

func (m measure) between(a, b time.Time) time.Duration {
	if m.business {
		return m.cal.BusinessBetween(a, b)
	}
	return b.Sub(a)
}

func (m measure) add(t time.Time, d time.Duration) time.Time {
	if m.business {
		return m.cal.AddBusiness(t, d)
	}
	return t.Add(d)
}

// pause is a pause clipped to the clock's life; open when it had not ended
// by the clock's horizon (its stop, or now).
type pause struct {
	start, end time.Time
	open       bool
}

// clip keeps the pauses that begin before the horizon, clipped to start at
// the clock's start and end by the horizon, sorted and merged so that
// overlapping pauses count once. A pause that begins at the horizon itself
// counts when the horizon is now (open): the ticket is waiting on the
// customer at now, as it is when the projection computes the clock at the
// very event that began the wait. At a stop it does not: the clock had
// stopped.
func clip(ps []Interval, start, horizon time.Time, open bool, loc *time.Location) []pause {
	var out []pause
	for _, p := range ps {
		if p.Start.IsZero() || p.Start.After(horizon) || (!open && p.Start.Equal(horizon)) {
			continue
		}
		s, e, ongoing := p.Start, p.End, false
		if s.Before(start) {
			s = start
		}
		if e.IsZero() || e.After(horizon) {
			e, ongoing = horizon, true
		}
		if e.After(s) || (ongoing && e.Equal(s)) {
			out = append(out, pause{s.In(loc), e.In(loc), ongoing})
		}
	}
	slices.SortFunc(out, func(a, b pause) int { return a.start.Compare(b.start) })
	var merged []pause
	for _, p := range out {
		if n := len(merged); n > 0 && !p.start.After(merged[n-1].end) {
			last := &merged[n-1]
			if p.end.After(last.end) {
				last.end = p.end
			}
			last.open = last.open || p.open
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// run walks the clock from its start through its pauses to its stop or now;
// head is the start of its explanation (the rule).
// A scheduled clock's start is the time its work is scheduled for.
func run(c Clock, head []Step, m measure, stop time.Time, reason StopReason, pauses []Interval, now time.Time, scheduled bool) Clock {
	stopped := !stop.IsZero()
	horizon := now
	if stopped {
		horizon, c.StoppedAt, c.Stop = stop, stop, reason
	}
	start := Step{Kind: StepStart, At: c.Start, Scheduled: scheduled}
	if m.business {
		if from := m.cal.NextWorkingStart(c.Start); !from.Equal(c.Start) {
			start.To = from
		}
	}
	var steps []Step
	remaining, cur := c.Target, c.Start
	c.Due = m.add(cur, remaining)
	paused := false
	for _, p := range clip(pauses, c.Start, horizon, !stopped, m.cal.Location()) {
		if !p.start.Before(c.Due) {
			steps = append(steps, Step{Kind: StepLatePause, At: p.start})
			continue
		}
		remaining -= m.between(cur, p.start)
		steps = append(steps, Step{Kind: StepPause, At: p.start})
		cur = p.end
		if p.open && !stopped {
			paused = true
		} else if !p.open {
			steps = append(steps, Step{Kind: StepResume, At: p.end, Duration: m.between(p.start, p.end), Business: m.business})
		}
		c.Due = m.add(cur, remaining)
	}

	switch {
	case stopped && !stop.After(c.Due):
		c.State, c.Remaining = Met, m.between(stop, c.Due)
	case stopped:
		c.State, c.Overdue = Breached, m.between(c.Due, stop)
	case paused:
		c.State, c.Remaining = Paused, remaining
	case StateAt(Running, c.Due, now) == Breached:
		c.State, c.Overdue = Breached, m.between(c.Due, now)
	default:
		c.State, c.Remaining = Running, m.between(now, c.Due)
	}

	var days []Step
	if m.business {
		days = calendarSteps(m.cal.Exceptions(c.Start, c.Due))
	}
	outcome := c.Remaining
	if c.State == Breached {
		outcome = c.Overdue
	}
	exp := make([]Step, 0, len(head)+len(days)+len(steps)+5)
	exp = append(exp, head...)
	exp = append(exp, Step{Kind: StepCounting, Business: m.business})
	exp = append(exp, days...)
	exp = append(exp, start)
	exp = append(exp, steps...)
	exp = append(exp, Step{Kind: StepDue, At: c.Due, State: c.State})
	if stopped {
		exp = append(exp, Step{Kind: StepStop, At: stop, Stop: reason})
	}
	c.Explanation = append(exp, Step{Kind: StepOutcome, State: c.State, Duration: outcome, Open: !stopped, Business: m.business})
	return c
}

// calendarSteps groups consecutive holidays or make-up days of the same
// name into one step each: "2026-10-01 to 2026-10-07: public holiday".
func calendarSteps(days []calendar.DayInfo) []Step {
	var out []Step
	for _, d := range days {
		if n := len(out); n > 0 {
			last := &out[n-1]
			prev := last.Days[len(last.Days)-1]
			if prev.Kind == d.Kind && prev.Name == d.Name && nextDate(prev.Date) == d.Date {
				last.Days = append(last.Days, d)
				continue
			}
		}
		out = append(out, Step{Kind: StepCalendar, Days: []calendar.DayInfo{d}})
	}
	return out
}

func nextDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, 1).Format(time.DateOnly)
}
