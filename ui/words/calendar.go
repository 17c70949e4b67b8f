package words

import (
	"fmt"
	"time"

	"yunwei/flows/calendar"
	"yunwei/model/i18n"
)

var weekdays = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// Weekday is a short weekday name: "Sat", 周六.
func Weekday(L i18n.Lang, wd time.Weekday) string { return L.T(weekdays[wd]) }

// Reason says in words a customer would accept why the day is or is not a
// working day: "public holiday: 国庆节", "make-up working day: 国庆节调休",
// "rest day", "working day" (法定节假日：国庆节, 调休上班日：国庆节调休, 休息日,
// 工作日).
func Reason(L i18n.Lang, d calendar.DayInfo) string {
	if d.Name == "" {
		return d.Kind.Word().Label(L.Code())
	}
	return L.Tf(calendar.DayNamed, d.Kind.Word(), d.Name)
}

// Notice words a calendar import's warning or override: "line 12: …".
func Notice(L i18n.Lang, n calendar.Notice) string {
	msg := n.Message
	if n.Format != "" {
		msg = L.Tf(n.Format, n.Args...)
	}
	if n.Line == 0 {
		return msg
	}
	return L.Tf("line %d: %s", n.Line, msg)
}

// When writes an instant the way explanations do, in the instant's own
// zone (the calendar's): "Sat 2026-10-03 10:15", 2026-10-03（周六）10:15.
func When(L i18n.Lang, t time.Time) string {
	if L == i18n.Zh {
		return fmt.Sprintf("%s（%s）%s", t.Format(time.DateOnly), Weekday(L, t.Weekday()), t.Format("15:04"))
	}
	return fmt.Sprintf("%s %s", Weekday(L, t.Weekday()), t.Format("2006-01-02 15:04"))
}

// Day writes a calendar date: "Thu 2026-10-01", 2026-10-01（周四）.
func Day(L i18n.Lang, d calendar.DayInfo) string {
	if L == i18n.Zh {
		return fmt.Sprintf("%s（%s）", d.Date, Weekday(L, d.Weekday))
	}
	return Weekday(L, d.Weekday) + " " + d.Date
}
