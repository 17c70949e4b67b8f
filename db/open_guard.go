package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"io"
	"net/url"
	"os"

	"yunwei/model"
)

// The SQLite file header (https://sqlite.org/fileformat.html §1.3): the
// application id at offset 68 says which program's file it is.
const (
	headerSize          = 100
	headerApplicationID = 68
)

// refuseForeign refuses another program's SQLite file before anything could
// write to it: opening with the journal pragma would switch the file to
// WAL, which changes its header. The header's application id answers for
// most files; a file that has none (SQLite's default 0) is looked at through
// a read-only connection, which also sees a yunwei database whose first
// transaction is still in its -wal file.
func refuseForeign(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // checkPath said it is new
	}
	head := make([]byte, headerSize)
	n, err := io.ReadFull(f, head)
	f.Close()
	if n == 0 {
		return nil // an empty file becomes a new database
	}
	if err != nil {
		return nil // shorter than a header: SQLite reports it as damaged
	}
	switch binary.BigEndian.Uint32(head[headerApplicationID:]) {
	case ApplicationID:
		return nil
	case 0:
	default:
		return errForeign(path)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	probe, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil
	}
	defer probe.Close()
	var appID int64
	var tables int
	if err := probe.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return nil // the real open says what is wrong
	}
	if err := probe.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return nil
	}
	if appID != ApplicationID && (appID != 0 || tables > 0) {
		return errForeign(path)
	}
	return nil
}

func errForeign(path string) error {
	return model.Errorf(model.EINVALID, "%s is a SQLite database of another program, not yunwei's; choose another --db", path)
}
