package calendar

import (
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"yunwei/model"
	"yunwei/model/i18n"
)

// textForms is what a line of the text format may say, for error messages.
const textForms i18n.Text = "write one of: 2026-10-01 holiday NAME, 2026-10-10 workday NAME, " +
	"2026-10-01..2026-10-07 holiday NAME, weekly mon-fri 09:00-12:00,13:00-18:00, " +
	"workday-hours 09:00-12:00,13:00-18:00, tz Asia/Shanghai, or # a comment"

// dayWords maps the second word of a dated line to its kind.
var dayWords = map[string]DayKind{
	"holiday": DayHoliday, "休": DayHoliday, "假": DayHoliday,
	"workday": DayMakeUp, "班": DayMakeUp,
}

// ParseText reads the plain-text import format described in the package
// documentation.
func ParseText(r io.Reader) (Changes, error) {
	lines, err := readLines(r)
	if err != nil {
		return Changes{}, err
	}
	b := newBuilder()
	entries := 0
	for i, raw := range lines {
		n := i + 1
		if !utf8.ValidString(raw) {
			b.add(n, "the line is not UTF-8 text: save the file as UTF-8 (it may be in GBK)")
			continue
		}
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		entries++
		head, rest := cutWord(line)
		switch strings.ToLower(head) {
		case "tz":
			b.textZone(n, rest)
		case "weekly":
			b.textWeekly(n, rest)
		case "workday-hours":
			b.textWorkdayHours(n, rest)
		default:
			b.textDay(n, head, rest)
		}
	}
	if entries == 0 {
		b.add(0, "the file holds no calendar lines: %s", textForms)
	}
	if err := b.err(); err != nil {
		return Changes{}, err
	}
	return b.ch, nil
}

// cutWord splits off the first word; the rest keeps its inner spacing.
func cutWord(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

func (b *builder) textZone(n int, rest string) {
	zone, extra := cutWord(rest)
	if zone == "" || extra != "" {
		b.add(n, "tz takes one IANA zone name: write e.g. tz Asia/Shanghai")
		return
	}
	if _, err := loadZone(zone); err != nil {
		b.add(n, "%v", err)
		return
	}
	b.ch.TimeZone, b.ch.TimeZoneLine = zone, n
}

func (b *builder) textWeekly(n int, rest string) {
	daysText, hoursText := cutWord(rest)
	if hoursText == "" {
		b.add(n, "weekly needs weekdays and hours: write e.g. weekly mon-fri 09:00-12:00,13:00-18:00 or weekly sat,sun off")
		return
	}
	days, err := parseWeekdays(daysText)
	if err != nil {
		b.add(n, "%v", err)
		return
	}
	hours, ok := b.textHours(n, hoursText, true)
	if !ok {
		return
	}
	if b.ch.Weekly == nil {
		b.ch.Weekly, b.ch.WeeklyLines = map[time.Weekday][]string{}, map[time.Weekday]int{}
	}
	for _, wd := range days {
		if prev, ok := b.ch.WeeklyLines[wd]; ok {
			b.warn(n, "%s hours were already set on line %d: this line's hours are used", weekday(wd), prev)
		}
		b.ch.Weekly[wd], b.ch.WeeklyLines[wd] = hours, n
	}
}

func (b *builder) textWorkdayHours(n int, rest string) {
	if rest == "" {
		b.add(n, "make-up working days need hours: write e.g. workday-hours 09:00-12:00,13:00-18:00")
		return
	}
	if hours, ok := b.textHours(n, rest, false); ok {
		b.ch.WorkdayHours = hours
	}
}

// textHours reads "09:00-12:00,13:00-18:00" (spaces, full-width commas and
// 、 allowed) or, when off is allowed, "off".
func (b *builder) textHours(n int, s string, offOK bool) ([]string, bool) {
	s = strings.Join(strings.Fields(s), "")
	if offOK && (strings.EqualFold(s, "off") || s == "-" || s == "休息") {
		return []string{}, true
	}
	s = strings.NewReplacer("，", ",", "、", ",").Replace(s)
	spans, err := parseSpans(strings.Split(s, ","))
	if err != nil {
		b.add(n, "%v", err)
		return nil, false
	}
	return spanTexts(spans), true
}

func (b *builder) textDay(n int, head, rest string) {
	if head == "" || head[0] < '0' || head[0] > '9' {
		b.add(n, "%q is not a date or a keyword: %s", head, textForms)
		return
	}
	firstText, lastText, isRange := strings.Cut(head, "..")
	first, err := parseDate(firstText)
	if err != nil {
		b.add(n, "%v", err)
		return
	}
	last := first
	if isRange {
		if last, err = parseDate(lastText); err != nil {
			b.add(n, "%v", err)
			return
		}
	}
	word, nameText := cutWord(rest)
	kind, ok := dayWords[strings.ToLower(word)]
	if !ok {
		if word == "" {
			b.add(n, "say what %s is: write %s holiday NAME or %s workday NAME", head, head, head)
		} else {
			b.add(n, "%q is neither holiday nor workday: write %s holiday NAME or %s workday NAME", word, head, head)
		}
		return
	}
	name, err := checkName(nameText)
	if err != nil {
		b.add(n, "%v", err)
		return
	}
	b.addRange(n, first, last, kind, name)
}

// weekdayWords are the names a DAYS list may use.
var weekdayWords = map[string]time.Weekday{
	"sun": time.Sunday, "sunday": time.Sunday, "周日": time.Sunday, "周天": time.Sunday,
	"mon": time.Monday, "monday": time.Monday, "周一": time.Monday,
	"tue": time.Tuesday, "tuesday": time.Tuesday, "周二": time.Tuesday,
	"wed": time.Wednesday, "wednesday": time.Wednesday, "周三": time.Wednesday,
	"thu": time.Thursday, "thursday": time.Thursday, "周四": time.Thursday,
	"fri": time.Friday, "friday": time.Friday, "周五": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday, "周六": time.Saturday,
}

// parseWeekdays reads "mon-fri", "sat,sun" or "mon,wed-fri". A range runs
// forward through the week and may wrap: fri-mon is Friday to Monday.
func parseWeekdays(s string) ([]time.Weekday, error) {
	var out []time.Weekday
	for item := range strings.SplitSeq(s, ",") {
		from, to, isRange := strings.Cut(item, "-")
		a, okA := weekdayWords[strings.ToLower(from)]
		z, okZ := a, true
		if isRange {
			z, okZ = weekdayWords[strings.ToLower(to)]
		}
		if !okA || !okZ {
			return nil, model.Errorf(model.EINVALID, "%q is not a weekday: use mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, or a list such as sat,sun", item)
		}
		for wd := a; ; wd = (wd + 1) % 7 {
			out = append(out, wd)
			if wd == z {
				break
			}
		}
	}
	return out, nil
}
