package db

import (
	"context"
	"encoding/json"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// Each event links to its device's previous one, and the device records
// its newest: the chain covers every event written.
func TestEventsAreChainedPerDevice(t *testing.T) {
	f := newFixture(t)
	c := f.newTicket("挂号系统无法打印发票")
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "已电话联系"})
	rows, err := f.s.DB().Query("SELECT origin_seq, body FROM events ORDER BY origin_seq")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var prev model.EventID
	for rows.Next() {
		var seq int64
		var body []byte
		rows.Scan(&seq, &body)
		e, err := model.OpenEvent(body)
		if err != nil {
			t.Fatal(err)
		}
		if e.V != model.EnvelopeVersion || seq == 1 && e.Prev != "" || seq > 1 && !e.Follows(prev) {
			t.Fatalf("event %d: v%d prev %q, want a link to %s", seq, e.V, e.Prev, prev.Short())
		}
		prev = e.ID
	}
	var head []byte
	if err := f.s.DB().QueryRow("SELECT head FROM local_device").Scan(&head); err != nil || model.EventID(head) != prev {
		t.Fatalf("recorded head %x, %v; want the newest event %s", head, err, prev.Short())
	}
}

// A log written before the chain (version 1 envelopes, no head) passes
// its check with a note that its events are unchained; the next event
// links to its newest, which pins that one from then on.
func TestUnchainedLogFromAnOlderVersion(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("检验科收费功能报错")
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "远程查看日志"})
	lastOld := downgradeToV1(t, f)

	r, err := f.s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 || len(r.Notes) != 1 || r.Notes[0].Kind != NoteUnchained || r.Notes[0].Got != "11" || !r.LogVerified {
		t.Fatalf("an older log: problems %s, notes %s", describe(r.Problems), describe(r.Notes))
	}
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "已到现场"})
	events, _ := f.s.EntityEvents(ctx, c.ID)
	newest := events[len(events)-1]
	if newest.V != model.EnvelopeVersion || !newest.Follows(model.HashEvent(rawBody(t, f, lastOld))) {
		t.Fatalf("the first chained event %+v does not link to the log's newest", newest.Envelope)
	}
	if r, err := f.s.Check(ctx); err != nil || len(r.Problems) > 0 || len(r.Notes) != 1 {
		t.Fatalf("after the first chained event: %s %s %v", describe(r.Problems), describe(r.Notes), err)
	}
	// The old newest event is pinned now: editing it breaks the chain.
	body := recanon(t, rawBody(t, f, lastOld), func(env map[string]any) { payload(env)["text"] = "客户自行处理" })
	f.s.DB().Exec("UPDATE events SET body = ?, id8 = ? WHERE n = ?", body, model.HashEvent(body).Prefix(), lastOld)
	if r, err := f.s.Check(ctx); err != nil || !hasFinding(r.Problems, ProblemChainBroken, lastOld) {
		t.Fatalf("an edit of the pinned event: %s, %v", describe(r.Problems), err)
	}
}

func rawBody(t *testing.T, f *fixture, n int64) []byte {
	t.Helper()
	var body []byte
	if err := f.s.DB().QueryRow("SELECT body FROM events WHERE n = ?", n).Scan(&body); err != nil {
		t.Fatal(err)
	}
	return body
}

// downgradeToV1 rewrites the log as the previous version wrote it: version
// 1 envelopes with no link, parents naming the rewritten ids, no head. It
// returns the row number of the newest event.
func downgradeToV1(t *testing.T, f *fixture) int64 {
	t.Helper()
	rows, err := f.s.DB().Query("SELECT n, body FROM events ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		n    int64
		body []byte
	}
	var all []row
	for rows.Next() {
		var r row
		rows.Scan(&r.n, &r.body)
		all = append(all, r)
	}
	rows.Close()
	renamed := map[string]string{}
	for _, r := range all {
		body := recanon(t, r.body, func(env map[string]any) {
			env["v"] = json.Number("1")
			delete(env, "prev")
			parents := env["parents"].([]any)
			for i, p := range parents {
				parents[i] = renamed[p.(string)]
			}
		})
		renamed[model.HashEvent(r.body).String()] = model.HashEvent(body).String()
		if _, err := f.s.DB().Exec("UPDATE events SET body = ?, id8 = ? WHERE n = ?", body, model.HashEvent(body).Prefix(), r.n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.DB().Exec("UPDATE local_device SET head = NULL"); err != nil {
		t.Fatal(err)
	}
	return all[len(all)-1].n
}
