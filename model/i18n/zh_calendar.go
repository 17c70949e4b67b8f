package i18n

// The business calendar's import (flows/calendar): what is wrong with a
// line of a text or iCalendar file and what to write instead, the
// warnings of an import, and the names of weekdays and months in them.
var _ = later(func() {
	add(map[string]string{
		// Weekdays and months, as arguments of messages.
		"Sunday":    "周日",
		"Monday":    "周一",
		"Tuesday":   "周二",
		"Wednesday": "周三",
		"Thursday":  "周四",
		"Friday":    "周五",
		"Saturday":  "周六",
		"January":   "1月",
		"February":  "2月",
		"March":     "3月",
		"April":     "4月",
		"May":       "5月",
		"June":      "6月",
		"July":      "7月",
		"August":    "8月",
		"September": "9月",
		"October":   "10月",
		"November":  "11月",
		"December":  "12月",
		"off":       "休息",
		"calendar":  "日历",
		"%s: %s":    "%s：%s",

		// A calendar that does not compile.
		"calendar %q":                             "日历 %q",
		"make-up day hours: %v":                   "调休工作日的工作时间：%v",
		"the imported calendar is not usable: %s": "导入后的日历无法使用：%s",
		"no weekday has working hours: give at least one, e.g. weekly mon-fri 09:00-12:00,13:00-18:00": "一周中没有任何一天有工作时间：请至少给出一天，例如 weekly mon-fri 09:00-12:00,13:00-18:00",
		"%s is both a holiday (%s) and a make-up working day (%s): keep one":                           "%s 既是节假日（%s）又是调休工作日（%s）：请只保留一个",
		"time zone %q is unknown: use an IANA name such as Asia/Shanghai":                              "未知的时区 %q：请使用 IANA 时区名，例如 Asia/Shanghai",

		// Dates, spans, names.
		"%q is not a date: write it as YYYY-MM-DD, e.g. 2026-10-01":                                                             "%q 不是日期：请写成 YYYY-MM-DD，例如 2026-10-01",
		"%s is not a usable date: the year must be between %d and %d":                                                           "%s 不是可用的日期：年份须在 %d 到 %d 之间",
		"%s is not a real date: there is no month %d (months are 01 to 12)":                                                     "%s 不是真实的日期：没有 %d 月（月份为 01 到 12）",
		"%s is not a real date: %s %d has %d days":                                                                              "%[1]s 不是真实的日期：%[3]d年%[2]s只有 %[4]d 天",
		"%q is not working hours: write a span like 09:00-12:00 (start before end, 24:00 at the latest)":                        "%q 不是工作时间：请写成 09:00-12:00 这样的时段（开始早于结束，最晚到 24:00）",
		"working hours %s and %s overlap or are out of order: list spans from morning to evening, e.g. 09:00-12:00,13:00-18:00": "工作时段 %s 与 %s 重叠或顺序颠倒：请按从早到晚的顺序列出，例如 09:00-12:00,13:00-18:00",
		"the name is not valid UTF-8 text: save the file as UTF-8":                                                              "名称不是有效的 UTF-8 文本：请把文件保存为 UTF-8",
		"the name %q holds a control character (U+%04X) at character %d: remove it, names are plain text such as 国庆节":           "名称 %q 含有控制字符（U+%04X），位于第 %d 个字符：请删除，名称应为“国庆节”这样的纯文本",
		"the name is %d characters long: shorten it to %d at most":                                                              "名称长 %d 个字符：请缩短到最多 %d 个字符",
		"%q is not a weekday: use mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, or a list such as sat,sun":        "%q 不是星期几：请用 mon、tue、wed、thu、fri、sat、sun，或 mon-fri 这样的范围，或 sat,sun 这样的列表",

		// The text format.
		"write one of: 2026-10-01 holiday NAME, 2026-10-10 workday NAME, 2026-10-01..2026-10-07 holiday NAME, weekly mon-fri 09:00-12:00,13:00-18:00, workday-hours 09:00-12:00,13:00-18:00, tz Asia/Shanghai, or # a comment": "请写成以下之一：2026-10-01 holiday 名称、2026-10-10 workday 名称、2026-10-01..2026-10-07 holiday 名称、weekly mon-fri 09:00-12:00,13:00-18:00、workday-hours 09:00-12:00,13:00-18:00、tz Asia/Shanghai，或以 # 开头的注释",
		"the line is not UTF-8 text: save the file as UTF-8 (it may be in GBK)":                                    "该行不是 UTF-8 文本：请把文件保存为 UTF-8（它可能是 GBK 编码）",
		"the file holds no calendar lines: %s":                                                                     "文件中没有日历内容：%s",
		"tz takes one IANA zone name: write e.g. tz Asia/Shanghai":                                                 "tz 后面只跟一个 IANA 时区名：例如 tz Asia/Shanghai",
		"weekly needs weekdays and hours: write e.g. weekly mon-fri 09:00-12:00,13:00-18:00 or weekly sat,sun off": "weekly 需要星期和时间：例如 weekly mon-fri 09:00-12:00,13:00-18:00 或 weekly sat,sun off",
		"make-up working days need hours: write e.g. workday-hours 09:00-12:00,13:00-18:00":                        "调休工作日需要工作时间：例如 workday-hours 09:00-12:00,13:00-18:00",
		"%q is not a date or a keyword: %s":                                                                        "%q 既不是日期也不是关键字：%s",
		"say what %s is: write %s holiday NAME or %s workday NAME":                                                 "请说明 %s 是哪种日子：写成 %s holiday 名称 或 %s workday 名称",
		"%q is neither holiday nor workday: write %s holiday NAME or %s workday NAME":                              "%q 既不是 holiday 也不是 workday：请写成 %s holiday 名称 或 %s workday 名称",
		"%s is a %s here but a %s on line %d: a date is one or the other, delete the wrong line":                   "%[1]s 在此为%[2]s，而在第 %[4]d 行为%[3]s：一个日期只能是其中之一，请删除错误的那一行",
		"the range %s..%s ends before it starts: write the earlier date first":                                     "范围 %s..%s 的结束早于开始：请先写较早的日期",
		"the range %s..%s is %.0f days long: a range may cover at most %d days":                                    "范围 %s..%s 长达 %.0f 天：一个范围最多 %d 天",
		"… and %d more problems": "……另有 %d 个问题",

		// iCalendar.
		"this is not an iCalendar file: it must begin with BEGIN:VCALENDAR (or write the text format: %s)": "这不是 iCalendar 文件：它必须以 BEGIN:VCALENDAR 开头（或者改用文本格式：%s）",
		"the line is not UTF-8 text: save the file as UTF-8":                                               "该行不是 UTF-8 文本：请把文件保存为 UTF-8",
		"%q is not an iCalendar line NAME:VALUE":                                                           "%q 不是 iCalendar 的 NAME:VALUE 行",
		In("ics", "nothing"):                                                                               "任何内容",
		"BEGIN:%s on line %d":                                                                              "第 %[2]d 行的 BEGIN:%[1]s",
		"END:%s does not close %s: the file is damaged, export it again":                                   "END:%s 无法结束%s：文件已损坏，请重新导出",
		"BEGIN:%s is never closed by END:%s: the file is cut short, export it again":                       "BEGIN:%s 没有对应的 END:%s：文件不完整，请重新导出",
		"the file holds no events (VEVENT): there is nothing to import":                                    "文件中没有事件（VEVENT）：没有可导入的内容",
		"none of the %d events is an all-day event: holidays are written DTSTART;VALUE=DATE:20261001":      "%d 个事件中没有全天事件：节假日应写成 DTSTART;VALUE=DATE:20261001",
		"(no SUMMARY)": "（无 SUMMARY）",
		"event %q has no DTSTART: give it one, e.g. DTSTART;VALUE=DATE:20261001":                     "事件 %q 没有 DTSTART：请补上，例如 DTSTART;VALUE=DATE:20261001",
		"event %q repeats (RRULE/RDATE), which is not supported: list each holiday as its own event": "事件 %q 是重复事件（RRULE/RDATE），不支持：请把每个节假日写成单独的事件",
		"DTSTART %s": "DTSTART：%s",
		"DTEND of an all-day event must be a date such as DTEND;VALUE=DATE:20261008 (the day after the last day)": "全天事件的 DTEND 必须是日期，例如 DTEND;VALUE=DATE:20261008（最后一天的次日）",
		"DTEND %s is not after DTSTART %s: DTEND is the day after the last day of the event":                      "DTEND %s 不晚于 DTSTART %s：DTEND 应为事件最后一天的次日",
		"DURATION %q is not a whole number of days: write e.g. DURATION:P7D":                                      "DURATION %q 不是整天数：请写成例如 DURATION:P7D",
		"SUMMARY: %v": "SUMMARY：%v",
		"X-YUNWEI-DAY %q must be holiday or workday":                               "X-YUNWEI-DAY %q 只能是 holiday 或 workday",
		"%q is not a date: write it as YYYYMMDD, e.g. DTSTART;VALUE=DATE:20261001": "%q 不是日期：请写成 YYYYMMDD，例如 DTSTART;VALUE=DATE:20261001",

		// Warnings and what an import replaces.
		"event %q is cancelled: skipped": "事件 %q 已取消：已跳过",
		"event %q starts at a time of day (%s): only all-day events are holidays or make-up days, skipped":                                          "事件 %q 在一天中的某个时刻开始（%s）：只有全天事件才算节假日或调休日，已跳过",
		"event %q says 调休 without 班 or 休息/假: imported as a holiday; if it is a make-up working day, add the line X-YUNWEI-DAY:workday to the event": "事件 %q 写了“调休”，但没有“班”或“休息/假”：已作为节假日导入；如果它是调休工作日，请在事件中加一行 X-YUNWEI-DAY:workday",
		"%s hours were already set on line %d: this line's hours are used":                                                                          "%s的工作时间已在第 %d 行设置过：以本行为准",
		"%s was already named %q on line %d: the later name %q is used":                                                                             "%[1]s 已在第 %[3]d 行命名为 %[2]q：采用后面的名称 %[4]q",
		"the time zone changes from %s to %s":                                                                                                       "时区从 %s 改为 %s",
		"%s hours change from %s to %s":                                                                                                             "%s的工作时间从 %s 改为 %s",
		"%s was a %s and becomes a %s":                                                                                                              "%s 原为%s，将改为%s",
	})
})
