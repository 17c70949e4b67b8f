package db

import (
	"context"
	"testing"

	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

func TestTicketLifecycleAndRebuild(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("挂号系统无法打印发票 🧾")
	res := f.must(t, f.engineer, c)
	st := res.State.(*ticket.State)
	if st.Number == "" || st.Title != "挂号系统无法打印发票 🧾" {
		t.Fatalf("created ticket %+v", st.Ticket)
	}
	f.must(t, f.engineer, ticket.Assign{ID: c.ID, AssigneeID: f.engineer})
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "已电话联系\n稍后到场"})
	f.must(t, f.engineer, ticket.Edit{ID: c.ID, Fields: map[string]string{"severity": "1", "title": "发票打印失败"}})
	events, err := f.s.EntityEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 5 {
		t.Fatalf("want 5 events, got %d", len(events))
	}
	for i, e := range events[1:] {
		if len(e.Parents) != 1 || e.Parents[0] != events[i].ID {
			t.Fatalf("event %d parents %v, want the previous event", i+1, e.Parents)
		}
	}
	before, err := f.s.ProjectionDigest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := f.s.ProjectionDigest(ctx)
	if before != after {
		t.Fatalf("projection after rebuild differs: %s vs %s", before, after)
	}
}

func TestWrongRoleWritesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	n0, _ := f.s.EventCount(ctx)
	_, err := f.s.Execute(ctx, Acting{UserID: f.engineer}, directory.SaveCustomer{Customer: model.Customer{ID: model.NewID(), Name: "x"}})
	if model.ErrorCode(err) != model.EUNAUTHORIZED {
		t.Fatalf("engineer adding a customer: %v", err)
	}
	n1, _ := f.s.EventCount(ctx)
	if n0 != n1 {
		t.Fatalf("events written on refusal: %d → %d", n0, n1)
	}
}
