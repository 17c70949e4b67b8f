package db

import (
	"context"
	"slices"
	"testing"

	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// seed §2.4: a staff change the customer approves is kept beside its
// ticket, so that who serves the contract on a date is known to the next
// decision (a later notice, an overtime confirmation) and to the command
// line; a rebuild from the log gives the same rows.
func TestApprovedStaffChangeSetsWhoServesTheContract(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	li := model.NewID()
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: li, Login: "li", Name: "李工", Roles: model.Roles{model.RoleEngineer}}})
	lead := model.NewID()
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: lead, Login: "chen", Name: "陈总工", Roles: model.Roles{model.RoleTechLead}}})
	notice := ticket.Create{ID: model.NewID(), Kind: model.KindStaffChange, Channel: model.ChannelOnSite, Severity: model.SeverityLow,
		Title: "驻场工程师变更", ContractID: f.contract}
	f.must(t, f.engineer, notice)
	f.must(t, lead, ticket.Act{ID: notice.ID, Decision: "announce", Inputs: map[string]string{
		"outgoing_id": f.engineer.String(), "incoming_id": li.String(), "change_date": "2026-11-20"}})
	c, err := f.s.Contract(ctx, f.contract)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.s.EngineersOn(ctx, c, "2026-11-25"); !slices.Equal(got, []model.ID{f.engineer}) {
		t.Fatalf("before the approval: %v", got)
	}
	head := Acting{UserID: f.engineer, ContactID: f.head}
	if _, err := f.s.Execute(ctx, head, f.signed(t, head, ticket.Act{ID: notice.ID, Decision: "approve"})); err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string][]model.ID{"2026-11-19": {f.engineer}, "2026-11-20": {li}} {
		if got, err := f.s.EngineersOn(ctx, c, date); err != nil || !slices.Equal(got, want) {
			t.Errorf("on %s: %v %v, want %v", date, got, err, want)
		}
	}
	changes, err := f.s.StaffChanges(ctx, f.contract)
	if err != nil || len(changes) != 1 || changes[0].TicketID != notice.ID || changes[0].Incoming != li {
		t.Fatalf("staff changes: %+v %v", changes, err)
	}
	// The next notice is decided against the changed staff: 王工 has left
	// by 1 December; 李工 serves.
	next := ticket.Create{ID: model.NewID(), Kind: model.KindStaffChange, Channel: model.ChannelOnSite, Severity: model.SeverityLow,
		Title: "再次变更", ContractID: f.contract}
	f.must(t, f.engineer, next)
	_, err = f.s.Execute(ctx, Acting{UserID: lead}, ticket.Act{ID: next.ID, Decision: "announce", Inputs: map[string]string{
		"outgoing_id": f.engineer.String(), "incoming_id": lead.String(), "change_date": "2026-12-01"}})
	if model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("王工 leaving after he left: %v", err)
	}
	f.must(t, lead, ticket.Act{ID: next.ID, Decision: "announce", Inputs: map[string]string{
		"outgoing_id": li.String(), "incoming_id": lead.String(), "change_date": "2026-12-01"}})
	report, err := f.s.Check(ctx)
	if err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %s", err, describe(report.Problems))
	}
}

// A batch reads a contract's staff changes once and keeps them, but a
// staff change approved in the same batch counts for the next decision:
// after 王工 has been replaced, a notice that he leaves is refused.
func TestStaffChangeApprovedInABatchCountsForItsNextDecisions(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	li := model.NewID()
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: li, Login: "li", Name: "李工", Roles: model.Roles{model.RoleEngineer}}})
	lead := model.NewID()
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: lead, Login: "chen", Name: "陈总工", Roles: model.Roles{model.RoleTechLead}}})
	notice := func(title string) ticket.Create {
		return ticket.Create{ID: model.NewID(), Kind: model.KindStaffChange, Channel: model.ChannelOnSite, Severity: model.SeverityLow,
			Title: title, ContractID: f.contract}
	}
	announce := func(id, outgoing, incoming model.ID, date string) ticket.Act {
		return ticket.Act{ID: id, Decision: "announce", Inputs: map[string]string{
			"outgoing_id": outgoing.String(), "incoming_id": incoming.String(), "change_date": date}}
	}
	first := notice("驻场工程师变更")
	f.must(t, f.engineer, first)
	f.must(t, lead, announce(first.ID, f.engineer, li, "2026-11-20"))
	head := Acting{UserID: f.engineer, ContactID: f.head}
	approve := f.signed(t, head, ticket.Act{ID: first.ID, Decision: "approve"})
	second, third := notice("王工休假"), notice("王工再次变更")
	err := f.s.Batch(ctx, func(b *Batch) error {
		// Read before the approval: 王工 still serves on 1 December.
		if _, err := b.Execute(Acting{UserID: f.engineer}, second); err != nil {
			return err
		}
		if _, err := b.Execute(Acting{UserID: lead}, announce(second.ID, f.engineer, lead, "2026-11-10")); err != nil {
			return err
		}
		if _, err := b.Execute(head, approve); err != nil {
			return err
		}
		if _, err := b.Execute(Acting{UserID: f.engineer}, third); err != nil {
			return err
		}
		_, err := b.Execute(Acting{UserID: lead}, announce(third.ID, f.engineer, lead, "2026-12-01"))
		if model.ErrorCode(err) != model.EINVALID {
			t.Errorf("王工 leaving after the approved change replaced him: %v", err)
		}
		_, err = b.Execute(Acting{UserID: lead}, announce(third.ID, li, lead, "2026-12-01"))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	report, err := f.s.Check(ctx)
	if err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %s", err, describe(report.Problems))
	}
}
