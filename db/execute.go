package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"yunwei/flows"
	"yunwei/flows/calendar"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Acting names who does something: a vendor user at the keyboard and, for a
// customer decision taken at the laptop, the contact present.
type Acting struct {
	UserID    model.ID
	ContactID model.ID
}

// Result is what a command did: the events it appended and the entity's
// state after them.
type Result struct {
	Events []model.Event
	State  flows.State
}

// Execute runs one user action as one transaction: load the target's state
// from its events, decide, append the events, update the projections,
// commit (STYLE.md, db/). On any error nothing is written.
func (s *Store) Execute(ctx context.Context, as Acting, cmd flows.Command) (Result, error) {
	var res Result
	err := s.Batch(ctx, func(b *Batch) error {
		var err error
		res, err = b.Execute(as, cmd)
		return err
	})
	return res, err
}

// Batch runs many commands in one transaction: the demo generator and bulk
// imports use it. If fn returns an error, nothing is written.
func (s *Store) Batch(ctx context.Context, fn func(b *Batch) error) error {
	if err := s.refuseReadOnly(); err != nil {
		return err
	}
	return describeWriteError(ctx, s.batch(ctx, fn))
}

// batch is Batch without the words for why a write failed.
func (s *Store) batch(ctx context.Context, fn func(b *Batch) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return describeOpenError(ctx, s.path, err)
	}
	b := s.newBatch(ctx, tx)
	defer b.closeStmts()
	defer b.stopWriting()
	defer b.packs.stop()
	broken := func() error { return b.broken }
	// The batch's work, then what waits for its end: every write, the
	// texts and text index rows kept for it, the writes behind, the
	// device's sequence. Any failure rolls back the whole.
	for _, step := range []func() error{b.loadDevice, func() error { return fn(b) }, broken,
		b.flush, b.flushTexts, b.flushIndexRows, b.restoreIndexes, b.stopWriting, b.saveDevice} {
		if err := step(); err != nil {
			tx.Rollback()
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// newBatch is a batch over tx, with nothing read or written yet.
func (s *Store) newBatch(ctx context.Context, tx txConn) *Batch {
	b := &Batch{ctx: ctx, tx: tx, store: s, now: s.Now, stmts: map[string]*sql.Stmt{}, origins: map[model.ID]int64{}, cache: map[model.ID]cached{}, lookups: map[model.ID]any{}, dirty: map[model.ID]bool{}, inFlight: map[model.ID]bool{}, counters: map[string]int64{}, calendars: map[model.ID]*calendar.Calendar{}, quota: map[quotaKey]int{}, created: map[model.ID]bool{}, drawn: map[model.ID]bool{}, checked: map[string]bool{}, staff: staffRows{}}
	b.people = newRoleLog(b.personEvents)
	return b
}

// txConn is what a batch reads and writes through: a write transaction,
// or check's connection inside its read transaction (its rebuild writes
// TEMP tables only).
type txConn interface {
	queryer
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// Batch is an open write transaction.
type Batch struct {
	ctx     context.Context
	tx      txConn
	store   *Store
	now     func() time.Time
	stmts   map[string]*sql.Stmt
	origins map[model.ID]int64
	cache   map[model.ID]cached // entity states folded in this transaction
	lookups map[model.ID]any    // directory rows read in this transaction
	// Writes wait in memory until a read needs them or the batch ends, so a
	// bulk import pays for one projection row per entity and few statements.
	pending  []model.Event
	inFlight map[model.ID]bool // entities with events in pending
	dirty    map[model.ID]bool
	counters map[string]int64 // counter values advanced in this batch
	quota    map[quotaKey]int // quota sums read in this batch, kept current
	staff    staffRows        // contracts' staff changes read in this batch
	// staffStale is set when a staff change ticket changed after its
	// staff_changes row was written.
	staffStale bool
	created    map[model.ID]bool // entities created in this batch by ExecuteNew
	drawn      map[model.ID]bool // entities given a number drawn in this batch
	checked    map[string]bool   // counters whose next number was found free in this batch
	// rebuilding is set while Rebuild refills emptied projections.
	rebuilding bool
	// calendars compiled in this batch, for the SLA clocks of projections.
	calendars map[model.ID]*calendar.Calendar
	// people is what the log says each person held, for re-checking
	// decisions as they fold (roleLog).
	people *roleLog
	// preview is set by DryRun: decisions are checked, never recorded.
	preview bool
	// broken is set when events of a refused command could not be taken
	// back: the batch then commits nothing.
	broken  error
	lastSeq int64
	hlc     model.HLC
	origin  int64
	// head is the id of this device's newest event, which the next one
	// links to, and chain the chain over all its events (db/chain.go);
	// linked tells that both were read (or the device has no events).
	head   model.EventID
	chain  chainValue
	linked bool
	links  []int64 // the links of the events in pending, in order
	// behind, when set, runs the writes on a goroutine of their own
	// (WriteBehind); every read in the batch settles them first, through
	// stmt, settle or a helper that calls it.
	behind *writeBehind
	// packs packs the bodies of the events in pending meanwhile.
	packs bodyPacks
	// deferTexts keeps the tickets' texts for the batch's end (bulk
	// batches: projectTicketText); texts are those kept.
	deferTexts bool
	texts      []pendingText
	// digestsOnly writes ticket_text's digests without indexing the texts
	// (check's rebuild).
	digestsOnly bool
	// indexRows are text index rows kept for the batch's end
	// (flushIndexRows).
	indexRows []indexRow
	indexAt   map[int64]int // rowid → its place in indexRows
	// staging is set while temp.index_rows exists (writeIndexChunk).
	staging bool
	// newTexts are the ticket_text rows of tickets created in this batch,
	// written without reading back (writeNewTicketText); lastTextRow is
	// the largest rowid of ticket_text.
	newTexts    map[model.ID]newText
	lastTextRow int64
	// deferred are the indexes dropped for the batch, as created
	// (deferIndexes).
	deferred []string
}

type cached struct {
	entity string
	state  flows.State
	heads  []model.EventID
}

// SetNow sets the batch's clock: the demo generator writes history.
func (b *Batch) SetNow(now func() time.Time) { b.now = now }

// Forget writes an entity's projection and drops its folded state from the
// batch's cache, to bound memory in long batches.
func (b *Batch) Forget(id model.ID) error {
	if b.dirty[id] {
		if err := b.project(b.cache[id], id); err != nil {
			return err
		}
		delete(b.dirty, id)
	}
	delete(b.cache, id)
	return nil
}

// eventsPerInsert is how many events one INSERT statement carries.
const eventsPerInsert = 64

// flushEvents makes every appended event visible to queries. (Writing on a
// second goroutine is WriteBehind's, for a whole bulk batch: handing each
// insert over alone cost more in lock handoffs than the overlap gained.)
func (b *Batch) flushEvents() error {
	b.packs.wait()
	if len(b.pending) > 0 {
		if err := b.insertEvents(b.pending, b.links); err != nil {
			return err
		}
	}
	b.pending, b.links = b.pending[:0], b.links[:0] // what was written holds no part of them
	clear(b.inFlight)
	return nil
}

// fullEventsInsert is the INSERT of eventsPerInsert events, made once:
// nearly every one is full, and the writer looks its statement up by text.
var fullEventsInsert = eventsInsertOf(eventsPerInsert)

func eventsInsert(n int) string {
	if n == eventsPerInsert {
		return fullEventsInsert
	}
	return eventsInsertOf(n)
}

func eventsInsertOf(n int) string {
	return "INSERT INTO events (id8, origin, origin_seq, entity_id, body) VALUES (?, ?, ?, ?, ?)" + strings.Repeat(", (?, ?, ?, ?, ?)", n-1)
}

// insertEvents writes events with their links, many rows a statement.
func (b *Batch) insertEvents(events []model.Event, links []int64) error {
	for done := 0; len(events) > 0; {
		n := min(len(events), eventsPerInsert)
		args := make([]any, 0, 5*n)
		for i, e := range events[:n] {
			var body any
			if b.behind != nil {
				body = rawBody(e.Raw) // packed on the way to the writer
			} else {
				body = b.packs.stored(done+i, e.Raw)
			}
			args = append(args, links[i], b.origin, e.Seq, e.EntityID, body)
		}
		done += n
		var err error
		if b.behind != nil {
			err = b.behind.addBodies(eventsInsert(n), args)
		} else {
			err = b.execOwned(eventsInsert(n), args)
		}
		if err != nil {
			return fmt.Errorf("append events: %w", err)
		}
		events, links = events[n:], links[n:]
	}
	return nil
}

// flush writes every waiting event and projection row.
func (b *Batch) flush() error {
	if err := b.flushEvents(); err != nil {
		return err
	}
	for name, v := range b.counters {
		if err := b.exec("INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, v); err != nil {
			return fmt.Errorf("save counter %s: %w", name, err)
		}
	}
	for id := range b.dirty {
		if err := b.project(b.cache[id], id); err != nil {
			return fmt.Errorf("update projection: %w", err)
		}
	}
	clear(b.dirty)
	return nil
}

func (b *Batch) loadDevice() error {
	var hlc int64
	var head, chain []byte
	if err := b.tx.QueryRowContext(b.ctx, "SELECT last_seq, hlc, head, chain FROM local_device").Scan(&b.lastSeq, &hlc, &head, &chain); err != nil {
		return fmt.Errorf("load device: %w", err)
	}
	b.hlc = model.HLC(hlc)
	n, err := originNumber(b.ctx, b.tx, b.origins, b.store.device.ID)
	if err != nil {
		return err
	}
	b.origin = n
	if len(head) == len(b.head) && len(chain) == len(b.chain) {
		copy(b.head[:], head)
		copy(b.chain[:], chain)
		b.linked = true
	}
	b.linked = b.linked || b.lastSeq == 0
	return nil
}

// saveDevice records the sequence, the clock, the newest event and the
// chain, in the transaction that wrote the events they follow.
func (b *Batch) saveDevice() error {
	if b.lastSeq == 0 || !b.linked { // nothing written, or nothing to write on
		_, err := b.tx.ExecContext(b.ctx, "UPDATE local_device SET last_seq = ?, hlc = ?", b.lastSeq, int64(b.hlc))
		return err
	}
	_, err := b.tx.ExecContext(b.ctx, "UPDATE local_device SET last_seq = ?, hlc = ?, head = ?, chain = ?", b.lastSeq, int64(b.hlc), b.head[:], b.chain[:])
	return err
}

// stmt is the batch's prepared statement for query; with write-behind it
// is only used to read, so it settles the writes first.
func (b *Batch) stmt(query string) (*sql.Stmt, error) {
	if err := b.settle(); err != nil {
		return nil, err
	}
	if st, ok := b.stmts[query]; ok {
		return st, nil
	}
	st, err := b.tx.PrepareContext(b.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	b.stmts[query] = st
	return st, nil
}

func (b *Batch) exec(query string, args ...any) error {
	if b.behind != nil {
		return b.behind.add(query, ownedArgs(args))
	}
	return b.execOwned(query, args)
}

// execOwned is exec for arguments nothing will change: event bodies.
func (b *Batch) execOwned(query string, args []any) error {
	if b.behind != nil {
		return b.behind.add(query, args)
	}
	st, err := b.stmt(query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(b.ctx, args...)
	return err
}

func (b *Batch) closeStmts() {
	for _, st := range b.stmts {
		st.Close()
	}
}

// Execute decides and applies one command inside the batch.
func (b *Batch) Execute(as Acting, cmd flows.Command) (Result, error) {
	return b.execute(as, cmd, false)
}

// ExecuteNew is Execute for a command whose target id the caller has just
// generated, so there is no stored history to load: bulk generators use it
// to skip one query per entity.
func (b *Batch) ExecuteNew(as Acting, cmd flows.Command) (Result, error) {
	return b.execute(as, cmd, true)
}

func (b *Batch) execute(as Acting, cmd flows.Command, fresh bool) (Result, error) {
	now := b.now()
	actor, err := b.actor(as, cmd)
	if err != nil {
		return Result{}, err
	}
	entity, id := cmd.Target()
	if id.IsZero() {
		return Result{}, model.Errorf(model.EINVALID, "the %s to change has no id", entity)
	}
	var cur cached
	if c, ok := b.cache[id]; ok {
		cur = c
	} else if !fresh {
		if cur, err = b.load(id); err != nil {
			return Result{}, err
		}
		// No event names it yet: this command makes it, and the batch
		// need not look for projection rows of its past (a new ticket's
		// bookings, its text row).
		fresh = cur.state == nil && len(cur.heads) == 0
	}
	cmd, undraw, err := b.prepare(cmd, now)
	if err != nil {
		return Result{}, err
	}
	drew := undraw != nil
	env := flows.Env{Now: now, Actor: actor, Dir: dirOver{b}, Preview: b.preview}
	changes, err := flows.Decide(env, cur.state, cmd)
	if err != nil {
		if drew {
			undraw() // a refused command leaves no gap in the numbers
		}
		return Result{}, err
	}
	res := Result{State: cur.state}
	booked := bookingCount(cur.state)
	marked := len(rejectedOf(cur.state))
	undo := b.savepoint()
	b.people.forget(id)
	b.staffChanged(cur.state)
	for _, ch := range changes {
		e, err := b.append(entity, id, as, ch, cur.heads, now)
		if err != nil {
			return Result{}, err
		}
		if res.State, err = b.evolve(res.State, e); err != nil {
			return Result{}, err
		}
		cur.heads = []model.EventID{e.ID}
		res.Events = append(res.Events, e)
	}
	if r := rejectedOf(res.State); len(r) > marked {
		// The decider, reading the tables, allowed what the log does not:
		// a table row was changed outside yunwei. Nothing is written.
		err := model.Errorf(model.ECONFLICT, "the log does not allow this: %s. The database's tables were changed outside yunwei: run yunwei check", r[len(r)-1].Why)
		b.rollbackTo(undo, err)
		return Result{}, err
	}
	if len(res.Events) > 0 {
		b.staffChanged(res.State)
		b.countBookings(booked, res.State)
		if fresh {
			b.created[id] = true
		}
		if drew {
			b.drawn[id] = true
		}
		b.cache[id] = cached{entity: entity, state: res.State, heads: cur.heads}
		delete(b.lookups, id)
		b.dirty[id] = true
	}
	return res, nil
}

// savepoint is where a command's appends start: the events waiting, their
// links, and the device's sequence, clock and chain.
type savepoint struct {
	pending, links int
	seq            int64
	hlc            model.HLC
	head           model.EventID
	chain          chainValue
}

func (b *Batch) savepoint() savepoint {
	return savepoint{pending: len(b.pending), links: len(b.links), seq: b.lastSeq, hlc: b.hlc, head: b.head, chain: b.chain}
}

// rollbackTo takes back the events appended since sp, refused with err.
// Events already written to the transaction cannot be: the batch is then
// broken and commits nothing.
func (b *Batch) rollbackTo(sp savepoint, err error) {
	if len(b.pending)-sp.pending != int(b.lastSeq-sp.seq) {
		b.broken = err
		return
	}
	b.packs.wait() // the slots of the events taken back go to the next ones
	b.pending, b.links, b.lastSeq, b.hlc = b.pending[:sp.pending], b.links[:sp.links], sp.seq, sp.hlc
	b.head, b.chain = sp.head, sp.chain
}

// load returns the entity's folded state and heads.
func (b *Batch) load(id model.ID) (cached, error) {
	if c, ok := b.cache[id]; ok {
		return c, nil
	}
	if b.inFlight[id] {
		if err := b.flushEvents(); err != nil {
			return cached{}, err
		}
	}
	if err := b.settle(); err != nil {
		return cached{}, err
	}
	events, err := EntityEvents(b.ctx, b.tx, id)
	if err != nil {
		return cached{}, err
	}
	st, err := flows.Fold(events, b.evolve)
	if err != nil {
		return cached{}, err
	}
	c := cached{state: st, heads: flows.Heads(events)}
	if len(events) > 0 {
		c.entity = events[0].Entity
	}
	return c, nil
}

// actor resolves who acts. The only command allowed without a known user is
// the creation of the first user of an empty DB, who acts as themselves.
func (b *Batch) actor(as Acting, cmd flows.Command) (flows.Actor, error) {
	u, err := dirOver{b}.User(as.UserID)
	if model.ErrorCode(err) == model.ENOTFOUND {
		if su, ok := cmd.(directory.SaveUser); ok && su.User.ID == as.UserID {
			return flows.Actor{User: model.User{ID: as.UserID}}, nil
		}
		return flows.Actor{}, model.Errorf(model.EUNAUTHORIZED, "no vendor user with id %s on this DB: pick a user with --as LOGIN", as.UserID)
	}
	if err != nil {
		return flows.Actor{}, err
	}
	a := flows.Actor{User: u}
	if !as.ContactID.IsZero() {
		c, err := dirOver{b}.Contact(as.ContactID)
		if err != nil {
			return flows.Actor{}, err
		}
		a.Contact = &c
	}
	return a, nil
}

// prepare fills what the store assigns: numbers that are final when made
// offline, advanced in this transaction (DESIGN §4). undraw puts the
// counter back if the command is then refused; it is nil when the command
// draws no number.
func (b *Batch) prepare(cmd flows.Command, now time.Time) (flows.Command, func(), error) {
	c, ok := cmd.(flows.Numbered)
	if !ok || c.Counter() == "" {
		return cmd, nil, nil
	}
	kind, year := c.Counter(), now.Year()
	counter := fmt.Sprintf("%s/%d", kind, year)
	before, had := b.counters[counter]
	undraw := func() {
		if had {
			b.counters[counter] = before
		} else {
			delete(b.counters, counter)
		}
	}
	number, err := b.nextNumber(kind, counter, year)
	if err != nil {
		return nil, undraw, err
	}
	return c.WithNumber(number), undraw, nil
}

// nextNumber advances a per-device counter; the new value is written with
// the batch, so it commits or rolls back with the entity that uses it. A
// number already in use is skipped, never issued twice: the counter may
// have been set back (a restored file, an edit of the database). Numbers
// are gapless, so once one is found free the batch's next ones are too;
// should one not be, the unique index refuses it (writeNumbered).
func (b *Batch) nextNumber(kind, counter string, year int) (string, error) {
	n, ok := b.counters[counter]
	if !ok {
		if err := b.settle(); err != nil {
			return "", err
		}
		err := b.tx.QueryRowContext(b.ctx, "SELECT value FROM counters WHERE name = ?", counter).Scan(&n)
		if err != nil && !isNoRows(err) {
			return "", fmt.Errorf("read counter %s: %w", counter, err)
		}
	}
	for {
		n++
		number := formatNumber(b.store.device.Code, year, n)
		if b.checked[counter] {
			b.counters[counter] = n
			return number, nil
		}
		used, err := b.numberInUse(kind, number)
		if err != nil {
			return "", fmt.Errorf("read counter %s: %w", counter, err)
		}
		if !used {
			b.counters[counter], b.checked[counter] = n, true
			return number, nil
		}
	}
}

// append seals one change as an event of this device and stores it.
func (b *Batch) append(entity string, id model.ID, as Acting, ch model.Change, parents []model.EventID, now time.Time) (model.Event, error) {
	if !b.linked {
		// Only an edit of the file removes them: writing on would hide it.
		return model.Event{}, model.Errorf(model.EINVALID, "this device's record of its newest event is missing from %s: the database was changed outside yunwei; run yunwei check", b.store.path)
	}
	tv := ch.TypeVersion
	if tv == 0 {
		tv = 1
	}
	hlc := model.Tick(b.hlc, now)
	env := model.Envelope{
		V: model.EnvelopeVersion, Origin: b.store.device.ID, Seq: b.lastSeq + 1, HLC: hlc,
		Wall: model.FormatTime(now), Actor: as.UserID, Entity: entity, EntityID: id,
		Type: ch.Type, TypeVersion: tv, Parents: parents,
	}
	e, exact, err := model.SealPayload(env, ch.Payload)
	if err != nil {
		return model.Event{}, err
	}
	b.lastSeq, b.hlc = env.Seq, hlc
	b.links = append(b.links, link(b.head, e.ID))
	b.head, b.chain = e.ID, b.chain.next(e.ID)
	// Folding a ticket's fresh event reuses the value it was encoded from
	// (a sixth of a bulk run was decoding JSON just written). Only ticket
	// payloads: deciders build them fresh, so nothing else holds them.
	if exact && entity == model.EntityTicket {
		e = e.WithPayload(ch.Payload)
	}
	b.pending = append(b.pending, e)
	if b.behind == nil { // written behind, the bodies are packed on the way (packstage.go)
		b.packs.start(len(b.pending)-1, e.Raw)
	}
	b.inFlight[id] = true
	if len(b.pending) >= eventsPerInsert {
		return e, b.flushEvents()
	}
	return e, nil
}

// errNotFound builds the ENOTFOUND error for a missing entity.
func errNotFound(what i18n.Text, id model.ID) error {
	return model.Errorf(model.ENOTFOUND, "no %s with id %s", what, id)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// State is an entity's folded state as this batch sees it.
func (b *Batch) State(id model.ID) (flows.State, error) {
	c, err := b.load(id)
	return c.state, err
}
