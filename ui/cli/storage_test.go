package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"yunwei/db"
)

// Ctrl-C during yunwei demo (the program's context cancelled) says it was
// cancelled, in the user's language, exits non-zero and leaves no file.
func TestDemoInterruptedSaysCancelled(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{{"en", "yunwei: cancelled: nothing was written\n"}, {"zh", "yunwei: 已取消：未写入任何内容\n"}} {
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		var out, errOut bytes.Buffer
		app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test", Getenv: func(string) string { return "" }}
		code := app.Run(ctx, []string{"--lang", tc.lang, "demo", "--db", filepath.Join(dir, "demo.db"), "--tickets", "1000000"})
		cancel()
		if code != ExitError || errOut.String() != tc.want {
			t.Fatalf("%s: exit %d, stderr %q; want %q", tc.lang, code, errOut.String(), tc.want)
		}
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Fatalf("%s: an interrupted demo left %s", tc.lang, left[0].Name())
		}
	}
}

// A read-only database (a backup) is listed, shown and checked from the
// command line; a command that would write says it is read-only.
func TestAReadOnlyDatabaseFromTheCommandLine(t *testing.T) {
	path := demoDB(t)
	readOnly := func(lang string, args ...string) run {
		var out, errOut bytes.Buffer
		app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test", Getenv: func(string) string { return "" }}
		app.openStore = func(ctx context.Context, path string, interactive bool) (*db.Store, error) {
			return db.OpenReadOnly(ctx, path)
		}
		code := app.Run(context.Background(), append([]string{"--lang", lang, "--db", path}, args...))
		return run{code, out.String(), errOut.String()}
	}
	list := readOnly("en", "ticket", "list", "--limit", "1")
	if list.code != 0 {
		t.Fatalf("list: %+v", list)
	}
	number := strings.Fields(strings.Split(list.stdout, "\n")[1])[0]
	if r := readOnly("en", "ticket", "show", number); r.code != 0 || !strings.Contains(r.stdout, number) {
		t.Fatalf("show: %+v", r)
	}
	if r := readOnly("en", "check"); r.code != 0 || !strings.Contains(r.stdout, "Check passed") {
		t.Fatalf("check: %+v", r)
	}
	before, _ := os.ReadFile(path)
	for _, tc := range []struct{ lang, want string }{{"en", "is read-only"}, {"zh", "是只读的"}} {
		r := readOnly(tc.lang, "ticket", "comment", number, "备份上不能写")
		if r.code != ExitError || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, path) {
			t.Fatalf("%s: a write to a read-only database: %+v", tc.lang, r)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the read-only database changed")
	}
}
