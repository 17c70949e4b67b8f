package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"yunwei/flows/sla"
	"yunwei/model"
)

// QueueTicket is one ticket as the queue shows it: only the columns the
// list needs, since every column read costs time per row when the queue
// loads 100,000 tickets. Customer, assignee and waiting roles are resolved
// through small in-memory maps; their values are shared between tickets and
// must not be modified.
type QueueTicket struct {
	ID        model.ID
	Number    string
	Kind      model.Kind
	Severity  model.Severity
	Title     string
	Customer  CustomerRef // zero when the ticket's contract is unknown
	Assignee  UserRef     // zero ID: nobody
	Closed    bool
	Step      string
	Waiting   model.Roles // who must act next (seed's step tables)
	UpdatedAt time.Time
	Clock     QueueClock
}

// QueueClock is a ticket's SLA clock due next (seed §2.6) as the
// projection stored it at the ticket's last event; the screen counts down
// from Due live.
type QueueClock struct {
	Kind  sla.ClockKind // "" when no clock is open
	State sla.State     // running, paused or breached
	Due   time.Time     // while paused: the deadline if it resumed at UpdatedAt
	// Target is the clock's target duration (for "less than a quarter
	// left"); 0 when unknown.
	Target time.Duration
}

// QueueOrder is the order of a limited queue query.
type QueueOrder int

// The orders a first screenful can be read in, each served by an index.
const (
	// QueueByDue: tickets with an open clock by due time (then number),
	// then the rest, most recently updated first (then number).
	QueueByDue QueueOrder = iota
	// QueueByUpdated: most recently updated first, then number.
	QueueByUpdated
)

// QueueQuery selects the tickets to read. A zero Limit reads every ticket
// in storage order, fastest: the caller sorts.
type QueueQuery struct {
	Order QueueOrder
	Limit int
}

// queueColumns are the columns of a queue row: the ticket's list row
// (db/ticketrow.go) with the columns it does not hold. The contract gives
// a clock's target.
const queueColumns = `number, customer_id, contract_id, list_row FROM tickets`

// QueueNames resolves the ids of queue rows: the few customers, users and
// contracts of a database, loaded once per queue load.
type queueNames struct {
	names
	targets map[model.ID]model.SLATargets
	waiting map[string]model.Roles
}

func (s *Store) loadQueueNames(ctx context.Context) (queueNames, error) {
	nm, err := s.loadNames(ctx)
	if err != nil {
		return queueNames{}, err
	}
	q := queueNames{names: nm, targets: map[model.ID]model.SLATargets{}, waiting: map[string]model.Roles{}}
	cs, err := s.Contracts(ctx, model.NilID)
	if err != nil {
		return q, err
	}
	for _, c := range cs {
		q.targets[c.ID] = c.SLA
	}
	return q, nil
}

// EachQueueTicket calls fn for the tickets q selects. The QueueTicket is
// reused between calls: fn copies what it keeps.
func (s *Store) EachQueueTicket(ctx context.Context, q QueueQuery, fn func(*QueueTicket) error) error {
	nm, err := s.loadQueueNames(ctx)
	if err != nil {
		return err
	}
	if q.Limit <= 0 {
		return s.eachQueueRow(ctx, nm, "SELECT "+queueColumns, nil, fn)
	}
	if q.Order == QueueByUpdated {
		return s.eachQueueRow(ctx, nm, "SELECT "+queueColumns+" ORDER BY updated_at DESC, number LIMIT ?", []any{q.Limit}, fn)
	}
	// Two index walks: the clocks by due time, then the clockless tickets
	// by update time (tickets_by_sla_due and tickets_by_updated).
	n := 0
	count := func(t *QueueTicket) error { n++; return fn(t) }
	if err := s.eachQueueRow(ctx, nm, "SELECT "+queueColumns+" WHERE sla_due IS NOT NULL ORDER BY sla_due, number LIMIT ?", []any{q.Limit}, count); err != nil {
		return err
	}
	if n >= q.Limit {
		return nil
	}
	return s.eachQueueRow(ctx, nm, "SELECT "+queueColumns+" WHERE sla_due IS NULL ORDER BY updated_at DESC, number LIMIT ?", []any{q.Limit - n}, fn)
}

