package db

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"time"

	"yunwei/flows/sla"
	"yunwei/model"
)

// A ticket's list row is encoded once, when the ticket is projected, and
// kept in the tickets table's list_row column (migration 0018). Listing
// 100,000 tickets then walks the index that lists them by update time and
// reads three columns a row: the driver's cost is per column read (a
// lock, a type check and a copy each), and reading the row's nineteen
// columns spent 0.75 s in the driver alone. The number and the customer
// are columns of their own, since the store updates them apart from the
// rest (a number shown marked as a duplicate, a customer filled in after a
// rebuild). The row is small: the codes (kind, channel, status, step,
// waiting roles, clock, clock state) as one byte each (listCodes), the
// times other than the update as their distance from it.
const ticketRowSelect = `SELECT number, customer_id, list_row FROM tickets`

// listRowVersion is the first byte of a list row, its format.
const listRowVersion = 2

// The bits of a list row's times byte: which times it holds.
const (
	hasReported = 1 << iota
	hasUpdated
	hasClosed
	hasDue
)

// listRow is the list row of a ticket as projected: id, site, assignee,
// severity, comments, the report, update and close times and the clock's
// due time in Unix milliseconds (nil: none), then the title and the codes
// (kind, channel, status, step, waiting roles, clock, clock state).
type listRow struct {
	id, site, assignee                 model.ID
	severity, comments                 int64
	reported, updated, closed, due     any // int64 milliseconds or nil
	title, kind, channel, status, step string
	waiting, clock, clockState         string
}

func (l listRow) encode() []byte {
	b := make([]byte, 0, 64+len(l.title)+24)
	b = append(b, listRowVersion)
	b = append(append(append(b, l.id[:]...), l.site[:]...), l.assignee[:]...)
	b = binary.AppendVarint(b, l.severity)
	b = binary.AppendVarint(b, l.comments)
	times := [4]any{l.reported, l.updated, l.closed, l.due}
	var flags byte
	for i, t := range times {
		if _, ok := t.(int64); ok {
			flags |= 1 << i
		}
	}
	b = append(b, flags)
	base, _ := l.updated.(int64)
	if flags&hasUpdated != 0 {
		b = binary.AppendVarint(b, base)
	}
	for _, t := range [...]any{l.reported, l.closed, l.due} {
		if ms, ok := t.(int64); ok {
			b = binary.AppendVarint(b, ms-base)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(l.title)))
	b = append(b, l.title...)
	for _, s := range [...]string{l.kind, l.channel, l.status, l.step, l.waiting, l.clock, l.clockState} {
		b = appendCode(b, s)
	}
	return b
}

// decodedRow is a list row as read: its times in milliseconds, its title
// the bytes of the row.
type decodedRow struct {
	id, site, assignee             model.ID
	severity, comments             int64
	reported, updated, closed, due sql.NullInt64
	title                          []byte
	kind, channel, status, step    string
	waiting, clock, clockState     string
}

// decodeListRow reads a list row; ok is false for a row this version
// cannot read (another format, cut short, a bad length or code).
func decodeListRow(b []byte) (r decodedRow, ok bool) {
	d := listRowDecoder{b: b, ok: len(b) > 0 && b[0] == listRowVersion}
	if !d.ok {
		return r, false
	}
	d.b = d.b[1:]
	r.id, r.site, r.assignee = d.id(), d.id(), d.id()
	r.severity, r.comments = d.varint(), d.varint()
	flags := d.byte()
	if flags&hasUpdated != 0 {
		r.updated = sql.NullInt64{Int64: d.varint(), Valid: true}
	}
	for _, t := range [...]struct {
		bit byte
		ms  *sql.NullInt64
	}{{hasReported, &r.reported}, {hasClosed, &r.closed}, {hasDue, &r.due}} {
		if flags&t.bit != 0 {
			*t.ms = sql.NullInt64{Int64: r.updated.Int64 + d.varint(), Valid: true}
		}
	}
	r.title = d.raw()
	r.kind, r.channel, r.status, r.step = d.code(), d.code(), d.code(), d.code()
	r.waiting, r.clock, r.clockState = d.code(), d.code(), d.code()
	return r, d.ok && len(d.b) == 0
}

// listRowDecoder reads list rows; a short read or a bad length fails it.
type listRowDecoder struct {
	b  []byte
	ok bool
}

func (d *listRowDecoder) id() (id model.ID) {
	if len(d.b) < len(id) {
		d.ok = false
		return id
	}
	copy(id[:], d.b)
	d.b = d.b[len(id):]
	return id
}

