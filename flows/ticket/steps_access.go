package ticket

import (
	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Allowed returns the decisions actor a may take on the ticket now: those
// of the current step when a holds one of its roles. The UI offers only
// these. Decide checks the same and more (the contact's customer, inputs,
// rules), so an allowed decision may still be refused with a reason.
func Allowed(s *State, a flows.Actor) []Decision {
	st := currentStep(s)
	if st == nil || actingRole(st, s, a) == "" {
		return nil
	}
	return append([]Decision(nil), st.Decisions...)
}

// WaitingFor returns the roles one of whom must act next on the ticket
// (the approvals screen and the "waiting for me" filter), or nil when the
// ticket is closed or its step unknown.
func WaitingFor(s *State) []model.Role {
	st := currentStep(s)
	if st == nil {
		return nil
	}
	return append([]model.Role(nil), st.Roles...)
}

// CurrentStep returns the table row the ticket is at, or nil when it is
// closed, its kind has no flow, or its step is unknown.
func CurrentStep(s *State) *Step { return currentStep(s) }

func currentStep(s *State) *Step {
	if s == nil || s.Status == model.StatusClosed {
		return nil
	}
	f := FlowFor(s.Kind)
	if f == nil {
		return nil
	}
	st := f.Step(s.Step)
	if st == nil || st.End {
		return nil
	}
	return st
}

// actingRole is the role under which a may act at step st, or "". The
// requester role is the ticket's own requester's when one is named (seed
// §3 step 8, §4 step 8: "the requesting user").
func actingRole(st *Step, s *State, a flows.Actor) model.Role {
	for _, r := range st.Roles {
		if !a.Has(r) {
			continue
		}
		if r == model.RoleRequester && !s.RequesterID.IsZero() && a.Contact.ID != s.RequesterID {
			continue
		}
		return r
	}
	return ""
}

// refuseRole explains why a may not act at step st, and who may.
func refuseRole(st *Step, s *State, a flows.Actor) error {
	at, who := labelIn(s.Kind, st.Label), roleNames(st.Roles)
	switch {
	case a.Contact == nil && hasCustomerRole(st.Roles):
		return model.Errorf(model.EUNAUTHORIZED, "ticket %s waits at “%s” for the customer's %s: choose the contact who is present and decides", s.Number, at, who)
	case a.Contact != nil && a.Contact.Roles.Has(model.RoleRequester) && contains(st.Roles, model.RoleRequester):
		return model.Errorf(model.EUNAUTHORIZED, "at “%s” only the ticket's own requester may decide, and %s is not them", at, a.Contact.Name)
	case a.Contact != nil && hasCustomerRole(st.Roles):
		return model.Errorf(model.EUNAUTHORIZED, "ticket %s waits at “%s” for the customer's %s, and %s is not one", s.Number, at, who, a.Contact.Name)
	}
	return model.Errorf(model.EUNAUTHORIZED, "ticket %s waits at “%s” for a %s: you do not hold that role", s.Number, at, who)
}

// labelIn is a table label of kind's flow as an argument of a message,
// worded in the message's language (the kind is the catalogue's context).
func labelIn(kind model.Kind, label string) i18n.Text {
	return i18n.Text(i18n.In(string(kind), label))
}

func hasCustomerRole(roles []model.Role) bool {
	for _, r := range roles {
		if r.IsCustomer() {
			return true
		}
	}
	return false
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// roleNames lists roles for messages: "department head or technical
// lead", worded in the message's language.
func roleNames(roles []model.Role) i18n.AnyOf {
	out := make(i18n.AnyOf, len(roles))
	for i, r := range roles {
		out[i] = r.Word()
	}
	return out
}
