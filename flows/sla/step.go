package sla

import (
	"time"

	"yunwei/flows/calendar"
	"yunwei/model"
)

// StepKind names a step of a clock's explanation.
type StepKind string

// The steps, in the order an explanation lists them.
const (
	StepBasis            StepKind = "basis"             // what the ticket's kind is timed by
	StepRule             StepKind = "rule"              // which target applies, and why
	StepStandardCalendar StepKind = "standard_calendar" // the contract has no calendar: 5×8 was used
	StepCounting         StepKind = "counting"          // wall-clock or working time
	StepCalendar         StepKind = "calendar"          // holidays or make-up days the working-time count met
	StepStart            StepKind = "start"             // the clock started
	StepPause            StepKind = "pause"             // waiting on the customer began
	StepResume           StepKind = "resume"            // waiting ended; the due time moved
	StepLatePause        StepKind = "late_pause"        // waiting that began after the due time
	StepDue              StepKind = "due"               // the due time
	StepStop             StepKind = "stop"              // the event that stopped the clock
	StepOutcome          StepKind = "outcome"           // met, breached, running or paused
)

// Step is one fact of a clock's explanation, structured so that it can be
// rendered in any language (Explain) or shown as a timeline.
type Step struct {
	Kind StepKind
	// At is when: the scheduled time (basis; zero while unscheduled), the
	// request (rule), the start, the pause, the resume, the due time or the
	// stop.
	At time.Time
	// To is, for a start in working-time mode outside working hours, when
	// working time begins to count.
	To time.Time
	// Duration is the target (rule), the pause's length in the clock's
	// measure (resume), or the margin or lateness (outcome).
	Duration   time.Duration
	Rule       Rule            // rule
	Basis      Basis           // basis
	TicketKind model.Kind      // basis, rule: the ticket's kind
	Moment     calendar.Moment // rule: where the request fell in the calendar
	Days       []calendar.DayInfo
	Stop       StopReason // stop
	State      State      // due and outcome
	Open       bool       // outcome: the clock has not stopped
	Business   bool       // counting, resume, outcome: working time
	// Scheduled marks, for rule and start, a clock that counts from the
	// time its work is scheduled for rather than from the request.
	Scheduled bool
}
