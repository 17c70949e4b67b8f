package db

import (
	"context"
	"slices"
	"testing"

	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// The change feed names the tickets written after a mark, each once,
// whoever wrote them: another connection to the file (another process)
// included. A customer's change names no ticket; with nothing new the
// mark stays.
func TestTicketsChangedSince(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	old := f.newTicket("旧工单")
	f.must(t, f.engineer, old)
	mark, err := f.s.LastEvent(ctx)
	if err != nil || mark == 0 {
		t.Fatalf("LastEvent = %d, %v", mark, err)
	}
	if ids, last, err := f.s.TicketsChangedSince(ctx, mark); err != nil || len(ids) != 0 || last != mark {
		t.Fatalf("nothing new: %v, %d, %v", ids, last, err)
	}

	// Another process: its own connection pool on the same file.
	other, err := Open(ctx, f.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	created := f.newTicket("新工单：收费窗口无法打印")
	if _, err := other.Execute(ctx, Acting{UserID: f.engineer}, created); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Execute(ctx, Acting{UserID: f.engineer}, ticket.Comment{ID: old.ID, Text: "已回访"}); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Execute(ctx, Acting{UserID: f.engineer}, ticket.Comment{ID: created.ID, Text: "已派人"}); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Execute(ctx, Acting{UserID: f.admin}, directory.SaveCustomer{Customer: model.Customer{ID: f.customer, Name: "市第一人民医院（本部）"}}); err != nil {
		t.Fatal(err)
	}
	ids, last, err := f.s.TicketsChangedSince(ctx, mark)
	if err != nil {
		t.Fatal(err)
	}
	newest, _ := f.s.LastEvent(ctx)
	if !slices.Equal(ids, []model.ID{created.ID, old.ID}) || last != newest || last <= mark {
		t.Fatalf("changed %v (want %v, %v), last %d of %d", ids, created.ID, old.ID, last, newest)
	}
	if ids, again, err := f.s.TicketsChangedSince(ctx, last); err != nil || len(ids) != 0 || again != last {
		t.Fatalf("read again: %v, %d, %v", ids, again, err)
	}
}

// A long backlog (a sync that brought thousands of events) is read in
// pieces; reading on from each piece's mark finds every ticket.
func TestTicketsChangedSinceInPieces(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	mark, err := f.s.LastEvent(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := bulkTickets(t, f, changesPerRead/2+10, 1) // two events a ticket
	newest, _ := f.s.LastEvent(ctx)
	var got []model.ID
	reads := 0
	for {
		ids, last, err := f.s.TicketsChangedSince(ctx, mark)
		if err != nil {
			t.Fatal(err)
		}
		if last == mark {
			break
		}
		got, mark, reads = append(got, ids...), last, reads+1
	}
	slices.SortFunc(got, compareIDs)
	got = slices.Compact(got)
	slices.SortFunc(want, compareIDs)
	if reads < 2 || mark != newest || !slices.Equal(got, want) {
		t.Fatalf("%d reads up to %d of %d: %d tickets of %d", reads, mark, newest, len(got), len(want))
	}
}

func compareIDs(a, b model.ID) int {
	for i := range a {
		if a[i] != b[i] {
			return int(a[i]) - int(b[i])
		}
	}
	return 0
}

// BenchmarkTicketsChangedSinceIdle: the change feed's poll when nothing
// changed, as an open terminal UI asks it every second, on a log of
// 100,000 events.
func BenchmarkTicketsChangedSinceIdle(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	bulkTickets(b, f, 50_000, 1)
	mark, err := f.s.LastEvent(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if ids, _, err := f.s.TicketsChangedSince(ctx, mark); err != nil || len(ids) != 0 {
			b.Fatal(ids, err)
		}
	}
}
