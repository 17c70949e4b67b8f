package db

import (
	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/model"
)

// roleLog answers flows.Authority from the people's own events in the log,
// never from the users and contacts tables: those are projections anyone
// with the file can edit, and a decision is re-checked against what the
// log says its decider held (DESIGN §4). Each person's events are read and
// folded once, on first use.
type roleLog struct {
	load   func(id model.ID) ([]model.Event, error)
	people map[model.ID]directory.RoleHistory
}

func newRoleLog(load func(id model.ID) ([]model.Event, error)) *roleLog {
	return &roleLog{load: load, people: map[model.ID]directory.RoleHistory{}}
}

// Holding implements flows.Authority.
func (r *roleLog) Holding(id model.ID, at model.HLC) (flows.Holding, error) {
	h, ok := r.people[id]
	if !ok {
		events, err := r.load(id)
		if err != nil {
			return flows.Holding{}, err
		}
		h = directory.NewRoleHistory(events)
		r.people[id] = h
	}
	return h.Holding(at), nil
}

// forget drops what was read of id, after new events of theirs.
func (r *roleLog) forget(id model.ID) { delete(r.people, id) }

// evolveWith folds one event into its entity's state (flows.Evolver) with
// the deciders' authority re-checked against the log; events of a kind
// this version does not know leave the state as it is.
func evolveWith(a flows.Authority, s flows.State, e model.Event) (flows.State, error) {
	if k, ok := entities[e.Entity]; ok {
		return k.evolve(a, s, e)
	}
	return s, nil
}

// evolve folds one event inside the batch, the people's roles read from
// the batch's own view of the log.
func (b *Batch) evolve(s flows.State, e model.Event) (flows.State, error) {
	return evolveWith(b.people, s, e)
}

// personEvents loads one person's events for the batch's roleLog, after
// writing out any of theirs still waiting.
func (b *Batch) personEvents(id model.ID) ([]model.Event, error) {
	if b.inFlight[id] {
		if err := b.flushEvents(); err != nil {
			return nil, err
		}
	}
	if err := b.settle(); err != nil {
		return nil, err
	}
	return EntityEvents(b.ctx, b.tx, id)
}
