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
// events after now are ignored, so the answer is what was known at now.
func Clocks(in Input, now time.Time) []Clock {
	if in.ReportedAt.IsZero() {
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
	specs := []spec{{Response, rule, minutes, []stopAt{{in.RespondedAt, StopResponded}, {in.ArrivedAt, StopArrived}, {in.ResolvedAt, StopResolved}}}}
	if in.OnSite {
		specs = append(specs, spec{OnSite, RuleOnSite, in.Targets.OnSite, []stopAt{{in.ArrivedAt, StopArrived}, {in.ResolvedAt, StopResolved}}})
	}
	specs = append(specs, spec{Resolution, RuleResolution, in.Targets.Resolution[string(in.Kind)], []stopAt{{in.ResolvedAt, StopResolved}}})

	var out []Clock
	for _, s := range specs {
		if s.minutes <= 0 {
			continue
		}
		c := Clock{Kind: s.kind, Rule: s.rule, Target: time.Duration(s.minutes) * time.Minute, Business: m.business, Start: in.ReportedAt.In(loc)}
		stop, reason := s.firstStop(now)
		head := []Step{{Kind: StepRule, At: c.Start, Rule: s.rule, Duration: c.Target, TicketKind: in.Kind, Moment: where}}
		if standard {
			head = append(head, Step{Kind: StepStandardCalendar})
		}
		out = append(out, run(c, head, m, stop.In(loc), reason, in.Pauses, now.In(loc)))
	}
	return out
}

// spec is one clock to compute: its rule, target and the events that stop
// it.
type spec struct {
	kind    ClockKind
	rule    Rule
	minutes int
	stops   []stopAt
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
// overlapping pauses count once.
func clip(ps []Interval, start, horizon time.Time, loc *time.Location) []pause {
	var out []pause
	for _, p := range ps {
		if p.Start.IsZero() || !p.Start.Before(horizon) {
			continue
		}
		s, e, open := p.Start, p.End, false
		if s.Before(start) {
			s = start
		}
		if e.IsZero() || e.After(horizon) {
			e, open = horizon, true
		}
		if e.After(s) || open {
			out = append(out, pause{s.In(loc), e.In(loc), open})
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
func run(c Clock, head []Step, m measure, stop time.Time, reason StopReason, pauses []Interval, now time.Time) Clock {
	stopped := !stop.IsZero()
	horizon := now
	if stopped {
		horizon, c.StoppedAt, c.Stop = stop, stop, reason
	}
	start := Step{Kind: StepStart, At: c.Start}
	if m.business {
		if from := m.cal.NextWorkingStart(c.Start); !from.Equal(c.Start) {
			start.To = from
		}
	}
	var steps []Step
	remaining, cur := c.Target, c.Start
	c.Due = m.add(cur, remaining)
	paused := false
	for _, p := range clip(pauses, c.Start, horizon, m.cal.Location()) {
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
	case now.After(c.Due):
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
