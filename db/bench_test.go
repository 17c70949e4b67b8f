package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// Benchmarks for DESIGN §8. Run: go test -run '^$' -bench . -benchtime 1x ./db/

// BenchmarkActionCommitted: one user action committed durably (≤ 5 ms).
// The DB already holds 10,000 tickets; each iteration is one comment in its
// own transaction with synchronous=FULL.
func BenchmarkActionCommitted(b *testing.B) {
	f := newFixture(b)
	ctx := context.Background()
	ids := bulkTickets(b, f, 10_000, 0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := f.s.Execute(ctx, Acting{UserID: f.engineer}, ticket.Comment{ID: ids[i%len(ids)], Text: "已电话回访，客户确认恢复正常。"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBulkCreate100k: bulk creation of 100,000 tickets, one create
// event each, in one transaction (≤ 9 s), and DB bytes per ticket
// (≤ 1,300) reported as a metric.
func BenchmarkBulkCreate100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		f := newFixture(b)
		b.StartTimer()
		bulkTickets(b, f, 100_000, 0)
		b.StopTimer()
		f.s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		base := fileSize(b, f.s.Path())
		b.ReportMetric(float64(base)/100_000, "bytes/ticket")
	}
}

// BenchmarkRebuild1M: rebuild every projection from 1,000,000 events
// (200,000 tickets with four comments each).
func BenchmarkRebuild1M(b *testing.B) {
	f := newFixture(b)
	bulkTickets(b, f, rebuildTickets, 4)
	n, _ := f.s.EventCount(context.Background())
	b.ReportMetric(float64(n), "events")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := f.s.Rebuild(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// bulkTickets creates n tickets with realistic Chinese text and the given
// number of comments each, in one batch, and returns their ids.
func bulkTickets(b testing.TB, f *fixture, n, comments int) []model.ID {
	ids := make([]model.ID, 0, n)
	err := f.s.Batch(context.Background(), func(batch *Batch) error {
		for i := 0; i < n; i++ {
			c := f.newTicket(fmt.Sprintf("门诊收费处第%d号窗口无法打印发票", i%40+1))
			c.Description = "收费员反映：从今天上午开始打印发票时提示打印机错误，已重启电脑无效，请尽快处理。"
			if _, err := batch.ExecuteNew(Acting{UserID: f.engineer}, c); err != nil {
				return err
			}
			for j := 0; j < comments; j++ {
				if _, err := batch.Execute(Acting{UserID: f.engineer}, ticket.Comment{ID: c.ID, Text: "远程查看日志，初步判断为驱动问题。"}); err != nil {
					return err
				}
			}
			if err := batch.Forget(c.ID); err != nil {
				return err
			}
			ids = append(ids, c.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return ids
}

func fileSize(b testing.TB, path string) int64 {
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			total += st.Size()
		}
	}
	if total == 0 {
		b.Fatalf("no database at %s", filepath.Base(path))
	}
	return total
}

// rebuildTickets × 5 events is the size of BenchmarkRebuild1M's log.
var rebuildTickets = 200_000
