package db

import (
	"bytes"
	"context"
	"testing"

	"yunwei/db/eventbody"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// storedBodies is every event's body as the table holds it, by row.
func storedBodies(t *testing.T, q queryer) map[int64][]byte {
	t.Helper()
	rows, err := q.QueryContext(t.Context(), "SELECT n, body FROM events")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64][]byte{}
	for rows.Next() {
		var n int64
		var b []byte
		if err := rows.Scan(&n, &b); err != nil {
			t.Fatal(err)
		}
		out[n] = b
	}
	return out
}

// New events are stored packed, and open to the bytes their ids hash.
func TestEventsAreStoredPacked(t *testing.T) {
	f := newFixture(t)
	c := f.newTicket("门诊收费处无法打印发票")
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "已电话联系，稍后到场 🙂"})
	events, err := f.s.EntityEvents(t.Context(), c.ID)
	if err != nil || len(events) != 2 {
		t.Fatalf("%d events, %v", len(events), err)
	}
	raw, packed := 0, 0
	for _, stored := range storedBodies(t, f.s.DB()) {
		if !eventbody.IsPacked(stored) {
			t.Fatalf("a new event stored raw: %.60s…", stored)
		}
		body := opened(t, stored)
		raw, packed = raw+len(body), packed+len(stored)
	}
	if packed*2 > raw {
		t.Errorf("%d bytes of events stored in %d", raw, packed)
	}
	if r, err := f.s.Check(t.Context()); err != nil || len(r.Problems) > 0 {
		t.Fatalf("check: %s %v", describe(r.Problems), err)
	}
}

// A database from before packing keeps its raw bodies readable; compact
// packs them all, once, without changing an event or its chain.
func TestCompactPacksTheBodiesOfAnOlderDatabase(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.newTicket("检验科收费功能报错")
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "远程查看日志"})
	s := olderDatabase(t, f, func() {})
	before := storedBodies(t, s.DB())
	for n, b := range before {
		if eventbody.IsPacked(b) {
			t.Fatalf("event #%d of the older database is packed", n)
		}
	}
	s.Now = f.s.Now
	if _, err := s.Execute(ctx, Acting{UserID: f.engineer}, ticket.Comment{ID: c.ID, Text: "已到现场"}); err != nil {
		t.Fatal(err)
	}
	history := func() []model.Event {
		events, err := s.EntityEvents(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return events
	}
	was := history()

	done := int64(0)
	got, err := s.CompactBodies(ctx, func(d, total int64) { done = d })
	if err != nil {
		t.Fatal(err)
	}
	if got.Packed != int64(len(before)) || got.Events != int64(len(before))+1 || done != got.Events {
		t.Fatalf("compact: %+v (progress %d); want the %d older bodies packed", got, done, len(before))
	}
	for n, b := range storedBodies(t, s.DB()) {
		if !eventbody.IsPacked(b) {
			t.Fatalf("event #%d still raw", n)
		}
		if old, ok := before[n]; ok && !bytes.Equal(opened(t, b), old) {
			t.Fatalf("event #%d opens to other bytes", n)
		}
	}
	now := history()
	for i := range was {
		if now[i].ID != was[i].ID || !bytes.Equal(now[i].Raw, was[i].Raw) {
			t.Fatalf("event %d of the ticket changed", i)
		}
	}
	r, err := s.Check(ctx)
	if err != nil || len(r.Problems) > 0 || !r.LogVerified {
		t.Fatalf("check after compact: %s %v", describe(r.Problems), err)
	}
	if again, err := s.CompactBodies(ctx, nil); err != nil || again.Packed != 0 {
		t.Fatalf("a second compact: %+v %v", again, err)
	}
}
