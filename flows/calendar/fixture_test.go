package calendar_test

import (
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/model"
)

// fixture5x8 is the seed's 5×8 calendar (seed §2.5) with a National Day
// week built for the tests, never shipped: 国庆节 Thu 2026-10-01 to Wed
// 2026-10-07, make-up working days Sun 2026-09-20 and Sat 2026-10-10, and
// New Year's Day Thu 2026-01-01.
func fixture5x8() model.Calendar {
	c := model.Default5x8(model.NilID, "5x8 北京")
	c.Holidays = map[string]string{"2026-01-01": "元旦"}
	for d := 1; d <= 7; d++ {
		c.Holidays[time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)] = "国庆节"
	}
	c.Workdays = map[string]string{"2026-09-20": "国庆节调休", "2026-10-10": "国庆节调休"}
	return c
}

func mustNew(t *testing.T, c model.Calendar) *calendar.Calendar {
	t.Helper()
	cal, err := calendar.New(c)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return cal
}

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at is a local time in loc written "2006-01-02 15:04".
func at(t *testing.T, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}
