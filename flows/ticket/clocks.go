package ticket

import (
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla"
	"yunwei/model"
)

// SLAInput maps a ticket's state onto the SLA clocks' input (seed §2.6):
// the request time starts every clock; responding, arriving and resolving
// stop them; the steps where only the customer can act are pauses. A ticket
// closed without a resolution (rejected, withdrawn) stops its clocks when
// it closed: there is nothing left to respond to.
func SLAInput(s *State, c model.Contract, cal *calendar.Calendar) sla.Input {
	in := sla.Input{
		ReportedAt: parsedTime(s.ReportedAt), Kind: s.Kind, OnSite: s.OnSite,
		RespondedAt: parsedTime(s.RespondedAt), ArrivedAt: parsedTime(s.ArrivedAt), ResolvedAt: parsedTime(s.ResolvedAt),
		Targets: c.SLA, Calendar: cal,
	}
	if in.ResolvedAt.IsZero() && s.Status == model.StatusClosed {
		in.ResolvedAt = parsedTime(s.ClosedAt)
	}
	for _, w := range s.Waits {
		in.Pauses = append(in.Pauses, sla.Interval{Start: parsedTime(w.From), End: parsedTime(w.To)})
	}
	return in
}

// Clocks are the ticket's SLA clocks as they stand at now.
func Clocks(s *State, c model.Contract, cal *calendar.Calendar, now time.Time) []sla.Clock {
	return sla.Clocks(SLAInput(s, c, cal), now)
}

func parsedTime(s string) time.Time {
	t, _ := model.ParseTime(s)
	return t
}
