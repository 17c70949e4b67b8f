package ticket

import (
	"yunwei/model"
)

// movedOn refuses a decision chosen at step at (Act.At) on a ticket that
// has since moved on to st: someone else decided meanwhile.
func movedOn(f *Flow, st *Step, s *State, at string) error {
	var seen any = at // a step the table no longer has, by its code
	if old := f.Step(at); old != nil {
		seen = labelIn(f.Kind, old.Label)
	}
	return model.Errorf(model.ECONFLICT, "ticket %s moved on from “%s” to “%s” while you were deciding: nothing was recorded; look at it again",
		s.Number, seen, labelIn(f.Kind, st.Label))
}
