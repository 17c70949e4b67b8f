package db

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"sync/atomic"

	"yunwei/flows"
	"yunwei/model"
)

// check rebuilds the projections as Rebuild does, in the same pass that
// verifies the log, into TEMP tables of the same names (shadowProjections):
// SQLite resolves a name without a schema to TEMP first, so the projectors
// write and read the rebuilt rows while the log's tables are read from the
// database itself; nothing is written to the database.

// rebuilder folds each entity of the log pass (on the pass's workers) and
// writes its projection (on the pass's connection, in the log's order).
type rebuilder struct {
	b *Batch
	// failed is why the rebuild failed (an event that does not read, a
	// fold or a projection refused): the log checks go on, and the
	// projections are not compared.
	failed error
	// stopped tells the workers that folding is no use any more.
	stopped atomic.Bool
	auth    sharedAuthority
	// tables are the projection tables rebuilt in TEMP (checkTables).
	tables []string
}

func newRebuilder(b *Batch) *rebuilder {
	b.rebuilding = true // every projection row is new: nothing to replace
	// What the text indexes were given is compared through ticket_text's
	// digests (projectionTables): filling TEMP copies of them would cost
	// a third of the check and be compared with nothing.
	b.digestsOnly = true
	return &rebuilder{b: b, auth: sharedAuthority{log: b.people}}
}

// sharedAuthority is the batch's reading of the people's roles from the
// log (roleLog), for workers folding at the same time.
type sharedAuthority struct {
	mu  sync.Mutex
	log *roleLog
}

// Holding implements flows.Authority.
func (a *sharedAuthority) Holding(id model.ID, at model.HLC) (flows.Holding, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.log.Holding(id, at)
}

// folded is a worker's fold of one entity.
type folded struct {
	state flows.State
	kind  string
	err   error // the fold refused the entity's events
	skip  bool  // not folded: a kind this version does not know, or the rebuild has failed
}

// unknownRank is the rank of entities of kinds this version does not know
// (or whose first event does not read): they come last and project nothing.
const unknownRank = math.MaxInt32

