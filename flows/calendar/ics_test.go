package calendar_test

import (
	"strings"
	"testing"

	"yunwei/flows/calendar"
	"yunwei/model"
)

// ics joins lines with CRLF, as RFC 5545 writes them.
func ics(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

func TestParseICS(t *testing.T) {
	// "国庆节" is folded in the middle of a character: E5 9B BD is split.
	summary := "SUMMARY:中华人民共和国" + "\xe5\x9b"
	file := ics(
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		"PRODID:-//test//holidays//ZH",
		"X-WR-TIMEZONE:Asia/Shanghai",
		"BEGIN:VEVENT",
		"UID:1@test",
		"DTSTART;VALUE=DATE:20261001",
		"DTEND;VALUE=DATE:20261008",
		summary,
		" \xbd庆节 🎉",
		"X-APPLE-SPECIAL-DAY:WORK-HOLIDAY",
		"BEGIN:VALARM",
		"ACTION:DISPLAY",
		"DESCRIPTION:reminder",
		"END:VALARM",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;VALUE=DATE:20260920",
		"SUMMARY:国庆节 补班",
		"END:VEVENT",
		"BEGIN:VEVENT",
		`DTSTART;VALUE=DATE:20261010`,
		`SUMMARY:Make-up workday\, National Day\; see notice`,
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;VALUE=DATE:20260101",
		`SUMMARY:New Year\nholiday`,
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART:20260501",
		"DURATION:P5D",
		"SUMMARY;LANGUAGE=zh-CN:劳动节",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;VALUE=DATE:20260509",
		"SUMMARY:换休",
		"X-YUNWEI-DAY:workday",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;TZID=Asia/Shanghai:20260301T090000",
		"SUMMARY:Team meeting",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;VALUE=DATE:20260601",
		"SUMMARY:儿童节",
		"STATUS:CANCELLED",
		"END:VEVENT",
		"BEGIN:VEVENT",
		"DTSTART;VALUE=DATE:20260619",
		"SUMMARY:端午节调休",
		"END:VEVENT",
		"END:VCALENDAR",
	)
	ch, err := calendar.ParseICS(strings.NewReader(file))
	if err != nil {
		t.Fatalf("ParseICS: %v", err)
	}
	byDate := map[string]calendar.DayChange{}
	for _, d := range ch.Days {
		byDate[d.Date] = d
	}
	tests := []struct {
		date string
		kind calendar.DayKind
		name string
	}{
		{"2026-10-01", calendar.DayHoliday, "中华人民共和国国庆节 🎉"},
		{"2026-10-07", calendar.DayHoliday, "中华人民共和国国庆节 🎉"}, // DTEND is exclusive
		{"2026-09-20", calendar.DayMakeUp, "国庆节 补班"},
		{"2026-10-10", calendar.DayMakeUp, "Make-up workday, National Day; see notice"},
		{"2026-01-01", calendar.DayHoliday, "New Year holiday"},
		{"2026-05-05", calendar.DayHoliday, "劳动节"},
		{"2026-05-09", calendar.DayMakeUp, "换休"},
		{"2026-06-19", calendar.DayHoliday, "端午节调休"},
	}
	for _, tt := range tests {
		got, ok := byDate[tt.date]
		if !ok || got.Kind != tt.kind || got.Name != tt.name {
			t.Errorf("%s = %+v (found %v), want %s %q", tt.date, got, ok, tt.kind, tt.name)
		}
	}
	if _, ok := byDate["2026-10-08"]; ok {
		t.Error("2026-10-08 imported: DTEND is exclusive")
	}
	if len(ch.Days) != 7+1+1+1+5+1+1 {
		t.Errorf("imported %d days, want 17", len(ch.Days))
	}
	if got := byDate["2026-10-01"].Line; got != 5 {
		t.Errorf("line of the 国庆 event = %d, want 5 (its BEGIN:VEVENT)", got)
	}
	warnings := ""
	for _, w := range ch.Warnings {
		warnings += w.String() + "\n"
	}
	for _, want := range []string{
		`"Team meeting" starts at a time of day`,
		`"儿童节" is cancelled: skipped`,
		`"端午节调休" says 调休 without 班 or 休息/假: imported as a holiday; if it is a make-up working day, add the line X-YUNWEI-DAY:workday`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings\n%s do not say %q", warnings, want)
		}
	}
}

