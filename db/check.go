package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// CheckReport is what yunwei check found. Problems is empty for a healthy
// DB; each names its kind and the event or row (Problem).
type CheckReport struct {
	Events int64 `json:"events"`
	// Origins is the number of devices the log knows.
	Origins int    `json:"origins"`
	Digest  string `json:"projection_digest"`
	// Problems fail the check: the log's (repair refuses) and the
	// projections' (repair rebuilds them).
	Problems []Problem `json:"findings"`
	// Notes are what the check could not fully verify, without failing:
	// events written before the chain.
	Notes       []Problem `json:"notes"`
	IntegrityOK bool      `json:"integrity_ok"`
	// LogVerified is true when no problem puts the log itself in doubt.
	LogVerified bool `json:"log_verified"`
}

// Check verifies the DB: SQLite's integrity check, the event log
// (verifyLog: every event, each device's chain, parents, numbers and
// counters), and the projections against a rebuild from the log made in
// a scratch copy (the DB itself is not changed).
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r, err := s.VerifyLog(ctx)
	if err != nil {
		return r, err
	}
	if err := s.checkProjections(ctx, &r); err != nil {
		return r, err
	}
	return r, nil
}

// VerifyLog is the part of Check that needs no rebuild: SQLite's integrity
// check and the event log. Repair runs it first and refuses to rebuild
// projections from a log that fails it.
func (s *Store) VerifyLog(ctx context.Context) (CheckReport, error) {
	r := CheckReport{LogVerified: true}
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
			r.add(Problem{Kind: ProblemSQLite, Detail: line})
		}
	}
	rows.Close()
	r.IntegrityOK = len(r.Problems) == 0

	if err := s.checkEvents(ctx, &r); err != nil {
		return r, err
	}
	return r, nil
}

func (s *Store) checkEvents(ctx context.Context, r *CheckReport) error {
	return verifyLog(ctx, s.db, s.device, r)
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
		r.add(Problem{Kind: ProblemRebuildFailed, Detail: err.Error()})
		return nil
	}
	rebuilt, err := copyStore.ProjectionDigest(ctx)
	if err != nil {
		return err
	}
	if rebuilt != r.Digest {
		return diffProjections(ctx, s.db, copyStore.db, r)
	}
	return nil
}
