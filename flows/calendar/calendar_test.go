package calendar_test

import (
	"strings"
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/model"
)

func TestDay(t *testing.T) {
	cal := mustNew(t, fixture5x8())
	tests := []struct {
		when    string
		kind    calendar.DayKind
		name    string
		working bool
	}{
		{"2026-03-09 10:00", calendar.DayWorking, "", true},
		{"2026-03-07 10:00", calendar.DayRest, "", false},
		{"2026-03-08 10:00", calendar.DayRest, "", false},
		{"2026-10-01 10:00", calendar.DayHoliday, "国庆节", false},
		{"2026-10-03 10:00", calendar.DayHoliday, "国庆节", false}, // a holiday on a Saturday
		{"2026-09-20 10:00", calendar.DayMakeUp, "国庆节调休", true},
		{"2026-10-10 23:59", calendar.DayMakeUp, "国庆节调休", true},
		{"2026-01-01 00:00", calendar.DayHoliday, "元旦", false},
	}
	for _, tt := range tests {
		d := cal.Day(at(t, shanghai, tt.when))
		if d.Kind != tt.kind || d.Name != tt.name || d.Working() != tt.working || d.Date != tt.when[:10] {
			t.Errorf("Day(%s) = %+v, want kind %s name %q working %v", tt.when, d, tt.kind, tt.name, tt.working)
		}
	}
	// The date is the calendar's, not the caller's: 2026-09-30 17:00 UTC is
	// 2026-10-01 01:00 in Shanghai, a holiday.
	if d := cal.Day(time.Date(2026, 9, 30, 17, 0, 0, 0, time.UTC)); d.Date != "2026-10-01" || d.Kind != calendar.DayHoliday {
		t.Errorf("Day of an instant given in UTC = %+v, want the Shanghai date 2026-10-01", d)
	}
}

func TestIsWorkingAndAt(t *testing.T) {
	cal := mustNew(t, fixture5x8())
	tests := []struct {
		when    string
		working bool
		phase   calendar.Phase
		span    string
	}{
		{"2026-03-09 08:59", false, calendar.PhaseBeforeHours, "09:00-12:00"},
		{"2026-03-09 09:00", true, calendar.PhaseWorking, "09:00-12:00"},
		{"2026-03-09 11:59", true, calendar.PhaseWorking, "09:00-12:00"},
		{"2026-03-09 12:00", false, calendar.PhaseBreak, "12:00-13:00"},
		{"2026-03-09 12:30", false, calendar.PhaseBreak, "12:00-13:00"},
		{"2026-03-09 13:00", true, calendar.PhaseWorking, "13:00-18:00"},
		{"2026-03-09 17:59", true, calendar.PhaseWorking, "13:00-18:00"},
		{"2026-03-09 18:00", false, calendar.PhaseAfterHours, "13:00-18:00"},
		{"2026-03-09 00:00", false, calendar.PhaseBeforeHours, "09:00-12:00"},
		{"2026-03-07 10:15", false, calendar.PhaseDayOff, "00:00-00:00"},
		{"2026-10-05 10:15", false, calendar.PhaseDayOff, "00:00-00:00"},
		{"2026-09-20 10:15", true, calendar.PhaseWorking, "09:00-12:00"},
		{"2026-09-20 08:00", false, calendar.PhaseBeforeHours, "09:00-12:00"},
	}
	for _, tt := range tests {
		when := at(t, shanghai, tt.when)
		if got := cal.IsWorking(when); got != tt.working {
			t.Errorf("IsWorking(%s) = %v, want %v", tt.when, got, tt.working)
		}
		m := cal.At(when)
		if m.Phase != tt.phase || m.Span.String() != tt.span || !m.Time.Equal(when) {
			t.Errorf("At(%s) = phase %s span %s, want %s %s", tt.when, m.Phase, m.Span, tt.phase, tt.span)
		}
	}
	// 01:00 UTC is 09:00 in Shanghai.
	if !cal.IsWorking(time.Date(2026, 3, 9, 1, 0, 0, 0, time.UTC)) {
		t.Error("IsWorking(01:00 UTC on a Monday) = false, want true: it is 09:00 in Shanghai")
	}
}

