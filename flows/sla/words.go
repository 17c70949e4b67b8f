package sla

import (
	"fmt"
	"strings"
	"time"

	"yunwei/flows/calendar"
)

// phrases holds every sentence of an explanation in English and Chinese,
// worded for the customer who reads the SLA report. Arguments are indexed so
// each language may order them as it likes.
var phrases = map[string][2]string{
	"rule.in_hours": {
		"Raised %[1]s, inside working hours (%[2]s), so the %[3]s response target for requests raised in working hours applies.",
		"请求于 %[1]s 提出，属工作时间（%[2]s），按合同适用“工作时间 %[3]s内响应”。"},
	"rule.out_hours": {
		"Raised %[1]s, outside working hours (%[2]s), so the %[3]s response target for requests raised outside working hours applies.",
		"请求于 %[1]s 提出，属非工作时间（%[2]s），按合同适用“非工作时间 %[3]s内响应”。"},
	"rule.on_site": {
		"On-site service is needed, so arrival on site is due within %[3]s of the request.",
		"需要现场服务，应在接到请求后 %[3]s内到达现场。"},
	"rule.resolution": {
		"The contract sets a resolution target of %[3]s for %[4]s tickets.",
		"合同约定%[4]s类工单须在 %[3]s内解决。"},
	"standard_calendar": {
		"No business calendar is set for this contract, so the standard 5×8 calendar was used: Monday to Friday, 09:00-12:00 and 13:00-18:00, without public holidays.",
		"该合同未设置工作日历，按标准 5×8 日历计算：周一至周五 09:00-12:00、13:00-18:00，不含法定节假日。"},
	"counting.wall": {
		"The target counts elapsed time around the clock: nights, rest days and holidays included.",
		"按自然时间连续计时，夜间、休息日和节假日均计入。"},
	"counting.business": {
		"The target counts working time only: nights, rest days and public holidays do not count.",
		"仅计工作时间，夜间、休息日和法定节假日不计。"},
	"calendar.one":   {"%[1]s (%[3]s): %[4]s.", "%[1]s为%[3]s，%[4]s。"},
	"calendar.range": {"%[1]s to %[2]s (%[3]s): %[4]s.", "%[1]s至%[2]s为%[3]s，%[4]s。"},
	"calendar.off":   {"not counted", "不计时"},
	"calendar.on":    {"counted as working time", "计入工作时间"},
	"start": {
		"The clock started at %[1]s, when the request was raised.",
		"自 %[1]s 接到请求起计时。"},
	"start.to": {
		"The clock started at %[1]s, when the request was raised; working time counts from %[2]s.",
		"自 %[1]s 接到请求起计时，工作时间从 %[2]s 起算。"},
	"pause": {
		"Paused at %[1]s: waiting on the customer.",
		"%[1]s 起等待客户，暂停计时。"},
	"resume": {
		"Resumed at %[1]s; the due time moves later by the %[2]s pause.",
		"%[1]s 恢复计时，截止时间顺延暂停的 %[2]s。"},
	"resume.business": {
		"Resumed at %[1]s; the pause took %[2]s of working time, and the due time moves later by as much.",
		"%[1]s 恢复计时，暂停占用工作时间 %[2]s，截止时间相应顺延。"},
	"late_pause": {
		"Waiting on the customer from %[1]s did not pause the clock: it began after the due time.",
		"%[1]s 起等待客户，但已过截止时间，不暂停计时。"},
	"due":                     {"Due %[1]s.", "截止时间：%[1]s。"},
	"due.paused":              {"Due %[1]s if the clock resumes now.", "如现在恢复计时，截止时间为 %[1]s。"},
	"stop.response.responded": {"Responded at %[1]s.", "于 %[1]s 响应。"},
	"stop.response.arrived":   {"Arrived on site at %[1]s, which is the response.", "于 %[1]s 到达现场，视为已响应。"},
	"stop.response.resolved":  {"Resolved at %[1]s, which is the response.", "于 %[1]s 解决，视为已响应。"},
	"stop.on_site.arrived":    {"Arrived on site at %[1]s.", "于 %[1]s 到达现场。"},
	"stop.on_site.resolved": {
		"Resolved at %[1]s without an on-site visit, which ends the on-site clock.",
		"于 %[1]s 解决，无需再到现场，到场计时结束。"},
	"stop.resolution.resolved": {"Resolved at %[1]s.", "于 %[1]s 解决。"},
	"outcome.met":              {"Met, %[1]s before the due time.", "达标，比截止时间提前 %[1]s。"},
	"outcome.met.exact":        {"Met, exactly at the due time.", "达标，恰在截止时间完成。"},
	"outcome.breached":         {"Breached: %[1]s after the due time.", "超时：晚于截止时间 %[1]s。"},
	"outcome.breached.open":    {"Breached: %[1]s overdue and not yet done.", "超时：已超时 %[1]s，尚未完成。"},
	"outcome.running":          {"Running: %[1]s left.", "计时中：剩余 %[1]s。"},
	"outcome.paused":           {"Paused: %[1]s left when the clock resumes.", "已暂停：恢复计时后剩余 %[1]s。"},
	"working_time":             {"%[1]s of working time", "%[1]s（工作时间）"},
	// Where a request fell, for the rule's parenthesis.
	"where.rest":   {"%[1]s, a rest day", "%[1]s，休息日"},
	"where.before": {"before work starts at %[1]s", "上班时间 %[1]s 之前"},
	"where.break":  {"during the %[1]s break", "%[1]s 休息时段"},
	"where.after":  {"after work ends at %[1]s", "下班时间 %[1]s 之后"},
	"where.sep":    {"; ", "，"},
	"spans.sep":    {", ", "、"},
}

