package calendar

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"yunwei/model"
	"yunwei/model/i18n"
)

// date is a civil date in the calendar's zone: holidays and make-up days are
// dates, not instants (DESIGN §2).
type date struct {
	y int
	m time.Month
	d int
}

func dateOf(t time.Time, loc *time.Location) date {
	y, m, d := t.In(loc).Date()
	return date{y, m, d}
}

// noon is the date at 12:00 UTC: safe for date arithmetic in any zone.
func (d date) noon() time.Time { return time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC) }

func (d date) add(days int) date {
	y, m, dd := d.noon().AddDate(0, 0, days).Date()
	return date{y, m, dd}
}

func (d date) weekday() time.Weekday { return d.noon().Weekday() }

func (d date) after(o date) bool { return d.noon().After(o.noon()) }

// at is the instant of a local clock time, minutes after midnight, on d.
// 24:00 is the next day's midnight.
func (d date) at(minutes int, loc *time.Location) time.Time {
	return time.Date(d.y, d.m, d.d, minutes/60, minutes%60, 0, 0, loc)
}

func (d date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, int(d.m), d.d) }

var dateRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// Years a calendar date may fall in: anything else is a typo.
const minYear, maxYear = 1970, 2999

// parseDate reads YYYY-MM-DD and says exactly what is wrong with a date that
// is not a real one (2026-02-30, 2026-13-01).
func parseDate(s string) (date, error) {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return date{}, model.Errorf(model.EINVALID, "%q is not a date: write it as YYYY-MM-DD, e.g. 2026-10-01", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	switch {
	case y < minYear || y > maxYear:
		return date{}, model.Errorf(model.EINVALID, "%s is not a usable date: the year must be between %d and %d", s, minYear, maxYear)
	case mo < 1 || mo > 12:
		return date{}, model.Errorf(model.EINVALID, "%s is not a real date: there is no month %d (months are 01 to 12)", s, mo)
	}
	last := time.Date(y, time.Month(mo)+1, 0, 12, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return date{}, model.Errorf(model.EINVALID, "%s is not a real date: %s %d has %d days", s, i18n.Text(time.Month(mo).String()), y, last)
	}
	return date{y, time.Month(mo), d}, nil
}
