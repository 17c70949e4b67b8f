package calendar_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/model"
)

// docExample is the example of the package documentation.
const docExample = `# 2026 public holidays, as announced by the State Council
tz Asia/Shanghai
weekly mon-fri 09:00-12:00,13:00-18:00
weekly sat,sun off
workday-hours 09:00-12:00,13:00-18:00
2026-10-01..2026-10-07 holiday 国庆节
2026-09-20 workday 国庆节调休
2026-10-10 workday 国庆节调休
`

func TestParseTextExample(t *testing.T) {
	ch, err := calendar.ParseText(strings.NewReader(docExample))
	if err != nil {
		t.Fatalf("ParseText: %v", err)
	}
	if ch.TimeZone != "Asia/Shanghai" || ch.TimeZoneLine != 2 {
		t.Errorf("zone = %q line %d, want Asia/Shanghai line 2", ch.TimeZone, ch.TimeZoneLine)
	}
	if got := ch.Weekly[time.Wednesday]; strings.Join(got, ",") != "09:00-12:00,13:00-18:00" {
		t.Errorf("Wednesday = %v", got)
	}
	if got, ok := ch.Weekly[time.Sunday]; !ok || len(got) != 0 {
		t.Errorf("Sunday = %v (set %v), want set to no hours", got, ok)
	}
	if len(ch.Days) != 9 || len(ch.Warnings) != 0 {
		t.Fatalf("days = %d warnings = %v, want 9 days and no warnings", len(ch.Days), ch.Warnings)
	}
	want := calendar.DayChange{Date: "2026-10-07", Kind: calendar.DayHoliday, Name: "国庆节", Line: 6}
	if ch.Days[6] != want {
		t.Errorf("Days[6] = %+v, want %+v", ch.Days[6], want)
	}
	if ch.Days[8] != (calendar.DayChange{Date: "2026-10-10", Kind: calendar.DayMakeUp, Name: "国庆节调休", Line: 8}) {
		t.Errorf("Days[8] = %+v", ch.Days[8])
	}
}

func TestParseTextAccepts(t *testing.T) {
	tests := []struct {
		name, text string
		check      func(calendar.Changes) string
	}{
		{"BOM and CRLF", "\uFEFF2026-05-01 holiday 劳动节\r\n2026-05-09 workday 劳动节补班\r\n", func(ch calendar.Changes) string {
			return fmt.Sprintf("%d %s %s", len(ch.Days), ch.Days[0].Name, ch.Days[1].Kind)
		}},
		{"emoji and spacing kept inside names", "2026-02-17   holiday   春节 🧧  初一", func(ch calendar.Changes) string { return ch.Days[0].Name }},
		{"Chinese kind words", "2026-02-17 休 春节\n2026-02-28 班 春节补班", func(ch calendar.Changes) string {
			return string(ch.Days[0].Kind) + " " + string(ch.Days[1].Kind)
		}},
		{"no name", "2026-02-17 HOLIDAY", func(ch calendar.Changes) string { return "[" + ch.Days[0].Name + "]" }},
		{"hash inside a name", "2026-02-17 holiday 春节 #1", func(ch calendar.Changes) string { return ch.Days[0].Name }},
		{"weekday forms", "weekly 周一-周五 09:00-12:00，13:00-18:00\nweekly fri-mon 10:00-11:00\nweekly Saturday 休息", func(ch calendar.Changes) string {
			return fmt.Sprint(ch.Weekly[time.Monday], ch.Weekly[time.Thursday], ch.Weekly[time.Saturday], len(ch.Warnings))
		}},
		{"leap day", "2028-02-29 holiday x", func(ch calendar.Changes) string { return ch.Days[0].Date }},
		{"same date twice, same kind", "2026-10-06 holiday 国庆节\n2026-10-06 holiday 中秋节", func(ch calendar.Changes) string {
			return fmt.Sprintf("%d %s %d %s", len(ch.Days), ch.Days[0].Name, ch.Days[0].Line, ch.Warnings[0])
		}},
	}
	want := []string{
		"2 劳动节 make_up",
		"春节 🧧  初一",
		"holiday make_up",
		"[]",
		"春节 #1",
		"[10:00-11:00] [09:00-12:00 13:00-18:00] [] 3", // fri-mon wraps and overrides Friday and Monday
		"2028-02-29",
		`1 中秋节 2 line 2: 2026-10-06 was already named "国庆节" on line 1: the later name "中秋节" is used`,
	}
	for i, tt := range tests {
		ch, err := calendar.ParseText(strings.NewReader(tt.text))
		if err != nil {
			t.Errorf("%s: ParseText: %v", tt.name, err)
			continue
		}
		if got := tt.check(ch); got != want[i] {
			t.Errorf("%s: got %q, want %q", tt.name, got, want[i])
		}
	}
}

