package db

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"yunwei/flows/ticket"
)

// quickKinds are the findings QuickCheck makes, of the events it reads:
// the numbering of all, the newest QuickWindow of each device by their
// bytes, and this device's record of its newest.
var quickKinds = []ProblemKind{ProblemEventChanged, ProblemChainBroken, ProblemSeqGap, ProblemHead, ProblemLastSeq,
	ProblemRowMismatch, ProblemUnknownOrigin, ProblemForeignOrigin, ProblemNotCanonical, ProblemUnparseable}

// Every edit of the tamper suite that the quick check can see in a log
// shorter than its window is named by it as the full check names it; an
// edit of the projections alone it does not look at.
func TestQuickCheckNamesWhatItCovers(t *testing.T) {
	w := buildTamperWorld(t)
	ctx := context.Background()
	covered := 0
	for _, c := range tamperCases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(ctx, tampered(t, w, c.edit))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			r, err := s.QuickCheck(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c.repair {
				if len(r.Problems) > 0 {
					t.Fatalf("the quick check, which reads no projection, finds %s", describe(r.Problems))
				}
				return
			}
			for _, wt := range c.want {
				if !slices.Contains(quickKinds, wt.kind) {
					continue
				}
				covered++
				n := int64(0)
				if wt.at != nil {
					n = wt.at(w)
				}
				if !hasFinding(r.Problems, wt.kind, n) {
					t.Errorf("no %s finding naming event #%d; found %s", wt.kind, n, describe(r.Problems))
				}
			}
		})
	}
	if covered < 30 {
		t.Fatalf("the quick check was expected to name only %d findings of the suite", covered)
	}
	s, err := Open(ctx, w.path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r, err := s.QuickCheck(ctx); err != nil || len(r.Problems) > 0 || r.Events == 0 {
		t.Fatalf("the untouched world: %s, %v", describe(r.Problems), err)
	}
}

// An edit of an event older than the quick check's window passes the
// quick check and not the full one: what the help and the README say it
// leaves out.
func TestQuickCheckLeavesOlderEventsToTheFullCheck(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	old := f.must(t, f.engineer, f.newTicket("门诊收费处无法打印发票")).Events[0]
	bulkTickets(t, f, QuickWindow+10, 0)
	var n int64
	if err := f.s.DB().QueryRow("SELECT n FROM events WHERE origin_seq = ?", old.Seq).Scan(&n); err != nil {
		t.Fatal(err)
	}
	body := recanon(t, old.Raw, func(env map[string]any) { payload(env)["title"] = "客户同意免费" })
	a := attacker{t: t, db: f.s.DB()}
	a.setBody(n, body)
	if r, err := f.s.QuickCheck(ctx); err != nil || len(r.Problems) > 0 {
		t.Fatalf("the quick check looked past its window: %s, %v", describe(r.Problems), err)
	}
	if r, err := f.s.Check(ctx); err != nil || !hasFinding(r.Problems, ProblemEventChanged, n) {
		t.Fatalf("the full check misses the edit: %s, %v", describe(r.Problems), err)
	}
}

// A log whose bodies are stored raw, as before packing, checks clean in
// full and quickly: the passes keep their own copy of each raw body they
// read, not the driver's.
func TestCheckReadsRawBodies(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i := range 30 {
		c := f.newTicket(fmt.Sprintf("检验科收费功能报错 %d", i))
		f.must(t, f.engineer, c)
		f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "远程查看日志"})
	}
	s := olderDatabase(t, f, func() {})
	r, err := s.Check(ctx)
	if err != nil || len(r.Problems) > 0 || !r.LogVerified || r.Events < 60 {
		t.Fatalf("check: %d events, %s %v", r.Events, describe(r.Problems), err)
	}
	q, err := s.QuickCheck(ctx)
	if err != nil || len(q.Problems) > 0 {
		t.Fatalf("quick check: %s %v", describe(q.Problems), err)
	}
}
