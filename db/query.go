package db

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	"yunwei/flows"
	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Ref is an entity named for people: id and display name.
type Ref struct {
	ID   model.ID `json:"id"`
	Name string   `json:"name"`
}

// TicketRow is one line of the ticket list. Its JSON form is stable
// (README "JSON output"): scripts rely on it.
type TicketRow struct {
	ID         model.ID       `json:"id"`
	Number     string         `json:"number"`
	Kind       model.Kind     `json:"kind"`
	Channel    model.Channel  `json:"channel"`
	Severity   model.Severity `json:"severity"`
	Title      string         `json:"title"`
	Customer   CustomerRef    `json:"customer"`
	Site       Ref            `json:"site"`
	Assignee   *UserRef       `json:"assignee"`
	Status     string         `json:"status"`
	Step       string         `json:"step"`
	ReportedAt string         `json:"reported_at"`
	UpdatedAt  string         `json:"updated_at"`
	ClosedAt   string         `json:"closed_at,omitempty"`
	Comments   int            `json:"comments"`
	// WaitingFor are the roles that must act next (empty when closed).
	WaitingFor model.Roles `json:"waiting_for"`
	// SLA is the clock due next, its state as it stands now; null when no
	// clock is open.
	SLA *SLARef `json:"sla"`
}

// SLARef is a ticket's next SLA clock (seed §2.6).
type SLARef struct {
	Clock string `json:"clock"` // response, on_site or resolution
	// Due is the due time; while paused, the due time had the clock
	// resumed at the ticket's last change.
	Due   string `json:"due"`
	State string `json:"state"` // running, paused while waiting on the customer, or breached
}

// CustomerRef names a customer.
type CustomerRef struct {
	ID        model.ID `json:"id"`
	Name      string   `json:"name"`
	ShortName string   `json:"short_name"`
}

// UserRef names a vendor user.
type UserRef struct {
	ID    model.ID `json:"id"`
	Login string   `json:"login"`
	Name  string   `json:"name"`
}

// TicketFilter selects tickets for a list.
type TicketFilter struct {
	Status     string // "open" (default), "closed" or "all"
	AssigneeID model.ID
	CustomerID model.ID
	Kind       model.Kind
	// Search keeps the tickets whose number, title, customer, assignee,
	// description, comments or decision texts contain it (SearchTickets).
	Search string
	Limit  int // 0: no limit
}

// names holds the display names of the few customers, sites and users, so
// that listing 100,000 tickets reads ids and joins in memory: every column
// and every join costs time per row in SQLite.
type names struct {
	customers map[model.ID]CustomerRef
	sites     map[model.ID]string
	users     map[model.ID]UserRef
}

func (s *Store) loadNames(ctx context.Context) (names, error) {
	n := names{customers: map[model.ID]CustomerRef{}, sites: map[model.ID]string{}, users: map[model.ID]UserRef{}}
	cs, err := s.Customers(ctx)
	if err != nil {
		return n, err
	}
	for _, c := range cs {
		n.customers[c.ID] = CustomerRef{ID: c.ID, Name: c.Name, ShortName: c.ShortName}
	}
	sites, err := queryList(ctx, s.db, "SELECT id, name FROM sites", func(r *sql.Rows) (Ref, error) {
		var v Ref
		return v, r.Scan(&v.ID, &v.Name)
	})
	if err != nil {
		return n, err
	}
	for _, v := range sites {
		n.sites[v.ID] = v.Name
	}
	us, err := s.Users(ctx)
	if err != nil {
		return n, err
	}
	for _, u := range us {
		n.users[u.ID] = UserRef{ID: u.ID, Login: u.Login, Name: u.Name}
	}
	return n, nil
}

