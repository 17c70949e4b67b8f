package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"io"
	"net/url"
	"os"
	"time"

	"yunwei/model"
)

// SQLite keeps the last transactions of a WAL database in a -wal file
// beside it and reads them as part of the database. Nothing in either file
// names the other (https://sqlite.org/fileformat.html §4): a -wal file left
// by another database (a file copied back from a backup beside the live
// database's -wal, or a -wal copied with the wrong file) is read as if it
// belonged, and checkpointed into the file on close. yunwei's log tells:
// the database file alone (opened "immutable", which ignores the -wal) and
// the database with its -wal must be the same device, and the -wal can
// only add to the log, never take from it. The database file alone holds
// a state the database had; mid-checkpoint its pages mix two states, but
// the device row sits on one page whose every version names the same
// device and a sequence no later than the newest.

// walMismatch tells why the -wal file beside path is not this database's,
// or "" when it is, is empty or is absent, or when the database file alone
// cannot be read (nothing is claimed then). The database file alone is read
// without locks, so a page being checkpointed at that moment could read
// torn: a mismatch is claimed only when a second look agrees.
func walMismatch(ctx context.Context, path string) string {
	first := walMismatchOnce(ctx, path)
	if first == "" {
		return ""
	}
	time.Sleep(20 * time.Millisecond)
	if walMismatchOnce(ctx, path) != first {
		return ""
	}
	return first
}

func walMismatchOnce(ctx context.Context, path string) string {
	wal, err := os.Open(path + "-wal")
	if err != nil {
		return ""
	}
	head := make([]byte, 32)
	_, err = io.ReadFull(wal, head)
	wal.Close()
	if err != nil {
		return "" // empty: SQLite starts it afresh
	}
	if m := binary.BigEndian.Uint32(head); m != 0x377f0682 && m != 0x377f0683 {
		return "" // not a WAL header: SQLite ignores and resets it
	}
	if dbPage, ok := dbPageSize(path); ok && dbPage != binary.BigEndian.Uint32(head[8:]) {
		return "the -wal file beside the database belongs to another database (its page size differs): move it away, then run yunwei check again"
	}
	alone, ok := deviceRow(ctx, path, "mode=ro&immutable=1")
	if !ok || alone.seq == 0 {
		return "" // nothing written yet that the -wal must continue
	}
	withWAL, ok := deviceRow(ctx, path, "mode=ro")
	if !ok {
		return ""
	}
	switch {
	case withWAL.id != alone.id:
		return "the -wal file beside the database belongs to another database (it names another device): move it away, then run yunwei check again"
	case withWAL.seq < alone.seq:
		return "the -wal file beside the database is older than the database (it would undo events): move it away, then run yunwei check again"
	}
	return ""
}

// dbPageSize reads the page size from a database file's header.
func dbPageSize(path string) (uint32, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	head := make([]byte, 18)
	if _, err := io.ReadFull(f, head); err != nil {
		return 0, false
	}
	size := uint32(binary.BigEndian.Uint16(head[16:]))
	if size == 1 {
		size = 65536
	}
	return size, true
}

// deviceSeen is the device row as one view of the files shows it.
type deviceSeen struct {
	id  model.ID
	seq int64
}

// deviceRow reads the device row through a read-only connection with the
// given URI parameters; ok is false when it cannot be read.
func deviceRow(ctx context.Context, path, params string) (deviceSeen, bool) {
	q, _ := url.ParseQuery(params)
	q.Add("_pragma", "busy_timeout(5000)")
	conn, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return deviceSeen{}, false
	}
	defer conn.Close()
	var d deviceSeen
	if err := conn.QueryRowContext(ctx, "SELECT id, last_seq FROM local_device").Scan(&d.id, &d.seq); err != nil {
		return deviceSeen{}, false
	}
	return d, true
}
