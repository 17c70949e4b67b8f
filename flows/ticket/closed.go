package ticket

import (
	"yunwei/flows"
	"yunwei/model"
)

// refuseClosed explains why nothing more can be done on a closed ticket:
// when it closed, who decided what at which step to close it (a customer
// confirming the fix, a department head rejecting the request), and that
// further work is a new ticket.
func refuseClosed(env flows.Env, s *State) error {
	h := closingDecision(s)
	if h == nil {
		return model.Errorf(model.EINVALID, "ticket %s is closed: open a new ticket for further work", s.Number)
	}
	when := s.ClosedAt
	if t := parsedTime(s.ClosedAt); !t.IsZero() {
		when = model.LocalClock(t, ticketLocation(env, s))
	}
	f := FlowFor(entryKind(s, h))
	// A step or decision the table no longer has shows by its code.
	var step, decision any = h.From, h.Decision
	if st := f.Step(h.From); st != nil {
		step = labelIn(f.Kind, st.Label)
		if d := st.Decision(h.Decision); d != nil {
			decision = labelIn(f.Kind, d.Label)
		}
	}
	return model.Errorf(model.EINVALID, "ticket %s was closed on %s, when %s decided “%s” at “%s”: open a new ticket for further work",
		s.Number, when, deciderName(env, h), decision, step)
}

// closingDecision is the applied decision that took the ticket to its
// flow's end, or nil.
func closingDecision(s *State) *HistoryEntry {
	for i := len(s.History) - 1; i >= 0; i-- {
		h := &s.History[i]
		if !isDecision(h) || h.Rejected != "" {
			continue
		}
		if f := FlowFor(entryKind(s, h)); f != nil {
			if st := f.Step(h.To); st != nil && st.End {
				return h
			}
		}
		return nil
	}
	return nil
}

// deciderName is who took decision h: the customer's contact, else the
// vendor user, by name as the directory has them; their role when the
// directory does not know them.
func deciderName(env flows.Env, h *HistoryEntry) any {
	if !h.Contact.IsZero() {
		if c, err := env.Dir.Contact(h.Contact); err == nil {
			return c.Name
		}
	} else if u, err := env.Dir.User(h.Actor); err == nil {
		return u.Name
	}
	return h.Role.Word()
}

// entryKind is the kind of the flow decision h was taken in.
func entryKind(s *State, h *HistoryEntry) model.Kind {
	if h.Kind != "" {
		return h.Kind
	}
	return s.Kind
}
