package queue

import (
	"bytes"
	"slices"
	"strings"
	"time"

	"yunwei/db"
	"yunwei/flows/sla"
	"yunwei/model"
	"yunwei/ui/text"
)

// table holds every ticket of the queue in a compact form with no pointers
// per row, so 100,000 tickets cost a few megabytes and nothing for the
// garbage collector to scan. Text lives in one arena, folded to lower case
// for search; the few rows whose display text is not derivable from the
// folded form keep their original in a second arena. Names are indexes into
// small per-table lists.
//
// A table is built by a command off the UI's goroutine and then owned by the
// model; it is changed only in Update.
type table struct {
	rows []row
	// text holds, per row, its folded number, unitSep, its folded title
	// and recordSep: a search runs over the whole arena at once.
	text  []byte
	extra []byte // original number then title, for rows flagged hasExtra
	// numWidth is the longest number's length (numbers are ASCII: bytes
	// are cells), for the number column.
	numWidth int

	customers []db.CustomerRef // index 0 is "none"
	users     []db.UserRef     // index 0 is "nobody"
	steps     []string
	kinds     []model.Kind
	custIdx   map[model.ID]uint16
	userIdx   map[model.ID]uint16
	stepIdx   map[string]uint16
	kindIdx   map[model.Kind]uint8
	// waits are the distinct sets of roles tickets wait for, so a row
	// names its set by index whatever the number of roles.
	waits   []model.Roles // index 0 is "nobody"
	waitIdx map[string]uint16

	// orders are the row indexes sorted by each sort key.
	orders [sortCount][]int32
	// hits is apply's scratch bit set, one bit per row.
	hits []uint64
	// textHits marks the rows whose texts in the log mention textQuery
	// (see textsearch.go).
	textQuery string
	textHits  []uint64
}

// row is one ticket. Times are Unix milliseconds; 0 means none.
type row struct {
	id       model.ID
	due      int64
	updated  int64
	target   int32 // the clock's target in seconds
	off      uint32
	xoff     uint32 // into extra, when hasExtra
	titleLen uint16
	xtitle   uint16
	numLen   uint8
	xnum     uint8
	kind     uint8
	severity uint8
	clock    uint8
	state    uint8
	flags    uint8
	waiting  uint16 // index in table.waits
	customer uint16
	assignee uint16
	step     uint16
}

const (
	flagClosed uint8 = 1 << iota
	flagExtra
)

// Separators in the text arena. They are control characters, which a
// search query never holds (queries are sanitised), so a match never spans
// two fields or two rows.
const (
	unitSep   = 0x1f
	recordSep = 0x1e
)

// clockKinds and clockStates number the enumerations a row stores in a
// byte; index 0 is "none".
var (
	clockKinds  = []sla.ClockKind{"", sla.Response, sla.OnSite, sla.Resolution}
	clockStates = []sla.State{"", sla.Running, sla.Paused, sla.Breached}
)

func indexOf[T comparable](list []T, v T) uint8 {
	for i, x := range list {
		if x == v {
			return uint8(i)
		}
	}
	return 0
}

// wait interns the set of roles a ticket waits for.
func (t *table) wait(rs model.Roles) uint16 {
	if len(rs) == 0 {
		return 0
	}
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = string(r)
	}
	key := strings.Join(parts, ",")
	if i, ok := t.waitIdx[key]; ok {
		return i
	}
	t.waits = append(t.waits, rs)
	i := uint16(len(t.waits) - 1)
	t.waitIdx[key] = i
	return i
}

func newTable(capacity int) *table {
	return &table{
		rows:      make([]row, 0, capacity),
		text:      make([]byte, 0, capacity*64),
		customers: []db.CustomerRef{{}},
		users:     []db.UserRef{{}},
		steps:     []string{""},
		kinds:     []model.Kind{""},
		custIdx:   map[model.ID]uint16{},
		userIdx:   map[model.ID]uint16{},
		stepIdx:   map[string]uint16{"": 0},
		kindIdx:   map[model.Kind]uint8{"": 0},
		waits:     []model.Roles{nil},
		waitIdx:   map[string]uint16{},
	}
}

