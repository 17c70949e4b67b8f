package calendar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"yunwei/model"
)

// Span is a working span of a day in local clock time, in minutes after
// midnight: Start inclusive, End exclusive, End at most 24:00 (1440).
type Span struct {
	Start, End int
}

// String writes the span as "HH:MM-HH:MM", the form calendars store.
func (s Span) String() string { return clockText(s.Start) + "-" + clockText(s.End) }

// StartText is the span's start as "HH:MM".
func (s Span) StartText() string { return clockText(s.Start) }

// EndText is the span's end as "HH:MM".
func (s Span) EndText() string { return clockText(s.End) }

func clockText(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

var spanRE = regexp.MustCompile(`^(\d{2}):(\d{2})-(\d{2}):(\d{2})$`)

const dayMinutes = 24 * 60

// parseSpan reads "HH:MM-HH:MM".
func parseSpan(s string) (Span, error) {
	bad := model.Errorf(model.EINVALID, "%q is not working hours: write a span like 09:00-12:00 (start before end, 24:00 at the latest)", s)
	m := spanRE.FindStringSubmatch(s)
	if m == nil {
		return Span{}, bad
	}
	n := make([]int, 4)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	start, end := n[0]*60+n[1], n[2]*60+n[3]
	if n[0] > 23 || n[1] > 59 || n[3] > 59 || end > dayMinutes || start >= end {
		return Span{}, bad
	}
	return Span{start, end}, nil
}

// parseSpans reads a day's spans, which must be in increasing order and
// must not overlap (touching is fine: 09:00-12:00,12:00-18:00).
func parseSpans(list []string) ([]Span, error) {
	out := make([]Span, 0, len(list))
	for _, s := range list {
		sp, err := parseSpan(strings.TrimSpace(s))
		if err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			return nil, model.Errorf(model.EINVALID, "working hours %s and %s overlap or are out of order: list spans from morning to evening, e.g. 09:00-12:00,13:00-18:00", out[n-1], sp)
		}
		out = append(out, sp)
	}
	return out, nil
}

// spanTexts is the stored form of spans.
func spanTexts(spans []Span) []string {
	if len(spans) == 0 {
		return nil
	}
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.String()
	}
	return out
}

// JoinSpans writes spans for people: "09:00-12:00, 13:00-18:00" (sep ", ")
// or "09:00-12:00、13:00-18:00" (sep "、").
func JoinSpans(spans []Span, sep string) string {
	return strings.Join(spanTexts(spans), sep)
}
