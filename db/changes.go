package db

import (
	"context"
	"fmt"

	"yunwei/model"
)

// changesPerRead bounds one read of the change feed: a sync that brought
// thousands of events is read in pieces, each a short read transaction.
const changesPerRead = 5000

// LastEvent is the number of the newest event in the log, 0 when it is
// empty: where a change feed starts. Event numbers only grow, in commit
// order: every write is an immediate transaction, so no event with a
// smaller number can commit after a larger one is seen.
func (s *Store) LastEvent(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(n), 0) FROM events").Scan(&n); err != nil {
		return 0, fmt.Errorf("read the newest event: %w", err)
	}
	return n, nil
}

// TicketsChangedSince returns the tickets that events after number n
// wrote, whichever process wrote them (this one, the command line, a
// sync), each once, and the number of the newest event read: pass it to
// the next call. It reads at most changesPerRead events; when last moved,
// call again at once for the rest. With nothing new it is one seek on the
// log's primary key, cheap enough to ask every second: a screen left open
// learns what changed without reading every ticket again.
func (s *Store) TicketsChangedSince(ctx context.Context, n int64) (ids []model.ID, last int64, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.n, t.id FROM events e LEFT JOIN tickets t ON t.id = e.entity_id
		WHERE e.n > ? ORDER BY e.n LIMIT ?`, n, changesPerRead)
	if err != nil {
		return nil, n, fmt.Errorf("read the changes since event %d: %w", n, err)
	}
	defer rows.Close()
	last = n
	seen := map[model.ID]bool{}
	for rows.Next() {
		var id model.ID
		if err := rows.Scan(&last, &id); err != nil {
			return nil, n, fmt.Errorf("read the changes since event %d: %w", n, err)
		}
		// Events of other entities (a customer, a calendar) change no
		// ticket row by themselves.
		if !id.IsZero() && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, n, fmt.Errorf("read the changes since event %d: %w", n, err)
	}
	return ids, last, nil
}
