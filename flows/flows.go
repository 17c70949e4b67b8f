// Package flows is the event machinery the service contract's rules run
// on, as pure code: commands and their deciders, which turn a command and
// the current state into events; evolvers, which fold events into state;
// and the order events fold in. Each kind of entity has its sub-package
// (flows/ticket, flows/directory) with its commands, states and tables. No
// SQL, no terminal, no clock: time and the surrounding world come in
// through Env (STYLE.md "flows/ is pure").
package flows

import (
	"time"

	"yunwei/model"
)

// Actor is who acts: a signed-in vendor user, and, when a customer person
// decides at the engineer's laptop, that contact (DESIGN §1).
type Actor struct {
	User    model.User
	Contact *model.Contact
}

// Has reports whether the actor holds role r, as a vendor user or as the
// customer contact present.
func (a Actor) Has(r model.Role) bool {
	if r.IsCustomer() {
		return a.Contact != nil && a.Contact.Roles.Has(r)
	}
	return a.User.Roles.Has(r)
}

// HasAny reports whether the actor holds any of the roles.
func (a Actor) HasAny(roles ...model.Role) bool {
	for _, r := range roles {
		if a.Has(r) {
			return true
		}
	}
	return false
}

// Directory is a read-only view of the entities a decision may consult.
// The store implements it over its projections inside the command's
// transaction; tests implement it over maps. Each method returns an
// ENOTFOUND error when the id is unknown.
type Directory interface {
	Customer(model.ID) (model.Customer, error)
	Contract(model.ID) (model.Contract, error)
	Site(model.ID) (model.Site, error)
	System(model.ID) (model.System, error)
	Contact(model.ID) (model.Contact, error)
	User(model.ID) (model.User, error)
	Calendar(model.ID) (model.Calendar, error)
	// UserCount is the number of vendor users, for bootstrapping the first.
	UserCount() (int, error)
	// QuotaUsed is the enhancement effort, in minutes, booked against a
	// contract in a service year (ServiceYear): the sum of the bookings of
	// all its tickets (TicketState.Bookings; QuotaUsedBy). The yearly limit
	// spans tickets, so one ticket's decider must ask (seed §1.3).
	QuotaUsed(contractID model.ID, serviceYear string) (minutes int, err error)
	// StaffChanges are a contract's approved staff changes (seed §2.4), in
	// any order: the contract's engineers on a date follow from them
	// (ticket.EngineersOn), as the approvals are tickets of their own.
	StaffChanges(contractID model.ID) ([]model.StaffChange, error)
}

// Env is what a decision knows besides the target's state.
type Env struct {
	Now   time.Time
	Actor Actor
	Dir   Directory
	// Preview is set when the decision is only checked, never recorded
	// (the store's DryRun): a customer's decision is checked in full and
	// its content learnt before they sign it, so it is decided there
	// without the signature it will need when recorded (DESIGN §5).
	Preview bool
}

// Command is a request to change one entity.
type Command interface {
	// Target names the entity the command changes. A command that creates
	// an entity carries the new id.
	Target() (entity string, id model.ID)
	// Decide checks the command against the target's state (nil before
	// the entity exists) and returns the events it makes.
	Decide(env Env, s State) ([]model.Change, error)
}

// State is the folded state of one entity: a pointer to the state type of
// its entity package (nil before the entity exists).
type State any

// Numbered is a command that creates an entity with a number people write
// down: final when made, offline, unique across every laptop without
// asking anyone (DESIGN §4: <device code>-<year>-<per-device counter>). The
// store draws the counter in the creating transaction.
type Numbered interface {
	Command
	// Counter names the per-device counter the number is drawn from
	// ("ticket"), or "" when the command carries its number already.
	Counter() string
	// WithNumber is the command with its number set.
	WithNumber(number string) Command
}
