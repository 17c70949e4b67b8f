package ticket

import (
	"yunwei/flows"
	"yunwei/model"
)

// Evolve folds one ticket event into the ticket's state (flows.Evolver)
// by the step tables alone, without re-checking the deciders' authority.
func Evolve(s flows.State, e model.Event) (flows.State, error) {
	return evolveTicket(flows.As[State](s), e, nil)
}

// EvolveWith folds one ticket event as Evolve does and re-checks each
// decision against what the log says its decider held (flows.Authority):
// the store folds every ticket this way.
func EvolveWith(auth flows.Authority, s flows.State, e model.Event) (flows.State, error) {
	return evolveTicket(flows.As[State](s), e, auth)
}

// Decide implements flows.Command.
func (c Create) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideCreateTicket(env, flows.As[State](s), c)
}

// Decide implements flows.Command.
func (c Edit) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideEditTicket(env, flows.As[State](s), c)
}

// Decide implements flows.Command.
func (c Assign) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideAssignTicket(env, flows.As[State](s), c)
}

// Decide implements flows.Command.
func (c Comment) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideCommentTicket(env, flows.As[State](s), c)
}

// Counter implements flows.Numbered: tickets are numbered from the
// "ticket" counter unless the command carries a number (an import).
func (c Create) Counter() string {
	if c.Number != "" {
		return ""
	}
	return "ticket"
}

// WithNumber implements flows.Numbered.
func (c Create) WithNumber(number string) flows.Command {
	c.Number = number
	return c
}
