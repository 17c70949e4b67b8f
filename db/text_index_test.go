package db

import (
	"context"
	"fmt"
	"testing"
)

// textIndexSegments is how many segments an FTS5 index holds, read from
// its structure record (the block of id 10: a 4-byte cookie, FTS5's
// 4-byte mark of the second version, then the number of levels and of
// segments as varints, each below 128 here).
func textIndexSegments(t *testing.T, f *fixture, index string) int {
	t.Helper()
	var block []byte
	if err := f.s.db.QueryRow("SELECT block FROM " + index + "_data WHERE id = 10").Scan(&block); err != nil {
		t.Fatal(err)
	}
	if len(block) < 10 || block[8] >= 0x80 || block[9] >= 0x80 {
		t.Fatalf("%s: a structure record this test cannot read: %x", index, block)
	}
	return int(block[9])
}

// A bulk batch that fills the text indexes chunk by chunk leaves each as
// one segment: the actions after it do not merge the chunks a little at
// each write (README, "Performance": a comment after a 100,000-ticket
// demo cost 5.1 ms of CPU and 374 KB of writes, 2.8 ms and 180 KB once
// merged), and FTS5's merging is back to its default for the writes that
// follow. Searches find every chunk's tickets.
func TestBulkFillLeavesEachTextIndexOneSegment(t *testing.T) {
	defer func(n int) { indexChunkRows = n }(indexChunkRows)
	indexChunkRows = 40
	f := newFixture(t)
	ctx := context.Background()
	err := f.s.Batch(ctx, func(b *Batch) error {
		if err := b.WriteBehind(); err != nil {
			return err
		}
		for i := range 250 {
			c := f.newTicket(fmt.Sprintf("第%d号窗口无法打印发票", i+1))
			c.Description = fmt.Sprintf("收费处第%d号窗口", i+1)
			if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, c); err != nil {
				return err
			}
			if err := b.Forget(c.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range textIndexes {
		if n := textIndexSegments(t, f, x); n != 1 {
			t.Errorf("%s holds %d segments after the bulk fill", x, n)
		}
		// The writes after merge as FTS5 does by default.
		var merge int
		if err := f.s.db.QueryRow("SELECT v FROM " + x + "_config WHERE k = 'automerge'").Scan(&merge); err != nil || merge != defaultAutomerge {
			t.Errorf("%s merges at %d segments (%v)", x, merge, err)
		}
	}
	for _, term := range []string{"第1号窗口", "第137号窗口", "第250号窗口"} {
		ids, err := f.s.TicketsMentioning(ctx, term)
		if err != nil || len(ids) != 1 {
			t.Errorf("%s: %d tickets (%v)", term, len(ids), err)
		}
	}
	if report, err := f.s.Check(ctx); err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %s", err, describe(report.Problems))
	}
}
