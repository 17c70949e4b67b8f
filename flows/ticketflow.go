package flows

import "yunwei/model"

// ticketFlowCommand is a command that moves a ticket through its kind's flow.
type ticketFlowCommand interface {
	Command
	ticketFlow()
}

func decideTicketFlow(env Env, s *TicketState, c ticketFlowCommand) ([]model.Change, error) {
	return nil, model.Errorf(model.EINVALID, "ticket flows are not defined yet")
}

// evolveTicketFlow folds a flow event; ok is false for types it does not know.
func evolveTicketFlow(s *TicketState, e model.Event, entry *HistoryEntry) (*TicketState, bool, error) {
	return s, false, nil
}