func TestParseTextRefuses(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", []string{"no calendar lines", "2026-10-01 holiday NAME"}},
		{"comments only", "# nothing\n\n   \n", []string{"no calendar lines"}},
		{"February 30", "2026-02-30 holiday x", []string{"line 1: 2026-02-30 is not a real date: February 2026 has 28 days"}},
		{"month 13", "\n2026-13-01 holiday x", []string{"line 2: 2026-13-01 is not a real date: there is no month 13"}},
		{"a word", "tomorrow holiday 明天", []string{`line 1: "tomorrow" is not a date or a keyword`, "2026-10-01 holiday NAME"}},
		{"short date", "2026-1-5 holiday x", []string{`"2026-1-5" is not a date: write it as YYYY-MM-DD`}},
		{"year out of range", "0026-01-05 holiday x", []string{"the year must be between 1970 and 2999"}},
		{"no kind", "2026-10-01", []string{"say what 2026-10-01 is: write 2026-10-01 holiday NAME or 2026-10-01 workday NAME"}},
		{"misspelt kind", "2026-10-01 holliday 国庆节", []string{`"holliday" is neither holiday nor workday`}},
		{"escape sequence in a name", "2026-10-01 holiday 国庆节\x1b[2J", []string{"control character (U+001B)", "remove it"}},
		{"bidi override in a name", "2026-10-01 holiday abc\u202Edef", []string{"control character (U+202E)"}},
		{"long name", "2026-10-01 holiday " + strings.Repeat("节", 101), []string{"101 characters long"}},
		{"not UTF-8", "2026-10-01 holiday \xb9\xfa\xc7\xec", []string{"not UTF-8", "GBK"}},
		{"both kinds", "2026-10-01..2026-10-07 holiday 国庆节\n2026-10-03 workday 补班", []string{"line 2: 2026-10-03 is a make-up working day here but a public holiday on line 1"}},
		{"backwards range", "2026-10-07..2026-10-01 holiday x", []string{"ends before it starts"}},
		{"long range", "2026-01-01..2027-06-01 holiday x", []string{"at most 366 days"}},
		{"bad range end", "2026-10-01..2026-10-32 holiday x", []string{"2026-10-32 is not a real date"}},
		{"unknown zone", "tz Beijing", []string{`line 1: time zone "Beijing" is unknown`}},
		{"zone with extra words", "tz Asia/Shanghai please", []string{"tz takes one IANA zone name"}},
		{"weekly without hours", "weekly mon-fri", []string{"weekly needs weekdays and hours"}},
		{"bad weekday", "weekly mon-fry 09:00-18:00", []string{`"mon-fry" is not a weekday`}},
		{"bad hours", "weekly mon 9-18", []string{`"9-18" is not working hours`}},
		{"overlapping hours", "weekly mon 09:00-13:00,12:00-18:00", []string{"overlap"}},
		{"make-up hours off", "workday-hours off", []string{`"off" is not working hours`}},
		{"make-up hours empty", "workday-hours", []string{"make-up working days need hours"}},
	}
	for _, tt := range tests {
		_, err := calendar.ParseText(strings.NewReader(tt.text))
		if err == nil {
			t.Errorf("%s: ParseText accepted %q", tt.name, tt.text)
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

// TestParseTextListsEveryProblem: one run names every bad line, up to a
// limit.
func TestParseTextListsEveryProblem(t *testing.T) {
	_, err := calendar.ParseText(strings.NewReader("2026-02-30 holiday a\n2026-10-01 holiday ok\n2026-13-01 holiday b\n"))
	if err == nil || !strings.Contains(err.Error(), "line 1:") || !strings.Contains(err.Error(), "line 3:") || strings.Contains(err.Error(), "line 2:") {
		t.Errorf("error = %v, want lines 1 and 3 only", err)
	}
	_, err = calendar.ParseText(strings.NewReader(strings.Repeat("nonsense\n", 50)))
	if err == nil || strings.Count(err.Error(), "\n") != 20 || !strings.Contains(err.Error(), "… and 30 more problems") {
		t.Errorf("error = %v, want 20 problems and a count of the rest", err)
	}
}

func TestParseTextTooLarge(t *testing.T) {
	_, err := calendar.ParseText(strings.NewReader(strings.Repeat("# padding\n", 120000)))
	if err == nil || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Errorf("error = %v, want a size error", err)
	}
}
