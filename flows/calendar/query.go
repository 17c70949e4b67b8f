package calendar

import "time"

// instants turns a span of date d into instants. Spans are local clock
// times, so across a daylight-saving change a span simply lasts the real
// time that passes between its start and its end.
func (c *Calendar) instants(d date, sp Span) (start, end time.Time) {
	return d.at(sp.Start, c.loc), d.at(sp.End, c.loc)
}

// IsWorking reports whether t falls inside working hours (seed §2.6 "within
// working hours").
func (c *Calendar) IsWorking(t time.Time) bool { return c.At(t).Phase == PhaseWorking }

// NextWorkingStart is t itself when t is working time, else the start of the
// next working span. It always ends: New guarantees a weekday with working
// hours, and only finitely many dates are holidays.
func (c *Calendar) NextWorkingStart(t time.Time) time.Time {
	t = t.In(c.loc)
	for d := dateOf(t, c.loc); ; d = d.add(1) {
		_, _, spans := c.lookup(d)
		for _, sp := range spans {
			start, end := c.instants(d, sp)
			if t.Before(end) {
				if t.Before(start) {
					return start
				}
				return t
			}
		}
	}
}

// AddBusiness returns the instant at which d of working time has passed
// after t, counting only time inside working spans. When the count ends
// exactly at the end of a span, that end is the answer (12:00, not 13:00).
// A d of zero or less returns t.
func (c *Calendar) AddBusiness(t time.Time, d time.Duration) time.Time {
	t = t.In(c.loc)
	if d <= 0 {
		return t
	}
	for day := dateOf(t, c.loc); ; day = day.add(1) {
		_, _, spans := c.lookup(day)
		for _, sp := range spans {
			from, end := c.instants(day, sp)
			if !end.After(t) {
				continue
			}
			if t.After(from) {
				from = t
			}
			avail := end.Sub(from)
			if d <= avail {
				return from.Add(d)
			}
			d -= avail
		}
	}
}

// BusinessBetween is the working time from a to b; negative when b is before
// a.
func (c *Calendar) BusinessBetween(a, b time.Time) time.Duration {
	if b.Before(a) {
		return -c.BusinessBetween(b, a)
	}
	var sum time.Duration
	last := dateOf(b, c.loc)
	for day := dateOf(a, c.loc); !day.after(last); day = day.add(1) {
		_, _, spans := c.lookup(day)
		for _, sp := range spans {
			from, to := c.instants(day, sp)
			if a.After(from) {
				from = a
			}
			if b.Before(to) {
				to = b
			}
			if to.After(from) {
				sum += to.Sub(from)
			}
		}
	}
	return sum
}
