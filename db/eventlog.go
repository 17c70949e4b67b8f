package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"yunwei/model"
)

// queryer is what both *sql.DB and *sql.Tx offer.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// EntityEvents loads every stored event of one entity, in arrival order.
func EntityEvents(ctx context.Context, q queryer, entityID model.ID) ([]model.Event, error) {
	rows, err := q.QueryContext(ctx, "SELECT body FROM events WHERE entity_id = ? ORDER BY n", entityID)
	if err != nil {
		return nil, fmt.Errorf("load events: %w", err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var body []byte
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		body, err := openBody(body)
		if err != nil {
			return nil, err
		}
		e, err := model.OpenEvent(body)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EntityEvents loads one entity's events, in arrival order.
func (s *Store) EntityEvents(ctx context.Context, id model.ID) ([]model.Event, error) {
	return EntityEvents(ctx, s.db, id)
}

// originNumber returns the local number of a device id, adding it if new.
func originNumber(ctx context.Context, q queryer, cache map[model.ID]int64, id model.ID) (int64, error) {
	if n, ok := cache[id]; ok {
		return n, nil
	}
	var n int64
	err := q.QueryRowContext(ctx, "SELECT n FROM origins WHERE id = ?", id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		var res sql.Result
		if res, err = q.ExecContext(ctx, "INSERT INTO origins (id) VALUES (?)", id); err == nil {
			n, err = res.LastInsertId()
		}
	}
	if err != nil {
		return 0, fmt.Errorf("origin: %w", err)
	}
	cache[id] = n
	return n, nil
}

// EventCount is the number of events in the log.
func (s *Store) EventCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&n)
	return n, err
}
