package db

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// With write-behind, what a batch reads is what it wrote before, however
// far behind SQLite is: a ticket written out and forgotten loads again
// with its comments, the next number drawn follows the last, and the
// committed database is what check expects.
func TestWriteBehindReadsWhatTheBatchWrote(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var first model.ID
	var last string
	err := f.s.Batch(ctx, func(b *Batch) error {
		b.WriteBehind()
		for i := range 300 { // more writes than go to SQLite at a time
			c := f.newTicket(fmt.Sprintf("第%d号窗口无法打印发票", i+1))
			res, err := b.ExecuteNew(Acting{UserID: f.engineer}, c)
			if err != nil {
				return err
			}
			last = res.State.(*ticket.State).Number
			if _, err := b.Execute(Acting{UserID: f.engineer}, ticket.Comment{ID: c.ID, Text: "远程查看日志"}); err != nil {
				return err
			}
			if err := b.Forget(c.ID); err != nil {
				return err
			}
			if i == 0 {
				first = c.ID
			}
		}
		st, err := b.State(first)
		if err != nil {
			return err
		}
		if got := st.(*ticket.State); got.Title != "第1号窗口无法打印发票" || got.Comments != 1 {
			t.Errorf("the first ticket loads as %q with %d comments", got.Title, got.Comments)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.s.EventCount(ctx); err != nil || n < 600 {
		t.Fatalf("%d events, %v", n, err)
	}
	next := f.must(t, f.engineer, f.newTicket("下一张")).State.(*ticket.State).Number
	if last == "" || next <= last {
		t.Errorf("numbers %s then %s", last, next)
	}
	report, err := f.s.Check(ctx)
	if err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %s", err, describe(report.Problems))
	}
}

// A bulk batch fills the search indexes while it goes on deciding, a
// chunk at a time: a ticket whose text changes after its chunk went in is
// found by its new text and no longer by its old one, one whose chunk
// still waits likewise, and the indexes hold what check expects.
func TestWriteBehindIndexesTextsAsItGoes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var early, late model.ID
	err := f.s.Batch(ctx, func(b *Batch) error {
		b.WriteBehind()
		for i := range indexChunkRows + 10 {
			c := f.newTicket(fmt.Sprintf("第%d号窗口无法打印发票", i+1))
			if i == 0 {
				c.Description = "色带卡住了"
				early = c.ID
			}
			if i == indexChunkRows+5 {
				c.Description = "色带卡住了"
				late = c.ID
			}
			if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, c); err != nil {
				return err
			}
			if err := b.Forget(c.ID); err != nil {
				return err
			}
		}
		for _, id := range []model.ID{early, late} {
			if _, err := b.Execute(Acting{UserID: f.engineer}, ticket.Edit{ID: id, Fields: map[string]string{"description": "换了新的硒鼓"}}); err != nil {
				return err
			}
			if err := b.Forget(id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]model.ID{"硒鼓": {early, late}, "色带": nil} {
		got, err := f.s.SearchTickets(ctx, q, TicketFilter{Status: "all"})
		if err != nil {
			t.Fatal(err)
		}
		if !sameIDs(got, want) {
			t.Errorf("search %q: got %v, want %v", q, got, want)
		}
	}
	if got, err := f.s.SearchTickets(ctx, "第3号窗口", TicketFilter{Status: "all"}); err != nil || len(got) != 1 {
		t.Errorf("search 第3号窗口: %v, %v", got, err)
	}
	textIndexHolds(t, f.s)
	// The indexes keep FTS5's default hash size for the writes after.
	for _, x := range textIndexes {
		var size int
		if err := f.s.db.QueryRow("SELECT v FROM " + x + "_config WHERE k = 'hashsize'").Scan(&size); err != nil || size != defaultHashSize {
			t.Errorf("%s keeps a hash size of %d (%v)", x, size, err)
		}
	}
	report, err := f.s.Check(ctx)
	if err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %s", err, describe(report.Problems))
	}
}

// A bulk batch builds the tickets' indexes once, at its end: afterwards
// the table has every index it had, as it was defined, whether the batch
// committed or failed.
func TestWriteBehindKeepsTheTicketIndexes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	indexes := func() string {
		var all string
		err := f.s.db.QueryRow("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'tickets' AND sql IS NOT NULL ORDER BY name)").Scan(&all)
		if err != nil {
			t.Fatal(err)
		}
		return all
	}
	before := indexes()
	if !strings.Contains(before, "tickets_by_updated") {
		t.Fatalf("no index to keep: %s", before)
	}
	for _, fail := range []bool{true, false} {
		err := f.s.Batch(ctx, func(b *Batch) error {
			if err := b.WriteBehind(); err != nil {
				return err
			}
			for i := range 50 {
				c := f.newTicket(fmt.Sprintf("第%d号窗口无法打印发票", i+1))
				if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, c); err != nil {
					return err
				}
				if err := b.Forget(c.ID); err != nil {
					return err
				}
			}
			if fail {
				return errors.New("given up")
			}
			return nil
		})
		if (err != nil) != fail {
			t.Fatalf("batch: %v", err)
		}
		if after := indexes(); after != before {
			t.Errorf("failed %v: the indexes are\n%s\nwere\n%s", fail, after, before)
		}
	}
	rows, err := f.s.db.Query("EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE status = 'open' ORDER BY updated_at DESC")
	if err != nil {
		t.Fatal(err)
	}
	var plan string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan += detail + "; "
	}
	rows.Close()
	if !strings.Contains(plan, "tickets_open") {
		t.Errorf("the open tickets are listed by %q", plan)
	}
	report, err := f.s.Check(ctx)
	if err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %s", err, describe(report.Problems))
	}
}
