package sla

import (
	"strings"
	"time"

	"yunwei/flows/calendar"
)

// Explain renders a clock's explanation as sentences in "en" or "zh": which
// rule applied and why, the calendar facts it used (the day the request fell
// on, holidays and make-up days), when it started, paused, resumed and
// stopped, when it is due, and how it stands.
func Explain(c Clock, lang string) []string {
	out := make([]string, 0, len(c.Explanation))
	for _, s := range c.Explanation {
		if line := explainStep(c, s, lang); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func explainStep(c Clock, s Step, lang string) string {
	switch s.Kind {
	case StepRule:
		return say(lang, "rule."+string(s.Rule), when(s.At, lang), where(s.Moment, lang), Duration(s.Duration, lang), s.TicketKind.Label(lang))
	case StepStandardCalendar:
		return say(lang, "standard_calendar")
	case StepCounting:
		if s.Business {
			return say(lang, "counting.business")
		}
		return say(lang, "counting.wall")
	case StepCalendar:
		first, last := s.Days[0], s.Days[len(s.Days)-1]
		counted := say(lang, "calendar.off")
		if first.Working() {
			counted = say(lang, "calendar.on")
		}
		if len(s.Days) == 1 {
			return say(lang, "calendar.one", day(first, lang), "", first.Reason(lang), counted)
		}
		return say(lang, "calendar.range", day(first, lang), day(last, lang), first.Reason(lang), counted)
	case StepStart:
		if !s.To.IsZero() {
			return say(lang, "start.to", when(s.At, lang), when(s.To, lang))
		}
		return say(lang, "start", when(s.At, lang))
	case StepPause:
		return say(lang, "pause", when(s.At, lang))
	case StepResume:
		if s.Business {
			return say(lang, "resume.business", when(s.At, lang), Duration(s.Duration, lang))
		}
		return say(lang, "resume", when(s.At, lang), Duration(s.Duration, lang))
	case StepLatePause:
		return say(lang, "late_pause", when(s.At, lang))
	case StepDue:
		if s.State == Paused {
			return say(lang, "due.paused", when(s.At, lang))
		}
		return say(lang, "due", when(s.At, lang))
	case StepStop:
		return say(lang, "stop."+string(c.Kind)+"."+string(s.Stop), when(s.At, lang))
	case StepOutcome:
		return outcome(s, lang)
	}
	return ""
}

func outcome(s Step, lang string) string {
	d := Duration(s.Duration, lang)
	if s.Business {
		d = say(lang, "working_time", d)
	}
	switch {
	case s.State == Met && s.Duration < time.Minute:
		return say(lang, "outcome.met.exact")
	case s.State == Breached && s.Open:
		return say(lang, "outcome.breached.open", d)
	}
	return say(lang, "outcome."+string(s.State), d)
}

// where says why the request's moment is or is not working time: the day's
// standing when it is not an ordinary working day, then the time of day.
func where(m calendar.Moment, lang string) string {
	var parts []string
	switch m.Day.Kind {
	case calendar.DayRest:
		wd := m.Day.Weekday.String()
		if isZh(lang) {
			wd = calendar.WeekdayLabel(m.Day.Weekday, lang)
		}
		parts = append(parts, say(lang, "where.rest", wd))
	case calendar.DayHoliday, calendar.DayMakeUp:
		parts = append(parts, m.Day.Reason(lang))
	}
	switch m.Phase {
	case calendar.PhaseWorking:
		parts = append(parts, calendar.JoinSpans(m.Day.Spans, say(lang, "spans.sep")))
	case calendar.PhaseBeforeHours:
		parts = append(parts, say(lang, "where.before", m.Span.StartText()))
	case calendar.PhaseBreak:
		parts = append(parts, say(lang, "where.break", m.Span.String()))
	case calendar.PhaseAfterHours:
		parts = append(parts, say(lang, "where.after", m.Span.EndText()))
	}
	return strings.Join(parts, say(lang, "where.sep"))
}
