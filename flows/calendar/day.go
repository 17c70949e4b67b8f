package calendar

import (
	"slices"
	"sort"
	"time"
)

// DayKind says why a date is or is not a working day.
type DayKind string

// The four kinds of day.
const (
	DayWorking DayKind = "working" // an ordinary working day by the weekly hours
	DayRest    DayKind = "rest"    // a weekday with no weekly hours (the weekend, for 5×8)
	DayHoliday DayKind = "holiday" // a public holiday: no work
	DayMakeUp  DayKind = "make_up" // a make-up working day (调休上班), with the make-up hours
)

// DayInfo explains one date of the calendar (used by SLA explanations).
type DayInfo struct {
	Date    string // YYYY-MM-DD
	Weekday time.Weekday
	Kind    DayKind
	Name    string // the holiday's or make-up day's name; may be empty
	Spans   []Span // the day's working hours; none on rest days and holidays
}

// Working reports whether the date has any working hours.
func (d DayInfo) Working() bool { return len(d.Spans) > 0 }

// lookup looks a date up: a holiday beats the weekly hours, a make-up day
// replaces them. The spans are the calendar's own: callers outside the
// package get a copy (DayInfo).
func (c *Calendar) lookup(d date) (DayKind, string, []Span) {
	if name, ok := c.holidays[d]; ok {
		return DayHoliday, name, nil
	}
	if name, ok := c.workdays[d]; ok {
		return DayMakeUp, name, c.workday
	}
	if spans := c.weekly[d.weekday()]; len(spans) > 0 {
		return DayWorking, "", spans
	}
	return DayRest, "", nil
}

// day explains a date.
func (c *Calendar) day(d date) DayInfo {
	kind, name, spans := c.lookup(d)
	return DayInfo{Date: d.String(), Weekday: d.weekday(), Kind: kind, Name: name, Spans: slices.Clone(spans)}
}

// Day explains the local date of t.
func (c *Calendar) Day(t time.Time) DayInfo { return c.day(dateOf(t, c.loc)) }

// Exceptions lists the holidays and make-up days from the local date of a
// to that of b, both included, in date order.
func (c *Calendar) Exceptions(a, b time.Time) []DayInfo {
	from, to := dateOf(a, c.loc), dateOf(b, c.loc)
	var out []DayInfo
	for _, set := range []map[date]string{c.holidays, c.workdays} {
		for d := range set {
			if !from.after(d) && !d.after(to) {
				out = append(out, c.day(d))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// Phase says where an instant falls in its day.
type Phase string

// The phases of a day.
const (
	PhaseWorking     Phase = "working"      // inside a working span
	PhaseBeforeHours Phase = "before_hours" // before the day's first span
	PhaseBreak       Phase = "break"        // between two spans (a lunch break)
	PhaseAfterHours  Phase = "after_hours"  // after the day's last span
	PhaseDayOff      Phase = "day_off"      // the day has no working hours
)

// Moment explains an instant: its day and where in the day it falls.
type Moment struct {
	Time  time.Time // the instant, in the calendar's zone
	Day   DayInfo
	Phase Phase
	// Span is the span containing the instant (working), the day's first
	// span (before hours), the gap between two spans (break, e.g.
	// 12:00-13:00) or the day's last span (after hours).
	Span Span
}

// At explains where t falls in the calendar.
func (c *Calendar) At(t time.Time) Moment {
	d := dateOf(t, c.loc)
	m := Moment{Time: t.In(c.loc), Day: c.day(d), Phase: PhaseDayOff}
	spans := m.Day.Spans
	for i, sp := range spans {
		start, end := c.instants(d, sp)
		switch {
		case t.Before(start):
			if i == 0 {
				m.Phase, m.Span = PhaseBeforeHours, sp
			} else {
				m.Phase, m.Span = PhaseBreak, Span{spans[i-1].End, sp.Start}
			}
			return m
		case t.Before(end):
			m.Phase, m.Span = PhaseWorking, sp
			return m
		}
	}
	if len(spans) > 0 {
		m.Phase, m.Span = PhaseAfterHours, spans[len(spans)-1]
	}
	return m
}
