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

// TestCheckChild runs check in a loop on the database it is given until it
// is stopped; on SIGINT or SIGTERM its context is cancelled, as the
// program's is, and it prints the error check returned.
func TestCheckChild(t *testing.T) {
	path := os.Getenv("YUNWEI_CHECK_CHILD")
	if path == "" {
		t.Skip("child of TestKilledCheckLeavesNothingBehind")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer s.Close()
	fmt.Println("checking")
	for {
		if _, err := s.Check(ctx); err != nil {
			fmt.Println("check:", err)
			return
		}
	}
}

// Check writes nothing but a temporary file that SQLite removes as soon as
// it is open: a check killed in the middle leaves nothing behind in the
// temporary folder, and one interrupted by SIGINT says it was cancelled.
// A scratch copy an older version left behind is removed.
func TestKilledCheckLeavesNothingBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	f := newFixture(t)
	bulkTickets(t, f, 20000, 0)
	for _, sig := range []os.Signal{syscall.SIGKILL, os.Interrupt} {
		tmp := t.TempDir()
		stale := filepath.Join(tmp, scratchPrefix+"999999999-0a1b2c.db")
		if err := os.WriteFile(stale, []byte("an older version's copy"), 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCheckChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), "YUNWEI_CHECK_CHILD="+f.s.Path(), "TMPDIR="+tmp)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		if !lines.Scan() || lines.Text() != "checking" {
			cmd.Process.Kill()
			t.Fatalf("the child did not start checking: %q", lines.Text())
		}
		time.Sleep(300 * time.Millisecond) // into a check, with its rebuild under way
		cmd.Process.Signal(sig)
		var out strings.Builder
		for lines.Scan() {
			out.WriteString(lines.Text() + "\n")
		}
		cmd.Wait()
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Fatalf("after %v, the temporary folder holds %v", sig, left)
		}
		if sig == os.Interrupt && !strings.Contains(out.String(), "cancelled: nothing was written") {
			t.Fatalf("an interrupted check said %q", out.String())
		}
	}
}
