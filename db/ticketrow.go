package db

import (
	"database/sql"
	"encoding/binary"
	"fmt"
	"time"

	"yunwei/flows/sla"
	"yunwei/model"
)

// A ticket's list row is kept beside its columns, encoded once when the
// ticket is projected, in the tickets table's list_row column and in the
// index that lists tickets by update time (migration 0014). Listing
// 100,000 tickets then walks that one index and reads three columns a
// row: the driver's cost is per column read (a lock, a type check and a
// copy each), and reading the row's nineteen columns spent 0.75 s in the
// driver alone. The number and the customer are columns of their own,
// since the store updates them apart from the rest (a number shown marked
// as a duplicate, a customer filled in after a rebuild).
const ticketRowSelect = `SELECT number, customer_id, list_row FROM tickets`

// listRowVersion is the first byte of a list row, its format.
const listRowVersion = 1

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
	b := make([]byte, 0, 64+len(l.title)+len(l.step)+48)
	b = append(b, listRowVersion)
	b = append(append(append(b, l.id[:]...), l.site[:]...), l.assignee[:]...)
	b = binary.AppendVarint(b, l.severity)
	b = binary.AppendVarint(b, l.comments)
	for _, t := range []any{l.reported, l.updated, l.closed, l.due} {
		if ms, ok := t.(int64); ok {
			b = binary.AppendVarint(append(b, 1), ms)
		} else {
			b = append(b, 0)
		}
	}
	for _, s := range []string{l.title, l.kind, l.channel, l.status, l.step, l.waiting, l.clock, l.clockState} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
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

func (d *listRowDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.ok = false
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *listRowDecoder) millis() sql.NullInt64 {
	if len(d.b) == 0 {
		d.ok = false
		return sql.NullInt64{}
	}
	present := d.b[0] == 1
	d.b = d.b[1:]
	if !present {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: d.varint(), Valid: true}
}

// text is the next string; codes repeat, so each is kept once in seen.
func (d *listRowDecoder) text(seen map[string]string) string {
	n, w := binary.Uvarint(d.b)
	if w <= 0 || n > uint64(len(d.b)-w) {
		d.ok = false
		return ""
	}
	raw := d.b[w : w+int(n)]
	d.b = d.b[w+int(n):]
	if seen != nil {
		if s, ok := seen[string(raw)]; ok {
			return s
		}
		s := string(raw)
		seen[s] = s
		return s
	}
	return string(raw)
}

// ticketRowReader reads rows of ticketRowSelect with the names of their
// customers, sites and users, each clock as it stands at now.
type ticketRowReader struct {
	names names
	now   time.Time
	codes map[string]string
	waits map[string]model.Roles
	row   sql.RawBytes
}

func newTicketRowReader(nm names, now time.Time) *ticketRowReader {
	return &ticketRowReader{names: nm, now: now, codes: map[string]string{}, waits: map[string]model.Roles{}}
}

// read reads the current row.
func (rd *ticketRowReader) read(rows *sql.Rows) (TicketRow, error) {
	var r TicketRow
	if err := rows.Scan(&r.Number, &r.Customer.ID, &rd.row); err != nil {
		return r, err
	}
	d := listRowDecoder{b: rd.row, ok: len(rd.row) > 0 && rd.row[0] == listRowVersion}
	if d.ok {
		d.b = d.b[1:]
	}
	r.ID, r.Site.ID = d.id(), d.id()
	assignee := d.id()
	r.Severity, r.Comments = model.Severity(d.varint()), int(d.varint())
	reported, updated, closed, due := d.millis(), d.millis(), d.millis(), d.millis()
	r.Title = d.text(nil)
	r.Kind, r.Channel = model.Kind(d.text(rd.codes)), model.Channel(d.text(rd.codes))
	r.Status, r.Step = d.text(rd.codes), d.text(rd.codes)
	waiting := d.text(rd.codes)
	clock, clockState := d.text(rd.codes), d.text(rd.codes)
	if !d.ok || len(d.b) != 0 {
		return r, damagedRow(r.Number)
	}
	r.ReportedAt, r.UpdatedAt, r.ClosedAt = formatMillis(reported), formatMillis(updated), formatMillis(closed)
	roles, ok := rd.waits[waiting]
	if !ok {
		if roles = splitRoles(waiting); roles == nil {
			roles = model.Roles{}
		}
		rd.waits[waiting] = roles
	}
	r.WaitingFor = roles
	if clock != "" {
		r.SLA = &SLARef{Clock: clock, Due: formatMillis(due), State: string(sla.StateAt(sla.State(clockState), fromMillis(due), rd.now))}
	}
	if c, ok := rd.names.customers[r.Customer.ID]; ok {
		r.Customer = c
	}
	r.Site.Name = rd.names.sites[r.Site.ID]
	if !assignee.IsZero() {
		u, ok := rd.names.users[assignee]
		if !ok {
			u = UserRef{ID: assignee}
		}
		r.Assignee = &u
	}
	return r, nil
}

// damagedRow is the error for a projection row this version cannot read:
// the projection is damaged, and check says how.
func damagedRow(ticket string) error {
	model.LogInternal(fmt.Errorf("ticket row %q unreadable", ticket))
	return model.Errorf(model.EINVALID, "the ticket list of this database is damaged (ticket %s): run yunwei check", ticket)
}
