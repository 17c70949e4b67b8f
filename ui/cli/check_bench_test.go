package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Whole-process benchmarks of yunwei check at 100,000 tickets (DESIGN §8,
// check fits a laptop): the real binary, timed and measured from outside,
// s/op and its peak resident set (ru_maxrss). Run:
//
//	go test -run '^$' -bench 'Check.*100k' -benchtime 3x ./ui/cli/
//
// The database is `yunwei demo --tickets 100000 --seed 1`, made by a child
// process (a child inherits its parent's peak RSS, so the benchmark's own
// must stay small) and kept in the temporary folder under the hash of the
// sources that write it; YUNWEI_BENCH_DB names another one to use.
var checkBench struct {
	once      sync.Once
	bin, path string
	err       error
}

func checkBenchSetup(b *testing.B) (bin, path string) {
	b.Helper()
	checkBench.once.Do(func() {
		dir, err := os.MkdirTemp("", "yunwei-bin-")
		if err != nil {
			checkBench.err = err
			return
		}
		checkBench.bin = filepath.Join(dir, "yunwei")
		// The binary as it ships: static, without cgo (README, "The command line").
		build := exec.Command("go", "build", "-o", checkBench.bin, "yunwei")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			checkBench.err = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		if p := os.Getenv("YUNWEI_BENCH_DB"); p != "" {
			checkBench.path = p
			return
		}
		version, err := generatorVersion()
		if err != nil {
			checkBench.err = err
			return
		}
		checkBench.path = filepath.Join(os.TempDir(), "yunwei-bench-demo100k-"+version+".db")
		if _, err := os.Stat(checkBench.path); err == nil {
			return
		}
		building := checkBench.path + ".building"
		os.Remove(building)
		out, err := exec.Command(checkBench.bin, "demo", "--db", building, "--tickets", "100000", "--seed", "1",
			"--anchor", "2026-11-27T10:30:00Z").CombinedOutput()
		if err == nil {
			err = os.Rename(building, checkBench.path)
		}
		if err != nil {
			checkBench.err = fmt.Errorf("yunwei demo: %v\n%s", err, out)
		}
	})
	if checkBench.err != nil {
		b.Fatal(checkBench.err)
	}
	return checkBench.bin, checkBench.path
}

// generatorVersion is a hash of the sources that decide what the demo
// database holds: the model, the flows and the store.
func generatorVersion() (string, error) {
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(here), "..", "..")
	h := sha256.New()
	for _, dir := range []string{"model", "flows", "db"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.go") {
				return err
			}
			body, err := os.ReadFile(path)
			fmt.Fprintf(h, "%s %d\n", path[len(root):], len(body))
			h.Write(body)
			return err
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// benchCheck runs `yunwei --db PATH check ARGS` b.N times, after one run
// that brings the file into the page cache.
func benchCheck(b *testing.B, args ...string) {
	bin, path := checkBenchSetup(b)
	run := func() (time.Duration, float64) {
		cmd := exec.Command(bin, append([]string{"--db", path, "check"}, args...)...)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "passed") {
			b.Fatalf("yunwei check %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return time.Since(start), float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024
	}
	run()
	var took time.Duration
	var rss float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, r := run()
		took += d
		rss = max(rss, r)
	}
	b.ReportMetric(took.Seconds()/float64(b.N), "s/op")
	b.ReportMetric(rss, "peak-MiB")
}

// BenchmarkCheck100k: `yunwei check` of 100,000 tickets (533,653 events):
// ≤ 8 s (three times Fossil's test-integrity) and ≤ 100 MiB.
func BenchmarkCheck100k(b *testing.B) { benchCheck(b) }

// BenchmarkCheckQuick100k: `yunwei check --quick` of the same: ≤ 1 s.
func BenchmarkCheckQuick100k(b *testing.B) { benchCheck(b, "--quick") }