// EachTicket calls fn for every ticket the filter selects, most recently
// updated first, streaming rows so that 100,000 tickets need little memory.
func (s *Store) EachTicket(ctx context.Context, f TicketFilter, fn func(TicketRow) error) error {
	where, args, err := s.ticketWhere(ctx, f)
	if err != nil {
		return err
	}
	q := ticketRowSelect + where + ticketOrder(f)
	nm, err := s.loadNames(ctx)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("list tickets: %w", err)
	}
	defer rows.Close()
	read := newTicketRowReader(nm, s.Now())
	for rows.Next() {
		r, err := read.read(rows)
		if err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ticketWhere is the WHERE clause of the tickets f selects, with its
// arguments.
func (s *Store) ticketWhere(ctx context.Context, f TicketFilter) (string, []any, error) {
	var where []string
	var args []any
	switch f.Status {
	case "", model.StatusOpen:
		where = append(where, "status = 'open'")
	case model.StatusClosed:
		where = append(where, "status = 'closed'")
	case "all":
	default:
		return "", nil, model.Errorf(model.EINVALID, "unknown status %q: use open, closed or all", f.Status)
	}
	if !f.AssigneeID.IsZero() {
		where, args = append(where, "assignee_id = ?"), append(args, f.AssigneeID)
	}
	if !f.CustomerID.IsZero() {
		where, args = append(where, "customer_id = ?"), append(args, f.CustomerID)
	}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, string(f.Kind))
	}
	if f.Search != "" {
		cond, a, err := s.searchCondition(ctx, f.Search)
		if err != nil {
			return "", nil, err
		}
		where, args = append(where, cond), append(args, a...)
	}
	if len(where) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(where, " AND "), args, nil
}

// ticketOrder is the ORDER BY and LIMIT of a list f selects.
func ticketOrder(f TicketFilter) string {
	if f.Limit > 0 {
		return fmt.Sprintf(" ORDER BY updated_at DESC, number LIMIT %d", f.Limit)
	}
	return " ORDER BY updated_at DESC, number"
}

// FindTicket resolves what a user typed: a ticket number, a full id, or the
// first 8 or more hex digits of an id.
func (s *Store) FindTicket(ctx context.Context, ref string) (model.ID, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return model.NilID, model.Errorf(model.EINVALID, "name a ticket by its number (like K7Q-2026-0042) or id")
	}
	var id model.ID
	err := s.db.QueryRowContext(ctx, "SELECT id FROM tickets WHERE number = ? COLLATE NOCASE", ref).Scan(&id)
	if err == nil {
		return id, nil
	} else if !isNoRows(err) {
		return model.NilID, err
	}
	if full, err := model.ParseID(ref); err == nil {
		if err := s.db.QueryRowContext(ctx, "SELECT id FROM tickets WHERE id = ?", full).Scan(&id); err == nil {
			return id, nil
		}
	}
	if hex, ok := model.IDRef(ref); ok {
		found, numbers, err := s.ticketsByIDPart(ctx, hex)
		if err != nil {
			return model.NilID, err
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return model.NilID, ambiguous(ref, "tickets", numbers, "type more of the id, or the number")
		}
	}
	return model.NilID, model.Errorf(model.ENOTFOUND, "no ticket %q: check the number with yunwei ticket list", ref)
}

// TicketDetail is a ticket folded from its events with the names a person
// needs. Its JSON form is stable (README "JSON output").
type TicketDetail struct {
	ticket.State
	CustomerName  string            `json:"customer_name"`
	ContractNo    string            `json:"contract_number"`
	SiteName      string            `json:"site_name"`
	SystemName    string            `json:"system_name,omitempty"`
	RequesterName string            `json:"requester_name,omitempty"`
	Assignee      *UserRef          `json:"assignee"`
	Names         map[string]string `json:"names"` // id → display name of every actor in the history
	// TimeZone is the contract calendar's zone: times are shown in it, as
	// the SLA clocks count in it.
	TimeZone string `json:"time_zone"`
	// WaitingFor is the roles that must act next; Clocks are its SLA
	// clocks as they stand now. Their JSON is the interfaces' (with the
	// flow and the clocks in words).
	WaitingFor model.Roles `json:"-"`
	Clocks     []sla.Clock `json:"-"`
}