// QueueTicketsByID reads the queue rows of tickets ids after they changed,
// resolving names once for all of them; an id of no ticket is left out.
func (s *Store) QueueTicketsByID(ctx context.Context, ids []model.ID) ([]QueueTicket, error) {
	nm, err := s.loadQueueNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]QueueTicket, 0, len(ids))
	for _, id := range ids {
		err := s.eachQueueRow(ctx, nm, "SELECT "+queueColumns+" WHERE id = ?", []any{id}, func(t *QueueTicket) error {
			out = append(out, *t)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// QueueTicketByID reads one ticket's queue row, after a change.
func (s *Store) QueueTicketByID(ctx context.Context, id model.ID) (QueueTicket, error) {
	nm, err := s.loadQueueNames(ctx)
	if err != nil {
		return QueueTicket{}, err
	}
	var out QueueTicket
	found := false
	err = s.eachQueueRow(ctx, nm, "SELECT "+queueColumns+" WHERE id = ?", []any{id}, func(t *QueueTicket) error {
		out, found = *t, true
		return nil
	})
	if err == nil && !found {
		err = errNotFound("ticket", id)
	}
	return out, err
}

func (s *Store) eachQueueRow(ctx context.Context, nm queueNames, query string, args []any, fn func(*QueueTicket) error) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("load the queue: %w", err)
	}
	defer rows.Close()
	var t QueueTicket
	var customer, contract model.ID
	var row sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&t.Number, &customer, &contract, &row); err != nil {
			return fmt.Errorf("load the queue: %w", err)
		}
		l, ok := decodeListRow(row)
		if !ok {
			return damagedRow(t.Number)
		}
		t.ID, t.Kind, t.Severity, t.Title, t.Step = l.id, model.Kind(l.kind), model.Severity(l.severity), string(l.title), l.step
		t.Closed = l.status == model.StatusClosed
		t.Customer = nm.customers[customer]
		t.Assignee = UserRef{}
		if !l.assignee.IsZero() {
			if u, ok := nm.users[l.assignee]; ok {
				t.Assignee = u
			} else {
				t.Assignee = UserRef{ID: l.assignee}
			}
		}
		roles, ok := nm.waiting[l.waiting]
		if !ok {
			roles = splitRoles(l.waiting)
			nm.waiting[l.waiting] = roles
		}
		t.Waiting = roles
		t.UpdatedAt = fromMillis(l.updated)
		t.Clock = QueueClock{}
		if l.clock != "" && l.due.Valid {
			t.Clock.Kind, t.Clock.State, t.Clock.Due = sla.ClockKind(l.clock), sla.State(l.clockState), fromMillis(l.due)
			if targets, ok := nm.targets[contract]; ok {
				t.Clock.Target = clockTarget(targets, t.Clock.Kind, t.Kind, t.Clock.Due.Sub(fromMillis(l.reported)))
			}
		}
		if err := fn(&t); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load the queue: %w", err)
	}
	return nil
}

// clockTarget is the target of a clock of the given kind under a
// contract's targets. The response target depends on whether the request
// came in working hours (seed §2.6), which the row does not keep; since a
// clock is never due before its start plus its target (pauses and working
// time only move it later), the target is the longest candidate that fits
// between the report and the due time.
func clockTarget(t model.SLATargets, clock sla.ClockKind, kind model.Kind, span time.Duration) time.Duration {
	minutes := 0
	switch clock {
	case sla.Response:
		for _, m := range []int{t.ResponseInHours, t.ResponseOutHours} {
			if m > minutes && time.Duration(m)*time.Minute <= span {
				minutes = m
			}
		}
	case sla.OnSite:
		minutes = t.OnSite
	case sla.Resolution:
		minutes = t.Resolution[string(kind)]
	}
	return time.Duration(minutes) * time.Minute
}

// daysFromCivil counts days from 1970-01-01 to a proleptic Gregorian date
// (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// TicketCount counts the tickets, so a loader can size its buffers once.
func (s *Store) TicketCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM tickets").Scan(&n)
	return n, err
}
