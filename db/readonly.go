package db

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"

	"yunwei/model"
	"yunwei/model/i18n"
)

// OpenReadOnly opens an existing database without ever writing to it: a
// backup is listed, shown and checked, and every write is refused with a
// message that says so. Open opens this way by itself a file or folder it
// cannot write. A database that would need a migration is refused: it must
// be upgraded in a writable place.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if _, err := checkPath(path); err != nil {
		return nil, err
	}
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return nil, model.Errorf(model.EINVALID, "%s is read-only and holds no yunwei data yet: choose another --db", path)
	}
	if err := refuseForeign(ctx, path); err != nil {
		return nil, err
	}
	return openReadOnly(ctx, path)
}

// openReadOnly connects with SQLite's read-only mode. In a folder it cannot
// write, SQLite cannot make the -shm file a WAL database's readers share:
// with no -wal file there is nothing it would hold, and the file is opened
// as immutable; a -wal file there must not be ignored, so that is refused.
func openReadOnly(ctx context.Context, path string, tuning ...string) (*Store, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	if !dirWritable(filepath.Dir(path)) {
		if _, err := os.Stat(path + "-wal"); err == nil {
			if _, err := os.Stat(path + "-shm"); errors.Is(err, os.ErrNotExist) {
				return nil, model.Errorf(model.EINVALID, "cannot read %s: its -wal file needs a writable folder; copy the database and its -wal file to a writable folder", path)
			}
		} else {
			q.Set("immutable", "1")
		}
	}
	for _, p := range pragmas(tuning) {
		q.Add("_pragma", p)
	}
	return connect(ctx, path, q, true)
}

// ReadOnly reports whether the store refuses writes.
func (s *Store) ReadOnly() bool { return s.readOnly }

// refuseReadOnly is the answer to a write on a read-only store.
func (s *Store) refuseReadOnly() error {
	if !s.readOnly {
		return nil
	}
	if s.walProblem != "" {
		return model.Errorf(model.EINVALID, "nothing was saved: %s", i18n.Text(s.walProblem))
	}
	return model.Errorf(model.EINVALID, "%s is read-only (a backup, or a file this user may not change): nothing was saved; work on a writable copy to change it", s.path)
}
