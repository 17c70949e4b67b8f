package directory

import (
	"yunwei/flows"
	"yunwei/model"
)

// Evolver folds the events of one directory entity, whose state is the
// model type T (model.Customer, model.Contract, …), into that state.
func Evolver[T any]() flows.Evolver {
	return func(s flows.State, e model.Event) (flows.State, error) {
		return evolveDirectory(flows.As[T](s), e)
	}
}

// Decide implements flows.Command.
func (c SaveCustomer) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideCustomer(env, flows.As[model.Customer](s), c)
}

// Decide implements flows.Command.
func (c SaveContract) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideContract(env, flows.As[model.Contract](s), c)
}

// Decide implements flows.Command.
func (c SaveSite) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideSite(env, flows.As[model.Site](s), c)
}

// Decide implements flows.Command.
func (c SaveSystem) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideSystem(env, flows.As[model.System](s), c)
}

// Decide implements flows.Command.
func (c SaveContact) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideContact(env, flows.As[model.Contact](s), c)
}

// Decide implements flows.Command.
func (c SaveUser) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideUser(env, flows.As[model.User](s), c)
}

// Decide implements flows.Command.
func (c SaveCalendar) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideCalendar(env, flows.As[model.Calendar](s), c)
}