// add appends a ticket.
func (t *table) add(q *db.QueueTicket) { t.rows = append(t.rows, t.makeRow(q)) }

// put replaces the row of the same ticket, or appends it, and returns its
// index. A replaced row's old text stays in the arena, unreferenced: tickets
// change a few at a time.
func (t *table) put(q *db.QueueTicket) int32 {
	if i := t.find(q.ID); i >= 0 {
		t.rows[i] = t.makeRow(q)
		return i
	}
	t.add(q)
	return int32(len(t.rows) - 1)
}

func (t *table) makeRow(q *db.QueueTicket) row {
	r := row{
		id: q.ID, kind: t.kind(q.Kind), severity: uint8(q.Severity),
		customer: t.customer(q.Customer), assignee: t.user(q.Assignee), step: t.step(q.Step),
		waiting: t.wait(q.Waiting), updated: millis(q.UpdatedAt),
	}
	if q.Closed {
		r.flags |= flagClosed
	}
	if q.Clock.Kind != "" {
		r.clock, r.state = indexOf(clockKinds, q.Clock.Kind), indexOf(clockStates, q.Clock.State)
		r.due, r.target = millis(q.Clock.Due), int32(q.Clock.Target/time.Second)
	}
	// People's text is made safe once, here: everything shown comes from
	// these arenas.
	number, title := text.Sanitize(q.Number, false), text.Sanitize(q.Title, false)
	if len(number) > 255 {
		number = text.Truncate(number, 64)
	}
	if len(title) > 65535 {
		title = text.Truncate(title, 4096)
	}
	fnum, ftitle := strings.ToLower(number), strings.ToLower(title)
	r.off = uint32(len(t.text))
	r.numLen, r.titleLen = uint8(len(fnum)), uint16(len(ftitle))
	t.numWidth = max(t.numWidth, len(fnum))
	t.text = append(t.text, fnum...)
	t.text = append(t.text, unitSep)
	t.text = append(t.text, ftitle...)
	t.text = append(t.text, recordSep)
	if upperASCII(fnum) != number || ftitle != title {
		r.flags |= flagExtra
		r.xoff, r.xnum, r.xtitle = uint32(len(t.extra)), uint8(len(number)), uint16(len(title))
		t.extra = append(t.extra, number...)
		t.extra = append(t.extra, title...)
	}
	return r
}

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func upperASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func (t *table) customer(c db.CustomerRef) uint16 {
	if c.ID.IsZero() {
		return 0
	}
	if i, ok := t.custIdx[c.ID]; ok {
		return i
	}
	c.Name, c.ShortName = text.Sanitize(c.Name, false), text.Sanitize(c.ShortName, false)
	t.customers = append(t.customers, c)
	t.custIdx[c.ID] = uint16(len(t.customers) - 1)
	return uint16(len(t.customers) - 1)
}

func (t *table) user(u db.UserRef) uint16 {
	if u.ID.IsZero() {
		return 0
	}
	if i, ok := t.userIdx[u.ID]; ok {
		return i
	}
	u.Name, u.Login = text.Sanitize(u.Name, false), text.Sanitize(u.Login, false)
	t.users = append(t.users, u)
	t.userIdx[u.ID] = uint16(len(t.users) - 1)
	return uint16(len(t.users) - 1)
}

// kind numbers a ticket kind; the few kinds fit a byte (a kind past the
// 255th, from some future version, shows as none).
func (t *table) kind(k model.Kind) uint8 {
	if i, ok := t.kindIdx[k]; ok {
		return i
	}
	if len(t.kinds) > 255 {
		return 0
	}
	t.kinds = append(t.kinds, k)
	t.kindIdx[k] = uint8(len(t.kinds) - 1)
	return uint8(len(t.kinds) - 1)
}

