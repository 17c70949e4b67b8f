package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/db/demo"
)

var (
	bench100kOnce sync.Once
	bench100kPath string
)

// demo100k generates a 100,000-ticket demo DB once per benchmark run, or
// takes the one YUNWEI_BENCH_DB names (`yunwei demo --tickets 100000`).
func demo100k(b *testing.B) string {
	if p := os.Getenv("YUNWEI_BENCH_DB"); p != "" {
		return p
	}
	bench100kOnce.Do(func() {
		dir, err := os.MkdirTemp("", "yunwei-bench-")
		if err != nil {
			b.Fatal(err)
		}
		bench100kPath = filepath.Join(dir, "demo100k.db")
		s, err := db.Open(context.Background(), bench100kPath)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		anchor := time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)
		if _, err := demo.Generate(context.Background(), s, demo.Options{Tickets: 100_000, Seed: 1, Anchor: anchor}); err != nil {
			b.Fatal(err)
		}
	})
	return bench100kPath
}

// BenchmarkTicketList100k: `yunwei ticket list --status all` over 100,000
// tickets, process work included (open, query, format), output discarded.
func BenchmarkTicketList100k(b *testing.B) {
	path := demo100k(b)
	for _, format := range []string{"text", "json"} {
		b.Run(format, func(b *testing.B) {
			args := []string{"--db", path, "ticket", "list", "--status", "all"}
			if format == "json" {
				args = append(args, "--json")
			}
			for i := 0; i < b.N; i++ {
				app := &App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
				if code := app.Run(context.Background(), args); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// BenchmarkTicketListSearch100k: `yunwei ticket list --search TERM
// --status all` over 100,000 tickets, process work included (open, search,
// query, format), output discarded: at most twice Fossil's LIKE over its
// ticket table (README "Performance").
func BenchmarkTicketListSearch100k(b *testing.B) {
	path := demo100k(b)
	for _, term := range []string{"打印机", "医嘱", "dem-2026-0042", "心内科病区希望医嘱"} {
		b.Run(term, func(b *testing.B) {
			args := []string{"--db", path, "ticket", "list", "--status", "all", "--search", term}
			for i := 0; i < b.N; i++ {
				app := &App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
				if code := app.Run(context.Background(), args); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
