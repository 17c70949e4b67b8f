package flows

import "yunwei/model"

// Decide checks cmd against the target's state and the world and returns
// the events it makes, or an error and no events. Each command carries its
// own decider, so a new kind of entity adds commands without touching a
// switch here.
func Decide(env Env, s State, cmd Command) ([]model.Change, error) { return cmd.Decide(env, s) }

// Evolver folds one event into the state of one kind of entity. It never
// refuses a stored event: an event it does not know leaves the state as it
// is, and an event that breaks a rule is kept and marked in the state.
type Evolver func(s State, e model.Event) (State, error)

// As is the state s as the entity type T, or nil when the entity does not
// exist yet (or s is another entity's state).
func As[T any](s State) *T {
	if s == nil {
		return nil
	}
	if v, ok := s.(*T); ok {
		return v
	}
	return nil
}
