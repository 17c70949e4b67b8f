package calendar

import (
	"time"

	"yunwei/model"
	"yunwei/model/i18n"
)

// Calendar is the compiled, read-only form of a model.Calendar, built by New
// (the zero Calendar is not usable). It is safe for concurrent use.
type Calendar struct {
	loc      *time.Location
	weekly   [7][]Span // Sunday (0) to Saturday (6)
	workday  []Span    // hours of make-up working days
	holidays map[date]string
	workdays map[date]string
}

// New compiles c. It refuses an unknown time zone, malformed working hours,
// malformed dates or names, a date that is both a holiday and a make-up day,
// and a calendar with no working hours on any weekday (nothing could ever be
// due). A calendar without WorkdayHours gives its make-up days the hours of
// its first working weekday, Monday first.
func New(c model.Calendar) (*Calendar, error) {
	fail := func(format string, args ...any) (*Calendar, error) {
		var what any = i18n.Text("calendar")
		if c.Name != "" {
			what = i18n.Phrase{Format: "calendar %q", Args: []any{c.Name}}
		}
		return nil, model.Errorf(model.EINVALID, "%s: %s", what, model.Errorf(model.EINVALID, format, args...))
	}
	tz := c.TimeZone
	if tz == "" {
		tz = model.DefaultZoneName
	}
	loc, err := loadZone(tz)
	if err != nil {
		return fail("%v", err)
	}
	cal := &Calendar{loc: loc, holidays: map[date]string{}, workdays: map[date]string{}}
	for wd := range cal.weekly {
		if cal.weekly[wd], err = parseSpans(c.Weekly[wd]); err != nil {
			return fail("%s: %v", weekday(time.Weekday(wd)), err)
		}
	}
	if cal.workday, err = parseSpans(c.WorkdayHours); err != nil {
		return fail("make-up day hours: %v", err)
	}
	first := -1 // the first weekday with hours, Monday first
	for i := range 7 {
		if wd := (i + 1) % 7; len(cal.weekly[wd]) > 0 {
			first = wd
			break
		}
	}
	if first < 0 {
		return fail("no weekday has working hours: give at least one, e.g. weekly mon-fri 09:00-12:00,13:00-18:00")
	}
	if len(cal.workday) == 0 {
		cal.workday = cal.weekly[first]
	}
	for _, set := range []struct {
		from map[string]string
		to   map[date]string
	}{{c.Holidays, cal.holidays}, {c.Workdays, cal.workdays}} {
		for s, name := range set.from {
			d, err := parseDate(s)
			if err != nil {
				return fail("%v", err)
			}
			if set.to[d], err = checkName(name); err != nil {
				return fail("%s: %v", s, err)
			}
		}
	}
	for d, name := range cal.holidays {
		if other, both := cal.workdays[d]; both {
			return fail("%s is both a holiday (%s) and a make-up working day (%s): keep one", d, name, other)
		}
	}
	return cal, nil
}

// loadZone resolves an IANA zone name. "Local" is refused (model.LoadZone):
// it would make the same calendar mean different hours on different laptops.
func loadZone(name string) (*time.Location, error) {
	loc, err := model.LoadZone(name)
	if err != nil || name == "Local" {
		return nil, model.Errorf(model.EINVALID, "time zone %q is unknown: use an IANA name such as Asia/Shanghai", name)
	}
	return loc, nil
}

// Location is the calendar's time zone; every time the calendar returns is in
// it.
func (c *Calendar) Location() *time.Location { return c.loc }
