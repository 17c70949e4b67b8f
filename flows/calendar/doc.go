// Package calendar compiles a contract's business calendar (DESIGN §2) and
// answers the questions the SLA clocks and their explanations ask: is this
// instant working time, when does work next start, what is now plus N hours of
// working time, how much working time lies between two instants, and why a
// date is or is not a working day. The seed's support window is 5×8: five
// days a week, eight hours a day (seed §2.5).
//
// A calendar is weekly working spans per weekday ("HH:MM-HH:MM", local time),
// public holidays (no work at all) and make-up working days (调休: a rest day,
// usually a Saturday or Sunday, that is worked and follows the calendar's
// WorkdayHours), all in one IANA time zone, Asia/Shanghai by default. Holiday
// dates are never invented in code: they come from the import below.
//
// The package is pure: no I/O besides the io.Reader it is handed, no clock.
//
// # Text import format
//
// ParseText reads UTF-8 text, one entry per line (`yunwei calendar import
// FILE --contract C`). Blank lines are ignored; a line whose first non-blank
// character is # is a comment (a # later in a line is part of a name). Words
// are separated by spaces or tabs. The lines are:
//
//	tz ZONE                       the calendar's IANA time zone
//	weekly DAYS HOURS             ordinary working hours for those weekdays
//	workday-hours HOURS           the hours of make-up working days
//	DATE holiday [NAME]           a public holiday: no work that day
//	DATE workday [NAME]           a make-up working day (调休上班)
//	DATE..DATE holiday|workday [NAME]   every date of the range, both ends included
//
// DATE is YYYY-MM-DD. DAYS is a comma-separated list of weekdays or ranges of
// them: mon, tue, wed, thu, fri, sat, sun (full English names and 周一…周日
// also work), e.g. mon-fri or sat,sun. HOURS is a comma-separated list of
// spans HH:MM-HH:MM in increasing order (24:00 may end the last; ， and 、
// also separate), or "off" (also "-" or 休息) for no work. holiday may also be written 休 or 假, workday 班. NAME is the
// rest of the line: any text, CJK and emoji included, but no control
// characters, at most 100 characters. Example:
//
//	# 2026 public holidays, as announced by the State Council
//	tz Asia/Shanghai
//	weekly mon-fri 09:00-12:00,13:00-18:00
//	weekly sat,sun off
//	workday-hours 09:00-12:00,13:00-18:00
//	2026-10-01..2026-10-07 holiday 国庆节
//	2026-09-20 workday 国庆节调休
//	2026-10-10 workday 国庆节调休
//
// # iCalendar import
//
// ParseICS reads an RFC 5545 file (a holiday feed such as a .ics export of
// China's public holidays). Each VEVENT with an all-day DTSTART
// (DTSTART;VALUE=DATE:20261001, or any bare 8-digit date) covers the dates
// from DTSTART up to DTEND, which is exclusive as RFC 5545 says; without
// DTEND (or DURATION:PnD / PnW) it covers one day. SUMMARY is the name.
// Events with a time of day and cancelled events are skipped with a warning;
// recurring events (RRULE) are refused. Folded lines, CRLF or LF line ends
// and escaped text (\\ \; \, \n) are handled; an escaped line break in a name
// becomes a space.
//
// Whether an event is a holiday or a make-up working day is decided in this
// order:
//
//  1. X-YUNWEI-DAY:holiday or X-YUNWEI-DAY:workday, when present, decides.
//  2. X-APPLE-SPECIAL-DAY:WORK-HOLIDAY is a holiday and
//     X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY a make-up working day (the
//     property Apple's China holiday calendar uses).
//  3. Otherwise the SUMMARY decides: it is a make-up working day when it
//     contains 班 (班, 补班, 上班, 调休上班) or, in any letter case,
//     "workday", "working day", "make-up" or "makeup"; anything else is a
//     holiday. 调休 alone is ambiguous (it names both the moved rest days and
//     the worked ones), so a SUMMARY with 调休 but neither 班 nor 休息/假 is
//     imported as a holiday with a warning that says how to mark it.
//
// # Conflicts
//
// Within one file, a date may not be both a holiday and a make-up working
// day: that is an error naming both lines, because the file contradicts
// itself. The same date twice with the same kind is accepted, the later name
// wins, and a warning says so when the names differ. Against the calendar
// being imported into, the file wins: Apply turns an existing holiday into a
// make-up day (or back) as the file says, and Overrides lists each such
// change so the command can report it before the calendar is saved.
//
// Errors are *model.Error values (EINVALID) that name the line and say what
// to write instead, one problem per line of the message.
package calendar
