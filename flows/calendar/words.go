package calendar

import "time"

var weekdayLabels = [7][2]string{
	{"Sun", "周日"}, {"Mon", "周一"}, {"Tue", "周二"}, {"Wed", "周三"},
	{"Thu", "周四"}, {"Fri", "周五"}, {"Sat", "周六"},
}

// WeekdayLabel is a short weekday name: "Sat" ("en") or "周六" ("zh").
func WeekdayLabel(wd time.Weekday, lang string) string {
	if lang == "zh" {
		return weekdayLabels[wd][1]
	}
	return weekdayLabels[wd][0]
}

var dayKindLabels = map[DayKind][2]string{
	DayWorking: {"working day", "工作日"},
	DayRest:    {"rest day", "休息日"},
	DayHoliday: {"public holiday", "法定节假日"},
	DayMakeUp:  {"make-up working day", "调休上班日"},
}

// Reason says in words a customer would accept why the day is or is not a
// working day: "public holiday: 国庆节", "make-up working day: 国庆节调休",
// "rest day", "working day" ("zh": 法定节假日：国庆节, 调休上班日：国庆节调休,
// 休息日, 工作日).
func (d DayInfo) Reason(lang string) string {
	words := dayKindLabels[d.Kind]
	if lang == "zh" {
		if d.Name != "" {
			return words[1] + "：" + d.Name
		}
		return words[1]
	}
	if d.Name != "" {
		return words[0] + ": " + d.Name
	}
	return words[0]
}
