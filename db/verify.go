package db

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"yunwei/model"
)

// verifyLog checks the event log (DESIGN §4) in one ordered pass, entity by
// entity (logPass): every event's canonical form and its envelope against
// its row, every parent among its entity's events, and the number it draws;
// then, from what the pass kept of each event (its position and hash),
// each device's sequence and chain (verify_chain.go), this device's
// recorded newest event and chain, and the counters (verify_numbers.go).
// With fold set, the pass also folds each entity and writes its projection
// rows (verify_rebuild.go), in the rebuild's order, which the stored
// projections give unless they prove wrong (verify_order.go). Each finding
// is added to r by kind and event.
func verifyLog(ctx context.Context, q txConn, device Device, r *CheckReport, fold *rebuilder, progress func(done, total int64)) error {
	p, err := newLogPass(ctx, q, device, r, progress)
	if err != nil {
		return err
	}
	p.fold = fold
	if fold == nil {
		if err := p.run("SELECT entity_id, n, id8, origin, origin_seq, body, 0 FROM main.events ORDER BY entity_id, n"); err != nil {
			return err
		}
		return p.finish()
	}
	hinted := false
	if followHints {
		var err error
		if hinted, err = p.runHinted(); err != nil {
			return err
		}
	}
	if !hinted {
		if followHints {
			if p, err = p.restart(ctx, fold.tables); err != nil {
				return err
			}
		}
		if err := fold.order(ctx, q); err != nil {
			return err
		}
		if err := p.run(`SELECT e.entity_id, e.n, e.id8, e.origin, e.origin_seq, e.body, o.rank FROM temp.check_order AS o
			CROSS JOIN main.events AS e ON e.entity_id = o.entity_id ORDER BY o.rank, o.entity_id, e.n`); err != nil {
			return err
		}
	}
	return p.finish()
}

// logPass is one pass over the log in entity order. It keeps the entities
// being read only; of the others, the link and hash of each event
// (devices) and the numbers drawn (claims). One goroutine reads the rows,
// workers check and fold each entity (the hashing and decoding), and the
// pass takes their results in the log's order, writing the projection rows
// on its connection.
type logPass struct {
	ctx      context.Context
	q        txConn
	device   Device
	r        *CheckReport
	origins  map[int64]model.ID // local device number → device id; read only
	devices  map[int64]*deviceLog
	claims   []numberClaim
	found    []Problem // what single events and parents show
	fold     *rebuilder
	hint     *orderHint // set while the pass follows the stored projections' order
	progress func(done, total int64)
	done     int64
	total    int64
}

// member is one event of an entity being read.
type member struct {
	n, origin, seq, id8 int64
	id                  model.EventID
	e                   model.Event
	ok                  bool // e was read: the bytes are an event in canonical form
}

func newLogPass(ctx context.Context, q txConn, device Device, r *CheckReport, progress func(done, total int64)) (*logPass, error) {
	p := &logPass{ctx: ctx, q: q, device: device, r: r, progress: progress}
	var err error
	if p.origins, err = originIDs(ctx, q); err != nil {
		return nil, err
	}
	r.Origins = len(p.origins)
	if p.devices, p.total, err = deviceLogs(ctx, q); err != nil {
		return nil, err
	}
	return p, nil
}

// progressEvery is how many events pass between two progress reports.
const progressEvery = 4096

// rawGroup is an entity's rows as read, numbered in the pass's order.
type rawGroup struct {
	index  int
	entity model.ID
	rank   int
	rows   []rawEvent
}

// rawEvent is one row of the log: its body opened (openBody), or the
// bytes stored when they do not open, and why.
type rawEvent struct {
	n, id8, origin, seq int64
	body                []byte
	openErr             error
}

// open opens a stored body into the event, keeping none of stored's
// bytes (they may be the driver's).
func (e *rawEvent) open(stored []byte) {
	e.body, e.openErr = openBody(stored)
	if e.openErr != nil || len(e.body) > 0 && len(stored) > 0 && &e.body[0] == &stored[0] {
		e.body = bytes.Clone(stored) // the hash of what is stored then shows the change
	}
}

// entityCheck is what a worker found of one entity.
type entityCheck struct {
	rawGroup
	members []member
	found   []Problem
	claims  []numberClaim
	folded  folded
}

