package calendar

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"yunwei/model"
)

// MaxFileBytes bounds an import file: a calendar file is a few kilobytes,
// a year of a country's holidays as iCalendar some tens.
const MaxFileBytes = 1 << 20

// maxLineBytes bounds one line of an iCalendar file once unfolded.
const maxLineBytes = 64 << 10

// maxProblems bounds how many problems one error lists.
const maxProblems = 20

// maxRangeDays bounds a date range: a longer one is surely a typo.
const maxRangeDays = 366

// readLines reads a whole import file and splits it into lines, accepting a
// UTF-8 byte-order mark and CRLF, LF or CR line ends.
func readLines(r io.Reader) ([]string, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read calendar file: %w", err)
	}
	if len(b) > MaxFileBytes {
		return nil, model.Errorf(model.EINVALID, "the file is larger than 1 MiB, far more than a calendar needs: check that it is the right file")
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n"), nil
}

// problems collects what is wrong with a file, so one run names every bad
// line rather than the first only.
// Each problem is a catalogue message with its arguments, so that the
// interfaces word it in the user's language.
type problems struct {
	list []any // *model.Error
	more int   // problems beyond maxProblems, counted but not worded
}

func (p *problems) add(line int, format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.more++
		return
	}
	msg := model.Errorf(model.EINVALID, format, args...)
	if line > 0 {
		msg = model.Errorf(model.EINVALID, "line %d: %s", line, msg)
	}
	p.list = append(p.list, msg)
}

// err is every problem, one a line.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.more > 0 {
		list = append(list[:maxProblems:maxProblems], model.Errorf(model.EINVALID, "… and %d more problems", p.more))
	}
	return model.Errorf(model.EINVALID, strings.TrimSuffix(strings.Repeat("%s\n", len(list)), "\n"), list...)
}

// builder gathers dated entries, refusing a date that a file makes both a
// holiday and a make-up day.
type builder struct {
	ch   Changes
	seen map[date]int // index into ch.Days
	problems
}

func newBuilder() *builder { return &builder{seen: map[date]int{}} }

func (b *builder) warn(line int, format string, args ...any) {
	b.ch.Warnings = append(b.ch.Warnings, notice(line, format, args...))
}

// addRange marks every date from first to last (both included).
func (b *builder) addRange(line int, first, last date, kind DayKind, name string) {
	if first.after(last) {
		b.add(line, "the range %s..%s ends before it starts: write the earlier date first", first, last)
		return
	}
	if n := last.noon().Sub(first.noon()).Hours()/24 + 1; n > maxRangeDays {
		b.add(line, "the range %s..%s is %.0f days long: a range may cover at most %d days", first, last, n, maxRangeDays)
		return
	}
	for d := first; !d.after(last); d = d.add(1) {
		b.addDay(line, d, kind, name)
	}
}

func (b *builder) addDay(line int, d date, kind DayKind, name string) {
	i, ok := b.seen[d]
	if !ok {
		b.seen[d] = len(b.ch.Days)
		b.ch.Days = append(b.ch.Days, DayChange{Date: d.String(), Kind: kind, Name: name, Line: line})
		return
	}
	prev := &b.ch.Days[i]
	switch {
	case prev.Kind != kind:
		b.add(line, "%s is a %s here but a %s on line %d: a date is one or the other, delete the wrong line",
			d, kind.Word(), prev.Kind.Word(), prev.Line)
	case prev.Name != name:
		b.warn(line, "%s was already named %q on line %d: the later name %q is used", d, prev.Name, prev.Line, name)
		prev.Name, prev.Line = name, line
	}
}
