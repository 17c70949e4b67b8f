package demo

import (
	"context"
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

// TestDemoChild builds a large demo database at the path it is given until
// it is stopped; on SIGINT or SIGTERM its context is cancelled, as the
// program's is, and it prints the error Create returned.
func TestDemoChild(t *testing.T) {
	path := os.Getenv("YUNWEI_DEMO_CHILD")
	if path == "" {
		t.Skip("child of TestKilledDemoLeavesNoTemporaryFile")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	_, err := Create(ctx, path, Options{Tickets: 200_000, Anchor: anchor})
	fmt.Println("create:", err)
}

// besides lists what is in the folder of path other than path itself.
func besides(t *testing.T, path string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(path))
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			out = append(out, e.Name())
		}
	}
	return out
}

// A demo killed while it builds leaves its temporary file (nothing can
// remove it then), and the next demo removes it; a demo interrupted by
// SIGINT removes its own, writes no database and says it was cancelled.
func TestKilledDemoLeavesNoTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	path := filepath.Join(t.TempDir(), "demo.db")
	for _, sig := range []os.Signal{syscall.SIGKILL, os.Interrupt} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDemoChild$", "-test.v=false")
		cmd.Env = append(os.Environ(), "YUNWEI_DEMO_CHILD="+path)
		var out strings.Builder
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for {
			if left := besides(t, path); len(left) > 0 {
				if st, err := os.Stat(filepath.Join(filepath.Dir(path), left[0])); err == nil && st.Size() > 1<<20 {
					break // well into the build
				}
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatal("the child never started building")
			}
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(sig)
		cmd.Wait()
		left := besides(t, path)
		if sig == syscall.SIGKILL {
			if len(left) == 0 {
				t.Fatal("the killed demo left nothing: the test did not catch it building")
			}
			if _, err := Create(context.Background(), path, Options{Tickets: 20, Anchor: anchor}); err != nil {
				t.Fatal(err)
			}
			if left := besides(t, path); len(left) > 0 {
				t.Fatalf("the next demo left a killed one's temporary files: %v", left)
			}
			os.Remove(path)
			continue
		}
		if len(left) > 0 {
			t.Fatalf("a demo interrupted by SIGINT left %v", left)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatal("a demo interrupted by SIGINT wrote a database")
		}
		if !strings.Contains(out.String(), "cancelled: nothing was written") {
			t.Fatalf("an interrupted demo said %q", out.String())
		}
	}
}
