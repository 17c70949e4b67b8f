package calendar

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"yunwei/model"
	"yunwei/model/i18n"
)

// Changes is what an import file says, ready to merge into a calendar with
// Apply. Zero fields change nothing.
type Changes struct {
	TimeZone string // IANA zone; "" keeps the calendar's
	// Weekly sets the working spans of the weekdays present; an empty list
	// means no work that weekday.
	Weekly map[time.Weekday][]string
	// WorkdayHours sets the hours of make-up working days; nil keeps them.
	WorkdayHours []string
	Days         []DayChange // one per date, in the order first seen
	// Warnings are things the user should hear about that did not stop the
	// import (skipped events, renamed duplicates).
	Warnings []Notice
	// TimeZoneLine and WeeklyLines are the lines that set those fields, for
	// Overrides.
	TimeZoneLine int
	WeeklyLines  map[time.Weekday]int
}

// DayChange marks one date as a holiday or a make-up working day.
type DayChange struct {
	Date string  // YYYY-MM-DD
	Kind DayKind // DayHoliday or DayMakeUp
	Name string
	Line int // where the file says so
}

// Notice is a warning tied to a line of the imported file (0: no line).
type Notice struct {
	Line    int
	Message string // in English
	// Format and Args are the message as the catalogue knows it
	// (model/i18n), for the interfaces to word in the user's language.
	Format string
	Args   []any
}

// notice makes a Notice of a catalogue message.
func notice(line int, format string, args ...any) Notice {
	return Notice{Line: line, Message: i18n.En.Tf(format, args...), Format: format, Args: args}
}

// String is "line 12: …", or the bare message without a line.
func (n Notice) String() string {
	if n.Line == 0 {
		return n.Message
	}
	return fmt.Sprintf("line %d: %s", n.Line, n.Message)
}

// Apply merges ch into c and returns the new calendar, leaving c untouched.
// The file wins over the calendar: a date it marks replaces whatever the
// calendar said about that date (call Overrides first to report such
// replacements). The result must compile with New.
func Apply(c model.Calendar, ch Changes) (model.Calendar, error) {
	out := c
	out.Holidays, out.Workdays = maps.Clone(c.Holidays), maps.Clone(c.Workdays)
	if out.Holidays == nil {
		out.Holidays = map[string]string{}
	}
	if out.Workdays == nil {
		out.Workdays = map[string]string{}
	}
	if ch.TimeZone != "" {
		out.TimeZone = ch.TimeZone
	}
	for wd := range out.Weekly {
		out.Weekly[wd] = slices.Clone(c.Weekly[wd])
	}
	for wd, spans := range ch.Weekly {
		out.Weekly[wd] = nil
		if len(spans) > 0 {
			out.Weekly[wd] = slices.Clone(spans)
		}
	}
	if ch.WorkdayHours != nil {
		out.WorkdayHours = slices.Clone(ch.WorkdayHours)
	}
	for _, d := range ch.Days {
		if d.Kind == DayMakeUp {
			delete(out.Holidays, d.Date)
			out.Workdays[d.Date] = d.Name
		} else {
			delete(out.Workdays, d.Date)
			out.Holidays[d.Date] = d.Name
		}
	}
	if len(out.Holidays) == 0 {
		out.Holidays = nil
	}
	if len(out.Workdays) == 0 {
		out.Workdays = nil
	}
	if _, err := New(out); err != nil {
		return model.Calendar{}, model.Errorf(model.EINVALID, "the imported calendar is not usable: %s", err)
	}
	return out, nil
}

// Overrides lists what applying ch would change in c beyond adding new
// dates: a date whose kind or name changes, a new time zone, new weekly
// hours. The command prints them so nothing is replaced silently.
func Overrides(c model.Calendar, ch Changes) []Notice {
	var out []Notice
	if ch.TimeZone != "" && ch.TimeZone != zoneName(c.TimeZone) {
		out = append(out, notice(ch.TimeZoneLine, "the time zone changes from %s to %s", zoneName(c.TimeZone), ch.TimeZone))
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		spans, ok := ch.Weekly[wd]
		if ok && !slices.Equal(spans, c.Weekly[wd]) {
			out = append(out, notice(ch.WeeklyLines[wd], "%s hours change from %s to %s", weekday(wd), hoursText(c.Weekly[wd]), hoursText(spans)))
		}
	}
	for _, d := range ch.Days {
		was, wasKind := c.Holidays[d.Date], DayHoliday
		if name, ok := c.Workdays[d.Date]; ok {
			was, wasKind = name, DayMakeUp
		} else if _, ok := c.Holidays[d.Date]; !ok {
			continue
		}
		if wasKind != d.Kind || was != d.Name {
			out = append(out, notice(d.Line, "%s was a %s and becomes a %s", d.Date, dayText(wasKind, was), dayText(d.Kind, d.Name)))
		}
	}
	return out
}

func zoneName(tz string) string {
	if tz == "" {
		return model.DefaultZoneName
	}
	return tz
}

func hoursText(spans []string) any {
	if len(spans) == 0 {
		return i18n.Text("off")
	}
	return strings.Join(spans, ",")
}
