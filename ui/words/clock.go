package words

import (
	"strings"
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla"
	"yunwei/model/i18n"
)

var clockKinds = map[sla.ClockKind]string{
	sla.Response:   "response",
	sla.OnSite:     "on-site arrival",
	sla.Resolution: "resolution",
}

// ClockKind names a clock: "response", 响应.
func ClockKind(L i18n.Lang, k sla.ClockKind) string {
	if name, ok := clockKinds[k]; ok {
		return L.T(name)
	}
	return string(k)
}

// ClockState names where a clock stands: "paused", 已暂停.
func ClockState(L i18n.Lang, s sla.State) string {
	if s == "" {
		return ""
	}
	return L.T(i18n.In("clock", string(s)))
}

// Duration writes a duration for people: "1 h 30 min", "45 min", "3 d 2 h"
// (1 小时 30 分钟, 45 分钟, 3 天 2 小时). Seconds are dropped; days are used
// from 48 h on.
func Duration(L i18n.Lang, d time.Duration) string {
	if d < 0 {
		d = -d
	}
	if d < time.Minute {
		return L.T("less than 1 min")
	}
	mins := int(d / time.Minute)
	var days, hours int
	if mins >= 48*60 {
		days, mins = mins/(24*60), mins%(24*60)
	}
	hours, mins = mins/60, mins%60
	var parts []string
	for i, n := range []int{days, hours, mins} {
		if n != 0 {
			parts = append(parts, L.Tf(i18n.In("duration", durationUnits[i]), n))
		}
	}
	return strings.Join(parts, " ")
}

var durationUnits = [3]string{"%d d", "%d h", "%d min"}

// rules word the rule that set a clock's target; the arguments are when
// the request was raised, where it fell in the calendar, the target and
// the ticket's kind.
var rules = map[sla.Rule]string{
	sla.RuleInHours:    "Raised %[1]s, inside working hours (%[2]s), so the %[3]s response target for requests raised in working hours applies.",
	sla.RuleOutHours:   "Raised %[1]s, outside working hours (%[2]s), so the %[3]s response target for requests raised outside working hours applies.",
	sla.RuleOnSite:     "On-site service is needed, so arrival on site is due within %[3]s of the request.",
	sla.RuleResolution: "The contract sets a resolution target of %[3]s for %[4]s tickets.",
}

// scheduledRules word the rules of a clock that counts from the time its
// work is scheduled for (planned work).
var scheduledRules = map[sla.Rule]string{
	sla.RuleOnSite:     "On-site service is needed, so arrival on site is due within %[3]s of the scheduled time.",
	sla.RuleResolution: "The contract sets a resolution target of %[3]s for %[4]s tickets, counted from the scheduled time.",
}

// stops word the event that stopped each clock.
var stops = map[sla.ClockKind]map[sla.StopReason]string{
	sla.Response: {
		sla.StopResponded: "Responded at %[1]s.",
		sla.StopArrived:   "Arrived on site at %[1]s, which is the response.",
		sla.StopResolved:  "Resolved at %[1]s, which is the response.",
	},
	sla.OnSite: {
		sla.StopArrived:  "Arrived on site at %[1]s.",
		sla.StopResolved: "Resolved at %[1]s without an on-site visit, which ends the on-site clock.",
	},
	sla.Resolution: {
		sla.StopResolved: "Resolved at %[1]s.",
	},
}

// outcomes word how a clock stands, with the margin or lateness.
var outcomes = map[sla.State]string{
	sla.Met:      "Met, %[1]s before the due time.",
	sla.Breached: "Breached: %[1]s after the due time.",
	sla.Running:  "Running: %[1]s left.",
	sla.Paused:   "Paused: %[1]s left when the clock resumes.",
}