func TestParseICSLF(t *testing.T) {
	file := "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nSUMMARY:国庆\n\tnational day\nEND:VEVENT\nEND:VCALENDAR"
	ch, err := calendar.ParseICS(strings.NewReader(file))
	if err != nil || len(ch.Days) != 1 || ch.Days[0].Name != "国庆national day" {
		t.Errorf("LF file with a tab fold = %+v, %v", ch.Days, err)
	}
}

func TestParseICSRefuses(t *testing.T) {
	event := func(lines ...string) string {
		return ics(append(append([]string{"BEGIN:VCALENDAR", "BEGIN:VEVENT"}, lines...), "END:VEVENT", "END:VCALENDAR")...)
	}
	tests := []struct {
		name, file string
		want       []string
	}{
		{"empty", "", []string{"not an iCalendar file", "BEGIN:VCALENDAR"}},
		{"text format", "2026-10-01 holiday 国庆节", []string{"not an iCalendar file", "text format"}},
		{"no events", ics("BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR"), []string{"no events (VEVENT)"}},
		{"only timed events", event("DTSTART:20261001T090000Z", "SUMMARY:x"), []string{"none of the 1 events is an all-day event"}},
		{"not a real date", event("DTSTART;VALUE=DATE:20260230", "SUMMARY:x"), []string{"line 3: DTSTART 2026-02-30 is not a real date: February 2026 has 28 days"}},
		{"a word", event("DTSTART;VALUE=DATE:tomorrow", "SUMMARY:x"), []string{`"tomorrow" is not a date`}},
		{"month 13", event("DTSTART;VALUE=DATE:20261301"), []string{"there is no month 13"}},
		{"end before start", event("DTSTART;VALUE=DATE:20261007", "DTEND;VALUE=DATE:20261001"), []string{"line 4: DTEND 2026-10-01 is not after DTSTART 2026-10-07"}},
		{"timed end", event("DTSTART;VALUE=DATE:20261001", "DTEND:20261001T180000"), []string{"DTEND of an all-day event must be a date"}},
		{"bad duration", event("DTSTART;VALUE=DATE:20261001", "DURATION:PT8H"), []string{`DURATION "PT8H" is not a whole number of days`}},
		{"no start", event("SUMMARY:国庆节"), []string{`line 2: event "国庆节" has no DTSTART`}},
		{"recurring", event("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY", "SUMMARY:元旦"), []string{`"元旦" repeats (RRULE/RDATE)`}},
		{"control character", event("DTSTART;VALUE=DATE:20261001", "SUMMARY:国庆\x07节"), []string{"SUMMARY: the name", "control character (U+0007)"}},
		{"bad marker", event("DTSTART;VALUE=DATE:20261001", "X-YUNWEI-DAY:maybe"), []string{`X-YUNWEI-DAY "maybe" must be holiday or workday`}},
		{"cut short", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261001"), []string{"line 2: BEGIN:VEVENT is never closed"}},
		{"mismatched end", ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "END:VCALENDAR"), []string{"line 3: END:VCALENDAR does not close BEGIN:VEVENT on line 2"}},
		{"not a content line", event("DTSTART;VALUE=DATE:20261001", "garbage"), []string{`line 4: "garbage" is not an iCalendar line`}},
		{"not UTF-8", event("DTSTART;VALUE=DATE:20261001", "SUMMARY:\xb9\xfa\xc7\xec"), []string{"line 4: the line is not UTF-8"}},
		{"both kinds", ics("BEGIN:VCALENDAR",
			"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261001", "DTEND;VALUE=DATE:20261008", "SUMMARY:国庆节", "END:VEVENT",
			"BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261003", "SUMMARY:补班", "END:VEVENT", "END:VCALENDAR"),
			[]string{"line 7: 2026-10-03 is a make-up working day here but a public holiday on line 2"}},
	}
	for _, tt := range tests {
		_, err := calendar.ParseICS(strings.NewReader(tt.file))
		if err == nil {
			t.Errorf("%s: ParseICS accepted it", tt.name)
			continue
		}
		if model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%s: code %s, want EINVALID", tt.name, model.ErrorCode(err))
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not say %q", tt.name, err, w)
			}
		}
	}
}
