// Package db is the only code that speaks SQL: the event log, the
// projections the screens read, migrations, and the checks that prove the
// projections equal a rebuild from the log.
package db

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"yunwei/model"
)

// ApplicationID marks a SQLite file as yunwei's ("YUNW").
const ApplicationID = 0x59554e57

// Store is an open yunwei database.
type Store struct {
	db     *sql.DB
	path   string
	device Device
	// readOnly is set for a file or folder this process cannot write (a
	// backup): it is listed, shown and checked, and every write is refused.
	readOnly bool
	// walProblem says why the -wal file beside the database is not its own
	// (walMismatch); such a database is opened read-only.
	walProblem string
	// Now is the store's clock; tests and the demo generator replace it.
	Now func() time.Time
}

// Device is this DB's own identity in the event log.
type Device struct {
	ID   model.ID
	Code string // 3 Crockford base-32 characters, used in numbers
}

// Open opens (creating if needed) the database at path, migrates it, and
// checks that it is a yunwei database this version can read.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, "journal_mode(WAL)", "synchronous(FULL)")
}

// OpenInteractive is Open for a long-running interactive session (the
// terminal UI), where resident memory is the budget (DESIGN §8: 60 MiB):
// a small page cache, since the screens read each row once into their own
// compact form.
func OpenInteractive(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, "journal_mode(WAL)", "synchronous(FULL)", "cache_size(-2048)")
}

// OpenBulk opens a NEW database file for a one-off bulk build (the demo
// generator) with no journal and no syncs: twice fewer writes. A crash
// leaves a broken file, so callers build into a temporary file and rename
// it into place after FinishBulk.
func OpenBulk(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, "journal_mode(OFF)", "synchronous(OFF)")
}

// FinishBulk turns a bulk-built database into an ordinary one (WAL) and
// syncs it to disk.
func (s *Store) FinishBulk(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "PRAGMA synchronous = FULL"); err != nil {
		return err
	}
	var mode string
	return s.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
}