func isZh(lang string) bool { return strings.HasPrefix(lang, "zh") }

// say renders a phrase in lang ("zh", else English).
func say(lang, key string, args ...any) string {
	p := phrases[key]
	if isZh(lang) {
		return fmt.Sprintf(p[1], args...)
	}
	return fmt.Sprintf(p[0], args...)
}

// when writes an instant the way the explanation does: "Sat 2026-10-03
// 10:15" or "2026-10-03（周六）10:15", in the instant's own zone (the
// calendar's).
func when(t time.Time, lang string) string {
	if isZh(lang) {
		return fmt.Sprintf("%s（%s）%s", t.Format(time.DateOnly), calendar.WeekdayLabel(t.Weekday(), lang), t.Format("15:04"))
	}
	return fmt.Sprintf("%s %s", calendar.WeekdayLabel(t.Weekday(), lang), t.Format("2006-01-02 15:04"))
}

// day writes a calendar date: "Thu 2026-10-01" or "2026-10-01（周四）".
func day(d calendar.DayInfo, lang string) string {
	if isZh(lang) {
		return fmt.Sprintf("%s（%s）", d.Date, calendar.WeekdayLabel(d.Weekday, lang))
	}
	return calendar.WeekdayLabel(d.Weekday, lang) + " " + d.Date
}

// Duration writes a duration for people: "1 h 30 min", "45 min", "3 d 2 h"
// ("zh": 1 小时 30 分钟, 45 分钟, 3 天 2 小时). Seconds are dropped; days are
// used from 48 h on.
func Duration(d time.Duration, lang string) string {
	if d < 0 {
		d = -d
	}
	units := [3][2]string{{"d", "天"}, {"h", "小时"}, {"min", "分钟"}}
	if d < time.Minute {
		if isZh(lang) {
			return "不到 1 分钟"
		}
		return "less than 1 min"
	}
	mins := int(d / time.Minute)
	var days, hours int
	if mins >= 48*60 {
		days, mins = mins/(24*60), mins%(24*60)
	}
	hours, mins = mins/60, mins%60
	var parts []string
	for i, n := range []int{days, hours, mins} {
		if n == 0 {
			continue
		}
		unit := units[i][0]
		if isZh(lang) {
			unit = units[i][1]
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, unit))
	}
	return strings.Join(parts, " ")
}

var clockKindLabels = map[ClockKind][2]string{
	Response:   {"response", "响应"},
	OnSite:     {"on-site arrival", "到场"},
	Resolution: {"resolution", "解决"},
}

// Label names the clock in "en" or "zh".
func (k ClockKind) Label(lang string) string { return label(clockKindLabels[k], lang, string(k)) }

var stateLabels = map[State][2]string{
	Running: {"running", "计时中"}, Paused: {"paused", "已暂停"},
	Met: {"met", "达标"}, Breached: {"breached", "超时"},
}

// Label names the state in "en" or "zh".
func (s State) Label(lang string) string { return label(stateLabels[s], lang, string(s)) }

func label(l [2]string, lang, fallback string) string {
	switch {
	case l[0] == "":
		return fallback
	case isZh(lang):
		return l[1]
	}
	return l[0]
}
