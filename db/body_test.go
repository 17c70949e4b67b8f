package db

import (
	"bytes"
	"testing"
)

// Tests that read or write events.body with SQL, as someone with sqlite3
// would, go through these: a stored body is packed (storeBody), so it is
// opened before it is hashed or searched, and what is written is what
// storeBody stores.

// opened is the canonical body a stored one holds.
func opened(t testing.TB, stored []byte) []byte {
	t.Helper()
	body, err := openBody(stored)
	if err != nil {
		t.Fatalf("open a stored body: %v", err)
	}
	return body
}

// findEvent returns the row number and canonical body of the first event
// whose body contains text.
func findEvent(t testing.TB, q queryer, text string) (int64, []byte) {
	t.Helper()
	rows, err := q.QueryContext(t.Context(), "SELECT n, body FROM events ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n int64
		var stored []byte
		if err := rows.Scan(&n, &stored); err != nil {
			t.Fatal(err)
		}
		if body := opened(t, stored); bytes.Contains(body, []byte(text)) {
			return n, body
		}
	}
	t.Fatalf("no event holds %q", text)
	return 0, nil
}
