package tui_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// Whole-process benchmarks of one user action on the command line
// (DESIGN §8: an action costs the same at any size), at 10,000 and at
// 100,000 tickets: ticket new, act, comment, assign, edit, each as the
// demo's profile user (no passphrase asked). ns/op is one whole process;
// peak-MiB its largest resident set.
func BenchmarkAction(b *testing.B) {
	for _, size := range []struct {
		name string
		path func(*testing.B) string
	}{{"10k", demo10kDB}, {"100k", benchDB}} {
		b.Run(size.name, func(b *testing.B) {
			path := size.path(b)
			newTicket := func(b *testing.B) string {
				out := run(b, "--db", path, "ticket", "new", "--kind", "incident", "--title", "门诊收费处打印机无法出单",
					"--customer", "市一医院", "--site", "门诊楼", "--requester", "刘晓梅")
				number := regexp.MustCompile(`DEM-\d{4}-\d+`).FindString(out)
				if number == "" {
					b.Fatalf("ticket new printed %q", out)
				}
				return number
			}
			target := newTicket(b)
			for _, action := range []struct {
				name  string
				args  func(i int) []string
				fresh bool // each run on a ticket of its own, just recorded
			}{
				{"new", func(int) []string {
					return []string{"ticket", "new", "--kind", "incident", "--title", "检验科打印机卡纸", "--customer", "市一医院",
						"--site", "门诊楼", "--requester", "刘晓梅"}
				}, false},
				{"act", func(int) []string { return []string{"ticket", "act", "", "respond", "--input", "on_site=no"} }, true},
				{"comment", func(int) []string {
					return []string{"ticket", "comment", target, "已电话联系，远程查看日志。"}
				}, false},
				{"assign", func(i int) []string { return []string{"ticket", "assign", target, []string{"lina", "wangjg"}[i%2]} }, false},
				{"edit", func(i int) []string {
					return []string{"ticket", "edit", target, fmt.Sprintf("title=门诊收费处打印机无法出单（第%d次）", i)}
				}, false},
			} {
				calls := 0 // across the benchmark's rounds: each run changes something
				b.Run(action.name, func(b *testing.B) {
					var rss float64
					for i := 0; i < b.N; i++ {
						calls++
						args := action.args(calls)
						if action.fresh {
							b.StopTimer()
							args[2] = newTicket(b)
							b.StartTimer()
						}
						_, r, _ := measure(b, append([]string{"--db", path}, args...)...)
						rss = max(rss, r)
					}
					b.ReportMetric(rss, "peak-MiB")
				})
			}
		})
	}
}

var demo10k madeDB

// demo10kDB is a 10,000-ticket demo database, made once per run.
func demo10kDB(b *testing.B) string {
	return demo10k.get(b, "10k.db", func(path string) error { return runDemo(b, path, 10_000) })
}

// BenchmarkList100k: `yunwei ticket list --status all` over 100,000
// tickets as a whole process, text and JSON (DESIGN §8: lists stream;
// ≤ 60 MiB). ns/op is one whole process; peak-MiB its largest resident set.
func BenchmarkList100k(b *testing.B) {
	path := benchDB(b)
	for _, format := range []string{"text", "json"} {
		b.Run(format, func(b *testing.B) {
			args := []string{"--db", path, "ticket", "list", "--status", "all"}
			if format == "json" {
				args = append(args, "--json")
			}
			var rss float64
			for i := 0; i < b.N; i++ {
				// The output is counted, not kept: a child inherits its
				// parent's peak resident set (fork), so a benchmark holding
				// 30 MB of output would inflate the next run's figure.
				var lines lineCounter
				cmd := exec.Command(binary(b), args...)
				cmd.Stdout = &lines
				if err := cmd.Run(); err != nil {
					b.Fatalf("yunwei %s: %v", strings.Join(args, " "), err)
				}
				if lines < 100_000 {
					b.Fatalf("%d lines listed", lines)
				}
				rss = max(rss, float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)/1024)
			}
			b.ReportMetric(rss, "peak-MiB")
		})
	}
}

// lineCounter counts the lines written to it.
type lineCounter int

func (c *lineCounter) Write(p []byte) (int, error) {
	*c += lineCounter(bytes.Count(p, []byte{'\n'}))
	return len(p), nil
}
