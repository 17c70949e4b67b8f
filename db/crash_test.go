package db

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// crashPlan is what the parent tells the child writer.
type crashPlan struct {
	Path                                      string
	Engineer, Contract, Site, System, Request model.ID
}

// TestCrashChild is the child process of TestKilledWriterLosesNothing: it
// writes tickets and comments as fast as it can and prints one line per
// committed action. It does nothing when run on its own.
func TestCrashChild(t *testing.T) {
	raw := os.Getenv("YUNWEI_CRASH_PLAN")
	if raw == "" {
		t.Skip("child of TestKilledWriterLosesNothing")
	}
	var p crashPlan
	if err := json.Unmarshal([]byte(raw), &p); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, p.Path)
	if err != nil {
		t.Fatal(err)
	}
	out := bufio.NewWriter(os.Stdout)
	var last model.ID
	for i := 0; ; i++ {
		var cmd flows.Command
		if i%3 == 2 && !last.IsZero() {
			cmd = ticket.Comment{ID: last, Text: fmt.Sprintf("第 %d 条备注 ✅", i)}
		} else {
			last = model.NewID()
			cmd = ticket.Create{ID: last, Kind: model.KindBugFix, Channel: model.ChannelPhone, Severity: model.SeverityMinor,
				Title: fmt.Sprintf("崩溃测试工单 %d", i), ContractID: p.Contract, SiteID: p.Site, SystemID: p.System, RequesterID: p.Request}
		}
		res, err := s.Execute(ctx, Acting{UserID: p.Engineer}, cmd)
		if err != nil {
			fmt.Fprintf(out, "error %v\n", err)
			out.Flush()
			os.Exit(3)
		}
		for _, e := range res.Events {
			fmt.Fprintf(out, "ack %s %s\n", e.EntityID, e.ID)
		}
		out.Flush() // acknowledged only after the commit returned
	}
}

// TestKilledWriterLosesNothing SIGKILLs a writer in the middle of a stream
// of commits, three times, and checks after each restart that every
// acknowledged event is there, byte for byte, that no origin sequence has a
// gap, and that the projections equal a rebuild from the log.
func TestKilledWriterLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	f := newFixture(t)
	plan := crashPlan{Path: f.s.Path(), Engineer: f.engineer, Contract: f.contract, Site: f.site, System: f.system, Request: f.requester}
	f.s.Close()
	raw, _ := json.Marshal(plan)
	acked := map[model.EventID]model.ID{}
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), "YUNWEI_CRASH_PLAN="+string(raw))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		killAfter := 40 + round*37
		n := 0
		deadline := time.After(60 * time.Second)
		for lines.Scan() {
			fields := strings.Fields(lines.Text())
			if len(fields) == 3 && fields[0] == "ack" {
				var id model.EventID
				if err := id.UnmarshalText([]byte(fields[2])); err != nil {
					t.Fatal(err)
				}
				entity, _ := model.ParseID(fields[1])
				acked[id] = entity
				n++
			} else if len(fields) > 0 && fields[0] == "error" {
				t.Fatalf("child failed: %s", lines.Text())
			}
			if n >= killAfter {
				break
			}
			select {
			case <-deadline:
				t.Fatal("child too slow")
			default:
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		s, err := Open(context.Background(), plan.Path)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		for id, entity := range acked {
			events, err := s.EntityEvents(context.Background(), entity)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, e := range events {
				found = found || e.ID == id
			}
			if !found {
				t.Fatalf("round %d: acknowledged event %s of %s is missing", round, id.Short(), entity.Short())
			}
		}
		report, err := s.Check(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(report.Problems) > 0 {
			t.Fatalf("round %d: check after kill: %v", round, report.Problems)
		}
		s.Close()
	}
	if len(acked) < 100 {
		t.Fatalf("only %d events acknowledged: the test did not exercise much", len(acked))
	}
}