// open opens path with the given journal and sync pragmas; a tuning pragma
// replaces the default of the same name (the driver runs pragmas sorted by
// text, not in the order given, so both cannot be passed). Nothing is
// written before the file is known to be a yunwei database or a new one
// (refuseForeign), and a file or folder that cannot be written is opened
// read-only.
func open(ctx context.Context, path, journal, sync string, tuning ...string) (*Store, error) {
	writable, err := checkPath(path)
	if err != nil {
		return nil, err
	}
	if err := refuseForeign(ctx, path); err != nil {
		return nil, err
	}
	if !writable {
		return openReadOnly(ctx, path, tuning...)
	}
	if problem := walMismatch(ctx, path); problem != "" {
		// A writer's connection would checkpoint the stranger's pages into
		// the file when it closes: read only, and say why on every write.
		s, err := openReadOnly(ctx, path, tuning...)
		if s != nil {
			s.walProblem = problem
		}
		return s, err
	}
	q := url.Values{}
	for _, p := range pragmas(append([]string{journal, sync}, tuning...)) {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return connect(ctx, path, q, false)
}

// pragmas is the connection settings with the tuning given replacing the
// defaults of the same name. No memory map: a mapped page stays in the
// process's resident memory once touched and the kernel maps a read's
// neighbours too, so one command reading a few rows of a 500 MB file
// showed 400 MB resident; reads through the page cache cost no more where
// the queries walk indexes. An 8 MB page cache holds what one command
// reads twice. Statement journals stay in memory.
func pragmas(tuning []string) []string {
	out := []string{"foreign_keys(1)", "busy_timeout(5000)", "cache_size(-8192)", "mmap_size(0)", "temp_store(MEMORY)", "journal_size_limit(0)"}
	for _, t := range tuning {
		name, _, _ := strings.Cut(t, "(")
		replaced := false
		for i, p := range out {
			if strings.HasPrefix(p, name+"(") {
				out[i], replaced = t, true
			}
		}
		if !replaced {
			out = append(out, t)
		}
	}
	return out
}

// driverName is the database/sql driver the store's connections use: the
// SQLite driver, which the query-plan test wraps to see every statement.
var driverName = "sqlite"

// connect opens the connection pool with the query's settings and checks
// the database (init).
func connect(ctx context.Context, path string, q url.Values, readOnly bool) (*Store, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sqldb, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: sqldb, path: path, readOnly: readOnly, Now: time.Now}
	if err := s.init(ctx); err != nil {
		sqldb.Close()
		return nil, describeOpenError(ctx, path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Device is this DB's device identity.
func (s *Store) Device() Device { return s.device }

// DB exposes the handle for tests and benchmarks in this module.
func (s *Store) DB() *sql.DB { return s.db }

// checkPath gives clear errors for the usual ways a path is wrong, before
// SQLite answers with "unable to open database file", and tells whether
// the database can be written: an existing file that this process may
// only read, or whose folder it cannot write (SQLite keeps its -wal and
// -shm files beside the database), is opened read-only.
func checkPath(path string) (writable bool, err error) {
	if path == "" {
		return false, model.Errorf(model.EINVALID, "no database path given: pass --db PATH")
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil {
		return false, model.Errorf(model.EINVALID, "cannot create the database %s: the folder %s does not exist; create it or choose another --db", path, dir)
	} else if !st.IsDir() {
		return false, model.Errorf(model.EINVALID, "cannot create the database %s: %s is not a folder", path, dir)
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		probe, err := os.CreateTemp(dir, ".yunwei-probe-*")
		if err != nil {
			return false, model.Errorf(model.EINVALID, "cannot create the database %s: the folder %s is not writable; choose another --db", path, dir)
		}
		probe.Close()
		os.Remove(probe.Name())
		return true, nil
	case err != nil:
		return false, model.Errorf(model.EINVALID, "cannot read %s: %s", path, err)
	case st.IsDir():
		return false, model.Errorf(model.EINVALID, "%s is a folder, not a database file: pass a file path to --db", path)
	}
	writable = true
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if f, err = os.Open(path); err != nil {
			return false, model.Errorf(model.EINVALID, "cannot open %s: %s", path, err)
		}
		writable = false
	}
	defer f.Close()
	head := make([]byte, 16)
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return writable && dirWritable(dir), nil // an empty file becomes a new database
	}
	if n < 16 || !bytes.Equal(head, []byte("SQLite format 3\x00")) {
		return false, model.Errorf(model.EINVALID, "%s is not a yunwei database (it is not a SQLite file); choose another --db", path)
	}
	return writable && dirWritable(dir), nil
}

// describeOpenError turns SQLite's codes into messages a user can act on.
func describeOpenError(ctx context.Context, path string, err error) error {
	var me *model.Error
	if errors.As(err, &me) {
		return err
	}
	if ctx.Err() != nil || diskFull(err) {
		return describeWriteError(ctx, err)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			model.LogInternal(err) // SQLite's own words, for the debug log
			return model.Errorf(model.EINVALID, "%s is damaged: restore it from a backup, or run yunwei check on a copy to see what is wrong", path)
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return model.Errorf(model.EINVALID, "cannot open %s for writing: check the file's and folder's permissions", path)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return model.Errorf(model.ECONFLICT, "%s is locked by another program: close it and try again", path)
		}
	}
	if strings.Contains(err.Error(), "malformed") || strings.Contains(err.Error(), "not a database") {
		return model.Errorf(model.EINVALID, "%s is damaged: restore it from a backup, or run yunwei check on a copy to see what is wrong", path)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

func (s *Store) init(ctx context.Context) error {
	// refuseForeign looked before this connection could write; this is
	// the same rule on what the connection sees.
	// One statement reads the file's marks: each statement a command
	// prepares costs it about as much as running it.
	var appID int64
	var tables, version int
	if err := s.db.QueryRowContext(ctx, "SELECT application_id, user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_application_id, pragma_user_version").
		Scan(&appID, &version, &tables); err != nil {
		return err
	}
	if appID != ApplicationID && (appID != 0 || tables > 0) {
		return errForeign(s.path)
	}
	rebuild, err := s.migrate(ctx, version)
	if err != nil {
		return err
	}
	if err := s.loadDevice(ctx); err != nil {
		return err
	}
	if rebuild {
		// After the device is known: a rebuild writes as this device.
		return s.Rebuild(ctx)
	}
	return nil
}

// loadDevice reads this DB's device identity, creating it on first open.
func (s *Store) loadDevice(ctx context.Context) error {
	var id model.ID
	var code string
	err := s.db.QueryRowContext(ctx, "SELECT id, code FROM local_device").Scan(&id, &code)
	if errors.Is(err, sql.ErrNoRows) && s.readOnly {
		return model.Errorf(model.EINVALID, "%s is read-only and holds no yunwei data yet: choose another --db", s.path)
	}
	if errors.Is(err, sql.ErrNoRows) {
		id, code = model.NewID(), randomDeviceCode()
		_, err = s.db.ExecContext(ctx, "INSERT INTO local_device (singleton, id, code, last_seq, hlc, created_at) VALUES (1, ?, ?, 0, 0, ?) ON CONFLICT DO NOTHING",
			id, code, model.FormatTime(time.Now()))
		if err == nil {
			err = s.db.QueryRowContext(ctx, "SELECT id, code FROM local_device").Scan(&id, &code)
		}
	}
	if err != nil {
		return fmt.Errorf("load device: %w", err)
	}
	s.device = Device{ID: id, Code: code}
	return nil
}

// crockford is Crockford's base 32: no I, L, O, U.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// DemoDeviceCode is the device code of demo databases (yunwei demo). No
// other database is given it, so it marks demo data, which a new demo may
// replace; a database of real work it never marks.
const DemoDeviceCode = "DEM"

func randomDeviceCode() string {
	for {
		var b [3]byte
		if _, err := rand.Read(b[:]); err != nil {
			panic(err)
		}
		if code := string([]byte{crockford[b[0]%32], crockford[b[1]%32], crockford[b[2]%32]}); code != DemoDeviceCode {
			return code
		}
	}
}

// SetDevice gives a new, empty database a chosen device identity: the demo
// generator uses it so that demo ticket numbers are the same on every run.
func (s *Store) SetDevice(ctx context.Context, id model.ID, code string) error {
	if err := s.refuseReadOnly(); err != nil {
		return err
	}
	if n, err := s.EventCount(ctx); err != nil {
		return err
	} else if n > 0 {
		return model.Errorf(model.ECONFLICT, "the device identity of a database that holds events cannot change")
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE local_device SET id = ?, code = ?", id, code); err != nil {
		return err
	}
	s.device = Device{ID: id, Code: code}
	return nil
}
