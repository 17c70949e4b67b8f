package ticket

import (
	"strings"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Flow event types: one event per decision.
const (
	// Decided records a decision at a step of the ticket's flow.
	Decided = "ticket.decided"
	// Converted records a decision that turns the ticket into another
	// kind (seed §1.3: an enhancement above 1 person-day becomes a change):
	// the kind changes in place and the ticket restarts at the new flow's
	// step, keeping its number and history.
	Converted = "ticket.converted"
)

// Act takes a decision at the ticket's current step. Decision is a
// decision name of that step (see FlowFor and Allowed); Inputs carry the
// decision's inputs by name, as text (the table documents each); Comment
// is required for reject, return, revise, not satisfied and the like.
type Act struct {
	ID       model.ID
	Decision string
	Comment  string
	Inputs   map[string]string
	// Signature is the deciding customer's sign-off of exactly this
	// decision: its ContentHash must be the DecisionHash of
	// DecisionContent(…).By(signer, vendor user) (DESIGN §5), and
	// SignedDecision.Sign makes one. A decision in a customer role needs
	// one (requireSignature).
	Signature *model.Signature
	// At is the step the decider saw when they chose, "" when they did not
	// look (a script). A ticket that has moved on since (another process
	// decided meanwhile) refuses the decision rather than take it at a
	// step the decider never saw: the next step may offer a decision of
	// the same name ("done", "approve") that means something else there.
	At string
}

// ConvertToChange turns an enhancement estimated above 1 person-day into a
// change request in one action (seed §1.3): the decision "convert" at the
// estimate step, with the reason as comment.
type ConvertToChange struct {
	ID      model.ID
	Comment string
}

// Target implements flows.Command.
func (c Act) Target() (string, model.ID) { return model.EntityTicket, c.ID }

// Target implements flows.Command.
func (c ConvertToChange) Target() (string, model.ID) { return model.EntityTicket, c.ID }

// Decide implements flows.Command.
func (c Act) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	return decideAct(env, flows.As[State](s), c)
}

// Decide implements flows.Command.
func (c ConvertToChange) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	t := flows.As[State](s)
	if t != nil && t.Kind != model.KindEnhancement {
		return nil, model.Errorf(model.EINVALID, "ticket %s is a %s, not an enhancement: only enhancements are converted into change requests", t.Number, t.Kind.Word())
	}
	return decideAct(env, t, Act{ID: c.ID, Decision: DecisionConvert, Comment: c.Comment})
}

// DecidedPayload is the payload of ticket.decided and ticket.converted.
type DecidedPayload struct {
	Step      string            `json:"step"`     // the step decided at
	Decision  string            `json:"decision"` // its name in the table
	To        string            `json:"to"`       // the step the ticket enters
	Role      model.Role        `json:"role"`     // the role the decider acted in
	ContactID model.ID          `json:"contact_id,omitempty"`
	Inputs    map[string]string `json:"inputs,omitempty"` // normalised, see InputType
	Comment   string            `json:"comment,omitempty"`
	// Kind is the new kind of a ticket.converted event.
	Kind model.Kind `json:"kind,omitempty"`
	// Booking is set when the decision books enhancement effort (seed §1.3).
	Booking *BookingPayload `json:"booking,omitempty"`
	// Signature is the decider's drawn sign-off (DESIGN §5).
	Signature *model.Signature `json:"signature,omitempty"`
}

