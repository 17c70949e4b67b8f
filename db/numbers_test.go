package db

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// DESIGN §4: numbers never repeat. With the counter set back, the next
// ticket still gets a number nobody has, and check reports the counter.
func TestCounterSetBackIssuesNoDuplicate(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var numbers []string
	for i := 0; i < 3; i++ {
		res := f.must(t, f.engineer, f.newTicket(fmt.Sprintf("打印机故障 %d", i)))
		numbers = append(numbers, res.State.(*ticket.State).Number)
	}
	if _, err := f.s.DB().Exec("UPDATE counters SET value = value - 2"); err != nil {
		t.Fatal(err)
	}
	r, err := f.s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !hasFinding(r.Problems, ProblemCounterBehind, 0) {
		t.Fatalf("a counter set back passes the check: %s", describe(r.Problems))
	}
	res := f.must(t, f.engineer, f.newTicket("又一台打印机故障"))
	got := res.State.(*ticket.State).Number
	for _, n := range numbers {
		if got == n {
			t.Fatalf("ticket new issued %s a second time", got)
		}
	}
	if !strings.HasSuffix(got, "-0004") {
		t.Fatalf("after %v the next number is %s, want …-0004", numbers, got)
	}
	// The counter now stands at the highest number issued again.
	if r, err := f.s.Check(ctx); err != nil || len(r.Problems) > 0 {
		t.Fatalf("after the skip: %s, %v", describe(r.Problems), err)
	}
}

