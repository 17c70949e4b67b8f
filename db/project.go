package db

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// project writes an entity's folded state into its projection rows
// through its kind's projector (entities). It is the single place that maps
// states to tables, used by commands, sync and rebuilds alike, so they
// cannot disagree.
func (b *Batch) project(c cached, id model.ID) error {
	kind, ok := entities[c.entity]
	if !ok || c.state == nil {
		return nil // an entity of a newer yunwei: its events stay in the log
	}
	return kind.project(b, id, c.state)
}

func projectCustomer(b *Batch, id model.ID, v *model.Customer) error {
	return b.exec("INSERT OR REPLACE INTO customers (id, name, short_name, address) VALUES (?, ?, ?, ?)",
		id, v.Name, v.ShortName, v.Address)
}

func projectCalendar(b *Batch, id model.ID, v *model.Calendar) error {
	delete(b.calendars, id)
	body, err := calendarBody(v)
	if err != nil {
		return err
	}
	changed := b.calendarChanged(id, body)
	if err := b.exec("INSERT OR REPLACE INTO calendars (id, name, body) VALUES (?, ?, ?)", id, v.Name, body); err != nil || !changed {
		return err
	}
	return b.reprojectOpenTickets(openTicketsOfCalendar, id)
}

func projectContract(b *Batch, id model.ID, v *model.Contract) error {
	sla, err := json.Marshal(v.SLA)
	if err != nil {
		return err
	}
	engineers, err := json.Marshal(nonNil(v.Engineers))
	if err != nil {
		return err
	}
	changed := b.contractChanged(id, v)
	if err := b.exec(`INSERT OR REPLACE INTO contracts (id, customer_id, number, start_date, end_date, support_hours, calendar_id, sla, quota_days, engineers, require_drawn_signature)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, v.CustomerID, v.Number, v.StartDate, v.EndDate, v.SupportHours, v.CalendarID, string(sla), v.QuotaDays, string(engineers), v.RequireDrawnSignature); err != nil || !changed {
		return err
	}
	return b.reprojectOpenTickets(openTicketsOfContract, id)
}

func projectSite(b *Batch, id model.ID, v *model.Site) error {
	return b.exec("INSERT OR REPLACE INTO sites (id, customer_id, name, address) VALUES (?, ?, ?, ?)",
		id, v.CustomerID, v.Name, v.Address)
}

func projectSystem(b *Batch, id model.ID, v *model.System) error {
	return b.exec("INSERT OR REPLACE INTO systems (id, customer_id, site_id, name, version) VALUES (?, ?, ?, ?, ?)",
		id, v.CustomerID, v.SiteID, v.Name, v.Version)
}

func projectContact(b *Batch, id model.ID, v *model.Contact) error {
	return b.exec("INSERT OR REPLACE INTO contacts (id, customer_id, name, department, phone, email, roles) VALUES (?, ?, ?, ?, ?, ?, ?)",
		id, v.CustomerID, v.Name, v.Department, v.Phone, v.Email, joinRoles(v.Roles))
}

func projectUser(b *Batch, id model.ID, v *model.User) error {
	return b.exec("INSERT OR REPLACE INTO users (id, login, name, phone, email, roles) VALUES (?, ?, ?, ?, ?, ?)",
		id, v.Login, v.Name, v.Phone, v.Email, joinRoles(v.Roles))
}

func projectTicket(b *Batch, id model.ID, t *ticket.State) error {
	closed := storedMillis(t.ClosedAt)
	// A ticket is raised under a contract; its customer is the contract's.
	// During a rebuild the contract's row may come later: fixCustomers
	// fills those in at the end.
	var customer any
	var slaClock, slaDue, slaState any
	if c, err := (dirOver{b}).Contract(t.ContractID); err == nil {
		customer = c.CustomerID
		if clock, ok := b.nextClock(t, c); ok {
			slaClock, slaDue, slaState = string(clock.Kind), clock.Due.UnixMilli(), string(clock.State)
		}
	}
	// The number is unique (migration 0005): an upsert on the id, not
	// INSERT OR REPLACE, which would silently delete another ticket that
	// the log gives the same number.
	waiting, reported, updated := joinRoles(ticket.WaitingFor(t)), storedMillis(t.ReportedAt), storedMillis(t.UpdatedAt)
	row := listRow{id: id, site: t.SiteID, assignee: t.AssigneeID, severity: int64(t.Severity), comments: int64(t.Comments),
		reported: reported, updated: updated, closed: closed, due: slaDue, title: t.Title, kind: string(t.Kind), channel: string(t.Channel),
		status: t.Status, step: t.Step, waiting: waiting}
	row.clock, _ = slaClock.(string)
	row.clockState, _ = slaState.(string)
	listed := row.encode()
	write := func(number string) error {
		return b.execRow(ticketUpsert, id, number, string(t.Kind), customer, t.ContractID, t.AssigneeID, t.Status, updated, slaClock, slaDue,
			slaState, waiting, len(t.Rejected), listed)
	}
	if err := b.writeNumbered("tickets", id, t.Number, write); err != nil {
		return err
	}
	if err := b.projectStaffChange(id, t); err != nil {
		return err
	}
	if err := b.projectTicketText(id, t); err != nil {
		return err
	}
	return b.projectBookings(id, t)
}

// ticketUpsert writes a ticket's row, replacing every column of an existing one.
var ticketUpsert = upsert("tickets", "id", "number", "kind", "customer_id", "contract_id", "assignee_id", "status", "updated_at", "sla_clock", "sla_due",
	"sla_state", "waiting", "rejected", "list_row")

// upsert is an INSERT of the columns that updates every column but the
// key (the first) when a row with that key exists.
func upsert(table string, cols ...string) string {
	set := make([]string, 0, len(cols)-1)
	for _, c := range cols[1:] {
		set = append(set, c+" = excluded."+c)
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s) DO UPDATE SET %s", table, strings.Join(cols, ", "),
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "), cols[0], strings.Join(set, ", "))
}

// nextClock is the ticket's SLA clock due next, as it stood at the
// ticket's last event: a wait that event began counts (sla.Clocks), so a
// ticket that has just gone to the customer is stored paused. Between
// events, sla.StateAt tells how the stored clock stands.
func (b *Batch) nextClock(t *ticket.State, c model.Contract) (sla.Clock, bool) {
	if t.Status == model.StatusClosed {
		return sla.Clock{}, false
	}
	cal, err := b.compiledCalendar(c.CalendarID)
	if err != nil {
		cal = nil // the seed's 5×8; the explanation says so
	}
	at, _ := model.ParseTime(t.UpdatedAt)
	return sla.Next(ticket.Clocks(t, c, cal, at))
}

// compiledCalendar compiles a calendar once per batch.
func (b *Batch) compiledCalendar(id model.ID) (*calendar.Calendar, error) {
	if c, ok := b.calendars[id]; ok {
		return c, nil
	}
	mc, err := (dirOver{b}).Calendar(id)
	if err != nil {
		return nil, err
	}
	c, err := calendar.New(mc)
	if err != nil {
		return nil, err
	}
	b.calendars[id] = c
	return c, nil
}

// projectBookings rewrites the quota bookings of a ticket (seed §1.3).
func (b *Batch) projectBookings(id model.ID, t *ticket.State) error {
	if len(t.Bookings) == 0 && (b.rebuilding || b.created[id] || !b.hadBookings(id)) {
		return nil
	}
	if !b.rebuilding {
		if err := b.exec("DELETE FROM quota_bookings WHERE ticket_id = ?", id); err != nil {
			return err
		}
	}
	for _, bk := range t.Bookings {
		body, err := json.Marshal(bk)
		if err != nil {
			return err
		}
		if err := b.execRow("INSERT OR REPLACE INTO quota_bookings (event_id, ticket_id, contract_id, service_year, minutes, body) VALUES (?, ?, ?, ?, ?, ?)",
			bk.Event[:], id, bk.ContractID, bk.ServiceYear, bk.Minutes, string(body)); err != nil {
			return err
		}
	}
	return nil
}

// hadBookings reports whether a ticket has booking rows (a rebuilt or
// refolded ticket may have lost them).
func (b *Batch) hadBookings(id model.ID) bool {
	var n int
	st, err := b.stmt("SELECT count(*) FROM quota_bookings WHERE ticket_id = ?")
	if err != nil {
		return true
	}
	if err := st.QueryRowContext(b.ctx, id).Scan(&n); err != nil {
		return true
	}
	return n > 0
}

func joinRoles(rs model.Roles) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

func splitRoles(s string) model.Roles {
	if s == "" {
		return nil
	}
	var rs model.Roles
	for _, p := range strings.Split(s, ",") {
		rs = append(rs, model.Role(p))
	}
	return rs
}

func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// fixCustomers sets the customer of tickets projected before their
// contract.
func (b *Batch) fixCustomers() error {
	return b.exec("UPDATE tickets SET customer_id = (SELECT customer_id FROM contracts WHERE contracts.id = tickets.contract_id) WHERE customer_id IS NULL")
}

// storedMillis turns an event time into the tickets table's Unix
// milliseconds, or NULL for none.
func storedMillis(s string) any {
	t, err := model.ParseTime(s)
	if err != nil || t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// fromMillis is the inverse of storedMillis.
func fromMillis(ms sql.NullInt64) time.Time {
	if !ms.Valid {
		return time.Time{}
	}
	return time.UnixMilli(ms.Int64).UTC()
}

// formatMillis writes stored milliseconds as the JSON time text.
func formatMillis(ms sql.NullInt64) string { return model.FormatTime(fromMillis(ms)) }
