package queue

import (
	"bytes"
	"strings"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/text"
)

// quickFilter is one of the queue's quick filters (DESIGN §6).
type quickFilter int

const (
	filterAll       quickFilter = iota // every ticket, closed ones too
	filterMine                         // open and assigned to me
	filterWaiting                      // open and waiting for me (ticket.WaitsFor)
	filterBreaching                    // open, clock past due or due within 30 minutes
)

// me is the user the filters are relative to, resolved against a table.
type me struct {
	user uint16 // index in table.users; 0 when the table has no ticket of mine
	// waits says, for each set of table.waits, how a step waiting for it
	// waits for me (ticket.WaitsOn): the rule is asked once per distinct
	// set, not once per row.
	waits []ticket.Waits
}

func (t *table) me(id model.ID, roles model.Roles) me {
	m := me{user: t.userIdx[id], waits: make([]ticket.Waits, len(t.waits))}
	for i, set := range t.waits {
		m.waits[i] = ticket.WaitsOn(set, roles)
	}
	return m
}

// keep reports whether quick filter f keeps row i at now (Unix ms).
func (t *table) keep(f quickFilter, i int32, m me, now int64) bool {
	r := &t.rows[i]
	switch f {
	case filterMine:
		return m.user != 0 && r.assignee == m.user && r.flags&flagClosed == 0
	case filterWaiting:
		return r.flags&flagClosed == 0 && m.waitsFor(r.waiting, r.assignee)
	case filterBreaching:
		return t.breaching(i, now)
	}
	return true
}

// waitsFor reports whether a row waiting for set i, assigned to user
// index assignee (0: nobody), waits for me: ticket.WaitsFor, the rule the
// Approvals tab's "for you" follows. The model makes me afresh whenever a
// row is added, so every set is known; one that is not counts as not mine.
func (m me) waitsFor(i, assignee uint16) bool {
	return int(i) < len(m.waits) && m.waits[i].For(assignee != 0 && assignee != m.user)
}

// search is a query folded for matching, with the customers and assignees
// whose names hold it: a ticket matches by its number, its title, its
// customer's short or full name, its assignee's name, or (once the log has
// been searched) its description, comments and decision texts.
type search struct {
	query     []byte
	customers []bool
	users     []bool
	text      []uint64 // rows found in the log's texts for this query
}

// fold is how a query is compared: sanitised (so it never holds the arena's
// separators), trimmed and lower-cased.
func fold(q string) string {
	return strings.ToLower(strings.TrimSpace(text.Sanitize(q, false)))
}

func (t *table) search(q string) search {
	s := search{query: []byte(q), customers: make([]bool, len(t.customers)), users: make([]bool, len(t.users))}
	if q != "" && q == t.textQuery {
		s.text = t.textHits
	}
	for i, c := range t.customers[1:] {
		s.customers[i+1] = strings.Contains(strings.ToLower(c.ShortName), q) || strings.Contains(strings.ToLower(c.Name), q)
	}
	for i, u := range t.users[1:] {
		s.users[i+1] = strings.Contains(strings.ToLower(u.Name), q) || strings.Contains(u.Login, q)
	}
	return s
}

// matches reports whether row i matches the search.
func (t *table) matches(s *search, i int32) bool {
	if len(s.query) == 0 {
		return true
	}
	r := &t.rows[i]
	return s.customers[r.customer] || s.users[r.assignee] || bytes.Contains(t.folded(i), s.query) || s.textHit(i)
}

// view is what the queue shows: a quick filter, a search and a sort over a
// table, and the rows they select, in order.
type view struct {
	filter quickFilter
	query  string // folded
	sort   sortKey
	rows   []int32
}

// apply recomputes the rows for filter, query and sort at now, into buf,
// which must not be prev.rows. When only the query grew (the user typed
// another character), the new rows are a subset of the old ones, so only
// those are checked: typing stays fast however large the queue. Otherwise
// every row is checked in storage order, which reads the rows and the text
// arena front to back (the sort orders jump around memory), into a bit set
// that the sort order is then read through.
func (t *table) apply(prev view, f quickFilter, q string, key sortKey, m me, now int64, buf []int32) view {
	v := view{filter: f, query: q, sort: key, rows: buf[:0]}
	s := t.search(q)
	narrowing := prev.rows != nil && prev.filter == f && prev.sort == key && f != filterBreaching &&
		prev.query != q && strings.Contains(q, prev.query)
	if narrowing {
		for _, i := range prev.rows {
			if t.matches(&s, i) {
				v.rows = append(v.rows, i)
			}
		}
		return v
	}
	if f == filterAll && q == "" {
		v.rows = append(v.rows, t.orders[key]...)
		return v
	}
	n := len(t.rows)
	if cap(t.hits) < (n+63)/64 {
		t.hits = make([]uint64, (n+63)/64)
	}
	hits := t.hits[:(n+63)/64]
	clear(hits)
	for i := range n {
		if t.keep(f, int32(i), m, now) && t.matches(&s, int32(i)) {
			hits[i/64] |= 1 << (i % 64)
		}
	}
	for _, i := range t.orders[key] {
		if hits[i/64]&(1<<(i%64)) != 0 {
			v.rows = append(v.rows, i)
		}
	}
	return v
}
