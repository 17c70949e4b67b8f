package db

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"yunwei/db/eventbody"
	"yunwei/model"
)

// compactBatch is how many events one transaction of CompactBodies reads:
// small enough that other commands wait for one batch at most, not for
// the whole log.
const compactBatch = 5000

// Compaction is what CompactBodies did.
type Compaction struct {
	Events      int64 // events read
	Packed      int64 // bodies that were raw canonical JSON and are now packed
	BytesBefore int64 // the database's size on disk before (with its -wal)
	BytesAfter  int64 // and after
}

// CompactBodies packs every event body still stored as raw canonical JSON,
// those written before bodies were packed, then gives the freed pages back
// to the disk with VACUUM. New bodies are packed as they are written, so
// a database needs this at most once; running it again packs nothing.
//
// Each batch of rows is its own transaction, so an interruption loses
// nothing: the bodies packed so far stay packed, the others raw, and both
// read the same. Only the body column changes: the links and chains hash
// the canonical bytes, which stay what they were, and each packing is
// unpacked and compared before it is written.
func (s *Store) CompactBodies(ctx context.Context, progress func(done, total int64)) (Compaction, error) {
	c := Compaction{BytesBefore: diskSize(s.path)}
	var total int64
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&total); err != nil {
		return c, err
	}
	for last := int64(0); ; {
		n, packed, next, err := s.compactFrom(ctx, last)
		if err != nil {
			return c, WriteError(ctx, err)
		}
		c.Events, c.Packed, last = c.Events+n, c.Packed+packed, next
		if progress != nil {
			progress(c.Events, total)
		}
		if n < compactBatch {
			break
		}
	}
	if c.Packed > 0 {
		if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
			return c, WriteError(ctx, err)
		}
		if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return c, WriteError(ctx, err)
		}
	}
	c.BytesAfter = diskSize(s.path)
	return c, nil
}

// compactFrom packs the raw bodies among the next compactBatch events
// after row last, in one transaction.
func (s *Store) compactFrom(ctx context.Context, last int64) (read, packed, next int64, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, last, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT n, body FROM events WHERE n > ? ORDER BY n LIMIT ?", last, compactBatch)
	if err != nil {
		return 0, 0, last, err
	}
	type raw struct {
		n    int64
		body []byte
	}
	var todo []raw
	next = last
	for rows.Next() {
		var r raw
		if err := rows.Scan(&r.n, &r.body); err != nil {
			rows.Close()
			return 0, 0, last, err
		}
		read++
		next = r.n
		if !eventbody.IsPacked(r.body) {
			todo = append(todo, r)
		}
	}
	if err := rows.Close(); err != nil {
		return 0, 0, last, err
	}
	for _, r := range todo {
		stored := storeBody(r.body)
		if back, err := openBody(stored); err != nil || !bytes.Equal(back, r.body) {
			return 0, 0, last, model.Errorf(model.EINTERNAL, "event #%d: its packed body does not unpack to its bytes; nothing of this batch was written", r.n)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE events SET body = ? WHERE n = ?", stored, r.n); err != nil {
			return 0, 0, last, fmt.Errorf("pack event #%d: %w", r.n, err)
		}
	}
	return read, int64(len(todo)), next, tx.Commit()
}

// diskSize is a database file's size with its -wal file.
func diskSize(path string) int64 {
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			total += st.Size()
		}
	}
	return total
}
