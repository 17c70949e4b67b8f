package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/db"
)

func eventCount(t *testing.T, path string) int64 {
	t.Helper()
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.EventCount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The README's first command works a second time: `yunwei demo --db
// demo.db` on a database that holds demo data keeps it, says so, and
// exits 0, so that the command after it opens the demo; --force replaces
// it with a new one.
func TestDemoTwiceKeepsTheDemoAndForceReplacesIt(t *testing.T) {
	path := demoDB(t)
	mustRun(t, path, "ticket", "comment", "DEM-2026-0001", "演示中加的备注")
	before := eventCount(t, path)
	r := runCLI(t, nil, "demo", "--db", path, "--tickets", "60")
	if r.code != ExitOK || !strings.Contains(r.stdout, path+" already holds demo data: kept as it is; --force replaces it") ||
		!strings.Contains(r.stdout, "Start with: yunwei --db "+path) || r.stderr != "" {
		t.Fatalf("demo a second time: %+v", r)
	}
	if n := eventCount(t, path); n != before {
		t.Fatalf("the demo was changed: %d events, had %d", n, before)
	}
	r = runCLI(t, nil, "--lang", "zh", "demo", "--db", path)
	if r.code != ExitOK || !strings.Contains(r.stdout, "已有演示数据：保持不变；--force 重新生成") {
		t.Fatalf("in Chinese: %+v", r)
	}
	// And the command after it opens the kept demo.
	if out := mustRun(t, path, "ticket", "show", "DEM-2026-0001"); !strings.Contains(out, "演示中加的备注") {
		t.Fatalf("the kept demo lost its comment:\n%s", out)
	}

	r = runCLI(t, nil, "demo", "--db", path, "--tickets", "60", "--anchor", "2026-11-27T10:30:00+08:00", "--force")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Demo data written to "+path) {
		t.Fatalf("demo --force: %+v", r)
	}
	if out := mustRun(t, path, "ticket", "show", "DEM-2026-0001"); strings.Contains(out, "演示中加的备注") {
		t.Fatalf("--force kept the old demo:\n%s", out)
	}
	if r := runCLI(t, nil, "--db", path, "check"); r.code != ExitOK {
		t.Fatalf("check after --force: %+v", r)
	}
}

// A database of real work is never replaced by demo data, --force or not,
// and nothing is written to it.
func TestDemoNeverReplacesRealWork(t *testing.T) {
	path := filepath.Join(t.TempDir(), "work.db")
	r := runCLI(t, map[string]string{"YUNWEI_NEW_PASSPHRASE": "张工的口令"}, "--db", path, "user", "add", "--login", "zhang", "--name", "张工", "--roles", "engineer")
	if r.code != ExitOK {
		t.Fatalf("first user: %+v", r)
	}
	before := eventCount(t, path)
	for _, args := range [][]string{{"demo", "--db", path}, {"demo", "--db", path, "--force"}, {"--lang", "zh", "demo", "--db", path, "--force"}} {
		r := runCLI(t, nil, args...)
		if r.code != ExitError || !strings.Contains(r.stderr, "events") && !strings.Contains(r.stderr, "事件") {
			t.Errorf("%v: %+v", args, r)
		}
		if strings.Contains(r.stdout, "demo data") {
			t.Errorf("%v: %q", args, r.stdout)
		}
	}
	if n := eventCount(t, path); n != before {
		t.Fatalf("the database of work was changed: %d events, had %d", n, before)
	}
	if r := runCLI(t, nil, "--db", path, "user", "whoami"); !strings.Contains(r.stdout, "张工") {
		t.Fatalf("whoami after the refusals: %+v", r)
	}
}
