package demo

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"

	"yunwei/db"
	"yunwei/model"
)

// Create builds demo data into a new database at path. It builds into a
// temporary file beside it without a journal (twice fewer writes) and
// renames it into place only when complete, so an interrupted demo leaves
// nothing half-written: the temporary file is removed on every way out,
// Ctrl-C included, and one left by a killed run is removed by the next. A
// path that holds a database with events is refused.
func Create(ctx context.Context, path string, opt Options) (Summary, error) {
	sum, err := create(ctx, path, opt)
	if err != nil && ctx.Err() != nil {
		return Summary{}, db.WriteError(ctx, ctx.Err())
	}
	return sum, err
}

// tempPrefix names the temporary files of demo databases being built for
// path.
func tempPrefix(path string) string { return filepath.Base(path) + ".demo-" }

func create(ctx context.Context, path string, opt Options) (Summary, error) {
	if _, err := os.Stat(path); err == nil {
		existing, err := db.Open(ctx, path)
		if err != nil {
			return Summary{}, err
		}
		n, err := existing.EventCount(ctx)
		existing.Close()
		if err != nil {
			return Summary{}, err
		}
		if n > 0 {
			return Summary{}, model.Errorf(model.EINVALID, "%s already holds %d events: demo data goes into a new database; pass --db with a new file name", path, n)
		}
	}
	dir := filepath.Dir(path)
	db.RemoveStaleScratch(dir, tempPrefix(path))
	tmp := db.ScratchPath(dir, tempPrefix(path))
	defer os.Remove(tmp)
	// A bulk build allocates and drops millions of small values; collecting
	// less often trades a little memory for a third less collector time.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	s, err := db.OpenBulk(ctx, tmp)
	if err != nil {
		return Summary{}, err
	}
	sum, err := Generate(ctx, s, opt)
	if err == nil {
		err = s.FinishBulk(ctx)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Summary{}, err
	}
	for _, stale := range []string{path + "-wal", path + "-shm"} {
		if err := os.Remove(stale); err != nil && !errors.Is(err, os.ErrNotExist) {
			return Summary{}, err
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return Summary{}, model.Errorf(model.EINVALID, "cannot move the demo database into place: %s", err)
	}
	return sum, nil
}
