package db

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/model"
)

func openErr(t *testing.T, path string) error {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
	}
	return err
}

func wantMessage(t *testing.T, err error, code string, words ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error, got none")
	}
	if model.ErrorCode(err) != code {
		t.Fatalf("code %q, want %q (%v)", model.ErrorCode(err), code, err)
	}
	for _, w := range words {
		if !strings.Contains(model.ErrorMessage(err), w) {
			t.Fatalf("message %q does not mention %q", model.ErrorMessage(err), w)
		}
	}
}

func TestOpenRefusesBadPathsClearly(t *testing.T) {
	dir := t.TempDir()
	wantMessage(t, openErr(t, filepath.Join(dir, "missing", "y.db")), model.EINVALID, "does not exist")
	wantMessage(t, openErr(t, dir), model.EINVALID, "is a folder")
	wantMessage(t, openErr(t, ""), model.EINVALID, "--db")

	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("meeting notes: 巡检 on Monday\n"), 0o600)
	wantMessage(t, openErr(t, notDB), model.EINVALID, "not a yunwei database")
	if b, _ := os.ReadFile(notDB); !strings.HasPrefix(string(b), "meeting notes") {
		t.Fatal("opening a non-database file changed it")
	}

	if os.Getuid() != 0 { // root ignores permissions
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		wantMessage(t, openErr(t, filepath.Join(ro, "y.db")), model.EINVALID, "not writable")
	}
}

func TestOpenRefusesAnotherProgramsSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	other.Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
	other.Close()
	wantMessage(t, openErr(t, path), model.EINVALID, "another program")
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "y.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 999")
	s.Close()
	wantMessage(t, openErr(t, path), model.EINVALID, "newer yunwei", "999")
}

func TestOpenReportsACorruptDatabase(t *testing.T) {
	f := newFixture(t)
	path := f.s.Path()
	for i := 0; i < 50; i++ {
		f.must(t, f.engineer, f.newTicket("巡检发现磁盘告警"))
	}
	f.s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	f.s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Keep the header, wreck the schema page and everything after it.
	for i := 100; i < len(b); i++ {
		b[i] = byte(i * 7)
	}
	os.WriteFile(path, b, 0o600)
	wantMessage(t, openErr(t, path), model.EINVALID, "damaged")
}

func TestReopenKeepsDeviceAndSequence(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dev := f.s.Device()
	f.must(t, f.engineer, f.newTicket("第一张"))
	path := f.s.Path()
	f.s.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Device() != dev {
		t.Fatalf("device changed on reopen: %v → %v", dev, s.Device())
	}
	c := f.newTicket("第二张")
	res, err := s.Execute(ctx, Acting{UserID: f.engineer}, c)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := s.EventCount(ctx)
	if res.Events[0].Seq != n {
		t.Fatalf("sequence %d after reopen, want %d (gap-free)", res.Events[0].Seq, n)
	}
}
