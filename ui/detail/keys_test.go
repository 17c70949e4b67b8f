package detail

import (
	"testing"

	"yunwei/flows/ticket"
	"yunwei/ui/decide"
)

// Every step of every flow gets one key per decision, none of them a key
// the detail itself or the root uses.
func TestDecisionKeysAreUniqueInEveryStep(t *testing.T) {
	for _, k := range ticket.FlowKinds() {
		for _, st := range ticket.FlowFor(k).Steps {
			var acts []decide.Action
			for _, d := range st.Decisions {
				acts = append(acts, decide.Action{Decision: d})
			}
			decide.AssignKeys(acts, reservedKeys...)
			seen := map[string]bool{}
			for _, r := range reservedKeys {
				seen[r] = true
			}
			for _, a := range acts {
				if a.Key == "" || seen[a.Key] {
					t.Errorf("%s/%s: %s got key %q", k, st.Name, a.Decision.Name, a.Key)
				}
				seen[a.Key] = true
			}
		}
	}
}
