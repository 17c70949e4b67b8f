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
// path that holds a database with events is refused, unless it holds demo
// data and opt.Replace is set: then the new demo replaces it whole, once
// complete.
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

// Holding is what a database path holds, for a new demo.
type Holding int

// What a path may hold.
const (
	Nothing  Holding = iota // no file, or a database without events
	DemoData                // a demo database (its device code is DeviceCode)
	Work                    // a database of other work: never replaced
)

// Inspect says what path holds, and how many events.
func Inspect(ctx context.Context, path string) (Holding, int64, error) {
	if _, err := os.Stat(path); err != nil {
		return Nothing, 0, nil
	}
	existing, err := db.Open(ctx, path)
	if err != nil {
		return Nothing, 0, err
	}
	defer existing.Close()
	n, err := existing.EventCount(ctx)
	switch {
	case err != nil:
		return Nothing, 0, err
	case n == 0:
		return Nothing, 0, nil
	case existing.Device().Code == DeviceCode:
		return DemoData, n, nil
	}
	return Work, n, nil
}

func create(ctx context.Context, path string, opt Options) (Summary, error) {
	holds, n, err := Inspect(ctx, path)
	switch {
	case err != nil:
		return Summary{}, err
	case holds == Work:
		return Summary{}, model.Errorf(model.EINVALID, "%s already holds %d events: demo data goes into a new database; pass --db with a new file name", path, n)
	case holds == DemoData && !opt.Replace:
		return Summary{}, model.Errorf(model.EINVALID, "%s already holds demo data: --force replaces it", path)
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
