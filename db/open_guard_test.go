package db

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"yunwei/model"
)

// Another program's SQLite file is refused without a byte of it changed:
// not switched to WAL, no -wal or -shm file left beside it, whether it
// names itself with an application id or not.
func TestOpenLeavesAnotherProgramsFileAlone(t *testing.T) {
	for _, tc := range []struct {
		name, setup string
	}{
		{"no application id", "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('海边.jpg')"},
		{"its own application id", "PRAGMA application_id = 1179011410; CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('巡检')"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			other, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := other.Exec(tc.setup); err != nil {
				t.Fatal(err)
			}
			other.Close()
			before, _ := os.ReadFile(path)
			for _, open := range []func(context.Context, string) (*Store, error){Open, OpenInteractive, OpenReadOnly} {
				s, err := open(context.Background(), path)
				if err == nil {
					s.Close()
				}
				wantMessage(t, err, model.EINVALID, "another program")
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Fatalf("opening another program's file changed it (byte 18/19: %d/%d → %d/%d)", before[18], before[19], after[18], after[19])
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("opening another program's file left %s beside it", filepath.Base(path+side))
				}
			}
		})
	}
}

// A yunwei database whose first transactions are still in its -wal file
// (the main file's header says nothing yet) is not taken for a stranger's.
func TestOpenKnowsItsOwnFileBeforeTheFirstCheckpoint(t *testing.T) {
	dir := t.TempDir()
	f := newFixture(t)
	f.must(t, f.engineer, f.newTicket("检查点之前"))
	// Copy the main file and its -wal while the store is open: the main
	// file alone has not been checkpointed.
	for _, side := range []string{"", "-wal"} {
		b, err := os.ReadFile(f.s.Path() + side)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "copy.db"+side), b, 0o600)
	}
	s, err := Open(context.Background(), filepath.Join(dir, "copy.db"))
	if err != nil {
		t.Fatalf("a yunwei file not yet checkpointed: %v", err)
	}
	defer s.Close()
	if n, _ := s.EventCount(context.Background()); n == 0 {
		t.Fatal("the copy's events are missing")
	}
}
