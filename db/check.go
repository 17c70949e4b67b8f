package db

import (
	"context"
	"fmt"
	"os"

	"yunwei/model"
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

// Check verifies the DB: SQLite's integrity check, that the -wal file
// beside it is its own, the event log (verifyLog: every event, each
// device's chain, parents, numbers and counters), and the projections
// against a rebuild from the log. All but SQLite's check read one
// snapshot: a scratch copy made in one read transaction, so another
// process writing meanwhile cannot make the log and the projections
// disagree; the rebuild is made in a second copy of that snapshot (the DB
// itself is not changed), and both are removed on every way out.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r, err := s.check(ctx)
	if err != nil && ctx.Err() != nil {
		return r, errCancelled()
	}
	return r, err
}

func (s *Store) check(ctx context.Context) (CheckReport, error) {
	r := CheckReport{LogVerified: true}
	if err := s.checkFile(ctx, &r); err != nil {
		return r, err
	}
	snap, err := s.snapshot(ctx)
	if err != nil {
		return r, err
	}
	defer snap.remove()
	if err := verifyLog(ctx, snap.db, s.device, &r); err != nil {
		return r, err
	}
	if err := snap.checkProjections(ctx, &r); err != nil {
		return r, err
	}
	return r, nil
}

// VerifyLog is the part of Check that needs no rebuild: SQLite's integrity
// check, the -wal file and the event log. Repair runs it first and refuses
// to rebuild projections from a log that fails it.
func (s *Store) VerifyLog(ctx context.Context) (CheckReport, error) {
	r := CheckReport{LogVerified: true}
	if err := s.checkFile(ctx, &r); err != nil {
		return r, err
	}
	if err := verifyLog(ctx, s.db, s.device, &r); err != nil {
		return r, err
	}
	return r, nil
}

// checkFile runs SQLite's own integrity check and looks at the -wal file
// beside the database.
func (s *Store) checkFile(ctx context.Context, r *CheckReport) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return err
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return err
		}
		if line != "ok" {
			r.add(Problem{Kind: ProblemSQLite, Detail: line})
		}
	}
	rows.Close()
	r.IntegrityOK = len(r.Problems) == 0
	if problem := walMismatch(ctx, s.path); problem != "" {
		r.add(Problem{Kind: ProblemForeignWAL, Detail: problem})
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
// its log in a copy of it, and compares; where they differ it names every
// row (diffProjections).
func (s *Store) checkProjections(ctx context.Context, r *CheckReport) error {
	var err error
	if r.Digest, err = s.ProjectionDigest(ctx); err != nil {
		return err
	}
	rebuilt, err := s.snapshot(ctx)
	if err != nil {
		return err
	}
	defer rebuilt.remove()
	if err := rebuilt.Rebuild(ctx); err != nil {
		if ctx.Err() != nil {
			return err
		}
		r.add(Problem{Kind: ProblemRebuildFailed, Detail: err.Error()})
		return nil
	}
	digest, err := rebuilt.ProjectionDigest(ctx)
	if err != nil {
		return err
	}
	if digest != r.Digest {
		return diffProjections(ctx, s.db, rebuilt.db, r)
	}
	return nil
}
