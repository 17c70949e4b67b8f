package flows

import "yunwei/model"

// Authority tells what the event log says a person held when an event was
// made: a vendor user's or a customer contact's roles as of a hybrid
// logical clock. Deciders read the projections, which anyone with the
// database file can edit; folds re-check a decision against the log
// (DESIGN §4: the log is the truth), so a role given by editing a table
// row never counts. The store implements it over the people's own events;
// a nil Authority checks nothing (tests of the step tables alone).
type Authority interface {
	// Holding is what person id held just before clock at: the state
	// folded from their events whose clocks are below at.
	Holding(id model.ID, at model.HLC) (Holding, error)
}

// Holding is one person as the log has them at a moment.
type Holding struct {
	// Known is false when the log has no event of the person before the
	// moment: they did not exist yet, as far as the log tells.
	Known bool
	// Roles are the roles held then; Since[i] is the clock of the event
	// from which Roles[i] has been held without a break.
	Roles model.Roles
	Since []model.HLC
	// Created is the clock of the event that created the person (0 when
	// the log holds no creation).
	Created model.HLC
}

// Has reports whether role r was held.
func (h Holding) Has(r model.Role) bool { return h.Roles.Has(r) }

// HeldSince is the clock from which role r has been held without a break,
// or 0 when it was not held.
func (h Holding) HeldSince(r model.Role) model.HLC {
	for i, x := range h.Roles {
		if x == r && i < len(h.Since) {
			return h.Since[i]
		}
	}
	return 0
}
