package db

import (
	"context"
	"fmt"
	"strings"

	"yunwei/flows"
	"yunwei/model"
)

// logTables are the event log's tables; every other table is a projection.
var logTables = map[string]bool{"origins": true, "events": true, "local_device": true, "counters": true, "profile": true, "local_passphrases": true}

// projectionTables lists the projection tables, sorted. Full-text
// indexes (FTS5 tables, their shadow tables and vocabularies) are not
// among them: they keep no text to compare, and their bytes depend on the
// order they were written in. What they were given is compared through
// ticket_text, which holds the digest of each ticket's text indexed;
// PRAGMA integrity_check checks their structure. Rebuild empties and
// refills them too (textIndexes).
func projectionTables(ctx context.Context, q queryer) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		if !logTables[name] {
			out = append(out, name)
		}
	}
	return out, rows.Err()
}

// Rebuild empties every projection table and refolds every entity from the
// log, in one transaction (DESIGN §4: projections are disposable). Kinds
// are folded by rank (entities: the directory first), so the result is the
// same whatever the order of the ids.
func (s *Store) Rebuild(ctx context.Context) error {
	return s.Batch(ctx, func(b *Batch) error {
		b.rebuilding = true // every projection row is new: nothing to replace
		tables, err := projectionTables(ctx, b.tx)
		if err != nil {
			return err
		}
		for _, t := range tables {
			if _, err := b.tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return fmt.Errorf("empty %s: %w", t, err)
			}
		}
		if err := emptyTextIndexes(b); err != nil {
			return err
		}
		if err := b.rankEntities(); err != nil {
			return err
		}
		defer b.tx.ExecContext(ctx, "DROP TABLE IF EXISTS temp.rebuild_order")
		// One pass over the log, entity by entity, in rank order; each
		// entity's events in arrival order (the fold orders them).
		rows, err := b.tx.QueryContext(ctx, `SELECT o.entity_id, e.body FROM temp.rebuild_order AS o
			CROSS JOIN events AS e ON e.entity_id = o.entity_id ORDER BY o.rank, o.entity_id, e.n`)
		if err != nil {
			return err
		}
		defer rows.Close()
		var (
			current model.ID
			group   []model.Event
		)
		flush := func() error {
			if len(group) == 0 {
				return nil
			}
			st, err := flows.Fold(group, b.evolve)
			if err != nil {
				return err
			}
			entity := group[0].Entity
			group = group[:0]
			return b.project(cached{entity: entity, state: st}, current)
		}
		for rows.Next() {
			var id model.ID
			var body []byte
			if err := rows.Scan(&id, &body); err != nil {
				return err
			}
			if body, err = openBody(body); err != nil {
				return err
			}
			if id != current {
				if err := flush(); err != nil {
					return err
				}
				current = id
			}
			e, err := model.OpenEvent(body)
			if err != nil {
				return err
			}
			group = append(group, e)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
		return b.fixCustomers()
	})
}

// rankEntities fills temp.rebuild_order with every entity of a known kind
// and its kind's rank. An entity's kind is the one its first event names;
// entities of kinds this version does not know have no projection and are
// left out.
func (b *Batch) rankEntities() error {
	ctx := b.ctx
	if _, err := b.tx.ExecContext(ctx, `CREATE TEMP TABLE rebuild_order (rank INTEGER NOT NULL, entity_id BLOB NOT NULL,
		PRIMARY KEY (rank, entity_id)) WITHOUT ROWID`); err != nil {
		return err
	}
	rows, err := b.tx.QueryContext(ctx, "SELECT entity_id, body FROM events WHERE n IN (SELECT min(n) FROM events GROUP BY entity_id)")
	if err != nil {
		return err
	}
	type ranked struct {
		rank int
		id   model.ID
	}
	var all []ranked
	for rows.Next() {
		var id model.ID
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			rows.Close()
			return err
		}
		if body, err = openBody(body); err != nil {
			rows.Close()
			return err
		}
		e, err := model.OpenEvent(body)
		if err != nil {
			rows.Close()
			return err
		}
		if k, ok := entities[e.Entity]; ok {
			all = append(all, ranked{k.rank, id})
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for len(all) > 0 {
		n := min(len(all), 256)
		args := make([]any, 0, 2*n)
		for _, r := range all[:n] {
			args = append(args, r.rank, r.id)
		}
		q := "INSERT INTO temp.rebuild_order (rank, entity_id) VALUES (?, ?)" + strings.Repeat(", (?, ?)", n-1)
		if err := b.exec(q, args...); err != nil {
			return fmt.Errorf("order the rebuild: %w", err)
		}
		all = all[n:]
	}
	return nil
}

// ProjectionDigest is the SHA-256 of a canonical dump of every projection
// table (verify_projections.go): equal digests mean equal projections.
func (s *Store) ProjectionDigest(ctx context.Context) (string, error) {
	return projectionDigest(ctx, s.db)
}
