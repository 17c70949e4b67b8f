package db

import (
	"context"
	"encoding/json"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// dirOver implements flows.Directory over the projections inside a batch,
// preferring states folded earlier in the same batch.
type dirOver struct{ b *Batch }

func cachedAs[T any](b *Batch, id model.ID) (T, bool) {
	var zero T
	if c, ok := b.cache[id]; ok {
		if v, ok := c.state.(*T); ok && v != nil {
			return *v, true
		}
	}
	return zero, false
}

// lookup memoises directory reads for the batch: the demo generator makes
// thousands of tickets against the same few contracts and sites.
func lookup[T any](d dirOver, id model.ID, scan func(rowFunc, model.ID) (T, error)) (T, error) {
	if v, ok := cachedAs[T](d.b, id); ok {
		return v, nil
	}
	if v, ok := d.b.lookups[id].(T); ok {
		return v, nil
	}
	v, err := scan(d.row, id)
	if err == nil {
		d.b.lookups[id] = v
	}
	return v, err
}

func (d dirOver) row(query string, id model.ID, dest ...any) error {
	st, err := d.b.stmt(query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(d.b.ctx, id).Scan(dest...)
}

func (d dirOver) Customer(id model.ID) (model.Customer, error) {
	return lookup(d, id, scanCustomer)
}

func (d dirOver) Contract(id model.ID) (model.Contract, error) {
	return lookup(d, id, scanContract)
}

func (d dirOver) Site(id model.ID) (model.Site, error) {
	return lookup(d, id, scanSite)
}

func (d dirOver) System(id model.ID) (model.System, error) {
	return lookup(d, id, scanSystem)
}

func (d dirOver) Contact(id model.ID) (model.Contact, error) {
	return lookup(d, id, scanContact)
}

func (d dirOver) User(id model.ID) (model.User, error) {
	return lookup(d, id, scanUser)
}

func (d dirOver) Calendar(id model.ID) (model.Calendar, error) {
	return lookup(d, id, scanCalendar)
}

func (d dirOver) UserCount() (int, error) {
	if err := d.b.flush(); err != nil {
		return 0, err
	}
	if err := d.b.settle(); err != nil {
		return 0, err
	}
	var n int
	err := d.b.tx.QueryRowContext(d.b.ctx, "SELECT count(*) FROM users").Scan(&n)
	return n, err
}

// QuotaUsed is the effort booked against a contract's service year (seed
// §1.3), counting bookings made earlier in this batch.
func (d dirOver) QuotaUsed(contractID model.ID, serviceYear string) (int, error) {
	key := quotaKey{contractID, serviceYear}
	if n, ok := d.b.quota[key]; ok {
		return n, nil
	}
	if err := d.b.flush(); err != nil {
		return 0, err
	}
	var n int
	st, err := d.b.stmt("SELECT coalesce(sum(minutes), 0) FROM quota_bookings WHERE contract_id = ? AND service_year = ?")
	if err != nil {
		return 0, err
	}
	if err = st.QueryRowContext(d.b.ctx, contractID, serviceYear).Scan(&n); err != nil {
		return 0, err
	}
	d.b.quota[key] = n
	return n, nil
}

// quotaKey names one contract's service year.
type quotaKey struct {
	contract model.ID
	year     string
}

// bookingCount is how many bookings a state holds; states are folded in
// place, so the count is taken before the new events are applied.
func bookingCount(s flows.State) int {
	if t, ok := s.(*ticket.State); ok && t != nil {
		return len(t.Bookings)
	}
	return 0
}

// rejectedOf lists the events a ticket's fold kept but did not apply.
func rejectedOf(s flows.State) []ticket.RejectedEvent {
	if t, ok := s.(*ticket.State); ok && t != nil {
		return t.Rejected
	}
	return nil
}

// countBookings keeps the batch's quota sums current as tickets book
// effort, so that a bulk run does not query them again for every booking.
// Bookings only accumulate: those past the count before are new.
func (b *Batch) countBookings(before int, after flows.State) {
	cur, ok := after.(*ticket.State)
	if !ok || len(cur.Bookings) <= before {
		return
	}
	for _, bk := range cur.Bookings[before:] {
		key := quotaKey{bk.ContractID, bk.ServiceYear}
		if _, loaded := b.quota[key]; loaded {
			b.quota[key] += bk.Minutes
		}
	}
}

var _ flows.Directory = dirOver{}

// rowFunc runs a one-row query by id and scans it.
type rowFunc func(query string, id model.ID, dest ...any) error

func dbRow(ctx context.Context, q queryer) rowFunc {
	return func(query string, id model.ID, dest ...any) error {
		return q.QueryRowContext(ctx, query, id).Scan(dest...)
	}
}

func found(err error, what i18n.Text, id model.ID) error {
	if isNoRows(err) {
		return errNotFound(what, id)
	}
	return err
}

func scanCustomer(row rowFunc, id model.ID) (model.Customer, error) {
	v := model.Customer{ID: id}
	err := row("SELECT name, short_name, address FROM customers WHERE id = ?", id, &v.Name, &v.ShortName, &v.Address)
	return v, found(err, "customer", id)
}

func scanContract(row rowFunc, id model.ID) (model.Contract, error) {
	v := model.Contract{ID: id}
	var sla, engineers string
	err := row("SELECT customer_id, number, start_date, end_date, support_hours, calendar_id, sla, quota_days, engineers, require_drawn_signature FROM contracts WHERE id = ?", id,
		&v.CustomerID, &v.Number, &v.StartDate, &v.EndDate, &v.SupportHours, &v.CalendarID, &sla, &v.QuotaDays, &engineers, &v.RequireDrawnSignature)
	if err != nil {
		return v, found(err, "contract", id)
	}
	if err := json.Unmarshal([]byte(sla), &v.SLA); err != nil {
		return v, err
	}
	return v, json.Unmarshal([]byte(engineers), &v.Engineers)
}

func scanSite(row rowFunc, id model.ID) (model.Site, error) {
	v := model.Site{ID: id}
	err := row("SELECT customer_id, name, address FROM sites WHERE id = ?", id, &v.CustomerID, &v.Name, &v.Address)
	return v, found(err, "site", id)
}

func scanSystem(row rowFunc, id model.ID) (model.System, error) {
	v := model.System{ID: id}
	err := row("SELECT customer_id, site_id, name, version FROM systems WHERE id = ?", id, &v.CustomerID, &v.SiteID, &v.Name, &v.Version)
	return v, found(err, "system", id)
}

func scanContact(row rowFunc, id model.ID) (model.Contact, error) {
	v := model.Contact{ID: id}
	var roles string
	err := row("SELECT customer_id, name, department, phone, email, roles FROM contacts WHERE id = ?", id,
		&v.CustomerID, &v.Name, &v.Department, &v.Phone, &v.Email, &roles)
	v.Roles = splitRoles(roles)
	return v, found(err, "contact", id)
}

func scanUser(row rowFunc, id model.ID) (model.User, error) {
	v := model.User{ID: id}
	var roles string
	err := row("SELECT login, name, phone, email, roles FROM users WHERE id = ?", id, &v.Login, &v.Name, &v.Phone, &v.Email, &roles)
	v.Roles = splitRoles(roles)
	return v, found(err, "vendor user", id)
}

func scanCalendar(row rowFunc, id model.ID) (model.Calendar, error) {
	var body string
	err := row("SELECT body FROM calendars WHERE id = ?", id, &body)
	if err != nil {
		return model.Calendar{}, found(err, "calendar", id)
	}
	var v model.Calendar
	return v, json.Unmarshal([]byte(body), &v)
}
