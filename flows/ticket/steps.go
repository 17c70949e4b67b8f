package ticket

import "yunwei/model"

// Flows are data (DESIGN §3): each ticket kind runs a Flow, a table of steps
// saying who may act in each, which decisions they may take and where each
// leads. The deciders read the table; nothing about who-may-do-what lives
// anywhere else. The tables are in flow_*.go; FlowFor finds them.

// Flow is one kind's process. Its first step is where a new ticket starts:
// the request itself (seed §3 step 1, §4 step 1: the user submits) is the
// ticket's creation, recorded by staff with the requester named.
type Flow struct {
	Kind model.Kind
	// Label names the flow in English, the message catalogue's key
	// (model/i18n); the interfaces show it in the user's language.
	Label string
	Seed  string // the seed section it implements, e.g. "§3"
	Steps []Step
}

// Step is one row of a flow's table.
type Step struct {
	Name  string
	Label string // in English, the catalogue's key
	Seed  string // the seed row, e.g. "§3 step 2"
	// Roles may act here: any one of them. Customer roles act through the
	// contact present at the laptop, vendor roles as the signed-in user
	// (flows.Actor.Has). The requester role means the ticket's own requester when
	// one is named (seed §3 step 8 "the requesting user").
	Roles     []model.Role
	Decisions []Decision
	// End steps close the ticket; they offer no decisions.
	End bool
	// When names a condition (see conditions) under which the step applies.
	// A ticket that would enter the step while the condition is false goes
	// on to Else instead (seed §3 steps 5 and 6: "if the plan says so").
	When string
	Else string
	// OwnDepartment: a department head decides here only for their own
	// department, the requester's (seed §3 step 2, §4 step 3: "the user's
	// department head"), not for any department of the customer.
	OwnDepartment bool
}

// Decision is a choice offered at a step and the step it leads to.
type Decision struct {
	Name   string
	Label  string // in English, the catalogue's key
	To     string
	Inputs []Input
	// NeedsComment: rejecting, returning, revising or being not satisfied
	// must say why, so the next person knows what to change.
	NeedsComment bool
	// Rule names an extra check the decision must pass (see rules).
	Rule string
	// NotByAuthor: whoever took the decision that brought the ticket to
	// this step (the plan's author) may not take this one (seed §3 step 4:
	// the technical lead's review is a second pair of eyes).
	NotByAuthor bool
	// Stamps names the ticket times the decision sets (seed §2.6):
	// "responded_at" and "arrived_at" keep the first, "resolved_at" the latest.
	// An input of the same name gives the time; otherwise another stamp's
	// input does, else it is the event's. Every decision stamping
	// responded_at takes that input (flow_stamps.go).
	Stamps []string
	// Convert names the kind the ticket turns into (seed §1.3: an enhancement
	// above 1 person-day becomes a change); To is a step of that kind's flow.
	Convert model.Kind
}

// Input is a value a decision takes, given in Act.Inputs by name.
type Input struct {
	Name     string
	Label    string // in English, the catalogue's key
	Type     InputType
	Required bool
	// Max bounds a minutes input (0: no bound beyond sanity).
	Max int
	// Future allows a time or date input to lie in the future (a training
	// session being scheduled); other times must already have happened.
	Future bool
}

// InputType says how an input's text is read and normalised.
type InputType string

// Input types. Values travel as text and are stored normalised: booleans as
// "true"/"false", minutes and ratings as decimal integers, times in
// model.TimeLayout, dates as YYYY-MM-DD, users as ids.
const (
	InputText    InputType = "text"    // free text, newlines allowed
	InputBool    InputType = "bool"    // true/false, yes/no, 是/否
	InputMinutes InputType = "minutes" // 90, 90m, 2h, 1d (1 person-day = 480 minutes), 1.5d
	InputTime    InputType = "time"    // RFC 3339
	InputDate    InputType = "date"    // YYYY-MM-DD
	InputUser    InputType = "user"    // a vendor user's id
	InputRating  InputType = "rating"  // 1 (very poor) to 5 (excellent)
)

// Start is the step a new ticket of this flow is in.
func (f *Flow) Start() string { return f.Steps[0].Name }

// Step returns the named step, or nil.
func (f *Flow) Step(name string) *Step {
	for i := range f.Steps {
		if f.Steps[i].Name == name {
			return &f.Steps[i]
		}
	}
	return nil
}

// Decision returns the named decision of the step, or nil.
func (s *Step) Decision(name string) *Decision {
	for i := range s.Decisions {
		if s.Decisions[i].Name == name {
			return &s.Decisions[i]
		}
	}
	return nil
}

// Input returns the named input of the decision, or nil.
func (d *Decision) Input(name string) *Input {
	for i := range d.Inputs {
		if d.Inputs[i].Name == name {
			return &d.Inputs[i]
		}
	}
	return nil
}

// CustomerStep reports whether only customer roles act at the step. Time a
// ticket spends in such a step is time spent waiting on the customer: the
// SLA clocks may pause there (State.Waits).
func (s *Step) CustomerStep() bool {
	if s.End || len(s.Roles) == 0 {
		return false
	}
	for _, r := range s.Roles {
		if !r.IsCustomer() {
			return false
		}
	}
	return true
}

// targetFlow is the flow a decision's To names a step of.
func (f *Flow) targetFlow(d *Decision) *Flow {
	if d.Convert != "" {
		return FlowFor(d.Convert)
	}
	return f
}

// resolve follows a decision's target through steps that do not apply to
// the ticket (When false) to the step the ticket really enters. in holds
// the decision's own inputs, which count before the state's facts.
func (f *Flow) resolve(to string, s *State, in map[string]string) string {
	for range len(f.Steps) {
		st := f.Step(to)
		if st == nil || st.When == "" {
			return to
		}
		if cond, ok := conditions[st.When]; !ok || cond(s, in) {
			return to
		}
		to = st.Else
	}
	return to
}

// skipChain lists the steps a decision's target may resolve to: To and the
// Else steps after it. Evolve accepts any of them, so that a concurrent edit
// of a condition (on_site) does not void a decision taken before it.
func (f *Flow) skipChain(to string) []string {
	chain := []string{to}
	for range len(f.Steps) {
		st := f.Step(to)
		if st == nil || st.When == "" {
			break
		}
		to = st.Else
		chain = append(chain, to)
	}
	return chain
}

// conditions are the named predicates a step's When may use. in, the
// deciding event's inputs, overrides what the ticket already knows.
var conditions = map[string]func(s *State, in map[string]string) bool{
	// seed §3 step 5: backup only if the plan says so.
	"backup_needed": func(s *State, in map[string]string) bool {
		return boolFact(in, "backup_needed", s.BackupNeeded)
	},
	// seed §3 step 6: simulated verification only if the plan says so.
	"verify_needed": func(s *State, in map[string]string) bool {
		return boolFact(in, "verify_needed", s.VerifyNeeded)
	},
	// seed §2.6: on-site arrival only when on-site service is needed.
	"on_site": func(s *State, in map[string]string) bool {
		return boolFact(in, "on_site", s.OnSite)
	},
	// seed §2.1.1: the owner approves the fix of a major fault that stops
	// the business, which engineers serve on site; a minor fault served
	// remotely (§2.1.2) is fixed without it. Critical severity is the
	// business stopped (model.SeverityCritical).
	"major_fault": func(s *State, in map[string]string) bool {
		return s.Severity == model.SeverityCritical || boolFact(in, "on_site", s.OnSite)
	},
}

func boolFact(in map[string]string, name string, known bool) bool {
	if v, ok := in[name]; ok {
		return v == "true"
	}
	return known
}
