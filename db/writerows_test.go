package db

import (
	"context"
	"fmt"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// Every statement a bulk batch writes row by row has the shape that lets
// its rows go in many to a statement, and the statement of n rows has n
// rows of placeholders before the conflict clause.
func TestRowStatementsGoInManyRowsAtATime(t *testing.T) {
	for _, q := range []string{ticketUpsert,
		"INSERT INTO ticket_text (rowid, ticket_id, digest) VALUES (?, ?, ?)",
		"INSERT OR REPLACE INTO quota_bookings (event_id, ticket_id, contract_id, service_year, minutes, body) VALUES (?, ?, ?, ?, ?, ?)",
	} {
		r, ok := splitRowInsert(q)
		if !ok {
			t.Fatalf("%.60s… is not a row statement", q)
		}
		if got := r.rows(1); got != q {
			t.Errorf("one row: %q, want %q", got, q)
		}
		three := r.rows(3)
		if n := countByte(three, '?'); n != 3*r.width {
			t.Errorf("three rows of %.40s… have %d placeholders, want %d", q, n, 3*r.width)
		}
	}
	for _, q := range []string{"UPDATE tickets SET number = ? WHERE id = ?", "INSERT INTO t (a) SELECT ? FROM u",
		"INSERT INTO t (a, b) VALUES (?, lower(?))", "INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = ?"} {
		if _, ok := splitRowInsert(q); ok {
			t.Errorf("%q is taken for a row statement", q)
		}
	}
}

func countByte(s string, c byte) (n int) {
	for i := range len(s) {
		if s[i] == c {
			n++
		}
	}
	return n
}

// Rows that wait for more of their statement are written before any other
// write and before any read: a ticket whose row waits, then whose waiting roles
// another write changes, ends with that change; the committed database is
// what check expects, and every ticket is listed.
func TestWaitingRowsKeepTheOrderOfWrites(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var ids []model.ID
	err := f.s.Batch(ctx, func(b *Batch) error {
		b.WriteBehind()
		for i := range rowsPerInsert*2 + 5 {
			c := f.newTicket(fmt.Sprintf("第%d号窗口无法打印发票", i+1))
			if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, c); err != nil {
				return err
			}
			if err := b.Forget(c.ID); err != nil {
				return err
			}
			ids = append(ids, c.ID)
			if i%7 == 3 { // a write that is no row statement, between rows waiting
				if err := b.exec("UPDATE tickets SET waiting = ? WHERE id = ?", fmt.Sprintf("改过的第%d号", i+1), c.ID); err != nil {
					return err
				}
			}
		}
		st, err := b.State(ids[0])
		if err != nil || st.(*ticket.State).Title != "第1号窗口无法打印发票" {
			return fmt.Errorf("the first ticket reads back as %v, %v", st, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		var waiting string
		if err := f.s.db.QueryRowContext(ctx, "SELECT waiting FROM tickets WHERE id = ?", id).Scan(&waiting); err != nil {
			t.Fatalf("ticket %d: %v", i+1, err)
		}
		changed := fmt.Sprintf("改过的第%d号", i+1)
		if (i%7 == 3) != (waiting == changed) {
			t.Errorf("ticket %d waits for %q", i+1, waiting)
		}
	}
}
