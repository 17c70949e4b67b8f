package ticket

// Position is where a ticket stands on one step of its flow.
type Position struct {
	Step   *Step
	Status PositionStatus
}

// PositionStatus says whether a step is behind the ticket, where it is, or
// ahead of it.
type PositionStatus string

// The positions on a stepper.
const (
	Done     PositionStatus = "done"
	Current  PositionStatus = "current"
	Upcoming PositionStatus = "upcoming"
)

// Positions lists the steps of a ticket's flow with done / current /
// upcoming marks; a step is done once a decision left it, and the end step
// a ticket reached is done.
func Positions(t *State) []Position {
	f := FlowFor(t.Kind)
	if f == nil {
		return nil
	}
	left := map[string]bool{}
	for _, h := range t.History {
		if h.From != "" && (h.Kind == "" || h.Kind == t.Kind) {
			left[h.From] = true
		}
	}
	out := make([]Position, 0, len(f.Steps))
	for i := range f.Steps {
		st := &f.Steps[i]
		p := Position{Step: st, Status: Upcoming}
		switch {
		case st.Name == t.Step:
			p.Status = Current
			if st.End {
				p.Status = Done
			}
		case left[st.Name]:
			p.Status = Done
		}
		out = append(out, p)
	}
	return out
}
