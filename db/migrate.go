package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"yunwei/model"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered SQL file. Files named NNNN_log_* change the
// event log; NNNN_proj_* change projections, after which the projections are
// rebuilt from the log.
type migration struct {
	version    int
	name       string
	sql        string
	projection bool
}

// migrationSteps are the parts of migrations that SQL cannot do, run in
// the migration's transaction after its SQL.
var migrationSteps = map[string]func(context.Context, *sql.Tx) error{
	"0004_log_chain.sql":           chainExistingLog,
	"0014_proj_ticket_indexes.sql": addListRows,
}

// addListRows adds the tickets' list_row column where it is missing and
// the index that lists tickets by update time with it (migration 0014).
func addListRows(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM pragma_table_info('tickets') WHERE name = 'list_row'").Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		if _, err := tx.ExecContext(ctx, "ALTER TABLE tickets ADD COLUMN list_row BLOB NOT NULL DEFAULT x''"); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, "CREATE INDEX tickets_by_updated ON tickets (updated_at DESC, number, customer_id, list_row)")
	return err
}

func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	// Numbers only increase; one may be skipped, since numbers are given
	// out to pieces of work before they land, in whatever order they do.
	var out []migration
	prev := 0
	for _, path := range names {
		base := strings.TrimPrefix(path, "migrations/")
		num, rest, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= prev {
			return nil, fmt.Errorf("migration %s: want a number above %04d", base, prev)
		}
		prev = v
		body, err := migrationFiles.ReadFile(path)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: base, sql: string(body), projection: strings.HasPrefix(rest, "proj_")})
	}
	return out, nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		panic(err)
	}
	return ms[len(ms)-1].version
}

// migrate applies the migrations the DB at schema version current lacks,
// each in its own transaction, and refuses a DB written by a newer version. It reports whether a
// projection changed shape in a DB that has data, so that the caller
// rebuilds the projections once the device is loaded.
func (s *Store) migrate(ctx context.Context, current int) (rebuild bool, err error) {
	ms, err := loadMigrations()
	if err != nil {
		return false, err
	}
	last := ms[len(ms)-1].version
	if current > last {
		return false, model.Errorf(model.EINVALID, "%s was written by a newer yunwei (schema %d; this one knows up to %d): update yunwei to open it", s.path, current, last)
	}
	if current < last && s.readOnly {
		return false, model.Errorf(model.EINVALID, "%s is read-only and was written by an older yunwei (schema %d; this one needs %d): copy it to a writable folder to upgrade it", s.path, current, last)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return false, err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return false, fmt.Errorf("migration %s: %w", m.name, err)
		}
		if step := migrationSteps[m.name]; step != nil {
			if err := step(ctx, tx); err != nil {
				tx.Rollback()
				return false, fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", m.version, ApplicationID)); err != nil {
			tx.Rollback()
			return false, err
		}
		if err := tx.Commit(); err != nil {
			return false, fmt.Errorf("migration %s: %w", m.name, err)
		}
		rebuild = rebuild || (m.projection && current > 0)
	}
	return rebuild, nil
}
