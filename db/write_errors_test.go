package db

import (
	"context"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// A write that runs out of room says so, in the user's language, and
// leaves nothing half-saved. SQLite's own "database or disk is full" comes
// from a page limit set on the one connection.
func TestAFullDiskSaysNothingWasSaved(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	id := f.must(t, f.engineer, f.newTicket("磁盘写满")).Events[0].EntityID
	f.s.db.SetMaxOpenConns(1)
	var pages int
	f.s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := f.s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
	before, _ := f.s.EventCount(ctx)
	_, err := f.s.Execute(ctx, Acting{UserID: f.engineer}, ticket.Comment{ID: id, Text: strings.Repeat("日志很长。", 4000)})
	wantMessage(t, err, model.EINVALID, "the disk is full: free space and try again; nothing was saved")
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "磁盘已满") || strings.Contains(zh, "disk") {
		t.Fatalf("in Chinese: %q", zh)
	}
	if after, _ := f.s.EventCount(ctx); after != before {
		t.Fatalf("%d events saved by a write that failed", after-before)
	}
	// A file write that fails with ENOSPC reads the same.
	wantMessage(t, describeWriteError(ctx, &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), model.EINVALID, "the disk is full")
}

// A write interrupted by Ctrl-C (the command's context cancelled) says it
// was cancelled, not "internal error".
func TestAnInterruptedWriteSaysCancelled(t *testing.T) {
	f := newFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	before, _ := f.s.EventCount(context.Background())
	err := f.s.Batch(ctx, func(b *Batch) error {
		for i := 0; ; i++ {
			if i == 50 {
				cancel()
			}
			if _, err := b.ExecuteNew(Acting{UserID: f.engineer}, f.newTicket("中断")); err != nil {
				return err
			}
		}
	})
	wantMessage(t, err, model.EINVALID, "cancelled: nothing was written")
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "已取消") {
		t.Fatalf("in Chinese: %q", zh)
	}
	if after, _ := f.s.EventCount(context.Background()); after != before {
		t.Fatalf("%d events saved by a cancelled batch", after-before)
	}
}
