package db

import (
	"context"
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// Each row holds its event's link to the device's previous event, and the
// device records its newest event and the chain over all of them.
func TestEventsAreChainedPerDevice(t *testing.T) {
	f := newFixture(t)
	c := f.newTicket("挂号系统无法打印发票")
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "已电话联系"})
	rows, err := f.s.DB().Query("SELECT id8, body FROM events ORDER BY origin_seq")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var prev model.EventID
	var chain chainValue
	for rows.Next() {
		var id8 int64
		var body []byte
		rows.Scan(&id8, &body)
		id := model.HashEvent(opened(t, body))
		if id8 != link(prev, id) {
			t.Fatalf("event %s: stored link %x, want the link to %s", id.Short(), id8, prev.Short())
		}
		prev, chain = id, chain.next(id)
	}
	var head, recorded []byte
	if err := f.s.DB().QueryRow("SELECT head, chain FROM local_device").Scan(&head, &recorded); err != nil {
		t.Fatal(err)
	}
	if model.EventID(head) != prev || chainValue(recorded) != chain {
		t.Fatalf("recorded head %x chain %x; want %s and the chain over every event", head, recorded, prev.Short())
	}
}

// olderDatabase turns the fixture's file into what the previous version
// left: every id8 the 8-byte prefix of its event's hash, no head, no
// chain, schema 3. edit may change it further before it is reopened.
func olderDatabase(t *testing.T, f *fixture, edit func()) *Store {
	t.Helper()
	q := f.s.DB()
	for _, stmt := range []string{
		"ALTER TABLE local_device DROP COLUMN head",
		"ALTER TABLE local_device DROP COLUMN chain",
		"ALTER TABLE local_device DROP COLUMN chained_upto",
		"DROP INDEX tickets_by_number",
		"CREATE INDEX tickets_by_number ON tickets (number)",
		// and what the later migrations (0006, 0008) added
		"DROP TABLE local_passphrases",
		"ALTER TABLE contracts DROP COLUMN require_drawn_signature",
		"PRAGMA user_version = 3",
	} {
		if _, err := q.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	rows, err := q.Query("SELECT n, body FROM events")
	if err != nil {
		t.Fatal(err)
	}
	prefixes, raw := map[int64]int64{}, map[int64][]byte{}
	for rows.Next() {
		var n int64
		var body []byte
		rows.Scan(&n, &body)
		raw[n] = opened(t, body)
		prefixes[n] = model.HashEvent(raw[n]).Prefix()
	}
	rows.Close()
	for n, p := range prefixes {
		// and its bodies raw canonical JSON, as they were stored then
		q.Exec("UPDATE events SET id8 = ?, body = ? WHERE n = ?", p, raw[n], n)
	}
	edit()
	path := f.s.Path()
	f.s.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open the older database: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// A log from before the chain is chained when this version first opens
// it: it passes its check, with a note of how many events predate the
// chain, and new events continue the chain.
func TestOlderLogIsChainedOnUpgrade(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("检验科收费功能报错")
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "远程查看日志"})
	s := olderDatabase(t, f, func() {})
	r, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 || len(r.Notes) != 1 || r.Notes[0].Kind != NoteChainedOnUpgrade || r.Notes[0].Got != "11" || !r.LogVerified {
		t.Fatalf("an upgraded log: problems %s, notes %s", describe(r.Problems), describe(r.Notes))
	}
	s.Now = f.s.Now
	if _, err := s.Execute(ctx, Acting{UserID: f.engineer}, ticket.Comment{ID: c.ID, Text: "已到现场"}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(ctx); err != nil || len(r.Problems) > 0 || len(r.Notes) != 1 {
		t.Fatalf("after a new event: %s %s %v", describe(r.Problems), describe(r.Notes), err)
	}
}

// An event changed before the upgrade in a way the previous check caught
// (its bytes no longer matching their stored hash prefix) stays caught:
// the upgrade does not bless it.
func TestUpgradeKeepsAnEarlierEditVisible(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("检验科收费功能报错")
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "远程查看日志"})
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "已到现场"})
	n, body := findEvent(t, f.s.DB(), "远程查看日志")
	s := olderDatabase(t, f, func() {
		edited := recanon(t, body, func(env map[string]any) { payload(env)["text"] = "客户自行处理" })
		f.s.DB().Exec("UPDATE events SET body = ? WHERE n = ?", edited, n) // raw, as then
	})
	r, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !hasFinding(r.Problems, ProblemChainBroken, n) || r.LogVerified {
		t.Fatalf("an edit from before the upgrade: %s", describe(r.Problems))
	}
}

// With this device's record of its newest event removed from the file,
// writing on would make the removal undetectable: the store refuses, and
// writes nothing.
func TestNoWriteWithoutTheRecordedHead(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("检验科收费功能报错")
	f.must(t, f.engineer, c)
	if _, err := f.s.DB().Exec("UPDATE local_device SET head = NULL"); err != nil {
		t.Fatal(err)
	}
	before, _ := f.s.EventCount(ctx)
	_, err := f.s.Execute(ctx, Acting{UserID: f.engineer}, ticket.Comment{ID: c.ID, Text: "已到现场"})
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(err.Error(), "yunwei check") {
		t.Fatalf("a write with the head removed: %v", err)
	}
	if after, _ := f.s.EventCount(ctx); after != before {
		t.Fatalf("%d events written", after-before)
	}
	if err := f.s.Rebuild(ctx); err != nil {
		t.Fatalf("a rebuild writes no event and still runs: %v", err)
	}
	if r, err := f.s.Check(ctx); err != nil || !hasFinding(r.Problems, ProblemHead, 0) {
		t.Fatalf("check: %s, %v", describe(r.Problems), err)
	}
}
