package db

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
)

func TestStoredMillisRoundTrip(t *testing.T) {
	for _, s := range []string{"2026-11-27T02:42:02.000Z", "1970-01-01T00:00:01.000Z", "2024-02-29T23:59:59.999Z", "2026-11-27T10:30:00+08:00"} {
		want, _ := model.ParseTime(s)
		ms := storedMillis(s).(int64)
		if got := fromMillis(sql.NullInt64{Int64: ms, Valid: true}); !got.Equal(want) {
			t.Errorf("%s: got %v, want %v", s, got, want)
		}
	}
	if storedMillis("") != nil || !fromMillis(sql.NullInt64{}).IsZero() || formatMillis(sql.NullInt64{}) != "" {
		t.Error("an empty time is not NULL")
	}
}

func TestClockTarget(t *testing.T) {
	tg := model.DefaultSLA()
	tg.Resolution = map[string]int{"incident": 480}
	for _, c := range []struct {
		clock sla.ClockKind
		span  time.Duration
		want  time.Duration
	}{
		{sla.Response, 2 * time.Hour, 2 * time.Hour},
		{sla.Response, time.Hour, time.Hour},
		{sla.Response, 90 * time.Minute, time.Hour},
		{sla.OnSite, 5 * time.Hour, 4 * time.Hour},
		{sla.Resolution, 9 * time.Hour, 8 * time.Hour},
	} {
		if got := clockTarget(tg, c.clock, model.KindIncident, c.span); got != c.want {
			t.Errorf("%s over %v: %v, want %v", c.clock, c.span, got, c.want)
		}
	}
}

func TestEachQueueTicket(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ids := bulkTickets(t, f, 30, 0)
	if _, err := f.s.Execute(ctx, Acting{UserID: f.engineer}, ticket.Assign{ID: ids[3], AssigneeID: f.engineer}); err != nil {
		t.Fatal(err)
	}
	var all []QueueTicket
	if err := f.s.EachQueueTicket(ctx, QueueQuery{}, func(q *QueueTicket) error { all = append(all, *q); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(all) != 30 {
		t.Fatalf("%d tickets, want 30", len(all))
	}
	byID := map[model.ID]QueueTicket{}
	for _, q := range all {
		byID[q.ID] = q
	}
	q := byID[ids[3]]
	if q.Assignee.ID != f.engineer || q.Assignee.Name != "王工" || q.Customer.Name != "市第一人民医院" || q.Number == "" || q.Title == "" || q.UpdatedAt.IsZero() {
		t.Fatalf("row %+v", q)
	}
	if q.Clock.Kind != sla.Response || q.Clock.Due.IsZero() || q.Clock.Target == 0 {
		t.Fatalf("clock %+v", q.Clock)
	}
	// The limited query returns the same first rows as sorting the full set.
	var first []QueueTicket
	if err := f.s.EachQueueTicket(ctx, QueueQuery{Order: QueueByDue, Limit: 10}, func(q *QueueTicket) error { first = append(first, *q); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(first) != 10 {
		t.Fatalf("limit: %d rows", len(first))
	}
	for i := 1; i < len(first); i++ {
		a, b := first[i-1], first[i]
		if a.Clock.Due.After(b.Clock.Due) || (a.Clock.Due.Equal(b.Clock.Due) && a.Number > b.Number) {
			t.Fatalf("rows %d and %d out of order: %s %s", i-1, i, a.Number, b.Number)
		}
	}
	one, err := f.s.QueueTicketByID(ctx, ids[3])
	if err != nil || one.ID != ids[3] || one.Assignee.ID != f.engineer {
		t.Fatalf("by id: %+v %v", one, err)
	}
	if _, err := f.s.QueueTicketByID(ctx, model.NewID()); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("missing ticket: %v", err)
	}
}
