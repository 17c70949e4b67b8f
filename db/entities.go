package db

import (
	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// entity is one kind of thing the event log holds: how its events fold
// into a state (its flows package; with the log's authority, for the kinds
// whose events are decisions) and how that state is written to the
// projection tables (its projector here).
type entity struct {
	evolve  func(a flows.Authority, s flows.State, e model.Event) (flows.State, error)
	project func(b *Batch, id model.ID, st flows.State) error
}

// entities is every kind of entity, by the name its events carry. A new
// kind is one line here beside its flows sub-package and its projector.
var entities = map[string]entity{
	model.EntityCustomer: register(directory.Evolver[model.Customer](), projectCustomer),
	model.EntityContract: register(directory.Evolver[model.Contract](), projectContract),
	model.EntitySite:     register(directory.Evolver[model.Site](), projectSite),
	model.EntitySystem:   register(directory.Evolver[model.System](), projectSystem),
	model.EntityContact:  register(directory.Evolver[model.Contact](), projectContact),
	model.EntityUser:     register(directory.Evolver[model.User](), projectUser),
	model.EntityCalendar: register(directory.Evolver[model.Calendar](), projectCalendar),
	model.EntityTicket:   registerChecked(ticket.EvolveWith, projectTicket),
}

// register pairs an evolver that needs no authority with a projector of
// its state type T.
func register[T any](evolve flows.Evolver, project func(b *Batch, id model.ID, st *T) error) entity {
	return registerChecked(func(_ flows.Authority, s flows.State, e model.Event) (flows.State, error) {
		return evolve(s, e)
	}, project)
}

// registerChecked pairs an evolver that re-checks authority with a
// projector of its state type T.
func registerChecked[T any](evolve func(flows.Authority, flows.State, model.Event) (flows.State, error), project func(b *Batch, id model.ID, st *T) error) entity {
	return entity{evolve: evolve, project: func(b *Batch, id model.ID, st flows.State) error {
		if v := flows.As[T](st); v != nil {
			return project(b, id, v)
		}
		return nil
	}}
}
