package tui_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/db/demo"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// runningTickets is the size of the database whose every ticket has a
// running clock: the first frame's other extreme, beside the demo's
// year of mostly closed work.
const runningTickets = 100_000

var running madeDB

// allRunningDB is a database of 100,000 open incidents, each with its
// response clock running, made once per run by a child process (this
// test binary, TestMakeAllRunningDB), so that its memory is not inherited
// by the processes measured.
func allRunningDB(b *testing.B) string {
	return running.get(b, "running.db", func(path string) error {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestMakeAllRunningDB$")
		cmd.Env = append(os.Environ(), "YUNWEI_MAKE_RUNNING_DB="+path)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("make the database: %v\n%s", err, out)
		}
		return nil
	})
}

// TestMakeAllRunningDB makes allRunningDB's database when asked to by
// YUNWEI_MAKE_RUNNING_DB; otherwise it does nothing.
func TestMakeAllRunningDB(t *testing.T) {
	path := os.Getenv("YUNWEI_MAKE_RUNNING_DB")
	if path == "" {
		t.Skip("makes the benchmarks' database when they ask")
	}
	ctx := context.Background()
	s, err := db.OpenBulk(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	anchor := time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)
	if _, err := demo.Generate(ctx, s, demo.Options{Tickets: 10, Seed: 1, Anchor: anchor}); err != nil {
		t.Fatal(err)
	}
	contracts, err := s.Contracts(ctx, model.NilID)
	if err != nil {
		t.Fatal(err)
	}
	users, err := s.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type place struct {
		contract           model.Contract
		site, system, whom model.ID
	}
	var places []place
	for _, c := range contracts {
		sites, _ := s.Sites(ctx, c.CustomerID)
		systems, _ := s.Systems(ctx, c.CustomerID)
		contacts, _ := s.Contacts(ctx, c.CustomerID)
		for _, who := range contacts {
			if who.Roles.Has(model.RoleRequester) && len(sites) > 0 && len(systems) > 0 {
				places = append(places, place{c, sites[0].ID, systems[0].ID, who.ID})
				break
			}
		}
	}
	var engineer model.ID
	for _, u := range users {
		if u.Roles.Has(model.RoleEngineer) {
			engineer = u.ID
		}
	}
	if len(places) == 0 || engineer.IsZero() {
		t.Fatal("the demo directory has no contract to raise tickets under")
	}
	s.Now = func() time.Time { return anchor }
	err = s.Batch(ctx, func(batch *db.Batch) error {
		for i := 0; i < runningTickets; i++ {
			p := places[i%len(places)]
			c := ticket.Create{ID: model.NewID(), Kind: model.KindIncident, Channel: model.ChannelPhone, Severity: model.Severity(1 + i%4),
				Title: fmt.Sprintf("门诊收费处第%d号窗口无法打印发票", i%40+1), CustomerID: p.contract.CustomerID, ContractID: p.contract.ID,
				SiteID: p.site, SystemID: p.system, RequesterID: p.whom,
				ReportedAt: anchor.Add(-time.Duration(i%600) * time.Minute)}
			if _, err := batch.ExecuteNew(db.Acting{UserID: engineer}, c); err != nil {
				return err
			}
			if err := batch.Forget(c.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.FinishBulk(ctx); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkFirstFrameAllRunning: the first frame over 100,000 tickets that
// all have a running clock (≤ 100 ms, as over the demo's mostly closed
// year). ns/op is one whole process.
func BenchmarkFirstFrameAllRunning(b *testing.B) {
	path := allRunningDB(b)
	binary(b)
	measure(b, "--db", path, "--first-frame")
	var rss float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, r, out := measure(b, "--db", path, "--first-frame", "--size", "120x40")
		if !strings.Contains(out, "门诊收费处") {
			b.Fatalf("no tickets in the first frame:\n%s", out)
		}
		rss = max(rss, r)
	}
	b.ReportMetric(rss, "peak-MiB")
}
