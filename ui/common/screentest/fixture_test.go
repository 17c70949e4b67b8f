package screentest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// The screens' tests reach a ticket at every step of every flow (the
// key-conflict checks walk them all): a step added to a flow needs a
// fixture ticket parked there.
func TestFixtureHasATicketAtEveryStep(t *testing.T) {
	s := Store(t)
	have := map[string]bool{}
	err := s.EachTicket(context.Background(), db.TicketFilter{Status: "all"}, func(r db.TicketRow) error {
		have[string(r.Kind)+"/"+r.Step] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ticket.FlowKinds() {
		for _, st := range ticket.FlowFor(k).Steps {
			if name := string(k) + "/" + st.Name; !have[name] {
				t.Errorf("no fixture ticket at %s", name)
			}
		}
	}
}

// Two builds write the same events: the same ids, times and contents, so
// the goldens read the same on every run.
func TestFixtureIsTheSameOnEveryBuild(t *testing.T) {
	a, b := eventIDs(t), eventIDs(t)
	if len(a) == 0 || !slices.Equal(a, b) {
		t.Fatalf("two builds differ: %d and %d events", len(a), len(b))
	}
}

// eventIDs builds the fixture afresh and lists every ticket's events, in
// ticket number order.
func eventIDs(t *testing.T) []model.EventID {
	t.Helper()
	ctx := context.Background()
	file, err := buildFile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fixture.db")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var rows []db.TicketRow
	if err := s.EachTicket(ctx, db.TicketFilter{Status: "all"}, func(r db.TicketRow) error { rows = append(rows, r); return nil }); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(rows, func(x, y db.TicketRow) int { return strings.Compare(x.Number, y.Number) })
	var out []model.EventID
	for _, r := range rows {
		events, err := s.EntityEvents(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range events {
			out = append(out, e.ID)
		}
	}
	return out
}
