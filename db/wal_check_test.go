package db

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// liveCopy copies a database's main file and its -wal as they are while it
// is open (the -wal holding transactions not yet checkpointed).
func liveFiles(t *testing.T, f *fixture) (main, wal []byte) {
	t.Helper()
	var err error
	if main, err = os.ReadFile(f.s.Path()); err != nil {
		t.Fatal(err)
	}
	if wal, err = os.ReadFile(f.s.Path() + "-wal"); err != nil || len(wal) == 0 {
		t.Fatalf("no -wal to copy: %v", err)
	}
	return main, wal
}

// A -wal file of another database beside a database is named by check,
// and the database is then only read, so that nothing checkpoints the
// stranger's pages into it; its own -wal, after a crash, is fine.
func TestCheckFindsAWALFileOfAnotherDatabase(t *testing.T) {
	ctx := context.Background()
	a, b := newFixture(t), newFixture(t)
	a.must(t, a.engineer, a.newTicket("甲库的工单"))
	a.s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	a.must(t, a.engineer, a.newTicket("甲库检查点之后"))
	b.must(t, b.engineer, b.newTicket("乙库的工单"))
	aMain, aWAL := liveFiles(t, a)
	_, bWAL := liveFiles(t, b)

	dir := t.TempDir()
	own := filepath.Join(dir, "own.db")
	os.WriteFile(own, aMain, 0o600)
	os.WriteFile(own+"-wal", aWAL, 0o600)
	s, err := Open(ctx, own)
	if err != nil {
		t.Fatal(err)
	}
	if r, err := s.Check(ctx); err != nil || len(r.Problems) > 0 || s.ReadOnly() {
		t.Fatalf("a database with its own -wal: %+v, %v, read-only %v", r.Problems, err, s.ReadOnly())
	}
	s.Close()

	mixed := filepath.Join(dir, "mixed.db")
	os.WriteFile(mixed, aMain, 0o600)
	os.WriteFile(mixed+"-wal", bWAL, 0o600)
	s, err = Open(ctx, mixed)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	named := false
	for _, p := range r.Problems {
		named = named || p.Kind == ProblemForeignWAL && strings.Contains(p.Detail, "belongs to another database")
	}
	if !named {
		t.Fatalf("check did not name the stranger's -wal: %v", r.Problems)
	}
	_, err = s.Execute(ctx, Acting{UserID: a.engineer}, ticket.Comment{ID: model.NewID(), Text: "x"})
	wantMessage(t, err, model.EINVALID, "nothing was saved", "-wal")
	s.Close()
	if got, _ := os.ReadFile(mixed); !bytes.Equal(got, aMain) {
		t.Fatal("the stranger's -wal was checkpointed into the database")
	}
}
