package flows

import (
	"fmt"

	"yunwei/model"
)

// Decide checks cmd against the target's state and the world and returns
// the events it makes, or an error and no events.
func Decide(env Env, s State, cmd Command) ([]model.Change, error) {
	switch c := cmd.(type) {
	case SaveCustomer:
		return decideCustomer(env, asState[model.Customer](s), c)
	case SaveContract:
		return decideContract(env, asState[model.Contract](s), c)
	case SaveSite:
		return decideSite(env, asState[model.Site](s), c)
	case SaveSystem:
		return decideSystem(env, asState[model.System](s), c)
	case SaveContact:
		return decideContact(env, asState[model.Contact](s), c)
	case SaveUser:
		return decideUser(env, asState[model.User](s), c)
	case SaveCalendar:
		return decideCalendar(env, asState[model.Calendar](s), c)
	case CreateTicket:
		return decideCreateTicket(env, asState[TicketState](s), c)
	case EditTicket:
		return decideEditTicket(env, asState[TicketState](s), c)
	case AssignTicket:
		return decideAssignTicket(env, asState[TicketState](s), c)
	case CommentTicket:
		return decideCommentTicket(env, asState[TicketState](s), c)
	}
	if fc, ok := cmd.(ticketFlowCommand); ok {
		return decideTicketFlow(env, asState[TicketState](s), fc)
	}
	return nil, fmt.Errorf("flows: no decider for %T", cmd)
}

// Evolve folds one event into an entity's state. It never refuses a stored
// event: unknown types are kept in the log and leave the state as it is.
func Evolve(s State, e model.Event) (State, error) {
	var (
		next any
		err  error
	)
	switch e.Entity {
	case model.EntityCustomer:
		next, err = evolveDirectory(asState[model.Customer](s), e)
	case model.EntityContract:
		next, err = evolveDirectory(asState[model.Contract](s), e)
	case model.EntitySite:
		next, err = evolveDirectory(asState[model.Site](s), e)
	case model.EntitySystem:
		next, err = evolveDirectory(asState[model.System](s), e)
	case model.EntityContact:
		next, err = evolveDirectory(asState[model.Contact](s), e)
	case model.EntityUser:
		next, err = evolveDirectory(asState[model.User](s), e)
	case model.EntityCalendar:
		next, err = evolveDirectory(asState[model.Calendar](s), e)
	case model.EntityTicket:
		next, err = evolveTicket(asState[TicketState](s), e)
	default:
		return s, nil
	}
	return next, err
}

func asState[T any](s State) *T {
	if s == nil {
		return nil
	}
	if v, ok := s.(*T); ok {
		return v
	}
	return nil
}
