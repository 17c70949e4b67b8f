// Package decide is the decision form (DESIGN §6 Approvals): it shows what
// is being decided at a ticket's current step, takes the decision (only the
// ones allowed now), a comment, the decision's inputs and the decider's
// identity. Vendor roles decide as the signed-in user; for customer roles
// the engineer picks the contact present, who then signs on screen
// (DESIGN §5, ui/signoff). The ticket detail's action keys and the
// Approvals tab both open it, through one Host.
package decide

import (
	"context"
	"strings"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/words"
)

// Context is what the form decides on: the ticket as loaded, the contacts
// of its customer (the people who may be present) and the vendor users
// (for inputs naming one).
type Context struct {
	Ticket   db.TicketDetail
	Contacts []model.Contact
	Users    []model.User
	// Quota is the contract's enhancement quota this service year (seed
	// §1.3), for an enhancement: the booking shows what is left.
	Quota *ticket.QuotaYear
}

// Load reads a ticket's Context. Call it inside a tea.Cmd.
func Load(ctx context.Context, s *db.Store, id model.ID, L i18n.Lang) (Context, error) {
	d, err := s.Ticket(ctx, id)
	if err != nil {
		return Context{}, err
	}
	c := Context{Ticket: d}
	if !d.CustomerID.IsZero() {
		if c.Contacts, err = s.Contacts(ctx, d.CustomerID); err != nil {
			return Context{}, err
		}
	}
	if c.Users, err = s.Users(ctx); err != nil {
		return Context{}, err
	}
	if d.Kind == model.KindEnhancement && d.Status != model.StatusClosed && !d.ContractID.IsZero() {
		contract, err := s.Contract(ctx, d.ContractID)
		if err != nil {
			return Context{}, err
		}
		l, err := s.QuotaLedger(ctx, d.ContractID)
		if err != nil {
			return Context{}, err
		}
		y := l.Year(ticket.ServiceYear(contract))
		c.Quota = &y
	}
	return c, nil
}

// Action is a decision that can be taken now, and by whom.
type Action struct {
	// Kind is the flow the decision belongs to, for its words.
	Kind     model.Kind
	Decision ticket.Decision
	// Key is the key that takes it on the ticket detail (AssignKeys).
	Key string
	// Contacts are the customer people who may take it; nil when it is the
	// signed-in user's, in a vendor role.
	Contacts []model.Contact
}

// Label names the decision in L.
func (a Action) Label(L i18n.Lang) string { return words.Decision(L, a.Kind, &a.Decision) }

// Customer reports whether the action is a customer person's.
func (a Action) Customer() bool { return a.Contacts != nil }

// Actions lists the decisions offered now (ticket.Offered) to the user at
// the keyboard and, when the step is a customer's, for each contact of the
// ticket's customer present: only contacts holding the step's role, at
// the requester's steps only the ticket's own requester, and at a
// department head's approval only the head of the requester's department.
// The plan's author is not offered its approval. The order is the step
// table's.
func Actions(t *ticket.State, user model.User, contacts []model.Contact) []Action {
	st := ticket.CurrentStep(t)
	if st == nil {
		return nil
	}
	var requester *model.Contact
	for i := range contacts {
		if contacts[i].ID == t.RequesterID {
			requester = &contacts[i]
		}
	}
	var out []Action
	if vendor := ticket.Offered(t, flows.Actor{User: user}, requester); len(vendor) > 0 {
		for _, d := range vendor {
			out = append(out, Action{Kind: t.Kind, Decision: d})
		}
		return out
	}
	who := map[string][]model.Contact{}
	for _, c := range contacts {
		c := c
		for _, d := range ticket.Offered(t, flows.Actor{User: user, Contact: &c}, requester) {
			who[d.Name] = append(who[d.Name], c)
		}
	}
	for _, d := range st.Decisions {
		if cs := who[d.Name]; len(cs) > 0 {
			out = append(out, Action{Kind: t.Kind, Decision: d, Contacts: cs})
		}
	}
	return out
}

// AssignKeys gives each action a key of its own: the first letter of its
// decision's name that is free (not reserved, not taken by an earlier
// action), else the first free letter of the alphabet. Decision names are
// stable codes, so a decision keeps its key whatever the language:
// approve a, reject r, return t, revise v, satisfied s, not_satisfied n.
func AssignKeys(actions []Action, reserved ...string) {
	taken := map[string]bool{}
	for _, r := range reserved {
		taken[r] = true
	}
	pick := func(candidates string) string {
		for _, r := range candidates {
			if s := string(r); r >= 'a' && r <= 'z' && !taken[s] {
				return s
			}
		}
		return ""
	}
	for i := range actions {
		k := pick(strings.ToLower(actions[i].Decision.Name))
		if k == "" {
			k = pick("abcdefghijklmnopqrstuvwxyz")
		}
		taken[k] = true
		actions[i].Key = k
	}
}

// actingRole is the role the user acts in at the ticket's step, for
// vendor decisions: the first of the step's roles they hold.
func actingRole(t *ticket.State, user model.User) model.Role {
	if st := ticket.CurrentStep(t); st != nil {
		for _, r := range st.Roles {
			if !r.IsCustomer() && user.Roles.Has(r) {
				return r
			}
		}
	}
	return ""
}

// candidates are the contacts who may decide one of the actions, each once,
// in the order met.
func candidates(actions []Action) []model.Contact {
	seen := map[model.ID]bool{}
	var out []model.Contact
	for _, a := range actions {
		for _, c := range a.Contacts {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, c)
			}
		}
	}
	return out
}
