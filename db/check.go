package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

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

// Check verifies the DB: SQLite's integrity check, every event's bytes
// against its stored hash prefix and its envelope against its row, gap-free
// origin sequences, and the projections against a rebuild from the log made
// in a scratch copy (the DB itself is not changed).
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
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

	if err := s.checkEvents(ctx, &r); err != nil {
		return r, err
	}
	if err := s.checkProjections(ctx, &r); err != nil {
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

// checkProjections rebuilds the projections in a scratch copy and compares.
func (s *Store) checkProjections(ctx context.Context, r *CheckReport) error {
	dir, err := os.MkdirTemp("", "yunwei-check-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	scratch := filepath.Join(dir, "scratch.db")
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", scratch); err != nil {
		return fmt.Errorf("copy for check: %w", err)
	}
	if r.Digest, err = s.ProjectionDigest(ctx); err != nil {
		return err
	}
	copyStore, err := Open(ctx, scratch)
	if err != nil {
		return err
	}
	defer copyStore.Close()
	if err := copyStore.Rebuild(ctx); err != nil {
		r.Problems = append(r.Problems, "rebuilding the projections failed: "+err.Error())
		return nil
	}
	rebuilt, err := copyStore.ProjectionDigest(ctx)
	if err != nil {
		return err
	}
	if rebuilt != r.Digest {
		r.Problems = append(r.Problems, "the projections differ from a rebuild of the event log: run yunwei check --repair to rebuild them")
	}
	return nil
}
