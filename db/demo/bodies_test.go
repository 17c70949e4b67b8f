package demo

import (
	"bytes"
	"testing"

	"yunwei/db/eventbody"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Every kind of event the demo writes is stored packed and opens to the
// bytes its id hashes (check compares them with each event's link), in
// well under half the room of its JSON.
func TestEveryKindOfEventIsStoredPackedAndOpensToItsBytes(t *testing.T) {
	s := generate(t, 300, 4)
	rows, err := s.DB().Query("SELECT body FROM events")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	types := map[string]bool{}
	raw, stored := 0, 0
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			t.Fatal(err)
		}
		body, err := eventbody.Decode(b)
		if err != nil || !eventbody.IsPacked(b) {
			t.Fatalf("a stored body: packed %v, %v", eventbody.IsPacked(b), model.ErrorText(err, i18n.En))
		}
		e, err := model.OpenEvent(body)
		if err != nil || !bytes.Equal(e.Raw, body) {
			t.Fatalf("an opened body is no event: %v", err)
		}
		types[e.Type] = true
		raw, stored = raw+len(body), stored+len(b)
	}
	if len(types) < 12 {
		t.Errorf("only %d kinds of event: %v", len(types), types)
	}
	if stored*100 > raw*45 {
		t.Errorf("%d bytes of events stored in %d", raw, stored)
	}
	if r, err := s.Check(t.Context()); err != nil || len(r.Problems) > 0 {
		t.Fatalf("check: %v %v", r.Problems, err)
	}
}
