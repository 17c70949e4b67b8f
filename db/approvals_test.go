package db

import (
	"context"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

func TestApprovals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	correction := func(title string) model.ID {
		c := f.newTicket(title)
		c.Kind = model.KindDataCorrection
		f.must(t, f.engineer, c)
		return c.ID
	}
	waitsForHead := correction("waits for the department head")
	atPlan := correction("waits for the engineer's plan")
	head := Acting{UserID: f.engineer, ContactID: f.head}
	if _, err := f.s.Execute(ctx, head, f.signed(t, head, ticket.Act{ID: atPlan, Decision: "approve"})); err != nil {
		t.Fatal(err)
	}
	rejected := correction("rejected, closed")
	if _, err := f.s.Execute(ctx, head, f.signed(t, head, ticket.Act{ID: rejected, Decision: "reject", Comment: "不需要"})); err != nil {
		t.Fatal(err)
	}

	list, err := f.s.Approvals(ctx, model.Roles{model.RoleEngineer})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != atPlan || list[0].ForCustomer || list[1].ID != waitsForHead || !list[1].ForCustomer {
		t.Fatalf("engineer's approvals: %+v", list)
	}
	if w := list[1].WaitingFor; len(w) != 1 || w[0] != model.RoleDeptHead {
		t.Fatalf("waiting for %v", w)
	}

	// A developer has no decision at the plan step; the customer's stay.
	list, err = f.s.Approvals(ctx, model.Roles{model.RoleDeveloper})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != waitsForHead {
		t.Fatalf("developer's approvals: %+v", list)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("数据有误")
	c.Kind = model.KindDataCorrection
	f.must(t, f.engineer, c)
	before, err := f.s.EventCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	as := Acting{UserID: f.engineer, ContactID: f.head}

	res, err := f.s.DryRun(ctx, as, ticket.Act{ID: c.ID, Decision: "approve", Comment: "  同意 \r\n按方案执行  "})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 {
		t.Fatalf("%d events", len(res.Events))
	}
	var p ticket.DecidedPayload
	if err := res.Events[0].Decode(&p); err != nil {
		t.Fatal(err)
	}
	if p.Comment != "同意 \n按方案执行" || p.Role != model.RoleDeptHead || p.ContactID != f.head || p.To != "plan" {
		t.Fatalf("payload %+v", p)
	}

	// Refusals come back as Execute's.
	if _, err := f.s.DryRun(ctx, as, ticket.Act{ID: c.ID, Decision: "reject"}); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("reject without a comment: %v", err)
	}
	after, err := f.s.EventCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Fatalf("a dry run wrote %d events", after-before)
	}
	d, err := f.s.Ticket(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Step != "dept_approval" {
		t.Fatalf("a dry run moved the ticket to %s", d.Step)
	}
	// The real decision needs the signature the dry run did not ask for,
	// and goes through with it.
	if _, err := f.s.Execute(ctx, as, ticket.Act{ID: c.ID, Decision: "approve"}); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("an unsigned customer decision: %v", err)
	}
	if _, err := f.s.Execute(ctx, as, f.signed(t, as, ticket.Act{ID: c.ID, Decision: "approve"})); err != nil {
		t.Fatal(err)
	}
}
