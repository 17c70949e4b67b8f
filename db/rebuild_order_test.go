package db

import (
	"context"
	"crypto/rand"
	"testing"
	"time"

	"yunwei/flows/directory"
	"yunwei/model"
)

// A contract and calendar made on a laptop whose clock ran years ahead
// have UUIDv7 ids that sort after every ticket raised under them. A
// rebuild folds the directory first all the same: check passes on the
// healthy DB and a repair keeps every ticket's SLA clock.
func TestRebuildFoldsTheDirectoryBeforeTicketsWhateverTheIds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	late := time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	cal, contract := model.NewIDAt(late, rand.Reader), model.NewIDAt(late.Add(time.Hour), rand.Reader)
	f.must(t, f.admin, directory.SaveCalendar{Calendar: model.Default5x8(cal, "7×24 迟到的日历")})
	f.must(t, f.admin, directory.SaveContract{Contract: model.Contract{ID: contract, CustomerID: f.customer, Number: "HT-2026-099",
		StartDate: "2026-01-01", EndDate: "2026-12-31", CalendarID: cal, SLA: model.DefaultSLA(), QuotaDays: 30, Engineers: []model.ID{f.engineer}}})
	for i := 0; i < 5; i++ {
		c := f.newTicket("服务器宕机")
		c.ContractID = contract
		f.must(t, f.engineer, c)
	}
	clocks := func() int {
		var n int
		if err := f.s.db.QueryRowContext(ctx, "SELECT count(*) FROM tickets WHERE contract_id = ? AND sla_clock IS NOT NULL AND customer_id IS NOT NULL", contract).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if clocks() != 5 {
		t.Fatalf("%d of 5 tickets have an SLA clock before any rebuild", clocks())
	}
	r, err := f.s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 {
		t.Fatalf("check fails on a healthy DB: %v", r.Problems)
	}
	before, _ := f.s.ProjectionDigest(ctx)
	if err := f.s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if n := clocks(); n != 5 {
		t.Fatalf("after a repair %d of 5 tickets keep their SLA clock", n)
	}
	if after, _ := f.s.ProjectionDigest(ctx); after != before {
		t.Fatal("a rebuild changed the projections of a healthy DB")
	}
}
