package db

import (
	"context"
	"testing"

	"yunwei/flows/directory"
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

	list, err := f.s.Approvals(ctx, f.engineer, model.Roles{model.RoleEngineer})
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
	list, err = f.s.Approvals(ctx, model.NewID(), model.Roles{model.RoleDeveloper})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != waitsForHead {
		t.Fatalf("developer's approvals: %+v", list)
	}
}

// The plan of a ticket assigned to one engineer is not another engineer's
// to write (ticket.WaitsFor), and neither is it the customer's: it is not
// listed for them at all. Its review by a technical lead is every
// technical lead's, whoever is assigned.
func TestApprovalsOfAnotherEngineersTicket(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, lead := model.NewID(), model.NewID()
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: other, Login: "li", Name: "李工", Roles: model.Roles{model.RoleEngineer}}})
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: lead, Login: "zhao", Name: "赵工", Roles: model.Roles{model.RoleTechLead}}})
	c := f.newTicket("挂号记录有误")
	c.Kind = model.KindDataCorrection
	f.must(t, f.engineer, c)
	head := Acting{UserID: f.engineer, ContactID: f.head}
	if _, err := f.s.Execute(ctx, head, f.signed(t, head, ticket.Act{ID: c.ID, Decision: "approve"})); err != nil {
		t.Fatal(err)
	}
	f.must(t, f.engineer, ticket.Assign{ID: c.ID, AssigneeID: f.engineer})
	mine, err := f.s.Approvals(ctx, f.engineer, model.Roles{model.RoleEngineer})
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := f.s.Approvals(ctx, other, model.Roles{model.RoleEngineer})
	if err != nil {
		t.Fatal(err)
	}
	if len(mine) != 1 || mine[0].ID != c.ID || mine[0].ForCustomer || len(theirs) != 0 {
		t.Fatalf("the assigned engineer's approvals %+v, another engineer's %+v", mine, theirs)
	}

	plan := ticket.Act{ID: c.ID, Decision: "propose", Inputs: map[string]string{"plan": "更正挂号记录", "backup_needed": "no", "verify_needed": "no"}}
	f.must(t, f.engineer, plan)
	reviews, err := f.s.Approvals(ctx, lead, model.Roles{model.RoleTechLead})
	if err != nil {
		t.Fatal(err)
	}
	if len(reviews) != 1 || reviews[0].ID != c.ID || reviews[0].ForCustomer {
		t.Fatalf("the technical lead's approvals: %+v", reviews)
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
