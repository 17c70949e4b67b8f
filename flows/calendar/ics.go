package calendar

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"yunwei/model"
	"yunwei/model/i18n"
)

// icsLine is one unfolded content line: NAME;PARAM=V:VALUE.
type icsLine struct {
	n      int // physical line where it starts
	name   string
	params map[string]string
	value  string
}

// icsEvent is what a VEVENT says that matters here.
type icsEvent struct {
	line                   int
	start, end, duration   *icsLine
	summary, kind, special string
	rrule, cancelled       bool
}

// ParseICS reads an iCalendar (RFC 5545) file of all-day events, deciding
// holiday or make-up day as the package documentation describes.
func ParseICS(r io.Reader) (Changes, error) {
	raw, err := readLines(r)
	if err != nil {
		return Changes{}, err
	}
	lines, err := unfold(raw)
	if err != nil {
		return Changes{}, err
	}
	b := newBuilder()
	if len(lines) == 0 || !strings.EqualFold(lines[0].text, "BEGIN:VCALENDAR") {
		b.add(0, "this is not an iCalendar file: it must begin with BEGIN:VCALENDAR (or write the text format: %s)", textForms)
		return Changes{}, b.err()
	}
	type open struct {
		name string
		line int
	}
	var stack []open
	var ev *icsEvent
	events := 0
	for _, l := range lines {
		if !utf8.ValidString(l.text) {
			b.add(l.n, "the line is not UTF-8 text: save the file as UTF-8")
			continue
		}
		cl, ok := parseContentLine(l)
		if !ok {
			b.add(l.n, "%q is not an iCalendar line NAME:VALUE", clip(l.text))
			continue
		}
		switch cl.name {
		case "BEGIN":
			comp := strings.ToUpper(cl.value)
			if comp == "VEVENT" && len(stack) == 1 {
				ev = &icsEvent{line: cl.n}
			}
			stack = append(stack, open{comp, cl.n})
			continue
		case "END":
			comp := strings.ToUpper(cl.value)
			if len(stack) == 0 || stack[len(stack)-1].name != comp {
				var want any = i18n.Text(i18n.In("ics", "nothing"))
				if len(stack) > 0 {
					want = i18n.Phrase{Format: "BEGIN:%s on line %d", Args: []any{stack[len(stack)-1].name, stack[len(stack)-1].line}}
				}
				b.add(cl.n, "END:%s does not close %s: the file is damaged, export it again", comp, want)
				return Changes{}, b.err()
			}
			stack = stack[:len(stack)-1]
			if comp == "VEVENT" && ev != nil && len(stack) == 1 {
				events++
				b.icsEvent(ev)
				ev = nil
			}
			continue
		}
		if ev != nil && len(stack) == 2 {
			ev.property(cl)
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		b.add(top.line, "BEGIN:%s is never closed by END:%s: the file is cut short, export it again", top.name, top.name)
	} else if events == 0 {
		b.add(0, "the file holds no events (VEVENT): there is nothing to import")
	} else if len(b.ch.Days) == 0 && len(b.list) == 0 {
		b.add(0, "none of the %d events is an all-day event: holidays are written DTSTART;VALUE=DATE:20261001", events)
	}
	if err := b.err(); err != nil {
		return Changes{}, err
	}
	return b.ch, nil
}

type physical struct {
	n    int
	text string
}

// unfold joins folded lines (RFC 5545 §3.1: a line starting with a space or
// tab continues the previous one). UTF-8 is checked after unfolding, since
// some writers fold in the middle of a character. One pass, each byte
// copied once: a file folded into a million pieces unfolds as fast as one
// that is not. A line longer than maxLineBytes once unfolded is refused.
func unfold(raw []string) ([]physical, error) {
	var out []physical
	var cur strings.Builder
	start := 0 // the physical line cur began on; 0 while there is none
	flush := func() {
		if start > 0 {
			out = append(out, physical{start, cur.String()})
			cur.Reset()
		}
	}
	for i, l := range raw {
		folded := strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")
		switch {
		case folded && start > 0:
			l = l[1:]
		case strings.TrimSpace(l) == "":
			continue
		default:
			flush()
			start = i + 1
		}
		if cur.Len()+len(l) > maxLineBytes {
			return nil, model.Errorf(model.EINVALID, "line %d is longer than 64 KiB once unfolded, far more than a calendar needs: check that it is the right file", start)
		}
		cur.WriteString(l)
	}
	flush()
	return out, nil
}

// parseContentLine splits NAME *(;PARAM=VALUE) : VALUE, honouring quoted
// parameter values that hold ; or :.
func parseContentLine(l physical) (icsLine, bool) {
	quoted := false
	var parts []string
	last := 0
	for i, r := range l.text {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == ';':
			parts = append(parts, l.text[last:i])
			last = i + 1
		case r == ':':
			parts = append(parts, l.text[last:i])
			out := icsLine{n: l.n, name: strings.ToUpper(strings.TrimSpace(parts[0])), params: map[string]string{}, value: l.text[i+1:]}
			for _, p := range parts[1:] {
				k, v, _ := strings.Cut(p, "=")
				out.params[strings.ToUpper(k)] = strings.Trim(v, `"`)
			}
			return out, out.name != ""
		}
	}
	return icsLine{}, false
}