func decideAct(env flows.Env, s *State, c Act) ([]model.Change, error) {
	if s == nil || s.Number == "" {
		return nil, model.Errorf(model.ENOTFOUND, "no ticket with id %s", c.ID)
	}
	f := FlowFor(s.Kind)
	if f == nil {
		return nil, model.Errorf(model.EINVALID, "ticket %s is of kind %q, which this version of yunwei has no flow for: update yunwei", s.Number, s.Kind)
	}
	if s.Status == model.StatusClosed {
		return nil, refuseClosed(env, s)
	}
	st := f.Step(s.Step)
	if st == nil || st.End {
		return nil, model.Errorf(model.EINVALID, "ticket %s is at step %q, which the %s flow does not have: an admin must resolve it", s.Number, s.Step, labelIn(f.Kind, f.Label))
	}
	if c.At != "" && c.At != st.Name {
		return nil, movedOn(f, st, s, c.At)
	}
	d := st.Decision(c.Decision)
	if d == nil {
		return nil, unknownDecision(f, st, s, c.Decision)
	}
	dc := &decision{env: env, s: s, flow: f, step: st, d: d}
	if dc.role = actingRole(st, s, env.Actor); dc.role == "" {
		return nil, refuseRole(st, s, env.Actor)
	}
	if dc.role.IsCustomer() {
		if err := checkContactCustomer(env, s); err != nil {
			return nil, err
		}
	}
	if err := checkOwnDepartment(env, s, st, dc.role); err != nil {
		return nil, err
	}
	if err := checkNotAuthor(env, s, st, d); err != nil {
		return nil, err
	}
	comment, err := flows.CleanText("comment", c.Comment, flows.MaxText, false, true)
	if err != nil {
		return nil, err
	}
	if d.NeedsComment && comment == "" {
		return nil, model.Errorf(model.EINVALID, "to %s at “%s”, say why in a comment: the next person needs to know what to change", labelIn(f.Kind, d.Label), labelIn(f.Kind, st.Label))
	}
	if dc.inputs, err = parseInputs(env, s, d, c.Inputs); err != nil {
		return nil, err
	}
	if d.Rule != "" {
		if err := rules[d.Rule](dc); err != nil {
			return nil, err
		}
	}
	p := DecidedPayload{Step: st.Name, Decision: d.Name, Role: dc.role, Inputs: dc.inputs, Comment: comment, Booking: dc.booking}
	if dc.role.IsCustomer() {
		p.ContactID = env.Actor.Contact.ID
	}
	p.To = f.targetFlow(d).resolve(d.To, s, dc.inputs)
	if dc.role.IsCustomer() {
		if err := requireSignature(env, s, dc.role, c.Signature); err != nil {
			return nil, err
		}
	}
	if c.Signature != nil {
		if p.Signature, err = acceptSignature(env, s, p, *c.Signature); err != nil {
			return nil, err
		}
	}

	typ := Decided
	if d.Convert != "" {
		typ, p.Kind = Converted, d.Convert
	}
	return []model.Change{{Type: typ, TypeVersion: 1, Payload: p}}, nil
}

// unknownDecision explains a decision the current step does not offer:
// taken at the wrong step, or not a decision of this flow at all.
func unknownDecision(f *Flow, st *Step, s *State, name string) error {
	offered := make([]string, len(st.Decisions))
	for i, d := range st.Decisions {
		offered[i] = d.Name
	}
	choose := i18n.Phrase{Format: "choose %s", Args: []any{typedChoice(offered)}}
	for _, other := range f.Steps {
		if other.Decision(name) != nil {
			return model.Errorf(model.EINVALID, "ticket %s is at “%s”, not at “%s”: %q cannot be decided now; %s",
				s.Number, labelIn(f.Kind, st.Label), labelIn(f.Kind, other.Label), name, choose)
		}
	}
	return model.Errorf(model.EINVALID, "%q is not a decision of the %s flow: at “%s” %s", name, labelIn(f.Kind, f.Label), labelIn(f.Kind, st.Label), choose)
}

// checkContactCustomer: a customer decision is taken by a contact of the
// ticket's own customer.
func checkContactCustomer(env flows.Env, s *State) error {
	contract, err := env.Dir.Contract(s.ContractID)
	if err := flows.MustExist(err, "ticket contract"); err != nil {
		return err
	}
	if env.Actor.Contact.CustomerID != contract.CustomerID {
		return model.Errorf(model.EUNAUTHORIZED, "%s is a contact of another customer: only the customer of contract %s decides on ticket %s",
			env.Actor.Contact.Name, contract.Number, s.Number)
	}
	return nil
}

// typedChoice is alternatives a user types as they are (decision names),
// joined by the language's "or": the names themselves are never
// translated, since the command line takes them only as they are.
func typedChoice(names []string) i18n.Phrase {
	if len(names) < 2 {
		return i18n.Phrase{Format: "%s", Args: []any{strings.Join(names, "")}}
	}
	args := make([]any, len(names))
	for i, n := range names {
		args[i] = n
	}
	return i18n.Phrase{Format: strings.Repeat("%s, ", len(names)-2) + "%s or %s", Args: args}
}