func TestNextWorkingStart(t *testing.T) {
	cal := mustNew(t, fixture5x8())
	tests := []struct{ from, want string }{
		{"2026-03-09 10:00", "2026-03-09 10:00"}, // already working
		{"2026-03-09 08:59", "2026-03-09 09:00"},
		{"2026-03-09 12:30", "2026-03-09 13:00"}, // lunch
		{"2026-03-13 18:00", "2026-03-16 09:00"}, // Friday evening → Monday
		{"2026-09-19 10:00", "2026-09-20 09:00"}, // Saturday → make-up Sunday
		{"2026-09-30 18:00", "2026-10-08 09:00"}, // across 国庆
		{"2026-10-09 18:00", "2026-10-10 09:00"}, // Friday → make-up Saturday
		{"2025-12-31 18:00", "2026-01-02 09:00"}, // year end, New Year's Day off
	}
	for _, tt := range tests {
		got := cal.NextWorkingStart(at(t, shanghai, tt.from))
		if want := at(t, shanghai, tt.want); !got.Equal(want) || got.Location() != cal.Location() {
			t.Errorf("NextWorkingStart(%s) = %s, want %s in the calendar's zone", tt.from, got, want)
		}
	}
}

func TestAddBusiness(t *testing.T) {
	cal := mustNew(t, fixture5x8())
	tests := []struct {
		name, from string
		d          time.Duration
		want       string
	}{
		{"within a span", "2026-03-09 09:00", time.Hour, "2026-03-09 10:00"},
		{"ends exactly at lunch", "2026-03-09 11:00", time.Hour, "2026-03-09 12:00"},
		{"across lunch", "2026-03-09 11:00", 2 * time.Hour, "2026-03-09 14:00"},
		{"starts in lunch", "2026-03-09 12:30", 2 * time.Hour, "2026-03-09 15:00"},
		{"overnight", "2026-03-09 17:00", 2 * time.Hour, "2026-03-10 10:00"},
		{"starts before hours", "2026-03-09 07:00", 2 * time.Hour, "2026-03-09 11:00"},
		{"over the weekend", "2026-03-13 17:00", 2 * time.Hour, "2026-03-16 10:00"},
		{"from Saturday", "2026-03-07 10:15", time.Hour, "2026-03-09 10:00"},
		{"a full day", "2026-03-09 09:00", 8 * time.Hour, "2026-03-09 18:00"},
		{"into a make-up Sunday", "2026-09-19 10:00", time.Hour, "2026-09-20 10:00"},
		{"across 国庆", "2026-09-30 17:00", 2 * time.Hour, "2026-10-08 10:00"},
		{"国庆 then a make-up Saturday", "2026-09-30 09:00", 32 * time.Hour, "2026-10-10 18:00"},
		{"year end", "2025-12-31 17:00", 2 * time.Hour, "2026-01-02 10:00"},
		{"zero", "2026-03-07 10:15", 0, "2026-03-07 10:15"},
		{"negative", "2026-03-07 10:15", -time.Hour, "2026-03-07 10:15"},
	}
	for _, tt := range tests {
		from := at(t, shanghai, tt.from)
		got := cal.AddBusiness(from, tt.d)
		if want := at(t, shanghai, tt.want); !got.Equal(want) {
			t.Errorf("%s: AddBusiness(%s, %s) = %s, want %s", tt.name, tt.from, tt.d, got.Format("2006-01-02 15:04"), tt.want)
		}
		if tt.d > 0 {
			if back := cal.BusinessBetween(from, got); back != tt.d {
				t.Errorf("%s: BusinessBetween(%s, AddBusiness(…)) = %s, want %s", tt.name, tt.from, back, tt.d)
			}
		}
	}
}

