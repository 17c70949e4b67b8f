package db_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/db/demo"
)

// demo100k is a 100,000-ticket demo database (`yunwei demo --tickets
// 100000 --seed 1`), or the one YUNWEI_BENCH_DB names. It is generated
// once (about 20 s) and kept in the temporary folder under a name holding
// the schema version, so that later runs reuse it and a new schema makes a
// new one. Benchmarks only read it.
func demo100k(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("YUNWEI_BENCH_DB"); p != "" {
		return p
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("yunwei-bench-demo100k-seed1-schema%d.db", db.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	anchor := time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)
	if _, err := demo.Create(context.Background(), path, demo.Options{Tickets: 100_000, Seed: 1, Anchor: anchor}); err != nil {
		b.Fatal(err)
	}
	return path
}

// searchTerms are terms of one to nine characters, rare and common, in
// the demo's texts, its numbers and its names.
var searchTerms = []struct{ name, term string }{
	{"嘱", "嘱"},
	{"打印", "打印"},
	{"医嘱", "医嘱"},
	{"打印机", "打印机"},
	{"数据库连接", "数据库连接"},
	{"心内科病区希望医嘱", "心内科病区希望医嘱"},
	{"number", "dem-2026-4321"},
	{"excel", "Excel"},
	{"customer", "市水司"},
}

// BenchmarkSearch100k: the store's search at 100,000 tickets, per term:
// SearchTickets as `ticket list --search` asks it (ids in the list's
// order, every status) and TicketsMentioning as the queue's enter-search
// asks it (≤ 50 ms with the screen's work, BenchmarkEnterSearch100k).
// Each is asked of the store opened as its caller opens it.
func BenchmarkSearch100k(b *testing.B) {
	ctx := context.Background()
	path := demo100k(b)
	cli, err := db.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer cli.Close()
	tui, err := db.OpenInteractive(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer tui.Close()
	for _, c := range searchTerms {
		b.Run("list/"+c.name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				ids, err := cli.SearchTickets(ctx, c.term, db.TicketFilter{Status: "all"})
				if err != nil {
					b.Fatal(err)
				}
				n = len(ids)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(n), "tickets")
		})
		b.Run("texts/"+c.name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				ids, err := tui.TicketsMentioning(ctx, c.term)
				if err != nil {
					b.Fatal(err)
				}
				n = len(ids)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
			b.ReportMetric(float64(n), "tickets")
		})
	}
}
