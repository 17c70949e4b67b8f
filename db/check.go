package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"yunwei/model"
)

// CheckReport is what yunwei check found. Problems is empty for a healthy DB.
type CheckReport struct {
	Events      int64    `json:"events"`
	Origins     int      `json:"origins"`
	Digest      string   `json:"projection_digest"`
	Problems    []string `json:"problems"`
	IntegrityOK bool     `json:"integrity_ok"`
}

// Check verifies the DB: SQLite's integrity check, that the -wal file
// beside it is its own, every event's bytes against its stored hash prefix
// and its envelope against its row, gap-free origin sequences, and the
// projections against a rebuild from the log. All but SQLite's check read
// one snapshot: a scratch copy made in one read transaction, so another
// process writing meanwhile cannot make the log and the projections
// disagree; the rebuild is made in that copy (the DB itself is not
// changed), which is removed on every way out.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r, err := s.check(ctx)
	if err != nil && ctx.Err() != nil {
		return r, errCancelled()
	}
	return r, err
}

func (s *Store) check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return r, err
		}
		if line != "ok" {
			r.Problems = append(r.Problems, "sqlite: "+line)
		}
	}
	rows.Close()
	r.IntegrityOK = len(r.Problems) == 0
	if problem := walMismatch(ctx, s.path); problem != "" {
		r.Problems = append(r.Problems, problem)
	}

	snap, err := s.snapshot(ctx)
	if err != nil {
		return r, err
	}
	defer snap.remove()
	if err := snap.checkEvents(ctx, &r); err != nil {
		return r, err
	}
	if err := snap.checkProjections(ctx, &r); err != nil {
		return r, err
	}
	return r, nil
}

func (s *Store) checkEvents(ctx context.Context, r *CheckReport) error {
	origins := map[int64]model.ID{}
	ids, err := queryList(ctx, s.db, "SELECT n, id FROM origins", func(rows *sql.Rows) ([2]any, error) {
		var n int64
		var id model.ID
		err := rows.Scan(&n, &id)
		return [2]any{n, id}, err
	})
	if err != nil {
		return err
	}
	for _, p := range ids {
		origins[p[0].(int64)] = p[1].(model.ID)
	}
	r.Origins = len(origins)
	rows, err := s.db.QueryContext(ctx, "SELECT n, id8, origin, origin_seq, entity_id, body FROM events ORDER BY origin, origin_seq")
	if err != nil {
		return err
	}
	defer rows.Close()
	var lastOrigin, lastSeq int64
	for rows.Next() {
		var n, id8, origin, seq int64
		var entity model.ID
		var body []byte
		if err := rows.Scan(&n, &id8, &origin, &seq, &entity, &body); err != nil {
			return err
		}
		r.Events++
		where := fmt.Sprintf("event #%d (origin %d, seq %d)", n, origin, seq)
		if origin != lastOrigin {
			lastOrigin, lastSeq = origin, 0
		}
		if seq != lastSeq+1 {
			r.Problems = append(r.Problems, fmt.Sprintf("%s: origin sequence jumps from %d to %d", where, lastSeq, seq))
		}
		lastSeq = seq
		id := model.HashEvent(body)
		if id.Prefix() != id8 {
			r.Problems = append(r.Problems, where+": its bytes no longer match its hash")
			continue
		}
		if err := model.CheckCanonical(body); err != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("%s: %v", where, err))
			continue
		}
		e, err := model.OpenEvent(body)
		if err != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("%s: %v", where, err))
			continue
		}
		if e.Seq != seq || e.EntityID != entity || origins[origin] != e.Origin {
			r.Problems = append(r.Problems, where+": the envelope disagrees with its row (origin, sequence or entity)")
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var last int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(e.origin_seq), 0) FROM events e JOIN origins o ON o.n = e.origin WHERE o.id = ?", s.device.ID).Scan(&last); err != nil {
		return err
	}
	var recorded int64
	if err := s.db.QueryRowContext(ctx, "SELECT last_seq FROM local_device").Scan(&recorded); err != nil {
		return err
	}
	if recorded != last {
		r.Problems = append(r.Problems, fmt.Sprintf("this device's counter says %d events, the log holds %d", recorded, last))
	}
	return nil
}

// scratchPrefix names check's scratch copies in the temporary folder.
const scratchPrefix = "yunwei-check-"

// snapshot copies the database into a scratch file in the temporary folder
// (the database's own folder may be read-only: a backup) and opens the
// copy with no journal and no syncs: it is thrown away. VACUUM INTO reads
// the database in one read transaction, so the copy is one snapshot.
// Scratch copies of killed checks are removed first.
func (s *Store) snapshot(ctx context.Context) (*Store, error) {
	RemoveStaleScratch(os.TempDir(), scratchPrefix)
	scratch := ScratchPath(os.TempDir(), scratchPrefix) + ".db"
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", scratch); err != nil {
		removeScratch(scratch)
		if diskFull(err) {
			return nil, model.Errorf(model.EINVALID, "the disk is full: check needs room for a copy of the database in %s; free space there (or set TMPDIR to a folder with room) and try again", os.TempDir())
		}
		return nil, fmt.Errorf("copy for check: %w", err)
	}
	snap, err := OpenBulk(ctx, scratch)
	if err != nil {
		removeScratch(scratch)
		return nil, err
	}
	return snap, nil
}

// remove closes a snapshot and deletes its file.
func (s *Store) remove() {
	s.Close()
	removeScratch(s.path)
}

// checkProjections digests a snapshot's projections, rebuilds them from
// its log and compares.
func (s *Store) checkProjections(ctx context.Context, r *CheckReport) error {
	var err error
	if r.Digest, err = s.ProjectionDigest(ctx); err != nil {
		return err
	}
	if err := s.Rebuild(ctx); err != nil {
		if ctx.Err() != nil {
			return err
		}
		r.Problems = append(r.Problems, "rebuilding the projections failed: "+err.Error())
		return nil
	}
	rebuilt, err := s.ProjectionDigest(ctx)
	if err != nil {
		return err
	}
	if rebuilt != r.Digest {
		r.Problems = append(r.Problems, "the projections differ from a rebuild of the event log: run yunwei check --repair to rebuild them")
	}
	return nil
}
