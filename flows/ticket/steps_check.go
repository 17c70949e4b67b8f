package ticket

import (
	"fmt"

	"yunwei/model"
)

// knownStamps are the ticket times a decision may set (seed §2.6).
var knownStamps = map[string]bool{"responded_at": true, "arrived_at": true, "resolved_at": true}

var knownInputTypes = map[InputType]bool{
	InputText: true, InputBool: true, InputMinutes: true, InputTime: true,
	InputDate: true, InputUser: true, InputRating: true,
}

// Check reports the first way the table is malformed: a step or decision
// without a name or a label in both languages, a target that does not
// exist, an unknown role, condition, rule, stamp or input type, an end step
// that offers decisions, a step nobody may act in, a step no path from the
// start reaches, or a step from which no end can be reached.
func (f *Flow) Check() error {
	if len(f.Steps) == 0 {
		return fmt.Errorf("flow %s has no steps", f.Kind)
	}
	if f.Label == "" || f.Seed == "" {
		return fmt.Errorf("flow %s needs a label and its seed section", f.Kind)
	}
	seen := map[string]bool{}
	for i := range f.Steps {
		st := &f.Steps[i]
		if st.Name == "" || seen[st.Name] {
			return fmt.Errorf("flow %s: step %d has an empty or repeated name %q", f.Kind, i, st.Name)
		}
		seen[st.Name] = true
		if err := f.checkStep(st); err != nil {
			return fmt.Errorf("flow %s step %s: %w", f.Kind, st.Name, err)
		}
	}
	if f.Steps[0].End {
		return fmt.Errorf("flow %s starts at an end step", f.Kind)
	}
	reach := f.reachable()
	for _, st := range f.Steps {
		if !reach[st.Name] {
			return fmt.Errorf("flow %s: step %s cannot be reached from %s", f.Kind, st.Name, f.Start())
		}
	}
	for _, st := range f.Steps {
		if !f.endReachable(st.Name) {
			return fmt.Errorf("flow %s: no end can be reached from step %s", f.Kind, st.Name)
		}
	}
	return nil
}

func (f *Flow) checkStep(st *Step) error {
	if st.Label == "" || st.Seed == "" {
		return fmt.Errorf("needs en and zh labels and its seed row")
	}
	if st.End {
		if len(st.Decisions) > 0 || len(st.Roles) > 0 || st.When != "" {
			return fmt.Errorf("an end step has no roles, decisions or condition")
		}
		return nil
	}
	if len(st.Roles) == 0 || len(st.Decisions) == 0 {
		return fmt.Errorf("a step needs at least one role and one decision")
	}
	for _, r := range st.Roles {
		if !r.IsCustomer() && !r.IsVendor() {
			return fmt.Errorf("unknown role %q", r)
		}
	}
	if st.When != "" {
		if _, ok := conditions[st.When]; !ok {
			return fmt.Errorf("unknown condition %q", st.When)
		}
		if f.Step(st.Else) == nil || st.Else == st.Name {
			return fmt.Errorf("condition %s needs an Else step, got %q", st.When, st.Else)
		}
	}
	if st.OwnDepartment && !contains(st.Roles, model.RoleDeptHead) {
		return fmt.Errorf("only a department head's step is limited to their own department")
	}
	names := map[string]bool{}
	for i := range st.Decisions {
		d := &st.Decisions[i]
		if d.Name == "" || names[d.Name] || d.Label == "" {
			return fmt.Errorf("decision %d: empty or repeated name %q, or a missing label", i, d.Name)
		}
		names[d.Name] = true
		if err := f.checkDecision(d); err != nil {
			return fmt.Errorf("decision %s: %w", d.Name, err)
		}
	}
	return nil
}

func (f *Flow) checkDecision(d *Decision) error {
	target := f.targetFlow(d)
	if target == nil {
		return fmt.Errorf("converts to %s, which has no flow", d.Convert)
	}
	if target.Step(d.To) == nil {
		return fmt.Errorf("leads to %q, which is not a step of the %s flow", d.To, target.Kind)
	}
	if d.Rule != "" {
		if _, ok := rules[d.Rule]; !ok {
			return fmt.Errorf("unknown rule %q", d.Rule)
		}
	}
	for _, s := range d.Stamps {
		if !knownStamps[s] {
			return fmt.Errorf("unknown stamp %q", s)
		}
	}
	inputs := map[string]bool{}
	for _, in := range d.Inputs {
		if in.Name == "" || inputs[in.Name] || in.Label == "" || !knownInputTypes[in.Type] {
			return fmt.Errorf("input %q: empty or repeated name, missing label or unknown type %q", in.Name, in.Type)
		}
		inputs[in.Name] = true
	}
	return nil
}

// edges lists where a step's decisions can lead within this flow, with the
// skips of conditional steps.
func (f *Flow) edges(st *Step) []string {
	var out []string
	for i := range st.Decisions {
		d := &st.Decisions[i]
		if d.Convert != "" {
			continue // leaves this flow
		}
		out = append(out, f.skipChain(d.To)...)
	}
	return out
}

func (f *Flow) reachable() map[string]bool {
	reach := map[string]bool{f.Start(): true}
	for _, name := range f.skipChain(f.Start()) {
		reach[name] = true
	}
	queue := []string{f.Start()}
	for len(queue) > 0 {
		st := f.Step(queue[0])
		queue = queue[1:]
		if st == nil {
			continue
		}
		for _, to := range f.edges(st) {
			if !reach[to] {
				reach[to] = true
				queue = append(queue, to)
			}
		}
	}
	return reach
}

func (f *Flow) endReachable(from string) bool {
	seen := map[string]bool{from: true}
	queue := []string{from}
	for len(queue) > 0 {
		st := f.Step(queue[0])
		queue = queue[1:]
		if st == nil {
			continue
		}
		if st.End {
			return true
		}
		for i := range st.Decisions {
			if st.Decisions[i].Convert != "" {
				return true // the other flow's check covers the rest
			}
		}
		for _, to := range f.edges(st) {
			if !seen[to] {
				seen[to] = true
				queue = append(queue, to)
			}
		}
	}
	return false
}
