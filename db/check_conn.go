package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// check reads the whole file once, so its connections read without the
// memory map and with a small page cache: a mapped page stays resident once
// touched, and one pass over the log would put the whole file into the
// process's memory. Its rebuilt projections go to TEMP tables in a
// temporary file (SQLite removes it as soon as it is open), never into the
// database. Each connection is discarded when check is done: its settings
// and TEMP tables must not reach the pool the other commands use. The
// caches are small because every megabyte of them cost nearly three of
// resident memory at 100,000 tickets, and halving them cost no measurable
// time: the log is read in the order of its entities, which the cache
// does not help, and the rebuilt rows are written in key order.
var checkPragmas = []string{
	"PRAGMA mmap_size = 0",
	"PRAGMA cache_size = -1024",
	"PRAGMA temp_store = FILE",
	"PRAGMA temp.cache_size = -2048",
}

// checkConn is a connection of check's own (checkPragmas).
func (s *Store) checkConn(ctx context.Context) (*sql.Conn, error) {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range checkPragmas {
		if _, err := c.ExecContext(ctx, p); err != nil {
			discardConn(c)
			return nil, fmt.Errorf("prepare check: %w", err)
		}
	}
	return c, nil
}

// beginRead starts a read transaction on c and takes its snapshot at once:
// in WAL mode everything read until it ends is the database as it stood
// then, whatever another process commits meanwhile. Writing TEMP tables
// inside it takes no lock on the database.
func beginRead(ctx context.Context, c *sql.Conn) error {
	if _, err := c.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	var n int64
	return c.QueryRowContext(ctx, "SELECT count(*) FROM main.local_device").Scan(&n)
}

// discardConn ends any transaction on c and closes it for good, so that
// the pool never hands it out again.
func discardConn(c *sql.Conn) {
	ctx := context.Background()
	c.ExecContext(ctx, "ROLLBACK")
	c.Raw(func(any) error { return driver.ErrBadConn })
	c.Close()
}
