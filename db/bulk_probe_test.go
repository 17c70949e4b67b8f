package db

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestProbeBulk(t *testing.T) {
	if os.Getenv("PROBE") == "" {
		t.Skip()
	}
	f := newFixture(t)
	t.Logf("db %s", f.s.Path())
	start := time.Now()
	err := f.s.Batch(context.Background(), func(b *Batch) error {
		for i := 0; i < 100000; i++ {
			c := f.newTicket("挂号系统无法打印发票，请尽快处理")
			c.Description = "门诊收费处反映，从今天上午开始打印发票时提示打印机错误，已重启电脑无效。"
			if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, c); err != nil {
				return err
			}
			if err := b.Forget(c.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("100k tickets: %v", time.Since(start))
	st, _ := os.Stat(f.s.Path())
	f.s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	st, _ = os.Stat(f.s.Path())
	t.Logf("bytes per ticket %d", st.Size()/100000)
	os.Remove("/tmp/probe.db")
	f.s.DB().Exec("VACUUM INTO '/tmp/probe.db'")
}
