package db

import (
	"context"
	"strings"
	"testing"
)

// A ticket is found by what people type: its number in any case, its
// full id, its first 8 or more hex digits, or its short id (the last 8).
func TestFindTicketByWhatPeopleType(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	created := f.newTicket("打印机无法出单")
	f.must(t, f.engineer, created)
	other := f.newTicket("医嘱日期显示错误")
	f.must(t, f.engineer, other)
	var number string
	if err := f.s.db.QueryRow("SELECT number FROM tickets WHERE id = ?", created.ID).Scan(&number); err != nil {
		t.Fatal(err)
	}
	hex := strings.ReplaceAll(created.ID.String(), "-", "")
	for _, ref := range []string{number, strings.ToLower(number), " " + number + " ", created.ID.String(),
		hex[:16], strings.ToUpper(hex[:20]), created.ID.Short(), strings.ToUpper(created.ID.Short()), hex[len(hex)-12:]} {
		id, err := f.s.FindTicket(ctx, ref)
		if err != nil || id != created.ID {
			t.Errorf("FindTicket(%q) = %v, %v; want %v", ref, id, err, created.ID)
		}
	}
	for _, ref := range []string{"", "DEM-2026-9999", hex[4:12], "ffffffff", "打印机"} {
		if id, err := f.s.FindTicket(ctx, ref); err == nil {
			t.Errorf("FindTicket(%q) = %v, want an error", ref, id)
		}
	}
}

// Two tickets whose ids begin alike are named together, so that the user
// types more; the short id still tells them apart.
func TestFindTicketAmbiguousPrefix(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, b := f.newTicket("一"), f.newTicket("二")
	b.ID = a.ID
	b.ID[15] ^= 0xff // same first 15 bytes, another short id
	f.must(t, f.engineer, a)
	f.must(t, f.engineer, b)
	hex := strings.ReplaceAll(a.ID.String(), "-", "")
	_, err := f.s.FindTicket(ctx, hex[:10])
	if err == nil || !strings.Contains(err.Error(), "matches several tickets") {
		t.Fatalf("FindTicket(prefix of both) = %v, want an ambiguity", err)
	}
	if id, err := f.s.FindTicket(ctx, b.ID.Short()); err != nil || id != b.ID {
		t.Fatalf("FindTicket(short id) = %v, %v", id, err)
	}
}
