package app

import (
	"context"
	"os"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/model/i18n"
	"yunwei/ui/common"
)

// BenchmarkFrame: one whole frame of the root (header, tabs, the queue,
// status and help lines) at 120×40 over 100,000 tickets (DESIGN §8: any
// View ≤ 5 ms). It needs YUNWEI_BENCH_DB, a `yunwei demo --tickets 100000`
// database (the queue's and the process benchmarks generate their own).
func BenchmarkFrame(b *testing.B) {
	path := os.Getenv("YUNWEI_BENCH_DB")
	if path == "" {
		b.Skip("set YUNWEI_BENCH_DB to a demo database of 100,000 tickets")
	}
	ctx := context.Background()
	s, err := db.OpenInteractive(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	u, err := s.Profile(ctx)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)
	opt := Options{Deps: common.Deps{Store: s, Lang: i18n.Zh, User: u, Now: func() time.Time { return now }}, DBPath: path, Headless: true}
	m, err := Headless{Width: 120, Height: 40}.run(ctx, New(opt))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}
