package db

import (
	"context"
	"strings"
	"testing"

	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// ticketRow is the tickets projection's step and count of events kept but
// not applied.
func ticketRow(t *testing.T, s *Store, id model.ID) (step string, rejected int) {
	t.Helper()
	var row []byte
	if err := s.db.QueryRow("SELECT list_row, rejected FROM tickets WHERE id = ?", id).Scan(&row, &rejected); err != nil {
		t.Fatal(err)
	}
	l, ok := decodeListRow(row)
	if !ok {
		t.Fatalf("list row %x unreadable", row)
	}
	return l.step, rejected
}

// DESIGN §4: a role given by editing the users table, not through the log,
// gives no authority. The decider reads the table and would allow the
// decision; the fold checks the log, so the store refuses it and nothing
// is written. A decision that got into the log anyway (made by a yunwei
// that did not re-check) is kept, marked rule broken, and never moves the
// ticket: in the live projection, in the ticket as shown, after a rebuild.
func TestRoleForgedInTheUsersTableBreaksTheRule(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("更正挂号记录")
	c.Kind = model.KindDataCorrection
	f.must(t, f.engineer, c)
	head := Acting{UserID: f.engineer, ContactID: f.head}
	if _, err := f.s.Execute(ctx, head, f.signed(t, head, ticket.Act{ID: c.ID, Decision: "approve"})); err != nil {
		t.Fatal(err)
	}
	// The plan is another engineer's: its author may not review it anyway.
	author := model.NewID()
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: author, Login: "li", Name: "李工", Roles: model.Roles{model.RoleEngineer}}})
	f.must(t, author, ticket.Act{ID: c.ID, Decision: "propose", Inputs: map[string]string{"plan": "测试库验证后执行", "backup_needed": "no", "verify_needed": "no"}})

	if _, err := f.s.db.Exec("UPDATE users SET roles = 'engineer,tech_lead' WHERE id = ?", f.engineer); err != nil {
		t.Fatal(err)
	}
	approve := ticket.Act{ID: c.ID, Decision: "approve"}
	before, _ := f.s.EventCount(ctx)
	_, err := f.s.Execute(ctx, Acting{UserID: f.engineer}, approve)
	if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorText(err, i18n.En), "run yunwei check") ||
		!strings.Contains(model.ErrorText(err, i18n.Zh), "据事件日志，作出决定的用户当时并不担任") {
		t.Fatalf("a decision by a role from the users table: %v", err)
	}
	// In a batch that goes on after the refusal, the refused event is
	// taken back all the same.
	err = f.s.Batch(ctx, func(b *Batch) error {
		if _, err := b.Execute(Acting{UserID: f.engineer}, approve); model.ErrorCode(err) != model.ECONFLICT {
			t.Errorf("in a batch: %v", err)
		}
		_, err := b.Execute(Acting{UserID: f.engineer}, ticket.Comment{ID: c.ID, Text: "方案已审"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := f.s.EventCount(ctx); after != before+1 {
		t.Fatalf("a refused decision and a comment wrote %d events", after-before)
	}
	if report, err := f.s.Check(ctx); err != nil || len(report.Problems) != 1 || report.Problems[0].Kind.Class() != ClassProjection || report.Problems[0].Table != "users" {
		t.Fatalf("check of the edited users table: %v %v", err, report.Problems)
	}

	// A yunwei that trusted the table records it.
	err = f.s.Batch(ctx, func(b *Batch) error {
		changes, err := b.Preview(Acting{UserID: f.engineer}, approve)
		if err != nil {
			return err
		}
		cur, err := b.load(c.ID)
		if err != nil {
			return err
		}
		e, err := b.append(model.EntityTicket, c.ID, Acting{UserID: f.engineer}, changes[0], cur.heads, b.now())
		if err != nil {
			return err
		}
		st, err := b.evolve(cur.state, e)
		b.cache[c.ID] = cached{entity: model.EntityTicket, state: st, heads: []model.EventID{e.ID}}
		b.dirty[c.ID] = true
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if step, rejected := ticketRow(t, f.s, c.ID); step != "review" || rejected != 1 {
		t.Fatalf("live projection: at %s with %d rejected", step, rejected)
	}
	d, err := f.s.Ticket(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := d.History[len(d.History)-1]
	if d.Step != "review" || !last.RuleBroken || last.Rejected != ticket.BrokenUserRole || len(d.Rejected) != 1 || !d.Rejected[0].RuleBroken {
		t.Fatalf("shown at %s: %+v / %+v", d.Step, last, d.Rejected)
	}
	if err := f.s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if step, rejected := ticketRow(t, f.s, c.ID); step != "review" || rejected != 1 {
		t.Fatalf("rebuilt: at %s with %d rejected", step, rejected)
	}
	// The rebuild restored the users table from the log, and the log
	// itself is sound: check passes, the forged decision kept and marked.
	if report, err := f.s.Check(ctx); err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %v", err, report.Problems)
	}
	if _, err := f.s.Execute(ctx, Acting{UserID: f.engineer}, approve); model.ErrorCode(err) != model.EUNAUTHORIZED {
		t.Fatalf("after the rebuild the engineer is no tech lead: %v", err)
	}
}
