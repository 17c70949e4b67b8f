// Package slatest is what the tests of SLA clocks share, in flows/sla and
// wherever clocks are worded: a business calendar with a National Day
// week, Shanghai times written as people write them, and a clock picked
// by kind.
package slatest

import (
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla"
	"yunwei/model"
)

// Calendar is the seed's 5×8 calendar (seed §2.5) with a National Day
// week built for the tests only: 国庆节 Thu 2026-10-01 to Wed 2026-10-07,
// make-up working days Sun 2026-09-20 and Sat 2026-10-10.
func Calendar(t testing.TB) *calendar.Calendar {
	t.Helper()
	c := model.Default5x8(model.NilID, "5x8")
	c.Holidays = map[string]string{}
	for d := 1; d <= 7; d++ {
		c.Holidays[time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)] = "国庆节"
	}
	c.Workdays = map[string]string{"2026-09-20": "国庆节调休", "2026-10-10": "国庆节调休"}
	cal, err := calendar.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

// Shanghai is the calendar's zone.
var Shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// At is a Shanghai time written "2006-01-02 15:04"; "" is the zero time.
func At(t testing.TB, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, Shanghai)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}

// Clock is the clock of kind k among clocks; the test fails without one.
func Clock(t testing.TB, clocks []sla.Clock, k sla.ClockKind) sla.Clock {
	t.Helper()
	for _, c := range clocks {
		if c.Kind == k {
			return c
		}
	}
	t.Fatalf("no %s clock among %d", k, len(clocks))
	return sla.Clock{}
}
