package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"yunwei/db/demo"
)

// Process benchmarks for DESIGN §8 at 100,000 tickets: the real binary in
// its headless modes, timed and measured from outside. Run:
//
//	go test -run '^$' -bench . -benchtime 20x .
//
// The database is generated once per run (about 15 s), or taken from
// YUNWEI_BENCH_DB (a `yunwei demo --tickets 100000` database).
var bench struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func benchDB(b *testing.B) string {
	b.Helper()
	bench.once.Do(func() {
		if p := os.Getenv("YUNWEI_BENCH_DB"); p != "" {
			bench.path = p
			return
		}
		if bench.dir, bench.err = os.MkdirTemp("", "yunwei-bench-"); bench.err != nil {
			return
		}
		bench.path = filepath.Join(bench.dir, "100k.db")
		_, bench.err = demo.Create(context.Background(), bench.path, demo.Options{
			Tickets: 100_000, Seed: 1, Anchor: time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)})
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.path
}

// measure runs the binary once and returns its wall time and peak
// resident set (ru_maxrss: VmHWM, mapped file pages included).
func measure(b *testing.B, args ...string) (time.Duration, float64, string) {
	b.Helper()
	cmd := exec.Command(binary(b), args...)
	var out, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("yunwei %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	took := time.Since(start)
	rss := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KiB on Linux
	return took, rss, out.String()
}

// BenchmarkFirstFrame: process start to the first full frame of the queue
// on stdout, and exit (≤ 100 ms). ns/op is one whole process.
func BenchmarkFirstFrame(b *testing.B) {
	path := benchDB(b)
	binary(b)
	measure(b, "--db", path, "--first-frame") // migrations, page cache
	var rss float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, r, out := measure(b, "--db", path, "--first-frame", "--size", "120x40")
		if !strings.Contains(out, "DEM-") {
			b.Fatalf("no tickets in the first frame:\n%s", out)
		}
		rss = max(rss, r)
	}
	b.ReportMetric(rss, "peak-MiB")
}

// browse is a session of browsing and filtering: paging, every quick
// filter and sort, searches typed and deleted, a ticket opened and left,
// the approvals tab.
const browse = "pgdown pgdown j j j k G g s s s m w b a " +
	"/ 数据 backspace backspace 打印 enter esc / dem-2026-4 esc " +
	"/ 系统 enter enter esc esc 2 1 n esc"

// BenchmarkPeakRSS: peak resident memory of a whole browsing and
// filtering session over 100,000 tickets (≤ 60 MiB), measured as the
// process's ru_maxrss. ns/op is the session, load included.
func BenchmarkPeakRSS(b *testing.B) {
	path := benchDB(b)
	binary(b)
	var rss float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, r, out := measure(b, "--db", path, "--keys", browse, "--size", "120x40")
		if !strings.Contains(out, "[1 Queue]") {
			b.Fatalf("the session did not end on the queue:\n%s", out)
		}
		rss = max(rss, r)
	}
	b.ReportMetric(rss, "peak-MiB")
}
