package db

import (
	"context"
	"errors"
	"syscall"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"yunwei/model"
)

// describeWriteError words the failures of a write that a user can act on.
// A write is one transaction, rolled back on any error, so in each case
// nothing was saved: an interrupted command (Ctrl-C, SIGTERM), a full disk,
// a file that became read-only. Other errors are returned as they are.
func describeWriteError(ctx context.Context, err error) error {
	var me *model.Error
	switch {
	case err == nil || errors.As(err, &me):
		return err
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		return errCancelled()
	case diskFull(err):
		return model.Errorf(model.EINVALID, "the disk is full: free space and try again; nothing was saved")
	case sqliteCode(err) == sqlite3.SQLITE_READONLY:
		return model.Errorf(model.EINVALID, "the database cannot be written (it is read-only): nothing was saved; work on a writable copy to change it")
	}
	return err
}

// WriteError is describeWriteError for the writers outside this package
// (the demo generator): a cancelled context or a full disk in words.
func WriteError(ctx context.Context, err error) error { return describeWriteError(ctx, err) }

// errCancelled is the answer to a command interrupted before it finished.
func errCancelled() error {
	return model.Errorf(model.EINVALID, "cancelled: nothing was written")
}

// diskFull reports whether err is SQLite's or the system's "no space".
func diskFull(err error) bool {
	return sqliteCode(err) == sqlite3.SQLITE_FULL || errors.Is(err, syscall.ENOSPC)
}

// sqliteCode is the primary result code of a SQLite error in err's chain,
// or 0.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}