// Ticket loads one ticket by id: folded from its events, with names, who
// must act next and its SLA clocks as they stand now.
func (s *Store) Ticket(ctx context.Context, id model.ID) (TicketDetail, error) {
	events, err := s.EntityEvents(ctx, id)
	if err != nil {
		return TicketDetail{}, err
	}
	if len(events) == 0 {
		return TicketDetail{}, model.Errorf(model.ENOTFOUND, "no ticket with id %s", id)
	}
	people := newRoleLog(func(id model.ID) ([]model.Event, error) { return EntityEvents(ctx, s.db, id) })
	st, err := flows.Fold(events, func(st flows.State, e model.Event) (flows.State, error) {
		return evolveWith(people, st, e)
	})
	if err != nil {
		return TicketDetail{}, err
	}
	ts, ok := st.(*ticket.State)
	if !ok {
		return TicketDetail{}, model.Errorf(model.ENOTFOUND, "%s is not a ticket", id)
	}
	d := TicketDetail{State: *ts, Names: map[string]string{}, WaitingFor: ticket.WaitingFor(ts)}
	if d.Clocks, err = s.Clocks(ctx, ts, s.Now()); err != nil && model.ErrorCode(err) != model.ENOTFOUND {
		return d, err
	}
	if d.WaitingFor == nil {
		d.WaitingFor = model.Roles{}
	}
	row := dbRow(ctx, s.db)
	if c, err := scanContract(row, ts.ContractID); err == nil {
		d.ContractNo = c.Number
		d.CustomerID = c.CustomerID
		if cal, err := scanCalendar(row, c.CalendarID); err == nil {
			d.TimeZone = cal.TimeZone
		}
		if cu, err := scanCustomer(row, c.CustomerID); err == nil {
			d.CustomerName = cu.Name
		}
	}
	if v, err := scanSite(row, ts.SiteID); err == nil {
		d.SiteName = v.Name
	}
	if !ts.SystemID.IsZero() {
		if v, err := scanSystem(row, ts.SystemID); err == nil {
			d.SystemName = v.Name
		}
	}
	if !ts.RequesterID.IsZero() {
		if v, err := scanContact(row, ts.RequesterID); err == nil {
			d.RequesterName = v.Name
		}
	}
	if !ts.AssigneeID.IsZero() {
		if v, err := scanUser(row, ts.AssigneeID); err == nil {
			d.Assignee = &UserRef{ID: v.ID, Login: v.Login, Name: v.Name}
		}
	}
	for _, h := range ts.History {
		ids := []model.ID{h.Actor, h.Contact}
		if h.Type == ticket.Assigned && h.Value != "" {
			if id, err := model.ParseID(h.Value); err == nil {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			if id.IsZero() || d.Names[id.String()] != "" {
				continue
			}
			if u, err := scanUser(row, id); err == nil {
				d.Names[id.String()] = u.Name
			} else if c, err := scanContact(row, id); err == nil {
				d.Names[id.String()] = c.Name
			}
		}
	}
	return d, nil
}

// maxMatches is how many matches an ambiguous reference lists.
const maxMatches = 10

// ticketsByIDPart finds the tickets whose id begins or ends with the hex digits (a
// short id is the end, model.ID.Short), at most maxMatches+1, with their
// numbers, in number order. The beginning is a range of the primary key;
// the end is found through the index on the id's last four bytes.
func (s *Store) ticketsByIDPart(ctx context.Context, digits string) ([]model.ID, []string, error) {
	lo, hi := idRange(digits)
	tail, _ := hexBytes(digits[len(digits)-8:])
	rows, err := s.db.QueryContext(ctx, ticketsByIDPartQuery, lo, hi, tail, 2*(maxMatches+1))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var ids []model.ID
	var numbers []string
	for rows.Next() {
		var id model.ID
		var number string
		if err := rows.Scan(&id, &number); err != nil {
			return nil, nil, err
		}
		// The last four bytes matched; a longer end must match too.
		if id.Matches(digits) && len(ids) <= maxMatches {
			ids, numbers = append(ids, id), append(numbers, number)
		}
	}
	return ids, numbers, rows.Err()
}

const ticketsByIDPartQuery = `SELECT id, number FROM tickets WHERE id BETWEEN ?1 AND ?2
	UNION SELECT id, number FROM tickets WHERE substr(id, 13, 4) = ?3 ORDER BY number LIMIT ?4`

// idRange is the first and last 16-byte id that begin with the hex digits.
func idRange(digits string) (lo, hi []byte) {
	lo, _ = hexBytes(digits + strings.Repeat("0", 32-len(digits)))
	hi, _ = hexBytes(digits + strings.Repeat("f", 32-len(digits)))
	return lo, hi
}

// hexBytes decodes an even number of hex digits.
func hexBytes(h string) ([]byte, error) { return hex.DecodeString(h) }

// ambiguous says that ref names several things, and lists them (at most
// maxMatches, then "…"), so that the right one can be typed.
func ambiguous(ref, what string, names []string, hint string) error {
	list := names
	if len(list) > maxMatches {
		list = append(list[:maxMatches:maxMatches], "…")
	}
	return model.Errorf(model.EINVALID, "%q matches several %s: %s; %s", ref, i18n.Text(i18n.In("matches", what)), strings.Join(list, ", "), i18n.Text(hint))
}
