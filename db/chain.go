package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"

	"yunwei/model"
)

// Each device's events form a hash chain kept beside them in the log
// (migration 0004): every row's id8 is its link to the device's previous
// event, and the device records its newest event and the chain over all
// its events. The envelope itself is unchanged: a link in every event
// would cost the 53 bytes that break the page packing of the events table
// and the 1,300 bytes a ticket (DESIGN §8).

// chainValue is SHA-256(previous chain value ‖ event id), from 32 zero
// bytes before a device's first event.
type chainValue [32]byte

// next is the chain value after the event with id.
func (c chainValue) next(id model.EventID) chainValue {
	var b [64]byte
	copy(b[:32], c[:])
	copy(b[32:], id[:])
	return sha256.Sum256(b[:])
}

// link is what a row stores in id8: the first 8 bytes of SHA-256(prev ‖
// id), prev the id of the same device's previous event (zero for its
// first), as a signed integer.
func link(prev, id model.EventID) int64 {
	var b [64]byte
	copy(b[:32], prev[:])
	copy(b[32:], id[:])
	sum := sha256.Sum256(b[:])
	return int64(binary.BigEndian.Uint64(sum[:8]))
}

// chainExistingLog is the part of migration 0004 that SQL cannot do: the
// links of the events already stored, and this device's head and chain.
// An event whose bytes no longer matched the hash prefix stored beside it
// gets a link that fails, so that the edit stays visible to check.
func chainExistingLog(ctx context.Context, tx *sql.Tx) error {
	var device model.ID
	err := tx.QueryRowContext(ctx, "SELECT id FROM local_device").Scan(&device)
	if isNoRows(err) {
		device = model.NilID // a new database: no events yet
	} else if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT e.n, e.id8, e.origin, e.origin_seq, e.body, o.id FROM events e LEFT JOIN origins o ON o.n = e.origin ORDER BY e.origin, e.origin_seq")
	if err != nil {
		return err
	}
	type update struct{ n, link int64 }
	var (
		updates          []update
		origin           = int64(-1)
		prev             model.EventID
		chain            chainValue
		head             model.EventID
		headChain        chainValue
		localSeq, localN int64
	)
	for rows.Next() {
		var n, id8, o, seq int64
		var body []byte
		var oid model.ID
		if err := rows.Scan(&n, &id8, &o, &seq, &body, &oid); err != nil {
			rows.Close()
			return err
		}
		if body, err = openBody(body); err != nil {
			rows.Close()
			return err
		}
		if o != origin {
			origin, prev, chain = o, model.EventID{}, chainValue{}
		}
		id := model.HashEvent(body)
		l := link(prev, id)
		if id.Prefix() != id8 {
			l = ^l // already changed: keep it visible
		}
		updates = append(updates, update{n, l})
		prev, chain = id, chain.next(id)
		if oid == device && !device.IsZero() {
			head, headChain, localSeq = id, chain, seq
			localN++
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, u := range updates {
		if _, err := tx.ExecContext(ctx, "UPDATE events SET id8 = ? WHERE n = ?", u.link, u.n); err != nil {
			return fmt.Errorf("link event %d: %w", u.n, err)
		}
	}
	if localN == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, "UPDATE local_device SET head = ?, chain = ?, chained_upto = ?", head[:], headChain[:], localSeq)
	return err
}