// A numbered command that is refused inside a batch draws no number: the
// numbers stay gapless and the counter equals the log.
func TestRefusedCreateDrawsNoNumber(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var number string
	err := f.s.Batch(ctx, func(b *Batch) error {
		bad := f.newTicket("")
		if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, bad); model.ErrorCode(err) != model.EINVALID {
			return fmt.Errorf("an empty title: %v", err)
		}
		res, err := b.ExecuteNew(Acting{UserID: f.engineer}, f.newTicket("第一张"))
		if err != nil {
			return err
		}
		number = res.State.(*ticket.State).Number
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(number, "-0001") {
		t.Fatalf("the first ticket after a refusal is %s, want …-0001", number)
	}
	if r, err := f.s.Check(ctx); err != nil || len(r.Problems) > 0 {
		t.Fatalf("check: %s, %v", describe(r.Problems), err)
	}
}

// forgeDuplicate appends, through raw SQL with the chain and head kept
// consistent, a second ticket created with the number of an existing one:
// what an older yunwei with its counter set back wrote.
func forgeDuplicate(t *testing.T, f *fixture, of model.ID, newID model.ID) {
	t.Helper()
	ctx := context.Background()
	events, err := f.s.EntityEvents(ctx, of)
	if err != nil {
		t.Fatal(err)
	}
	var last int64
	var head []byte
	if err := f.s.DB().QueryRow("SELECT last_seq, head FROM local_device").Scan(&last, &head); err != nil {
		t.Fatal(err)
	}
	env := events[0].Envelope
	env.EntityID, env.Seq = newID, last+1
	e, err := model.SealEvent(env)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DB().Exec("INSERT INTO events (id8, origin, origin_seq, entity_id, body) VALUES (?, 1, ?, ?, ?)", link(model.EventID(head), e.ID), e.Seq, newID, e.Raw); err != nil {
		t.Fatal(err)
	}
	a := attacker{t: t, db: f.s.DB()}
	if _, err := f.s.DB().Exec("UPDATE local_device SET last_seq = ?, head = ?, chain = ?", e.Seq, e.ID[:], a.chain()); err != nil {
		t.Fatal(err)
	}
}

// A log that gives two tickets one number still rebuilds: both tickets are
// kept, the one whose id sorts first keeps the number and the other shows
// it marked, whichever order they are projected in; check names both.
func TestDuplicateNumbersInTheLogAreKeptAndReported(t *testing.T) {
	for _, laterSortsFirst := range []bool{false, true} {
		f := newFixture(t)
		ctx := context.Background()
		c := f.newTicket("放射科发票打印功能报错")
		number := f.must(t, f.engineer, c).State.(*ticket.State).Number
		dup := model.NewID()
		if laterSortsFirst {
			dup = c.ID // one less: sorts first
			for i := 15; i >= 0; i-- {
				if dup[i] > 0 {
					dup[i]--
					break
				}
				dup[i] = 0xff
			}
		}
		forgeDuplicate(t, f, c.ID, dup)
		if err := f.s.Rebuild(ctx); err != nil {
			t.Fatalf("rebuild with a repeated number: %v", err)
		}
		keeper, marked := c.ID, dup
		if laterSortsFirst {
			keeper, marked = dup, c.ID
		}
		var got string
		if err := f.s.DB().QueryRow("SELECT number FROM tickets WHERE id = ?", keeper).Scan(&got); err != nil || got != number {
			t.Fatalf("the ticket whose id sorts first shows %q, %v; want %s", got, err, number)
		}
		if err := f.s.DB().QueryRow("SELECT number FROM tickets WHERE id = ?", marked).Scan(&got); err != nil || got != markedNumber(number, marked) {
			t.Fatalf("the other ticket shows %q, %v; want it marked", got, err)
		}
		r, err := f.s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !hasFinding(r.Problems, ProblemDuplicateNumber, 0) {
			t.Fatalf("a repeated number passes the check: %s", describe(r.Problems))
		}
		for _, p := range r.Problems {
			if p.Class == ClassProjection {
				t.Fatalf("the rebuild differs from itself: %s", describe(r.Problems))
			}
		}
		// The ticket projected again (a new event) keeps its marking.
		f.must(t, f.engineer, ticket.Comment{ID: marked, Text: "重复编号"})
		if err := f.s.DB().QueryRow("SELECT number FROM tickets WHERE id = ?", marked).Scan(&got); err != nil || got != markedNumber(number, marked) {
			t.Fatalf("after a comment the other ticket shows %q, %v", got, err)
		}
	}
}

// Migration 0005 makes the number unique on a database whose log already
// gives two tickets one number: it opens, both tickets are listed.
func TestUniqueNumberMigrationKeepsDuplicates(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("检验科收费功能报错")
	f.must(t, f.engineer, c)
	dup := model.NewID()
	forgeDuplicate(t, f, c.ID, dup)
	// The database as the previous schema left it: a plain index, both
	// rows projected with the one number.
	for _, q := range []string{
		"DROP INDEX tickets_by_number",
		"CREATE INDEX tickets_by_number ON tickets (number)",
		// and what the later migrations (0006, 0008) added
		"DROP TABLE local_passphrases",
		"ALTER TABLE contracts DROP COLUMN require_drawn_signature",
		// and 0014
		"DROP INDEX tickets_by_updated",
		"ALTER TABLE tickets DROP COLUMN list_row",
		"PRAGMA user_version = 4",
	} {
		if _, err := f.s.DB().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := f.s.DB().Exec("INSERT INTO tickets SELECT ?, number, kind, customer_id, contract_id, assignee_id, status, updated_at, sla_clock, sla_due, sla_state, waiting, rejected FROM tickets WHERE id = ?", dup, c.ID); err != nil {
		t.Fatal(err)
	}
	path := f.s.Path()
	f.s.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open after the migration: %v", err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM tickets").Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d tickets after the migration, %v", n, err)
	}
	var unique int
	if err := s.DB().QueryRow(`SELECT "unique" FROM pragma_index_list('tickets') WHERE name = 'tickets_by_number'`).Scan(&unique); err != nil || unique != 1 {
		t.Fatalf("tickets_by_number unique=%d, %v", unique, err)
	}
	if _, err := s.DB().Exec("UPDATE tickets SET number = (SELECT number FROM tickets WHERE id = ?) WHERE id = ?", c.ID, dup); err == nil {
		t.Fatal("the index accepts two tickets with one number")
	}
}

// Within one batch the numbers after the first free one are not looked up
// again; should one be in use all the same, the unique index refuses it
// and nothing of the batch is written.
func TestUniqueIndexRefusesANumberInUse(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		f.must(t, f.engineer, f.newTicket(fmt.Sprintf("打印机故障 %d", i)))
	}
	// The counter set back to 0 and the first ticket's row gone: 0001
	// looks free, 0002 is not.
	if _, err := f.s.DB().Exec("UPDATE counters SET value = 0"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.DB().Exec("DELETE FROM tickets WHERE number LIKE '%-0001'"); err != nil {
		t.Fatal(err)
	}
	before, _ := f.s.EventCount(ctx)
	err := f.s.Batch(ctx, func(b *Batch) error {
		for i := 0; i < 2; i++ {
			if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, f.newTicket("批量导入")); err != nil {
				return err
			}
		}
		return nil
	})
	if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(err.Error(), "-0002 is already in use") {
		t.Fatalf("a batch drawing a number in use: %v", err)
	}
	if after, _ := f.s.EventCount(ctx); after != before {
		t.Fatalf("the refused batch wrote %d events", after-before)
	}
}