// Explain words a clock's explanation, a sentence a fact, for the customer
// who reads the SLA report: which rule applied and why, the calendar facts
// it used (the day the request fell on, holidays and make-up days), when it
// started, paused, resumed and stopped, when it is due, and how it stands.
func Explain(L i18n.Lang, c sla.Clock) []string {
	out := make([]string, 0, len(c.Explanation))
	for _, s := range c.Explanation {
		if line := explainStep(L, c, s); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func explainStep(L i18n.Lang, c sla.Clock, s sla.Step) string {
	switch s.Kind {
	case sla.StepBasis:
		return TimedBy(L, s.Basis, s.TicketKind, s.At)
	case sla.StepRule:
		if f, ok := scheduledRules[s.Rule]; ok && s.Scheduled {
			return L.Tf(f, When(L, s.At), where(L, s.Moment), Duration(L, s.Duration), s.TicketKind.Label(L.Code()))
		}
		if f, ok := rules[s.Rule]; ok {
			return L.Tf(f, When(L, s.At), where(L, s.Moment), Duration(L, s.Duration), s.TicketKind.Label(L.Code()))
		}
	case sla.StepStandardCalendar:
		return L.T("No business calendar is set for this contract, so the standard 5×8 calendar was used: Monday to Friday, 09:00-12:00 and 13:00-18:00, without public holidays.")
	case sla.StepCounting:
		if s.Business {
			return L.T("The target counts working time only: nights, rest days and public holidays do not count.")
		}
		return L.T("The target counts elapsed time around the clock: nights, rest days and holidays included.")
	case sla.StepCalendar:
		first, last := s.Days[0], s.Days[len(s.Days)-1]
		counted := L.T("not counted")
		if first.Working() {
			counted = L.T("counted as working time")
		}
		if len(s.Days) == 1 {
			return L.Tf("%[1]s (%[3]s): %[4]s.", Day(L, first), "", Reason(L, first), counted)
		}
		return L.Tf("%[1]s to %[2]s (%[3]s): %[4]s.", Day(L, first), Day(L, last), Reason(L, first), counted)
	case sla.StepStart:
		if s.Scheduled {
			if !s.To.IsZero() {
				return L.Tf("The clock counts from %[1]s, the time the work is scheduled for; working time counts from %[2]s.", When(L, s.At), When(L, s.To))
			}
			return L.Tf("The clock counts from %[1]s, the time the work is scheduled for.", When(L, s.At))
		}
		if !s.To.IsZero() {
			return L.Tf("The clock started at %[1]s, when the request was raised; working time counts from %[2]s.", When(L, s.At), When(L, s.To))
		}
		return L.Tf("The clock started at %[1]s, when the request was raised.", When(L, s.At))
	case sla.StepPause:
		return L.Tf("Paused at %[1]s: waiting on the customer.", When(L, s.At))
	case sla.StepResume:
		if s.Business {
			return L.Tf("Resumed at %[1]s; the pause took %[2]s of working time, and the due time moves later by as much.", When(L, s.At), Duration(L, s.Duration))
		}
		return L.Tf("Resumed at %[1]s; the due time moves later by the %[2]s pause.", When(L, s.At), Duration(L, s.Duration))
	case sla.StepLatePause:
		return L.Tf("Waiting on the customer from %[1]s did not pause the clock: it began after the due time.", When(L, s.At))
	case sla.StepDue:
		if s.State == sla.Paused {
			return L.Tf("Due %[1]s if the clock resumes now.", When(L, s.At))
		}
		return L.Tf("Due %[1]s.", When(L, s.At))
	case sla.StepStop:
		if f, ok := stops[c.Kind][s.Stop]; ok {
			return L.Tf(f, When(L, s.At))
		}
	case sla.StepOutcome:
		return outcome(L, s)
	}
	return ""
}

func outcome(L i18n.Lang, s sla.Step) string {
	d := Duration(L, s.Duration)
	if s.Business {
		d = L.Tf("%[1]s of working time", d)
	}
	switch {
	case s.State == sla.Met && s.Duration < time.Minute:
		return L.T("Met, exactly at the due time.")
	case s.State == sla.Breached && s.Open:
		return L.Tf("Breached: %[1]s overdue and not yet done.", d)
	}
	if f, ok := outcomes[s.State]; ok {
		return L.Tf(f, d)
	}
	return ""
}

// where says why the request's moment is or is not working time: the day's
// standing when it is not an ordinary working day, then the time of day.
func where(L i18n.Lang, m calendar.Moment) string {
	var parts []string
	switch m.Day.Kind {
	case calendar.DayRest:
		wd := m.Day.Weekday.String()
		if L == i18n.Zh {
			wd = Weekday(L, m.Day.Weekday)
		}
		parts = append(parts, L.Tf("%[1]s, a rest day", wd))
	case calendar.DayHoliday, calendar.DayMakeUp:
		parts = append(parts, Reason(L, m.Day))
	}
	switch m.Phase {
	case calendar.PhaseWorking:
		parts = append(parts, calendar.JoinSpans(m.Day.Spans, L.T(i18n.In("sla", ", "))))
	case calendar.PhaseBeforeHours:
		parts = append(parts, L.Tf("before work starts at %[1]s", m.Span.StartText()))
	case calendar.PhaseBreak:
		parts = append(parts, L.Tf("during the %[1]s break", m.Span.String()))
	case calendar.PhaseAfterHours:
		parts = append(parts, L.Tf("after work ends at %[1]s", m.Span.EndText()))
	}
	return strings.Join(parts, L.T(i18n.In("sla", "; ")))
}
