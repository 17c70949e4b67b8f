package ticket

import (
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla"
	"yunwei/model"
)

// timings says what each kind's SLA clocks count from. Seed §2.6 times the
// vendor's response to the customer's requests, so every kind not listed,
// a request the customer raises, is timed from when it was raised.
var timings = map[model.Kind]sla.Basis{
	// seed §2.2.1: training on request, given at the time agreed: the
	// response to the request is timed, the visit from its scheduled time.
	model.KindTraining: sla.BasisSchedule,
	// seed §2.4: the vendor's own notice and record, not requests.
	model.KindStaffChange: sla.BasisNone,
	model.KindOvertime:    sla.BasisNone,
}

// scheduleInput is the decision input that schedules planned work.
const scheduleInput = "scheduled_for"

// Timing is what the SLA clocks of a ticket of kind k count from.
func Timing(k model.Kind) sla.Basis {
	if b, ok := timings[k]; ok {
		return b
	}
	return sla.BasisRequest
}

// SLAInput maps a ticket's state onto the SLA clocks' input (seed §2.6):
// the request time starts the clocks, or for planned work the time it is
// scheduled for; responding, arriving and resolving stop them; the steps
// where only the customer can act are pauses. A ticket closed without a
// resolution (rejected, withdrawn) stops its clocks when it closed: there
// is nothing left to respond to.
func SLAInput(s *State, c model.Contract, cal *calendar.Calendar) sla.Input {
	in := sla.Input{
		ReportedAt: parsedTime(s.ReportedAt), Kind: s.Kind, OnSite: s.OnSite, Basis: Timing(s.Kind),
		RespondedAt: parsedTime(s.RespondedAt), ArrivedAt: parsedTime(s.ArrivedAt), ResolvedAt: parsedTime(s.ResolvedAt),
		Targets: c.SLA, Calendar: cal,
	}
	if in.Basis == sla.BasisSchedule {
		in.ScheduledAt = ScheduledAt(s)
	}
	if in.ResolvedAt.IsZero() && s.Status == model.StatusClosed {
		in.ResolvedAt = parsedTime(s.ClosedAt)
	}
	for _, w := range s.Waits {
		in.Pauses = append(in.Pauses, sla.Interval{Start: parsedTime(w.From), End: parsedTime(w.To)})
	}
	return in
}

// ScheduledAt is when a ticket's planned work is scheduled for: the latest
// time given to the decision that schedules it, once the ticket has left
// the step that takes it. A ticket sent back there to be rescheduled has no
// time until it is scheduled again. Zero when it is not scheduled.
func ScheduledAt(s *State) time.Time {
	f := FlowFor(s.Kind)
	if f == nil {
		return time.Time{}
	}
	if st := f.Step(s.Step); st == nil || takesInput(st, scheduleInput) {
		return time.Time{}
	}
	return parsedTime(s.Facts[scheduleInput])
}

// takesInput reports whether a decision of the step takes the named input.
func takesInput(st *Step, name string) bool {
	for _, d := range st.Decisions {
		for _, in := range d.Inputs {
			if in.Name == name {
				return true
			}
		}
	}
	return false
}

// Clocks are the ticket's SLA clocks as they stand at now.
func Clocks(s *State, c model.Contract, cal *calendar.Calendar, now time.Time) []sla.Clock {
	return sla.Clocks(SLAInput(s, c, cal), now)
}

func parsedTime(s string) time.Time {
	t, _ := model.ParseTime(s)
	return t
}
