package demo

import (
	"time"

	"yunwei/flows/calendar"
	"yunwei/model"
)

// People decide in working hours: customers approve and sign at their
// desks, engineers take the next step the next working morning. The demo
// counts its delays in the contracts' working time (they all run the
// seed's 5×8, seed §2.5), so every decision falls inside it; only the
// first answer to a request raised out of hours, and the arrival on site,
// are made on call, since the contract's clocks run then too (seed §2.6).

// workTime is the demo contracts' calendar.
type workTime struct{ cal *calendar.Calendar }

func newWorkTime() workTime {
	cal, err := calendar.New(model.Default5x8(model.NilID, "5×8"))
	if err != nil {
		panic("demo: the 5×8 calendar does not compile: " + err.Error())
	}
	return workTime{cal}
}

// working reports whether t is inside working hours.
func (w workTime) working(t time.Time) bool { return w.cal.IsWorking(t) }

// after is d of working time after t, inside working hours: never the end
// of a span (12:00 is lunch; 13:00 is the next working instant).
func (w workTime) after(t time.Time, d time.Duration) time.Time {
	next := w.cal.AddBusiness(t, d)
	if !w.cal.IsWorking(next) {
		next = w.cal.NextWorkingStart(next)
	}
	return next
}

// between is the working time from a to b.
func (w workTime) between(a, b time.Time) time.Duration { return w.cal.BusinessBetween(a, b) }

// spanLeft is how much of t's working span is left, 0 outside working
// hours.
func (w workTime) spanLeft(t time.Time) time.Duration {
	m := w.cal.At(t)
	if m.Phase != calendar.PhaseWorking {
		return 0
	}
	lt := m.Time
	end := time.Date(lt.Year(), lt.Month(), lt.Day(), 0, m.Span.End, 0, 0, lt.Location())
	return end.Sub(lt)
}

// latest is the last working minute at or before t.
func (w workTime) latest(t time.Time) time.Time {
	if w.cal.IsWorking(t) {
		return t
	}
	return w.before(t, time.Minute)
}

// before is the instant d of working time before t.
func (w workTime) before(t time.Time, d time.Duration) time.Time {
	loc := w.cal.Location()
	day := t.In(loc)
	for range 3660 { // ten years of days without work would be a broken calendar
		info := w.cal.Day(day)
		for i := len(info.Spans) - 1; i >= 0; i-- {
			sp := info.Spans[i]
			start := time.Date(day.Year(), day.Month(), day.Day(), 0, sp.Start, 0, 0, loc)
			end := time.Date(day.Year(), day.Month(), day.Day(), 0, sp.End, 0, 0, loc)
			if !start.Before(t) {
				continue
			}
			if end.After(t) {
				end = t
			}
			avail := end.Sub(start)
			if d <= avail {
				return end.Add(-d)
			}
			d -= avail
		}
		y, m, dd := day.Date()
		day = time.Date(y, m, dd-1, 12, 0, 0, 0, loc)
	}
	return t.Add(-d)
}
