package calendar_test

import (
	"strings"
	"testing"

	"yunwei/flows/calendar"
	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// The words of the formats that a user types as they are: keywords,
// weekdays, the iCalendar format and its names.
var calendarWords = []string{"iCalendar", "holiday", "workday", "weekly", "workday-hours", "tz", "off",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun", "mon-fri", "sat,sun"}

func wantChinese(t *testing.T, what, msg string) {
	t.Helper()
	if bad := flowtest.English(msg, calendarWords...); len(bad) > 0 {
		t.Errorf("%s: %q is not Chinese: %q", what, msg, bad)
	}
}

// Every problem of an import file, every warning and every replacement
// an import reports reads in Chinese, with each line named.
func TestImportProblemsAreChinese(t *testing.T) {
	text := map[string]string{
		"no entries": "# nothing\n",
		"bad line": "tz\nweekly\nweekly mon-fri\nweekly someday 09:00-12:00\nweekly mon 18:00-09:00\nweekly tue 09:00-12:00,11:00-13:00\nworkday-hours\n" +
			"2026-13-01 holiday 假\n2026-02-30 holiday 假\n1900-01-01 holiday 假\n2026-10-01\n2026-10-01 party 假\nhello\n" +
			"2026-10-07..2026-10-01 holiday 国庆\n2026-01-01..2027-12-31 holiday 长假\ntz Mars/Olympus\n2026-10-01 holiday 国\x01庆\n" +
			"2026-10-02 holiday " + strings.Repeat("庆", 101) + "\n2026-10-03 holiday 国庆\n2026-10-03 workday 调休\n\xff\xfe\n",
		"too many": strings.Repeat("hello\n", 30),
	}
	for what, body := range text {
		_, err := calendar.ParseText(strings.NewReader(body))
		if err == nil {
			t.Errorf("%s: accepted", what)
			continue
		}
		msg := model.ErrorText(err, i18n.Zh)
		wantChinese(t, what, msg)
		if what == "bad line" && !strings.Contains(msg, "第 20 行") {
			t.Errorf("%s: the lines are not named: %q", what, msg)
		}
	}
	ics := map[string]string{
		"not iCalendar": "hello\n",
		"no events":     "BEGIN:VCALENDAR\nEND:VCALENDAR\n",
		"bad events": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:国庆\nEND:VEVENT\n" +
			"BEGIN:VEVENT\nSUMMARY:周会\nDTSTART;VALUE=DATE:20261001\nRRULE:FREQ=WEEKLY\nEND:VEVENT\n" +
			"BEGIN:VEVENT\nSUMMARY:坏\nDTSTART;VALUE=DATE:2026100\nEND:VEVENT\n" +
			"BEGIN:VEVENT\nSUMMARY:坏尾\nDTSTART;VALUE=DATE:20261001\nDTEND:20261001T120000\nEND:VEVENT\n" +
			"BEGIN:VEVENT\nSUMMARY:倒\nDTSTART;VALUE=DATE:20261005\nDTEND;VALUE=DATE:20261001\nEND:VEVENT\n" +
			"BEGIN:VEVENT\nSUMMARY:长\nDTSTART;VALUE=DATE:20261001\nDURATION:PT3H\nEND:VEVENT\n" +
			"BEGIN:VEVENT\nSUMMARY:怪\nDTSTART;VALUE=DATE:20261001\nX-YUNWEI-DAY:party\nEND:VEVENT\n" +
			"BEGIN:VEVENT\nSUMMARY:控\x01制\nDTSTART;VALUE=DATE:20261001\nEND:VEVENT\n" +
			"no colon here\nEND:VCALENDAR\n",
		"unclosed":   "BEGIN:VCALENDAR\nBEGIN:VEVENT\n",
		"mismatched": "BEGIN:VCALENDAR\nEND:VEVENT\n",
		"timed only": "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:会\nDTSTART:20261001T090000Z\nEND:VEVENT\nEND:VCALENDAR\n",
	}
	for what, body := range ics {
		_, err := calendar.ParseICS(strings.NewReader(body))
		if err == nil {
			t.Errorf("%s: accepted", what)
			continue
		}
		wantChinese(t, what, model.ErrorText(err, i18n.Zh))
	}
	warned := "BEGIN:VCALENDAR\n" +
		"BEGIN:VEVENT\nSUMMARY:取消\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20261001\nEND:VEVENT\n" +
		"BEGIN:VEVENT\nSUMMARY:会\nDTSTART:20261002T090000Z\nEND:VEVENT\n" +
		"BEGIN:VEVENT\nSUMMARY:国庆调休\nDTSTART;VALUE=DATE:20261003\nEND:VEVENT\n" +
		"END:VCALENDAR\n"
	ch, err := calendar.ParseICS(strings.NewReader(warned))
	if err != nil || len(ch.Warnings) < 3 {
		t.Fatalf("warnings %v, %v", ch.Warnings, err)
	}
	renamed, err := calendar.ParseText(strings.NewReader("weekly mon 09:00-12:00\nweekly mon 09:00-11:00\n2026-10-01 holiday 国庆\n2026-10-01 holiday 国庆节\n"))
	if err != nil {
		t.Fatal(err)
	}
	cal := model.Default5x8(model.NilID, "5×8")
	cal.Holidays = map[string]string{"2026-10-01": "旧名"}
	cal.TimeZone = "Asia/Shanghai"
	over, err := calendar.ParseText(strings.NewReader("tz Asia/Tokyo\nweekly sat 09:00-12:00\nweekly mon off\n2026-10-01 workday 调休\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range append(append(ch.Warnings, renamed.Warnings...), calendar.Overrides(cal, over)...) {
		wantChinese(t, "notice", i18n.Zh.Tf(n.Format, n.Args...))
	}
	if len(calendar.Overrides(cal, over)) < 4 {
		t.Errorf("overrides %v", calendar.Overrides(cal, over))
	}
	for what, c := range map[string]model.Calendar{
		"no hours":  {Name: "空", Weekly: [7][]string{}},
		"bad zone":  {Name: "火星", TimeZone: "Mars/Olympus", Weekly: cal.Weekly},
		"both":      {Name: "冲突", Weekly: cal.Weekly, Holidays: map[string]string{"2026-10-01": "国庆"}, Workdays: map[string]string{"2026-10-01": "调休"}},
		"bad date":  {Weekly: cal.Weekly, Holidays: map[string]string{"2026-02-30": "假"}},
		"bad hours": {Name: "坏", Weekly: [7][]string{1: {"25:00-26:00"}}},
	} {
		_, err := calendar.New(c)
		if err == nil {
			t.Errorf("%s: compiled", what)
			continue
		}
		wantChinese(t, what, model.ErrorText(err, i18n.Zh))
	}
}
