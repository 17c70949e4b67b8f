package db

import (
	"context"
	"os"

	sqlite3 "modernc.org/sqlite/lib"

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

// CheckPhase names what check is doing, for a progress display.
type CheckPhase string

// The phases of a check, in order.
const (
	// PhaseLog: events read, verified and folded (done and total count
	// events).
	PhaseLog CheckPhase = "log"
	// PhaseProjections: the projection tables compared with their rebuild
	// (done and total count tables).
	PhaseProjections CheckPhase = "projections"
	// PhaseFile: waiting for the end of SQLite's integrity check of the
	// file, which runs beside the others.
	PhaseFile CheckPhase = "file"
)

// CheckOptions are the settings of one check.
type CheckOptions struct {
	// Progress, if set, is told now and then how far the check has come.
	Progress func(phase CheckPhase, done, total int64)
}

// Check verifies the DB: SQLite's integrity check, that the -wal file
// beside it is its own, the event log (verifyLog: every event, each
// device's chain, parents, numbers and counters), and the projections
// against a rebuild from the log. All but SQLite's check read one
// snapshot: one read transaction, so another process writing meanwhile
// cannot make the log and the projections disagree. The rebuild is made in
// TEMP tables of check's own connection, in a temporary file: the
// database is not changed.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	return s.CheckWith(ctx, CheckOptions{})
}

// CheckWith is Check with its options.
func (s *Store) CheckWith(ctx context.Context, opt CheckOptions) (CheckReport, error) {
	r, err := s.check(ctx, opt, true)
	if err != nil && ctx.Err() != nil {
		return r, errCancelled()
	}
	return r, err
}

// VerifyLog is the part of Check that needs no rebuild: SQLite's integrity
// check, the -wal file and the event log. Repair runs it first and refuses
// to rebuild projections from a log that fails it.
func (s *Store) VerifyLog(ctx context.Context) (CheckReport, error) {
	r, err := s.check(ctx, CheckOptions{}, false)
	if err != nil && ctx.Err() != nil {
		return r, errCancelled()
	}
	return r, err
}

// scratchPrefix names the scratch copies older versions of check made in
// the temporary folder; a killed one's is removed by the next check.
const scratchPrefix = "yunwei-check-"

// check runs SQLite's integrity check on a connection of its own while the
// log is verified (and, with projections, folded and compared) in one read
// transaction on another.
func (s *Store) check(ctx context.Context, opt CheckOptions, projections bool) (CheckReport, error) {
	RemoveStaleScratch(os.TempDir(), scratchPrefix)
	progress := func(phase CheckPhase) func(done, total int64) {
		if opt.Progress == nil {
			return nil
		}
		return func(done, total int64) { opt.Progress(phase, done, total) }
	}
	fileCtx, stop := context.WithCancel(ctx)
	defer stop()
	file := make(chan fileCheck, 1)
	go func() { file <- s.checkFile(fileCtx) }()
	waitFile := func() fileCheck {
		select {
		case f := <-file:
			return f
		default:
		}
		if opt.Progress != nil {
			opt.Progress(PhaseFile, 0, 0)
		}
		return <-file
	}

	r := CheckReport{LogVerified: true}
	err := s.readOnce(ctx, func(c txConn) error {
		var fold *rebuilder
		var tables []string
		if projections {
			var err error
			if tables, err = checkTables(ctx, c); err != nil {
				return err
			}
			if err := shadowProjections(ctx, c, tables); err != nil {
				return describeCheckError(err)
			}
			fold = newRebuilder(s.newBatch(ctx, c))
			fold.tables = tables
			defer func() { fold.b.closeStmts() }()
		}
		if err := verifyLog(ctx, c, s.device, &r, fold, progress(PhaseLog)); err != nil {
			return describeCheckError(err)
		}
		if !projections {
			return nil
		}
		if err := fold.finish(); err != nil {
			return err
		}
		if fold.failed != nil {
			r.add(Problem{Kind: ProblemRebuildFailed, Detail: fold.failed.Error()})
		}
		return compareProjections(ctx, c, tables, fold.failed == nil, &r, progress(PhaseProjections))
	})
	if err != nil && !corrupt(err) {
		stop()
	}
	f := waitFile()
	switch {
	case err != nil && corrupt(err) && len(f.problems) > 0:
		// A file too damaged to read through: SQLite's findings are the
		// report.
		r = CheckReport{}
	case err != nil:
		return r, err
	case f.err != nil:
		return r, f.err
	}
	r.IntegrityOK = f.integrityOK
	r.Problems = append(f.problems, r.Problems...)
	r.LogVerified = len(r.LogProblems()) == 0
	return r, nil
}

// corrupt reports SQLite's "the file is damaged".
func corrupt(err error) bool {
	code := sqliteCode(err)
	return code == sqlite3.SQLITE_CORRUPT || code == sqlite3.SQLITE_NOTADB
}

// readOnce runs fn inside one read transaction on a connection of check's
// own, discarded afterwards.
func (s *Store) readOnce(ctx context.Context, fn func(c txConn) error) error {
	c, err := s.checkConn(ctx)
	if err != nil {
		return err
	}
	defer discardConn(c)
	if err := beginRead(ctx, c); err != nil {
		return err
	}
	return fn(c)
}

// fileCheck is what SQLite's integrity check and the -wal file showed.
type fileCheck struct {
	integrityOK bool
	problems    []Problem
	err         error
}

// checkFile runs SQLite's own integrity check and looks at the -wal file
// beside the database.
func (s *Store) checkFile(ctx context.Context) fileCheck {
	var f fileCheck
	c, err := s.checkConn(ctx)
	if err != nil {
		f.err = err
		return f
	}
	defer discardConn(c)
	rows, err := c.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		f.err = err
		return f
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			f.err = err
			return f
		}
		if line != "ok" {
			f.problems = append(f.problems, Problem{Kind: ProblemSQLite, Class: ProblemSQLite.Class(), Detail: line})
		}
	}
	if err := rows.Close(); err != nil {
		f.err = err
		return f
	}
	f.integrityOK = len(f.problems) == 0
	if problem := walMismatch(ctx, s.path); problem != "" {
		f.problems = append(f.problems, Problem{Kind: ProblemForeignWAL, Class: ProblemForeignWAL.Class(), Detail: problem})
	}
	return f
}

// describeCheckError says what to do about a full disk: check's rebuild
// needs room in the temporary folder.
func describeCheckError(err error) error {
	if diskFull(err) {
		return errCheckDiskFull()
	}
	return err
}

func errCheckDiskFull() error {
	return model.Errorf(model.EINVALID, "the disk is full: check rebuilds the projections in a temporary file, in TMPDIR or else /var/tmp; free space there (or set TMPDIR to a folder with room) and try again")
}
