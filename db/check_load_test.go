package db

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startWriter starts TestCrashChild on the fixture's database: another
// process committing tickets and comments as fast as it can. It returns
// once the writer has committed a first action.
func startWriter(t *testing.T, f *fixture) {
	t.Helper()
	plan := crashPlan{Path: f.s.Path(), Engineer: f.engineer, Contract: f.contract, Site: f.site, System: f.system, Request: f.requester}
	raw, _ := json.Marshal(plan)
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.v=false")
	cmd.Env = append(os.Environ(), "YUNWEI_CRASH_PLAN="+string(raw))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "ack") {
		t.Fatalf("the writer did not start: %q", lines.Text())
	}
	go func() {
		for lines.Scan() {
		}
	}()
}

// Check run again and again while another process writes finds nothing
// wrong: the log and the projections it compares come from one snapshot.
func TestCheckUnderLoadHasNoFalseFailures(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a writer")
	}
	f := newFixture(t)
	bulkTickets(t, f, 1000, 1)
	startWriter(t, f)
	ctx := context.Background()
	failures := 0
	var last []Problem
	for i := 0; i < 12; i++ {
		r, err := f.s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Problems) > 0 {
			failures++
			last = r.Problems
		}
	}
	if failures > 0 {
		t.Fatalf("%d of 12 checks failed on a healthy database under load: %v", failures, last)
	}
}

// scratchFiles lists check's scratch files in dir.
func scratchFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, scratchPrefix+"*"))
	return m
}

// TestCheckChild runs check in a loop on the database it is given until it
// is stopped; on SIGINT or SIGTERM its context is cancelled, as the
// program's is, and it prints the error check returned.
func TestCheckChild(t *testing.T) {
	path := os.Getenv("YUNWEI_CHECK_CHILD")
	if path == "" {
		t.Skip("child of TestKilledCheckLeavesNoScratchCopy")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer s.Close()
	for {
		if _, err := s.Check(ctx); err != nil {
			fmt.Println("check:", err)
			return
		}
	}
}

// A check killed in the middle leaves its scratch copy behind (nothing
// can remove it then); the next check removes it. A check interrupted by
// SIGINT removes its own and says it was cancelled.
func TestKilledCheckLeavesNoScratchCopy(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	f := newFixture(t)
	bulkTickets(t, f, 20000, 0)
	for _, sig := range []os.Signal{syscall.SIGKILL, os.Interrupt} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCheckChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), "YUNWEI_CHECK_CHILD="+f.s.Path())
		var out strings.Builder
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for len(scratchFiles(t, tmp)) == 0 {
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatal("the child never made a scratch copy")
			}
			time.Sleep(2 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
		cmd.Wait()
		left := scratchFiles(t, tmp)
		if sig == syscall.SIGKILL {
			if len(left) == 0 {
				t.Fatal("the killed check left nothing: the test did not catch it mid-copy")
			}
			if _, err := f.s.Check(context.Background()); err != nil {
				t.Fatal(err)
			}
			if left := scratchFiles(t, tmp); len(left) > 0 {
				t.Fatalf("the next check left a killed one's scratch copy: %v", left)
			}
			continue
		}
		if len(left) > 0 {
			t.Fatalf("a check interrupted by SIGINT left %v", left)
		}
		if !strings.Contains(out.String(), "cancelled: nothing was written") {
			t.Fatalf("an interrupted check said %q", out.String())
		}
	}
}
