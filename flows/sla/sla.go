// Package sla computes a ticket's service-level clocks and explains them
// (seed §2.6, DESIGN §3). It is pure: the instant "now" is a parameter.
//
// Seed §2.6: respond within 2 h to a request raised inside working hours,
// within 1 h to one raised outside them (sic: the original really gives the
// shorter time outside working hours, and the contract keeps it), and, when
// on-site service is needed, arrive within 4 h of the request. These are
// wall-clock durations by default, since "1 h outside working hours" can only
// be wall-clock time; the calendar only decides which response target
// applies. A contract may count every target in working time instead
// (model.SLATargets.BusinessDurations), and may set resolution targets per
// ticket kind.
//
// Waiting on the customer pauses every clock: a pause that begins before the
// due time moves it later by the pause's length (wall or working time, as
// the contract counts). A pause that begins after the due time does not undo
// a breach.
//
// Seed §2.6 times the vendor's response to the customer's requests, so what
// a clock counts from depends on the ticket's kind (Basis): a request is
// timed from when it was raised, planned work from when it is scheduled
// for, and the vendor's own notices (seed §2.4) have no clock at all.
package sla

import (
	"sync"
	"time"

	"yunwei/flows/calendar"
	"yunwei/model"
)

// ClockKind names what a clock measures.
type ClockKind string

// The three clocks.
const (
	Response   ClockKind = "response"   // seed §2.6: first response
	OnSite     ClockKind = "on_site"    // seed §2.6: arrival on site
	Resolution ClockKind = "resolution" // the contract's per-kind resolution target
)

// Rule names the contract rule that set a clock's target.
type Rule string

// The rules.
const (
	RuleInHours    Rule = "in_hours"   // seed §2.6: 2 h for a request raised in working hours
	RuleOutHours   Rule = "out_hours"  // seed §2.6: 1 h for one raised outside them (sic)
	RuleOnSite     Rule = "on_site"    // seed §2.6: arrive within 4 h of the request
	RuleResolution Rule = "resolution" // SLATargets.Resolution for the ticket's kind
)

// State is where a clock stands at "now".
type State string

// The states.
const (
	Running  State = "running"  // counting, not yet due
	Paused   State = "paused"   // waiting on the customer
	Met      State = "met"      // stopped at or before the due time
	Breached State = "breached" // stopped after the due time, or still open past it
)

// StopReason is the event that stopped a clock.
type StopReason string

// The stop events.
const (
	StopResponded StopReason = "responded"
	StopArrived   StopReason = "arrived"
	StopResolved  StopReason = "resolved"
)

// Basis is what a ticket's clocks count from. Seed §2.6 times the
// vendor's response to the customer's requests; the vendor's own notices
// are no request, and planned work is done at the time agreed.
type Basis string

// The bases.
const (
	// BasisRequest: a customer's request; every clock counts from when it
	// was raised (seed §2.6). The zero Basis means the same.
	BasisRequest Basis = "request"
	// BasisSchedule: planned work (training on request, seed §2.2.1); the
	// response counts from the request, arrival on site and resolution from
	// the time the work is scheduled for, and not before it is scheduled.
	BasisSchedule Basis = "schedule"
	// BasisNone: the vendor's own notice or record (seed §2.4: a staff
	// change, an overtime confirmation); no clock applies.
	BasisNone Basis = "none"
)

// Interval is a stretch of time; a zero End means it has not ended.
type Interval struct {
	Start, End time.Time
}

// Input is what the clocks of one ticket depend on.
type Input struct {
	ReportedAt time.Time  // when the customer raised the request: the response clock starts here
	Kind       model.Kind // selects the resolution target
	OnSite     bool       // on-site service is needed (seed §2.6)
	// Basis is what the clocks count from; ScheduledAt is, for planned
	// work, the time it is scheduled for (zero while it is not).
	Basis       Basis
	ScheduledAt time.Time
	// RespondedAt, ArrivedAt and ResolvedAt stop the clocks; zero means not
	// yet. Arriving or resolving also counts as a response, and resolving
	// without a visit ends the on-site clock.
	RespondedAt, ArrivedAt, ResolvedAt time.Time
	Pauses                             []Interval // waiting on the customer
	Targets                            model.SLATargets
	// Calendar is the contract's business calendar; nil means the seed's
	// 5×8 with no holidays, and the explanation says so.
	Calendar *calendar.Calendar
}

// Clock is one SLA clock as it stands at "now". Times are in the calendar's
// zone.
type Clock struct {
	Kind     ClockKind
	Rule     Rule
	Target   time.Duration
	Business bool // Target counts working time only
	Start    time.Time
	// Due is the deadline, moved later by pauses; while paused, the
	// deadline if the clock resumed now.
	Due       time.Time
	State     State
	StoppedAt time.Time // zero while the clock is open
	Stop      StopReason
	// Remaining is the time left (running), left when it resumes (paused),
	// or the margin it was met by (met). Overdue is how late it was stopped
	// or how late it is now (breached). Both count working time when
	// Business is set.
	Remaining, Overdue time.Duration
	Explanation        []Step
}

// Open reports whether the clock has not been stopped.
func (c Clock) Open() bool { return c.StoppedAt.IsZero() }

// StateAt is how an open clock stands at now, given how it stood when its
// ticket last changed (state) and its due time then. Only an event starts
// or ends waiting on the customer, so a paused clock stays paused until the
// next one, and a breach is never undone; a running clock breaches once now
// passes its due time. It is the one rule for a clock's state: Clocks
// decides with it, and the queue, its Breaching filter and the ticket list
// apply it to the clock the projection stored.
func StateAt(state State, due, now time.Time) State {
	if state == Running && now.After(due) {
		return Breached
	}
	return state
}

// Next returns the open clock due first: the one a queue shows as its
// countdown. Running and paused clocks count, and so does a breached clock
// that is still open (its countdown is negative), since that is the most
// urgent of all. It reports false when every clock has stopped.
func Next(clocks []Clock) (Clock, bool) {
	var best Clock
	found := false
	for _, c := range clocks {
		if c.Open() && (!found || c.Due.Before(best.Due)) {
			best, found = c, true
		}
	}
	return best, found
}

// standard5x8 is the calendar used when a contract has none: seed §2.5 5×8,
// no holidays (they are never invented).
var standard5x8 = sync.OnceValue(func() *calendar.Calendar {
	cal, err := calendar.New(model.Default5x8(model.NilID, "5x8"))
	if err != nil {
		panic("sla: the built-in 5x8 calendar does not compile: " + err.Error())
	}
	return cal
})
