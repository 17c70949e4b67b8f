package db

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// backup makes a closed yunwei database holding a few tickets and returns
// its path and one ticket's id.
func backup(t *testing.T) (string, model.ID, *fixture) {
	t.Helper()
	f := newFixture(t)
	var id model.ID
	for i := 0; i < 3; i++ {
		id = f.must(t, f.engineer, f.newTicket(fmt.Sprintf("备份里的工单 %d", i))).Events[0].EntityID
	}
	f.s.Close()
	return f.s.Path(), id, f
}

// useReadOnly lists, shows and checks a read-only store, and tries to
// write to it; it returns what went wrong, or "".
func useReadOnly(ctx context.Context, s *Store, id, engineer model.ID) string {
	if !s.ReadOnly() {
		return "the store is not read-only"
	}
	n := 0
	if err := s.EachTicket(ctx, TicketFilter{Status: "all"}, func(TicketRow) error { n++; return nil }); err != nil || n != 3 {
		return fmt.Sprintf("list: %d tickets, %v", n, err)
	}
	if d, err := s.Ticket(ctx, id); err != nil || !strings.HasPrefix(d.Title, "备份里的工单") {
		return fmt.Sprintf("show: %q, %v", d.Title, err)
	}
	if r, err := s.Check(ctx); err != nil || len(r.Problems) > 0 || r.Events == 0 {
		return fmt.Sprintf("check: %+v, %v", r, err)
	}
	_, err := s.Execute(ctx, Acting{UserID: engineer}, ticket.Comment{ID: id, Text: "不应写入"})
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "read-only") || !strings.Contains(model.ErrorMessage(err), "nothing was saved") {
		return fmt.Sprintf("a write to a read-only store: %v", err)
	}
	if err := s.SetProfile(ctx, engineer); model.ErrorCode(err) != model.EINVALID {
		return fmt.Sprintf("setting the profile of a read-only store: %v", err)
	}
	return ""
}

func TestAReadOnlyBackupIsListedShownAndChecked(t *testing.T) {
	path, id, f := backup(t)
	before, _ := os.ReadFile(path)
	s, err := OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if problem := useReadOnly(context.Background(), s, id, f.engineer); problem != "" {
		t.Fatal(problem)
	}
	s.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("reading a backup changed it")
	}
}

func TestAReadOnlyBackupThatNeedsAnUpgradeIsRefusedClearly(t *testing.T) {
	path, _, _ := backup(t)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()-1))
	s.Close()
	_, err = OpenReadOnly(context.Background(), path)
	wantMessage(t, err, model.EINVALID, "read-only", "older yunwei", "writable folder")
}

// A file or folder the user may not write is opened read-only by Open
// itself. Root may write anything, so as root the opening user is
// "nobody", in a child process.
func TestOpenTakesAnUnwritableFileOrFolderAsReadOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes as root")
	}
	for _, what := range []string{"file", "folder"} {
		t.Run(what, func(t *testing.T) {
			path, id, f := backup(t)
			dir := filepath.Dir(path)
			if what == "file" {
				os.Chmod(path, 0o444)
			} else {
				os.Chmod(path, 0o644)
				os.Chmod(dir, 0o555)
				t.Cleanup(func() { os.Chmod(dir, 0o755) })
			}
			before, _ := os.ReadFile(path)
			if os.Getuid() != 0 {
				s, err := Open(context.Background(), path)
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				if problem := useReadOnly(context.Background(), s, id, f.engineer); problem != "" {
					t.Fatal(problem)
				}
			} else {
				out := runAsNobody(t, readOnlyPlan{Path: path, Ticket: id, Engineer: f.engineer})
				if out != "ok" {
					t.Fatalf("as nobody: %s", out)
				}
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatal("reading an unwritable database changed it")
			}
		})
	}
}

// readOnlyPlan is what TestReadOnlyChild is told.
type readOnlyPlan struct {
	Path             string
	Ticket, Engineer model.ID
}

// TestReadOnlyChild is the child of TestOpenTakesAnUnwritableFileOrFolderAsReadOnly.
func TestReadOnlyChild(t *testing.T) {
	raw := os.Getenv("YUNWEI_READONLY_PLAN")
	if raw == "" {
		t.Skip("child of TestOpenTakesAnUnwritableFileOrFolderAsReadOnly")
	}
	var p readOnlyPlan
	json.Unmarshal([]byte(raw), &p)
	ctx := context.Background()
	s, err := Open(ctx, p.Path)
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer s.Close()
	if problem := useReadOnly(ctx, s, p.Ticket, p.Engineer); problem != "" {
		fmt.Println(problem)
		return
	}
	fmt.Println("ok")
}

// runAsNobody runs TestReadOnlyChild as the user nobody from a copy of the
// test binary that user may execute, and returns what it printed.
func runAsNobody(t *testing.T, p readOnlyPlan) string {
	t.Helper()
	bin := filepath.Join(os.TempDir(), fmt.Sprintf("yunwei-readonly-test-%d", os.Getpid()))
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(dst, src)
	src.Close()
	dst.Close()
	t.Cleanup(func() { os.Remove(bin) })
	// The database's folder and its parents must be reachable by nobody.
	for d := filepath.Dir(p.Path); d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()+string(os.PathSeparator)); d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil && st.Mode().Perm()&0o005 != 0o005 {
			os.Chmod(d, st.Mode().Perm()|0o005)
		}
	}
	raw, _ := json.Marshal(p)
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyChild$", "-test.v=false")
	cmd.Env = append(os.Environ(), "YUNWEI_READONLY_PLAN="+string(raw), "HOME=/nonexistent")
	asNobody(cmd)
	out, err := cmd.CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > 0 && lines[0] == "ok" {
		return "ok"
	}
	return fmt.Sprintf("%v: %s", err, out)
}
