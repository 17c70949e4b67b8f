package calendar_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/model"
)

func TestApply(t *testing.T) {
	base := fixture5x8()
	base.Holidays["2026-10-08"] = "国庆节"
	before := fixture5x8()
	before.Holidays["2026-10-08"] = "国庆节"
	ch, err := calendar.ParseText(strings.NewReader(`tz Asia/Shanghai
weekly sat 09:00-12:00
2026-10-08 workday 国庆节调休
2026-10-01 holiday 国庆节
2026-05-01..2026-05-05 holiday 劳动节
2026-09-20 workday 中秋节调休
`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := calendar.Apply(base, ch)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if !reflect.DeepEqual(base, before) {
		t.Error("Apply changed the calendar it was given")
	}
	if _, still := got.Holidays["2026-10-08"]; still || got.Workdays["2026-10-08"] != "国庆节调休" {
		t.Errorf("2026-10-08: holiday %q workday %q, want the file's make-up day only", got.Holidays["2026-10-08"], got.Workdays["2026-10-08"])
	}
	if got.Holidays["2026-05-03"] != "劳动节" || got.Holidays["2026-10-03"] != "国庆节" || got.Holidays["2026-01-01"] != "元旦" {
		t.Errorf("holidays = %v", got.Holidays)
	}
	if strings.Join(got.Weekly[time.Saturday], ",") != "09:00-12:00" || strings.Join(got.Weekly[time.Monday], ",") != "09:00-12:00,13:00-18:00" {
		t.Errorf("weekly = %v", got.Weekly)
	}
	cal := mustNew(t, got)
	if !cal.IsWorking(at(t, shanghai, "2026-10-08 10:00")) || cal.IsWorking(at(t, shanghai, "2026-05-04 10:00")) {
		t.Error("the merged calendar does not answer as the file says")
	}

	var notes []string
	for _, n := range calendar.Overrides(base, ch) {
		notes = append(notes, n.String())
	}
	want := []string{
		"line 2: Saturday hours change from off to 09:00-12:00",
		"line 3: 2026-10-08 was a public holiday: 国庆节 and becomes a make-up working day: 国庆节调休",
		"line 6: 2026-09-20 was a make-up working day: 国庆节调休 and becomes a make-up working day: 中秋节调休",
	}
	if !reflect.DeepEqual(notes, want) {
		t.Errorf("Overrides =\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}

func TestApplyToEmptyAndInvalid(t *testing.T) {
	ch, err := calendar.ParseText(strings.NewReader("2026-10-01 holiday 国庆节"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := calendar.Apply(model.Default5x8(model.NilID, "new"), ch)
	if err != nil || got.Holidays["2026-10-01"] != "国庆节" || got.Workdays != nil {
		t.Errorf("Apply to a calendar without dates = %+v, %v", got, err)
	}
	off, err := calendar.ParseText(strings.NewReader("weekly mon-sun off"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := calendar.Apply(model.Default5x8(model.NilID, "new"), off); err == nil || !strings.Contains(err.Error(), "no weekday has working hours") || model.ErrorCode(err) != model.EINVALID {
		t.Errorf("Apply of a file that removes every working hour = %v, want EINVALID", err)
	}
	if n := calendar.Overrides(model.Default5x8(model.NilID, "new"), ch); len(n) != 0 {
		t.Errorf("Overrides for a new date = %v, want none", n)
	}
}

func TestOverridesZone(t *testing.T) {
	c := model.Default5x8(model.NilID, "new")
	c.TimeZone = "" // the default, Asia/Shanghai
	ch, err := calendar.ParseText(strings.NewReader("# moved\ntz UTC\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := calendar.Overrides(c, ch)
	if len(got) != 1 || got[0].String() != "line 2: the time zone changes from Asia/Shanghai to UTC" {
		t.Errorf("Overrides = %v", got)
	}
	if n := (calendar.Notice{Message: "no line"}); n.String() != "no line" {
		t.Errorf("Notice without a line = %q", n.String())
	}
}