// run reads the queries' rows (entity, n, id8, origin, seq, body, rank),
// one query after the other, entity by entity.
func (p *logPass) run(queries ...string) error {
	ctx, cancel := context.WithCancel(p.ctx)
	defer cancel()
	groups := make(chan rawGroup, 64)
	results := make(chan *entityCheck, 64)
	var readErr error
	// stop ends the reading early without cancelling the connection's
	// statements: the pass may go on in another order on the same
	// connection (runHinted).
	var stop atomic.Bool
	go func() {
		defer close(groups)
		index := 0
		for _, query := range queries {
			rows, err := p.q.QueryContext(ctx, query)
			if err != nil {
				readErr = err
				return
			}
			readErr = p.read(rows, groups, &index, &stop)
			rows.Close()
			if readErr != nil || stop.Load() {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range groups {
				results <- p.check(g)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	p.report()
	// Results come in any order; they are taken in the pass's.
	var applyErr error
	waiting := map[int]*entityCheck{}
	next := 0
	for res := range results {
		if applyErr != nil {
			continue // drain: the reader and the workers stop
		}
		waiting[res.index] = res
		for w, ok := waiting[next]; ok; w, ok = waiting[next] {
			delete(waiting, next)
			next++
			if applyErr = p.apply(w); applyErr != nil {
				if errors.Is(applyErr, errWrongHint) {
					stop.Store(true)
				} else {
					cancel()
				}
				break
			}
		}
	}
	if applyErr != nil {
		return applyErr
	}
	if readErr != nil {
		return readErr
	}
	p.report()
	return nil
}

// read groups the rows by entity, numbering the groups from *index on.
// Each body is opened as it is read, from the driver's bytes: a copy of
// what is stored would be one more allocation an event.
func (p *logPass) read(rows *sql.Rows, groups chan<- rawGroup, index *int, stop *atomic.Bool) error {
	g := rawGroup{index: *index}
	send := func() {
		g.sortRows()
		groups <- g
		*index = g.index + 1
		g = rawGroup{index: *index}
	}
	var stored sql.RawBytes
	for rows.Next() && !stop.Load() {
		var e rawEvent
		var entity model.ID
		var rank int
		if err := rows.Scan(&entity, &e.n, &e.id8, &e.origin, &e.seq, &stored, &rank); err != nil {
			return err
		}
		e.open(stored)
		if entity != g.entity || len(g.rows) == 0 {
			if len(g.rows) > 0 {
				send()
			}
			g.entity, g.rank = entity, rank
		}
		g.rows = append(g.rows, e)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(g.rows) > 0 {
		send()
	}
	return nil
}

// check verifies one entity's events by themselves and their parents, and
// folds them: the work of a worker, which touches nothing shared.
func (p *logPass) check(g rawGroup) *entityCheck {
	c := &entityCheck{rawGroup: g, members: make([]member, len(g.rows))}
	for i, row := range g.rows {
		c.members[i] = p.event(c, row)
	}
	c.parents()
	if p.fold != nil {
		c.folded = p.fold.fold(g.entity, g.rank, c.members)
	}
	return c
}

// apply takes an entity's results into the pass, in the log's order, and
// writes its projection.
func (p *logPass) apply(c *entityCheck) error {
	if p.hint != nil {
		if err := p.hint.take(c); err != nil {
			return err
		}
	}
	for i := range c.members {
		m := &c.members[i]
		p.deviceLog(m.origin).put(m.seq, m.id8, m.id)
	}
	p.found = append(p.found, c.found...)
	p.claims = append(p.claims, c.claims...)
	before := p.done
	if p.done += int64(len(c.members)); p.done/progressEvery != before/progressEvery {
		p.report()
	}
	if p.fold != nil {
		return p.fold.project(c.entity, c.members, c.folded)
	}
	return nil
}

func (p *logPass) report() {
	if p.progress != nil {
		p.progress(p.done, p.total)
	}
}

// event checks one event by itself, and notes the number it draws.
func (p *logPass) event(c *entityCheck, row rawEvent) member {
	n, origin, seq := row.n, row.origin, row.seq
	m := member{n: n, origin: origin, seq: seq, id8: row.id8}
	body, openErr := row.body, row.openErr
	if openErr == nil {
		m.e, openErr = model.OpenEvent(body)
	}
	if m.ok = openErr == nil; m.ok {
		m.id = m.e.ID
	} else {
		m.id = model.HashEvent(body)
	}
	e := &m.e
	if openErr == nil && (e.V == 0 || e.Seq == 0 || e.Origin.IsZero() || e.EntityID.IsZero() || e.Entity == "" || e.Type == "") {
		openErr = fmt.Errorf("the envelope lacks its version, sequence, origin, entity or type")
	}
	if openErr != nil {
		// An event that reads is in canonical form: only bytes that do not
		// read can fail it.
		at := ref(n, origin, seq, m.id, nil)
		if !m.ok {
			if err := model.CheckCanonical(body); err != nil {
				c.found = append(c.found, Problem{Kind: ProblemNotCanonical, Event: at, Detail: err.Error()})
			}
		}
		c.found = append(c.found, Problem{Kind: ProblemUnparseable, Event: at, Detail: openErr.Error()})
		return m
	}
	at := func() *EventRef { return ref(n, origin, seq, m.id, e) }
	originID, known := p.origins[origin]
	if e.Seq != seq {
		c.found = append(c.found, Problem{Kind: ProblemRowMismatch, Event: at(), Key: "seq", Want: strconv.FormatInt(e.Seq, 10), Got: strconv.FormatInt(seq, 10)})
	}
	if e.EntityID != c.entity {
		c.found = append(c.found, Problem{Kind: ProblemRowMismatch, Event: at(), Key: "entity_id", Want: e.EntityID.String(), Got: c.entity.String()})
	}
	if known && e.Origin != originID {
		c.found = append(c.found, Problem{Kind: ProblemRowMismatch, Event: at(), Key: "origin", Want: e.Origin.String(), Got: originID.String()})
	}
	if claim, ok := p.claim(n, origin, seq, m.id, e); ok {
		c.claims = append(c.claims, claim)
	}
	return m
}

// parents reports every parent an event names that is not among its
// entity's events.
func (c *entityCheck) parents() {
	group := c.members
	has := func(id model.EventID) bool {
		return slices.ContainsFunc(group, func(o member) bool { return o.id == id })
	}
	if len(group) > 32 { // an entity of many events: not quadratic
		ids := make(map[model.EventID]bool, len(group))
		for _, m := range group {
			ids[m.id] = true
		}
		has = func(id model.EventID) bool { return ids[id] }
	}
	for i := range group {
		m := &group[i]
		if !m.ok {
			continue // an unreadable event is reported as such
		}
		for _, parent := range m.e.Parents {
			if !has(parent) {
				c.found = append(c.found, Problem{Kind: ProblemDanglingParent, Event: ref(m.n, m.origin, m.seq, m.id, &m.e), Key: parent.String()[:16]})
			}
		}
	}
}

// finish verifies what needs the whole log: the chains, this device's head,
// the numbers and counters; then files every finding, ordered by event.
func (p *logPass) finish() error {
	p.r.Events = p.done
	chains, err := verifyChains(p.ctx, p.q, p.devices, p.origins, p.device)
	if err != nil {
		return err
	}
	for _, pr := range chains.problems {
		p.r.add(pr)
	}
	slices.SortStableFunc(p.found, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Event.Origin, b.Event.Origin), cmp.Compare(a.Event.Seq, b.Event.Seq), cmp.Compare(a.Event.N, b.Event.N))
	})
	for _, pr := range p.found {
		p.r.add(pr)
	}
	if err := verifyHead(p.ctx, p.q, p.device, chains.local, p.r); err != nil {
		return err
	}
	return verifyCounters(p.ctx, p.q, p.device, p.claims, p.r)
}

// originIDs maps the log's local device numbers to device ids.
func originIDs(ctx context.Context, q queryer) (map[int64]model.ID, error) {
	rows, err := q.QueryContext(ctx, "SELECT n, id FROM main.origins")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]model.ID{}
	for rows.Next() {
		var n int64
		var id model.ID
		if err := rows.Scan(&n, &id); err != nil {
			return nil, err
		}
		out[n] = id
	}
	return out, rows.Err()
}