func TestBusinessBetween(t *testing.T) {
	cal := mustNew(t, fixture5x8())
	tests := []struct {
		a, b string
		want time.Duration
	}{
		{"2026-03-09 09:00", "2026-03-09 18:00", 8 * time.Hour},
		{"2026-03-09 11:30", "2026-03-09 13:30", time.Hour},
		{"2026-03-09 12:10", "2026-03-09 12:50", 0},
		{"2026-03-13 17:00", "2026-03-16 10:00", 2 * time.Hour},
		{"2026-09-30 09:00", "2026-10-08 18:00", 16 * time.Hour}, // 7 days of 国庆 count nothing
		{"2026-09-19 00:00", "2026-09-21 00:00", 8 * time.Hour},  // only the make-up Sunday
		{"2025-12-31 09:00", "2026-01-02 18:00", 16 * time.Hour},
		{"2026-03-09 18:00", "2026-03-09 09:00", -8 * time.Hour},
	}
	for _, tt := range tests {
		if got := cal.BusinessBetween(at(t, shanghai, tt.a), at(t, shanghai, tt.b)); got != tt.want {
			t.Errorf("BusinessBetween(%s, %s) = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestMidnight checks spans that meet at midnight: a night shift and 7×24.
func TestMidnight(t *testing.T) {
	night := model.Calendar{Name: "night", TimeZone: "Asia/Shanghai"}
	allDay := model.Calendar{Name: "7x24", TimeZone: "Asia/Shanghai"}
	for d := range 7 {
		night.Weekly[d] = []string{"00:00-02:00", "22:00-24:00"}
		allDay.Weekly[d] = []string{"00:00-24:00"}
	}
	n, a := mustNew(t, night), mustNew(t, allDay)
	if got, want := n.AddBusiness(at(t, shanghai, "2026-03-09 23:00"), 2*time.Hour), at(t, shanghai, "2026-03-10 01:00"); !got.Equal(want) {
		t.Errorf("night shift: 23:00 + 2 h = %s, want %s", got, want)
	}
	if !n.IsWorking(at(t, shanghai, "2026-03-10 00:00")) || n.IsWorking(at(t, shanghai, "2026-03-10 02:00")) {
		t.Error("night shift: midnight must be working time and 02:00 must not")
	}
	if got, want := n.NextWorkingStart(at(t, shanghai, "2026-03-10 02:00")), at(t, shanghai, "2026-03-10 22:00"); !got.Equal(want) {
		t.Errorf("night shift: next start after 02:00 = %s, want %s", got, want)
	}
	if got, want := a.AddBusiness(at(t, shanghai, "2026-12-31 23:30"), time.Hour), at(t, shanghai, "2027-01-01 00:30"); !got.Equal(want) {
		t.Errorf("7x24: 23:30 on Dec 31 + 1 h = %s, want %s", got, want)
	}
	if got := a.BusinessBetween(at(t, shanghai, "2026-12-31 00:00"), at(t, shanghai, "2027-01-02 00:00")); got != 48*time.Hour {
		t.Errorf("7x24 across the year end = %s, want 48h", got)
	}
}

// TestDaylightSaving checks a zone with summer time: Europe/Berlin moves
// its clocks on Sun 2026-03-29 (02:00 → 03:00) and Sun 2026-10-25 (03:00 →
// 02:00). Working spans are local clock times; business time is real time.
func TestDaylightSaving(t *testing.T) {
	berlin := mustZone("Europe/Berlin")
	office := model.Calendar{Name: "Berlin", TimeZone: "Europe/Berlin", WorkdayHours: []string{"09:00-17:00"}}
	allDay := model.Calendar{Name: "Berlin 7x24", TimeZone: "Europe/Berlin"}
	for d := range 7 {
		if d >= 1 && d <= 5 {
			office.Weekly[d] = []string{"09:00-17:00"}
		}
		allDay.Weekly[d] = []string{"00:00-24:00"}
	}
	o, a := mustNew(t, office), mustNew(t, allDay)

	from := at(t, berlin, "2026-03-27 16:00")
	due := o.AddBusiness(from, 2*time.Hour)
	if want := at(t, berlin, "2026-03-30 10:00"); !due.Equal(want) {
		t.Errorf("Friday 16:00 + 2 h over the spring change = %s, want %s", due, want)
	}
	if wall := due.Sub(from); wall != 65*time.Hour {
		t.Errorf("wall time over the spring weekend = %s, want 65h (one hour is skipped)", wall)
	}
	if got := a.BusinessBetween(at(t, berlin, "2026-03-28 00:00"), at(t, berlin, "2026-03-30 00:00")); got != 47*time.Hour {
		t.Errorf("7x24 over the spring change = %s, want 47h", got)
	}
	if got := a.BusinessBetween(at(t, berlin, "2026-10-24 00:00"), at(t, berlin, "2026-10-26 00:00")); got != 49*time.Hour {
		t.Errorf("7x24 over the autumn change = %s, want 49h", got)
	}
	if got, want := a.AddBusiness(at(t, berlin, "2026-03-29 01:30"), time.Hour), at(t, berlin, "2026-03-29 03:30"); !got.Equal(want) {
		t.Errorf("7x24: 01:30 + 1 h on the spring change = %s, want %s", got, want)
	}
	if !o.IsWorking(at(t, berlin, "2026-10-26 09:00")) || o.IsWorking(at(t, berlin, "2026-10-25 10:00")) {
		t.Error("Berlin: Monday 09:00 after the change must be working, the Sunday must not")
	}
}

func TestExceptions(t *testing.T) {
	cal := mustNew(t, fixture5x8())
	got := cal.Exceptions(at(t, shanghai, "2026-09-20 10:00"), at(t, shanghai, "2026-10-02 08:00"))
	var dates []string
	for _, d := range got {
		dates = append(dates, d.Date+" "+string(d.Kind))
	}
	want := "2026-09-20 make_up,2026-10-01 holiday,2026-10-02 holiday"
	if strings.Join(dates, ",") != want {
		t.Errorf("Exceptions = %v, want %s", dates, want)
	}
}

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(*model.Calendar)
		want string
	}{
		{"unknown zone", func(c *model.Calendar) { c.TimeZone = "Mars/Olympus" }, `time zone "Mars/Olympus" is unknown`},
		{"machine-local zone", func(c *model.Calendar) { c.TimeZone = "Local" }, `time zone "Local" is unknown`},
		{"bad span", func(c *model.Calendar) { c.Weekly[1] = []string{"9:00-12:00"} }, "Monday: \"9:00-12:00\" is not working hours"},
		{"end before start", func(c *model.Calendar) { c.Weekly[1] = []string{"18:00-09:00"} }, "is not working hours"},
		{"past midnight", func(c *model.Calendar) { c.Weekly[1] = []string{"22:00-24:30"} }, "is not working hours"},
		{"overlap", func(c *model.Calendar) { c.Weekly[2] = []string{"09:00-12:00", "11:00-18:00"} }, "overlap or are out of order"},
		{"bad make-up hours", func(c *model.Calendar) { c.WorkdayHours = []string{"morning"} }, "make-up day hours"},
		{"no hours at all", func(c *model.Calendar) { c.Weekly = [7][]string{} }, "no weekday has working hours"},
		{"not a real date", func(c *model.Calendar) { c.Holidays["2026-02-30"] = "x" }, "February 2026 has 28 days"},
		{"control character", func(c *model.Calendar) { c.Holidays["2026-05-01"] = "劳动节\x1b[31m" }, "control character (U+001B)"},
		{"both kinds", func(c *model.Calendar) { c.Workdays["2026-10-01"] = "补班" }, "2026-10-01 is both a holiday"},
	}
	for _, tt := range tests {
		c := fixture5x8()
		tt.edit(&c)
		_, err := calendar.New(c)
		if err == nil || !strings.Contains(err.Error(), tt.want) || model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%s: New error = %v, want EINVALID containing %q", tt.name, err, tt.want)
		}
	}
}

func TestNewDefaults(t *testing.T) {
	c := fixture5x8()
	c.TimeZone, c.WorkdayHours = "", nil
	c.Weekly[1] = []string{"08:30-12:00", "13:30-17:30"}
	cal := mustNew(t, c)
	if cal.Location().String() != model.DefaultZoneName {
		t.Errorf("zone = %s, want %s", cal.Location(), model.DefaultZoneName)
	}
	// Without WorkdayHours a make-up day works Monday's hours.
	if d := cal.Day(at(t, shanghai, "2026-09-20 10:00")); calendar.JoinSpans(d.Spans, ",") != "08:30-12:00,13:30-17:30" {
		t.Errorf("make-up day hours = %v, want Monday's", d.Spans)
	}
}
