package db

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// Approval is a ticket waiting for a decision by someone at this laptop
// (DESIGN §6 Approvals): the signed-in user in one of their vendor roles,
// or a customer person present, deciding on the engineer's laptop.
type Approval struct {
	TicketRow
	// ForCustomer says the decision is the customer's: a contact decides
	// and signs on the laptop (DESIGN §5).
	ForCustomer bool `json:"for_customer"`
}

// Approvals lists the open tickets whose next step waits for user, who
// holds roles (ticket.WaitsFor: the queue's "waiting for me" is the same
// tickets), or on any customer role: the user's own decisions first, then
// the customer's, each the longest waiting first.
func (s *Store) Approvals(ctx context.Context, user model.ID, roles model.Roles) ([]Approval, error) {
	want := map[model.Role]bool{}
	for _, r := range roles {
		if r.IsVendor() {
			want[r] = true
		}
	}
	for _, r := range model.CustomerRoles {
		want[r] = true
	}
	// The waiting column is a comma-separated role list: match whole
	// items, so that one role's code inside another's never counts.
	var conds []string
	var args []any
	for r := range want {
		conds = append(conds, "instr(',' || waiting || ',', ?) > 0")
		args = append(args, ","+string(r)+",")
	}
	sort.Strings(conds) // all alike: a stable query text for the statement cache
	q := ticketRowSelect + " WHERE status = 'open' AND waiting <> '' AND (" + strings.Join(conds, " OR ") + ")"
	nm, err := s.loadNames(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list approvals: %w", err)
	}
	defer rows.Close()
	var out []Approval
	read := newTicketRowReader(nm, s.Now())
	for rows.Next() {
		r, err := read.read(rows)
		if err != nil {
			return nil, err
		}
		var assignee model.ID
		if r.Assignee != nil {
			assignee = r.Assignee.ID
		}
		a := Approval{TicketRow: r, ForCustomer: !ticket.WaitsFor(r.WaitingFor, assignee, user, roles)}
		if a.ForCustomer && !hasCustomerRole(r.WaitingFor) {
			continue // another engineer's step: theirs
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ForCustomer != b.ForCustomer {
			return !a.ForCustomer
		}
		if a.UpdatedAt != b.UpdatedAt {
			return a.UpdatedAt < b.UpdatedAt
		}
		return a.Number < b.Number
	})
	return out, nil
}

// hasCustomerRole reports whether a step waiting for roles is a customer's.
func hasCustomerRole(roles []model.Role) bool {
	for _, r := range roles {
		if r.IsCustomer() {
			return true
		}
	}
	return false
}

// errDryRun undoes a dry run's transaction.
var errDryRun = errors.New("dry run")

// DryRun decides cmd as Execute would, in a transaction it then rolls
// back: nothing is written. It returns the events Execute would append, or
// the refusal. Screens use it to check a customer's decision in full
// (role, contact, comment, inputs, rules) before the customer signs (so it
// is decided without the signature it needs when recorded), and to
// learn the decision's normalised comment and inputs, which are what the
// signature's content hash covers (ticket.DecisionContent).
func (s *Store) DryRun(ctx context.Context, as Acting, cmd flows.Command) (Result, error) {
	var res Result
	err := s.Batch(ctx, func(b *Batch) error {
		b.preview = true // flows.Env.Preview: checked before anyone signs
		var err error
		if res, err = b.Execute(as, cmd); err != nil {
			return err
		}
		return errDryRun
	})
	if errors.Is(err, errDryRun) {
		return res, nil
	}
	return Result{}, err
}

// Preview decides cmd, a command on an existing entity, inside the batch
// as Execute would, with flows.Env.Preview set, and returns the changes it
// would make without recording them: a generator learns what a customer's
// decision signs.
func (b *Batch) Preview(as Acting, cmd flows.Command) ([]model.Change, error) {
	actor, err := b.actor(as, cmd)
	if err != nil {
		return nil, err
	}
	_, id := cmd.Target()
	cur, err := b.load(id)
	if err != nil {
		return nil, err
	}
	return flows.Decide(flows.Env{Now: b.now(), Actor: actor, Dir: dirOver{b}, Preview: true}, cur.state, cmd)
}