func (ev *icsEvent) property(cl icsLine) {
	switch cl.name {
	case "DTSTART":
		ev.start = &cl
	case "DTEND":
		ev.end = &cl
	case "DURATION":
		ev.duration = &cl
	case "SUMMARY":
		ev.summary = unescapeText(cl.value)
	case "RRULE", "RDATE":
		ev.rrule = true
	case "STATUS":
		ev.cancelled = strings.EqualFold(strings.TrimSpace(cl.value), "CANCELLED")
	case "X-YUNWEI-DAY":
		ev.kind = strings.ToLower(strings.TrimSpace(cl.value))
	case "X-APPLE-SPECIAL-DAY":
		ev.special = strings.ToUpper(strings.TrimSpace(cl.value))
	}
}

// unescapeText decodes RFC 5545 TEXT (§3.3.11): \\ \; \, and \n or \N.
func unescapeText(s string) string {
	var sb strings.Builder
	escaped := false
	for _, r := range s {
		switch {
		case escaped && (r == 'n' || r == 'N'):
			sb.WriteRune('\n')
		case escaped:
			sb.WriteRune(r)
		case r == '\\':
			escaped = true
			continue
		default:
			sb.WriteRune(r)
		}
		escaped = false
	}
	return sb.String()
}

func (b *builder) icsEvent(ev *icsEvent) {
	var name any = clip(ev.summary)
	if ev.summary == "" {
		name = i18n.Text("(no SUMMARY)")
	}
	switch {
	case ev.cancelled:
		b.warn(ev.line, "event %q is cancelled: skipped", name)
		return
	case ev.start == nil:
		b.add(ev.line, "event %q has no DTSTART: give it one, e.g. DTSTART;VALUE=DATE:20261001", name)
		return
	case ev.rrule:
		b.add(ev.line, "event %q repeats (RRULE/RDATE), which is not supported: list each holiday as its own event", name)
		return
	}
	first, timed, err := icsDate(ev.start)
	if timed {
		b.warn(ev.start.n, "event %q starts at a time of day (%s): only all-day events are holidays or make-up days, skipped", name, ev.start.value)
		return
	}
	if err != nil {
		b.add(ev.start.n, "DTSTART %s", err)
		return
	}
	last := first
	switch {
	case ev.end != nil:
		end, timed, err := icsDate(ev.end)
		if timed || err != nil {
			b.add(ev.end.n, "DTEND of an all-day event must be a date such as DTEND;VALUE=DATE:20261008 (the day after the last day)")
			return
		}
		if !end.after(first) {
			b.add(ev.end.n, "DTEND %s is not after DTSTART %s: DTEND is the day after the last day of the event", end, first)
			return
		}
		last = end.add(-1)
	case ev.duration != nil:
		days, ok := icsDays(ev.duration.value)
		if !ok {
			b.add(ev.duration.n, "DURATION %q is not a whole number of days: write e.g. DURATION:P7D", ev.duration.value)
			return
		}
		last = first.add(days - 1)
	}
	clean, cerr := checkName(strings.ReplaceAll(strings.ReplaceAll(ev.summary, "\r", " "), "\n", " "))
	if cerr != nil {
		b.add(ev.line, "SUMMARY: %v", cerr)
		return
	}
	kind, ok := b.icsKind(ev, clean)
	if ok {
		b.addRange(ev.line, first, last, kind, clean)
	}
}

// icsKind decides holiday or make-up day (package documentation, "iCalendar
// import").
func (b *builder) icsKind(ev *icsEvent, summary string) (DayKind, bool) {
	switch ev.kind {
	case "holiday":
		return DayHoliday, true
	case "workday":
		return DayMakeUp, true
	case "":
	default:
		b.add(ev.line, "X-YUNWEI-DAY %q must be holiday or workday", clip(ev.kind))
		return "", false
	}
	switch ev.special {
	case "WORK-HOLIDAY":
		return DayHoliday, true
	case "ALTERNATE-WORKDAY":
		return DayMakeUp, true
	}
	lower := strings.ToLower(summary)
	for _, w := range []string{"班", "workday", "working day", "make-up", "makeup"} {
		if strings.Contains(lower, w) {
			return DayMakeUp, true
		}
	}
	if strings.Contains(summary, "调休") && !strings.Contains(summary, "休息") && !strings.Contains(summary, "假") {
		b.warn(ev.line, "event %q says 调休 without 班 or 休息/假: imported as a holiday; if it is a make-up working day, add the line X-YUNWEI-DAY:workday to the event", clip(summary))
	}
	return DayHoliday, true
}

var (
	icsDateRE     = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	icsDateTimeRE = regexp.MustCompile(`^\d{8}T\d{6}Z?$`)
)

// icsDate reads an all-day DATE value; timed reports a DATE-TIME instead.
func icsDate(l *icsLine) (d date, timed bool, problem error) {
	v := strings.TrimSpace(l.value)
	m := icsDateRE.FindStringSubmatch(v)
	if m == nil {
		if icsDateTimeRE.MatchString(v) && !strings.EqualFold(l.params["VALUE"], "DATE") {
			return date{}, true, nil
		}
		return date{}, false, model.Errorf(model.EINVALID, "%q is not a date: write it as YYYYMMDD, e.g. DTSTART;VALUE=DATE:20261001", clip(v))
	}
	d, err := parseDate(m[1] + "-" + m[2] + "-" + m[3])
	if err != nil {
		return date{}, false, err
	}
	return d, false, nil
}

var icsDaysRE = regexp.MustCompile(`^P(\d{1,3})([DW])$`)

// icsDays reads DURATION:PnD or PnW.
func icsDays(v string) (int, bool) {
	m := icsDaysRE.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(v)))
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1])
	if m[2] == "W" {
		n *= 7
	}
	return n, n > 0
}

// clip shortens text quoted in a message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}
