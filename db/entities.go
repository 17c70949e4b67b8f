package db

import (
	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// entity is one kind of thing the event log holds: how its events fold
// into a state (its flows package; with the log's authority, for the kinds
// whose events are decisions), how that state is written to the
// projection tables (its projector here), and its rank in a rebuild.
type entity struct {
	// rank orders the kinds in a rebuild: a projector may read the rows of
	// kinds of a lower rank (a ticket's SLA clock reads its contract and
	// calendar), so those are folded first whatever the order of the ids
	// (a contract made on a laptop whose clock ran late sorts after its
	// tickets). Ranks are spaced so that new kinds slot in between.
	rank    int
	evolve  func(a flows.Authority, s flows.State, e model.Event) (flows.State, error)
	project func(b *Batch, id model.ID, st flows.State) error
}

// entities is every kind of entity, by the name its events carry, with its
// rank in a rebuild: the directory first (DESIGN §4), then what refers to
// it. A new kind is one line here beside its flows sub-package and its
// projector (records and inspections after tickets, which they cite).
var entities map[string]entity

// The table is filled in init because projectors refold the entities that
// depend on them (dependents.go), which needs the table.
func init() {
	entities = map[string]entity{
		model.EntityCalendar: register(10, directory.Evolver[model.Calendar](), projectCalendar),
		model.EntityCustomer: register(20, directory.Evolver[model.Customer](), projectCustomer),
		model.EntityContract: register(30, directory.Evolver[model.Contract](), projectContract),
		model.EntitySite:     register(40, directory.Evolver[model.Site](), projectSite),
		model.EntitySystem:   register(50, directory.Evolver[model.System](), projectSystem),
		model.EntityContact:  register(60, directory.Evolver[model.Contact](), projectContact),
		model.EntityUser:     register(70, directory.Evolver[model.User](), projectUser),
		model.EntityTicket:   registerChecked(80, ticket.EvolveWith, projectTicket),
	}
}

// register pairs an evolver that needs no authority with a projector of
// its state type T, folded at the given rank in a rebuild.
func register[T any](rank int, evolve flows.Evolver, project func(b *Batch, id model.ID, st *T) error) entity {
	return registerChecked(rank, func(_ flows.Authority, s flows.State, e model.Event) (flows.State, error) {
		return evolve(s, e)
	}, project)
}

// registerChecked pairs an evolver that re-checks authority with a
// projector of its state type T.
func registerChecked[T any](rank int, evolve func(flows.Authority, flows.State, model.Event) (flows.State, error), project func(b *Batch, id model.ID, st *T) error) entity {
	return entity{rank: rank, evolve: evolve, project: func(b *Batch, id model.ID, st flows.State) error {
		if v := flows.As[T](st); v != nil {
			return project(b, id, v)
		}
		return nil
	}}
}