func (t *table) step(s string) uint16 {
	if i, ok := t.stepIdx[s]; ok {
		return i
	}
	t.steps = append(t.steps, s)
	t.stepIdx[s] = uint16(len(t.steps) - 1)
	return uint16(len(t.steps) - 1)
}

// number and title are a row's display text.
func (t *table) number(i int32) string {
	r := &t.rows[i]
	if r.flags&flagExtra != 0 {
		return string(t.extra[r.xoff : r.xoff+uint32(r.xnum)])
	}
	return upperASCII(string(t.text[r.off : r.off+uint32(r.numLen)]))
}

func (t *table) title(i int32) string {
	r := &t.rows[i]
	if r.flags&flagExtra != 0 {
		start := r.xoff + uint32(r.xnum)
		return string(t.extra[start : start+uint32(r.xtitle)])
	}
	start := r.off + uint32(r.numLen) + 1
	return string(t.text[start : start+uint32(r.titleLen)])
}

// folded is a row's search text: number, unitSep, title.
func (t *table) folded(i int32) []byte {
	r := &t.rows[i]
	return t.text[r.off : r.off+uint32(r.numLen)+1+uint32(r.titleLen)]
}

// find returns the row index of a ticket, or -1.
func (t *table) find(id model.ID) int32 {
	for i := range t.rows {
		if t.rows[i].id == id {
			return int32(i)
		}
	}
	return -1
}

// sortKey is an order the queue can be sorted in (the sort key cycles).
type sortKey int

const (
	sortSLA      sortKey = iota // the clock due next first (DESIGN §6)
	sortUpdated                 // most recently updated first
	sortSeverity                // worst first, then by due time
	sortCount
)

// compare orders two rows by key. Every order ends with the number, so it
// is total and the same as the database's (db.QueueByDue) for sortSLA.
func (t *table) compare(key sortKey, a, b int32) int {
	ra, rb := &t.rows[a], &t.rows[b]
	byDue := func() int {
		switch {
		case ra.due != 0 && rb.due != 0:
			if ra.due != rb.due {
				return cmp(ra.due, rb.due)
			}
		case ra.due != 0:
			return -1
		case rb.due != 0:
			return 1
		default:
			if ra.updated != rb.updated {
				return cmp(rb.updated, ra.updated)
			}
		}
		return 0
	}
	c := 0
	switch key {
	case sortSLA:
		c = byDue()
	case sortUpdated:
		c = cmp(rb.updated, ra.updated)
	case sortSeverity:
		if c = cmp(severityRank(ra.severity), severityRank(rb.severity)); c == 0 {
			c = byDue()
		}
	}
	if c != 0 {
		return c
	}
	return bytes.Compare(t.text[ra.off:ra.off+uint32(ra.numLen)], t.text[rb.off:rb.off+uint32(rb.numLen)])
}

// severityRank puts unknown severities after the four known ones.
func severityRank(s uint8) uint8 {
	if s == 0 {
		return 255
	}
	return s
}

func cmp[T int64 | uint8](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// sortAll computes every order.
func (t *table) sortAll() {
	for k := sortKey(0); k < sortCount; k++ {
		o := make([]int32, len(t.rows))
		for i := range o {
			o[i] = int32(i)
		}
		slices.SortFunc(o, func(a, b int32) int { return t.compare(k, a, b) })
		t.orders[k] = o
	}
}

// resort moves row i to its place in every order after it changed (or was
// appended): a removal and a binary-search insertion, not a full sort.
func (t *table) resort(i int32) {
	for k := sortKey(0); k < sortCount; k++ {
		o := t.orders[k]
		if at := slices.Index(o, i); at >= 0 {
			o = slices.Delete(o, at, at+1)
		}
		at, _ := slices.BinarySearchFunc(o, i, func(a, b int32) int { return t.compare(k, a, b) })
		t.orders[k] = slices.Insert(o, at, i)
	}
}
