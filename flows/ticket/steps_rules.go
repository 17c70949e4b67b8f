package ticket

import (
	"yunwei/flows"
	"yunwei/model"
)

// decision is one Act being decided: what the table says and what
// the rules add. Rules read it and may attach a booking.
type decision struct {
	env     flows.Env
	s       *State
	flow    *Flow
	step    *Step
	d       *Decision
	role    model.Role
	inputs  map[string]string
	booking *BookingPayload
}

// rules are the named checks a Decision's Rule may use: the parts of the
// seed a table row alone cannot say.
var rules = map[string]func(*decision) error{
	"enhancement_estimate": checkEstimate,    // seed §1.3: at most 1 person-day
	"quota":                bookEffort,       // seed §1.3: 30 person-days a year
	"staff_change":         checkStaffChange, // seed §2.4: a week ahead
	"overtime":             checkOvertime,    // seed §2.4: the contract's staff
}
