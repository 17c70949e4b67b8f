package ticket

import (
	"yunwei/flows"
	"yunwei/model"
)

// The reasons a decision breaks a rule by the log (HistoryEntry.Rejected
// with RuleBroken). They are catalogue keys: screens word them.
const (
	BrokenUnknownUser    = "rule broken: the user who decided is not in the log"
	BrokenUserRole       = "rule broken: by the log, the user who decided did not hold the role they decided in"
	BrokenOverride       = "rule broken: by the log, the user who booked beyond the quota was not an admin"
	BrokenUnknownContact = "rule broken: the customer contact who decided is not in the log"
	BrokenContactRole    = "rule broken: by the log, the customer contact who decided did not hold the role they decided in"
)

// The marks of a customer's decision taken by someone who came late
// (HistoryEntry.LateContact).
const (
	// LateCreated: the contact was added after the ticket was raised.
	LateCreated = "created_after_ticket"
	// LateRole: the contact was given the role they decided in after the
	// ticket was raised.
	LateRole = "role_after_ticket"
)

// checkAuthority re-checks decision p, made by event e, against what the
// log says its decider held just before e: the vendor user the role they
// decided in (and admin for a booking beyond the quota, seed §1.3), the
// customer contact theirs. broken is why the decision does not count, ""
// when it does. late marks a customer's decision whose contact was added,
// or given that role, after the ticket was raised (by the log's clocks,
// not times people typed): such a person may have been made up on the
// spot, so every decision they take says so.
func checkAuthority(auth flows.Authority, s *State, e model.Event, p DecidedPayload) (broken, late string, err error) {
	if !p.Role.IsCustomer() {
		u, err := auth.Holding(e.Actor, e.HLC)
		switch {
		case err != nil:
			return "", "", err
		case !u.Known:
			return BrokenUnknownUser, "", nil
		case !u.Has(p.Role):
			return BrokenUserRole, "", nil
		case p.Booking != nil && p.Booking.Override && !u.Has(model.RoleAdmin):
			return BrokenOverride, "", nil
		}
		return "", "", nil
	}
	c, err := auth.Holding(p.ContactID, e.HLC)
	switch {
	case err != nil:
		return "", "", err
	case !c.Known:
		return BrokenUnknownContact, "", nil
	case !c.Has(p.Role):
		return BrokenContactRole, "", nil
	}
	switch raised := s.CreatedHLC; {
	case raised == 0:
	case c.Created == 0 || c.Created > raised:
		late = LateCreated
	case c.HeldSince(p.Role) > raised:
		late = LateRole
	}
	return "", late, nil
}