// order fills temp.check_order with every entity of the log and the rank of
// its kind (entities): the kind its first event names, as in Rebuild.
func (f *rebuilder) order(ctx context.Context, q txConn) error {
	if _, err := q.ExecContext(ctx, `CREATE TEMP TABLE check_order (rank INTEGER NOT NULL, entity_id BLOB NOT NULL,
		PRIMARY KEY (rank, entity_id)) WITHOUT ROWID`); err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, "SELECT entity_id, body FROM main.events WHERE n IN (SELECT min(n) FROM main.events GROUP BY entity_id)")
	if err != nil {
		return err
	}
	defer rows.Close()
	var args []any
	insert := func() error {
		if len(args) == 0 {
			return nil
		}
		query := "INSERT INTO temp.check_order (rank, entity_id) VALUES (?, ?)" + strings.Repeat(", (?, ?)", len(args)/2-1)
		_, err := q.ExecContext(ctx, query, args...)
		args = args[:0]
		return err
	}
	for rows.Next() {
		var id []byte
		var stored []byte
		if err := rows.Scan(&id, &stored); err != nil {
			return err
		}
		rank := unknownRank
		if body, err := openBody(stored); err == nil {
			if k, ok := entities[envelopeKind(body)]; ok {
				rank = k.rank
			}
		}
		if args = append(args, rank, id); len(args) == 2*256 {
			if err := insert(); err != nil {
				return fmt.Errorf("order the rebuild: %w", err)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := insert(); err != nil {
		return fmt.Errorf("order the rebuild: %w", err)
	}
	return nil
}

// envelopeKind is the entity kind a canonical envelope names, read without
// decoding it: "entity" is its second key, after "actor" (a UUID or null).
// The pass decodes every event anyway; bytes that are not canonical fail
// the rebuild there (entity).
func envelopeKind(body []byte) string {
	const key = `,"entity":"`
	i := bytes.Index(body, []byte(key))
	if i < 0 {
		return ""
	}
	rest := body[i+len(key):]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}

// fold folds one entity's events, as Rebuild does: an entity of a kind
// this version does not know is left out.
func (f *rebuilder) fold(id model.ID, rank int, group []member) folded {
	if rank == unknownRank || f.stopped.Load() {
		return folded{skip: true}
	}
	events := make([]model.Event, len(group))
	for i := range group {
		if !group[i].ok {
			return folded{err: fmt.Errorf("event %d does not read", group[i].n)}
		}
		events[i] = group[i].e
	}
	st, err := flows.Fold(events, func(s flows.State, e model.Event) (flows.State, error) {
		return evolveWith(&f.auth, s, e)
	})
	return folded{state: st, kind: events[0].Entity, err: err}
}

// project writes an entity's projection rows. As in Rebuild, an entity
// whose first event does not read fails the rebuild whatever its kind.
func (f *rebuilder) project(id model.ID, group []member, fo folded) error {
	if f.failed == nil && !group[0].ok {
		f.failed = fmt.Errorf("event %d does not read", group[0].n)
	}
	if f.failed == nil && fo.err != nil {
		f.failed = fo.err
	}
	if f.failed != nil {
		f.stopped.Store(true)
		return nil
	}
	if fo.skip {
		return nil
	}
	return f.fail(f.b.project(cached{entity: fo.kind, state: fo.state}, id))
}

// fail notes why the rebuild failed; a cancelled check or a full disk is
// the check's own failure, not a finding.
func (f *rebuilder) fail(err error) error {
	switch {
	case err == nil:
		return nil
	case f.b.ctx.Err() != nil:
		return f.b.ctx.Err()
	case diskFull(err):
		return errCheckDiskFull()
	}
	f.failed = err
	f.stopped.Store(true)
	return nil
}

// restart empties the rebuild and begins it again on a new batch.
func (f *rebuilder) restart(ctx context.Context, q txConn, tables []string) error {
	f.b.closeStmts()
	for _, t := range tables {
		if _, err := q.ExecContext(ctx, "DROP TABLE IF EXISTS temp."+quoteName(t)); err != nil {
			return fmt.Errorf("restart the rebuild: %w", err)
		}
	}
	if err := shadowProjections(ctx, q, tables); err != nil {
		return describeCheckError(err)
	}
	fresh := newRebuilder(f.b.store.newBatch(ctx, q))
	f.b, f.failed, f.auth.log = fresh.b, nil, fresh.auth.log
	f.stopped.Store(false)
	return nil
}

// finish completes the rebuild as Rebuild does.
func (f *rebuilder) finish() error {
	if f.failed != nil {
		return nil
	}
	return f.fail(f.b.fixCustomers())
}

// shadowProjections makes an empty TEMP table for every projection table,
// with its unique indexes and its triggers, from the database's own
// schema; tables that SQLite keeps for a virtual table are made with it.
// An index that constrains nothing changes no row: the rebuild is spared
// its writes.
func shadowProjections(ctx context.Context, q queryer, tables []string) error {
	names := make([]any, len(tables))
	for i, t := range tables {
		names[i] = t
	}
	in := strings.TrimSuffix(strings.Repeat("?, ", len(tables)), ", ")
	if in == "" {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT type, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (`+in+`)
		ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name`, names...)
	if err != nil {
		return err
	}
	var ddl []string
	for rows.Next() {
		var typ, sql string
		if err := rows.Scan(&typ, &sql); err != nil {
			rows.Close()
			return err
		}
		if temp, ok := tempDDL(typ, sql); ok {
			ddl = append(ddl, temp)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, stmt := range ddl {
		if _, err := q.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("prepare the rebuild (%s): %w", stmt, err)
		}
	}
	return nil
}

// tempDDL rewrites a schema statement of the database to make the same
// object in TEMP. SQLite stores each statement with its first keywords
// normalised ("CREATE TABLE name", "CREATE UNIQUE INDEX name"), no schema
// named.
func tempDDL(typ, sql string) (string, bool) {
	for _, r := range []struct{ from, to string }{
		{"CREATE TABLE ", "CREATE TEMP TABLE "},
		{"CREATE VIRTUAL TABLE ", "CREATE VIRTUAL TABLE temp."},
		{"CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX temp."},
		{"CREATE TRIGGER ", "CREATE TEMP TRIGGER "},
	} {
		if rest, ok := strings.CutPrefix(sql, r.from); ok {
			return r.to + rest, typ != "view"
		}
	}
	return "", false
}
