package cli

import (
	"bytes"
	"database/sql"
	"testing"

	"yunwei/db/eventbody"
)

// Tests that read or write events.body with SQL, as someone with sqlite3
// would, go through these: a stored body is packed (db/eventbody), so it
// is opened before it is read, and what is written is what yunwei stores.

// openedBody is the canonical body a stored one holds.
func openedBody(t *testing.T, stored []byte) []byte {
	t.Helper()
	body, err := eventbody.Decode(stored)
	if err != nil {
		t.Fatalf("open a stored body: %v", err)
	}
	return body
}

// firstEventWith returns the row number and canonical body of the first
// event whose body contains text.
func firstEventWith(t *testing.T, q *sql.DB, text string) (int64, []byte) {
	t.Helper()
	var found int64
	var body []byte
	eachBody(t, q, func(n int64, b []byte) bool {
		if bytes.Contains(b, []byte(text)) {
			found, body = n, b
			return false
		}
		return true
	})
	if body == nil {
		t.Fatalf("no event holds %q", text)
	}
	return found, body
}

// eachBody calls f with each event's row number and canonical body, in
// row order, until f returns false.
func eachBody(t *testing.T, q *sql.DB, f func(n int64, body []byte) bool) {
	t.Helper()
	rows, err := q.Query("SELECT n, body FROM events ORDER BY n")
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
		if !f(n, openedBody(t, stored)) {
			return
		}
	}
}

// setBody stores body as event n's, as yunwei would store it.
func setBody(t *testing.T, q *sql.DB, n int64, body []byte, id8 ...int64) {
	t.Helper()
	query, args := "UPDATE events SET body = ? WHERE n = ?", []any{eventbody.Encode(body), n}
	if len(id8) > 0 {
		query, args = "UPDATE events SET body = ?, id8 = ? WHERE n = ?", []any{eventbody.Encode(body), id8[0], n}
	}
	if _, err := q.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}
