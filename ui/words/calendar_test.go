package words

import (
	"strings"
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/model/i18n"
)

// A day's standing reads as a customer would accept it, in both languages.
func TestReason(t *testing.T) {
	for _, tt := range []struct {
		day    calendar.DayInfo
		en, zh string
	}{
		{calendar.DayInfo{Kind: calendar.DayWorking}, "working day", "工作日"},
		{calendar.DayInfo{Kind: calendar.DayRest}, "rest day", "休息日"},
		{calendar.DayInfo{Kind: calendar.DayHoliday, Name: "国庆节"}, "public holiday: 国庆节", "法定节假日：国庆节"},
		{calendar.DayInfo{Kind: calendar.DayMakeUp, Name: "国庆节调休"}, "make-up working day: 国庆节调休", "调休上班日：国庆节调休"},
		{calendar.DayInfo{Kind: calendar.DayHoliday, Name: "元旦"}, "public holiday: 元旦", "法定节假日：元旦"},
	} {
		if got := Reason(i18n.En, tt.day); got != tt.en {
			t.Errorf("Reason(en, %+v) = %q, want %q", tt.day, got, tt.en)
		}
		if got := Reason(i18n.Zh, tt.day); got != tt.zh {
			t.Errorf("Reason(zh, %+v) = %q, want %q", tt.day, got, tt.zh)
		}
	}
}

// An instant and a date read in each language's order, with the weekday.
func TestWhenAndDay(t *testing.T) {
	at := time.Date(2026, 10, 3, 10, 15, 0, 0, time.UTC)
	if got := When(i18n.En, at); got != "Sat 2026-10-03 10:15" {
		t.Errorf("When(en) = %q", got)
	}
	if got := When(i18n.Zh, at); got != "2026-10-03（周六）10:15" {
		t.Errorf("When(zh) = %q", got)
	}
	d := calendar.DayInfo{Date: "2026-10-01", Weekday: time.Thursday}
	if got := Day(i18n.En, d); got != "Thu 2026-10-01" {
		t.Errorf("Day(en) = %q", got)
	}
	if got := Day(i18n.Zh, d); got != "2026-10-01（周四）" {
		t.Errorf("Day(zh) = %q", got)
	}
}

// Calendar import notices name their line and read in the user's language.
func TestNotice(t *testing.T) {
	ch, err := calendar.ParseText(strings.NewReader("2026-10-01 holiday 国庆\n2026-10-01 holiday 国庆节\n"))
	if err != nil || len(ch.Warnings) != 1 {
		t.Fatalf("a date named twice: %v, warnings %v", err, ch.Warnings)
	}
	want := `line 2: 2026-10-01 was already named "国庆" on line 1: the later name "国庆节" is used`
	if got := Notice(i18n.En, ch.Warnings[0]); got != want {
		t.Errorf("Notice(en) = %q, want %q", got, want)
	}
	if got := Notice(i18n.Zh, ch.Warnings[0]); !strings.HasPrefix(got, "第 2 行：") {
		t.Errorf("Notice(zh) = %q, want it to start with the line in Chinese", got)
	}
}