func (d *listRowDecoder) byte() byte {
	if len(d.b) == 0 {
		d.ok = false
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *listRowDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.ok = false
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *listRowDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.ok = false
		return 0
	}
	d.b = d.b[n:]
	return v
}

// raw is the next length-prefixed string, in the row's bytes.
func (d *listRowDecoder) raw() []byte {
	n := d.uvarint()
	if !d.ok || n > uint64(len(d.b)) {
		d.ok = false
		return nil
	}
	s := d.b[:n:n]
	d.b = d.b[n:]
	return s
}

// text is the next length-prefixed string.
func (d *listRowDecoder) text() string { return string(d.raw()) }

// code is the next code (appendCode).
func (d *listRowDecoder) code() string {
	c := d.uvarint()
	switch {
	case !d.ok:
		return ""
	case c == codeLiteral:
		return d.text()
	case c == codeEmpty:
		return ""
	case c-codeFirst < uint64(len(listCodes)):
		return listCodes[c-codeFirst]
	}
	d.ok = false
	return ""
}

// ticketRowReader reads rows of ticketRowSelect with the names of their
// customers, sites and users, each clock as it stands at now.
type ticketRowReader struct {
	names       names
	now         time.Time
	waits       map[string]model.Roles
	number, row sql.RawBytes
	text        []byte
}

func newTicketRowReader(nm names, now time.Time) *ticketRowReader {
	return &ticketRowReader{names: nm, now: now, waits: map[string]model.Roles{}}
}

// roles are the waiting roles of a row, shared between the rows that have
// the same.
func (rd *ticketRowReader) roles(waiting string) model.Roles {
	roles, ok := rd.waits[waiting]
	if !ok {
		if roles = splitRoles(waiting); roles == nil {
			roles = model.Roles{}
		}
		rd.waits[waiting] = roles
	}
	return roles
}

// read reads the current row. Its texts (number, title and times) are
// made in one allocation: listing 100,000 tickets made six a row.
func (rd *ticketRowReader) read(rows *sql.Rows) (TicketRow, error) {
	var r TicketRow
	if err := rows.Scan(&rd.number, &r.Customer.ID, &rd.row); err != nil {
		return r, err
	}
	l, ok := decodeListRow(rd.row)
	if !ok {
		return r, damagedRow(string(rd.number))
	}
	t := append(append(rd.text[:0], rd.number...), l.title...)
	t = appendMillis(appendMillis(appendMillis(t, l.reported), l.updated), l.closed)
	rd.text = t
	text := string(t)
	cut := func(n int) string {
		s := text[:n]
		text = text[n:]
		return s
	}
	times := func(ms sql.NullInt64) string {
		if !ms.Valid {
			return ""
		}
		return cut(len(model.TimeLayout))
	}
	r.Number, r.Title = cut(len(rd.number)), cut(len(l.title))
	r.ReportedAt, r.UpdatedAt, r.ClosedAt = times(l.reported), times(l.updated), times(l.closed)
	r.ID, r.Site.ID = l.id, l.site
	r.Severity, r.Comments = model.Severity(l.severity), int(l.comments)
	r.Kind, r.Channel, r.Status, r.Step = model.Kind(l.kind), model.Channel(l.channel), l.status, l.step
	r.WaitingFor = rd.roles(l.waiting)
	if l.clock != "" {
		r.SLA = &SLARef{Clock: l.clock, Due: formatMillis(l.due), State: string(sla.StateAt(sla.State(l.clockState), fromMillis(l.due), rd.now))}
	}
	if c, ok := rd.names.customers[r.Customer.ID]; ok {
		r.Customer = c
	}
	r.Site.Name = rd.names.sites[r.Site.ID]
	if !l.assignee.IsZero() {
		u, ok := rd.names.users[l.assignee]
		if !ok {
			u = UserRef{ID: l.assignee}
		}
		r.Assignee = &u
	}
	return r, nil
}

// appendMillis appends stored milliseconds as formatMillis writes them,
// nothing for none, without allocating.
func appendMillis(b []byte, ms sql.NullInt64) []byte {
	if !ms.Valid {
		return b
	}
	return model.AppendTime(b, fromMillis(ms))
}

// damagedRow is the error for a projection row this version cannot read:
// the projection is damaged, and check says how.
func damagedRow(ticket string) error {
	model.LogInternal(fmt.Errorf("ticket row %q unreadable", ticket))
	return model.Errorf(model.EINVALID, "the ticket list of this database is damaged (ticket %s): run yunwei check", ticket)
}
