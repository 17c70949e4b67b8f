package queue

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/db/demo"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// Benchmarks for DESIGN §8 at 100,000 tickets. Run:
//
//	go test -run '^$' -bench . -benchtime 20x ./ui/queue/
//
// The database is generated once per run (about 15 s), or taken from
// YUNWEI_BENCH_DB (a `yunwei demo --tickets 100000` database).

var bench struct {
	once sync.Once
	dir  string // the generated database's folder, removed by TestMain
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

var benchNow = time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)

func benchStore(b *testing.B) *db.Store {
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
		_, bench.err = demo.Create(context.Background(), bench.path, demo.Options{Tickets: 100_000, Seed: 1, Anchor: benchNow})
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	s, err := db.OpenInteractive(context.Background(), bench.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchQueue is the loaded queue at 120×40.
func benchQueue(b *testing.B) Model {
	s := benchStore(b)
	u, err := s.Profile(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	m := New(common.Deps{Store: s, Lang: i18n.Zh, User: u, Now: func() time.Time { return benchNow }})
	m.SetSize(120, 36)
	m, cmd := m.Update(m.Init()())
	m, _ = m.Update(cmd())
	if !m.full || len(m.t.rows) < 100_000 {
		b.Fatalf("the queue holds %d tickets", len(m.t.rows))
	}
	return m
}

// BenchmarkFilterKeystroke: a key typed in the search, to the redrawn
// queue (Update and View), over 100,000 tickets: p50 ≤ 7 ms, p95 ≤ 16 ms.
// Each term is typed one character at a time and then deleted one at a
// time (a deletion widens the search, so it scans everything again).
// Common terms match thousands of tickets, rare ones a handful.
func BenchmarkFilterKeystroke(b *testing.B) {
	for _, c := range []struct {
		name  string
		terms []string
	}{
		{"common", []string{"数据", "打印", "系统", "dem-2026"}},
		{"rare", []string{"心内科病区希望医嘱", "DEM-2026-4321", "excel 乱码"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			m := benchQueue(b)
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/")})
			var times []time.Duration
			matched := 0
			press := func(k tea.KeyMsg) {
				start := time.Now()
				m, _ = m.Update(k)
				_ = m.View()
				times = append(times, time.Since(start))
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, term := range c.terms {
					for _, r := range term {
						press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
					}
					matched += len(m.v.rows)
					for range []rune(term) {
						press(tea.KeyMsg{Type: tea.KeyBackspace})
					}
				}
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[len(times)*95/100]), "p95-ms")
			b.ReportMetric(ms(times[len(times)-1]), "max-ms")
			b.ReportMetric(float64(matched)/float64(b.N*len(c.terms)), "matches/term")
		})
	}
}

// BenchmarkQuickFilter: switching between the quick filters and sorts (a
// full pass over 100,000 tickets each), to the redrawn queue.
func BenchmarkQuickFilter(b *testing.B) {
	m := benchQueue(b)
	keys := []string{"m", "w", "b", "a", "s"}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, k := range keys {
			start := time.Now()
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
			_ = m.View()
			times = append(times, time.Since(start))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
	b.ReportMetric(ms(times[len(times)*95/100]), "p95-ms")
}

// BenchmarkView: one frame of the queue at 120×40 over 100,000 tickets
// (≤ 5 ms: only the visible rows are drawn).
func BenchmarkView(b *testing.B) {
	m := benchQueue(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}

// BenchmarkLoad: reading and sorting the whole queue, in the background
// while the first frame shows.
func BenchmarkLoad(b *testing.B) {
	s := benchStore(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if msg := loadAll(context.Background(), s, time.Now)().(loadedMsg); msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkEnterSearch100k: enter on a search typed in the queue, to the
// redrawn queue holding the tickets whose descriptions, comments and
// decision texts hold it (≤ 50 ms at 100,000 tickets): the key, the
// store's indexed search that it starts, the matches marked in the
// table and the frame.
func BenchmarkEnterSearch100k(b *testing.B) {
	m := benchQueue(b)
	for _, term := range []string{"嘱", "打印", "医嘱", "打印机", "数据库连接", "心内科病区希望医嘱", "excel"} {
		b.Run(term, func(b *testing.B) {
			m, _ = screentest.Drive(b, m, keys(append([]string{"esc", "/"}, strings.Split(term, "")...)...)...)
			var times []time.Duration
			found := 0
			for i := 0; i < b.N; i++ {
				// Back in the search, as typed, to be searched afresh.
				m.t.textQuery, m.searching = "", true
				start := time.Now()
				m, _ = screentest.Drive(b, m, keys("enter")...)
				_ = m.View()
				times = append(times, time.Since(start))
				found = len(m.v.rows)
			}
			slices.Sort(times)
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[len(times)-1]), "max-ms")
			b.ReportMetric(float64(found), "rows")
		})
	}
}
