package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/db"
)

type run struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, env map[string]string, args ...string) run {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Getenv: func(k string) string { return env[k] }}
	code := app.Run(context.Background(), args)
	return run{code, out.String(), errOut.String()}
}

// demoDB makes a small demo database once per test.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	r := runCLI(t, nil, "demo", "--db", path, "--tickets", "60", "--anchor", "2026-11-27T10:30:00+08:00")
	if r.code != 0 {
		t.Fatalf("demo: %d %s", r.code, r.stderr)
	}
	return path
}

func TestHelpVersionAndBadCommandLines(t *testing.T) {
	if r := runCLI(t, nil, "--help"); r.code != ExitOK {
		t.Fatalf("--help exit %d", r.code)
	}
	if r := runCLI(t, nil, "--version"); r.code != 0 || !strings.Contains(r.stdout, "yunwei test") {
		t.Fatalf("--version: %+v", r)
	}
	for _, args := range [][]string{{"frobnicate"}, {"--no-such-flag"}, {"ticket"}, {"ticket", "fly"}, {"ticket", "list", "--limit", "x"}, {"--lang", "fr", "check"}} {
		r := runCLI(t, nil, args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "Usage") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

func TestDemoThenListAndShowAsJSON(t *testing.T) {
	path := demoDB(t)
	r := runCLI(t, nil, "ticket", "list", "--db", path, "--status", "all", "--json")
	if r.code != 0 {
		t.Fatalf("list: %s", r.stderr)
	}
	var rows []db.TicketRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, r.stdout[:200])
	}
	if len(rows) != 60 {
		t.Fatalf("%d rows, want 60", len(rows))
	}
	first := rows[0]
	r = runCLI(t, nil, "--db", path, "ticket", "show", first.Number, "--json")
	var d db.TicketDetail
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || d.Number != first.Number || d.Title != first.Title {
		t.Fatalf("show --json: %v %q", err, r.stdout)
	}
	// The text list aligns CJK by display width: every Customer cell starts
	// in the same column.
	r = runCLI(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "--db", path, "ticket", "list", "--limit", "10")
	if !strings.HasPrefix(r.stdout, "编号") {
		t.Fatalf("Chinese header expected from LANG, got %q", r.stdout[:40])
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "show", "NOPE-1"); r.code != ExitError || !strings.Contains(r.stderr, "no ticket") {
		t.Fatalf("show of an unknown ticket: %+v", r)
	}
}

func TestNewEditAssignCommentFromTheCommandLine(t *testing.T) {
	path := demoDB(t)
	r := runCLI(t, nil, "--db", path, "ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼",
		"--system", "HIS", "--title", "急诊挂号系统 🚑 无法出号", "--requester", "刘晓梅", "--severity", "1", "--json")
	if r.code != 0 {
		t.Fatalf("new: %s", r.stderr)
	}
	var d db.TicketDetail
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "急诊挂号系统 🚑 无法出号" || d.SiteName != "门诊楼信息中心机房" || d.RequesterName != "刘晓梅" || d.Severity != 1 {
		t.Fatalf("created %+v", d)
	}
	for _, args := range [][]string{
		{"ticket", "edit", d.Number, "title=急诊挂号恢复中", "severity=2"},
		{"ticket", "assign", d.Number, "lina"},
		{"ticket", "comment", d.Number, "已到现场，", "正在处理"},
	} {
		if r := runCLI(t, nil, append([]string{"--db", path}, args...)...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	r = runCLI(t, nil, "--db", path, "ticket", "show", d.Number, "--json")
	json.Unmarshal([]byte(r.stdout), &d)
	if d.Title != "急诊挂号恢复中" || d.Assignee == nil || d.Assignee.Login != "lina" || d.Comments != 1 || len(d.History) != 5 {
		t.Fatalf("after edits: title %q assignee %+v comments %d history %d", d.Title, d.Assignee, d.Comments, len(d.History))
	}
}

func TestBadInputIsRefusedAndWritesNothing(t *testing.T) {
	path := demoDB(t)
	count := func() int {
		r := runCLI(t, nil, "--db", path, "check", "--json")
		var rep db.CheckReport
		json.Unmarshal([]byte(r.stdout), &rep)
		return int(rep.Events)
	}
	before := count()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", ""}, "title must not be empty"},
		{[]string{"ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "bad\x1b[2Jtitle"}, "control character"},
		{[]string{"ticket", "new", "--kind", "repair", "--customer", "市一医院", "--title", "x"}, "unknown kind"},
		{[]string{"ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "x", "--reported-at", "2026-02-30 09:00"}, "not a time"},
		{[]string{"ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", strings.Repeat("长", 201)}, "201 characters"},
		{[]string{"ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "火星", "--title", "x"}, "no site"},
		{[]string{"ticket", "new", "--kind", "incident", "--customer", "不存在的客户", "--title", "x"}, "no customer"},
		{[]string{"customer", "add", "--name", "新客户"}, "only an admin"},
		{[]string{"ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "x", "--as", "nobody"}, "no vendor user"},
	}
	for _, c := range cases {
		r := runCLI(t, nil, append([]string{"--db", path}, c.args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, r.code, r.stderr, c.want)
		}
	}
	if after := count(); after != before {
		t.Fatalf("refused commands wrote %d events", after-before)
	}
	// An admin may add the customer.
	if r := runCLI(t, demoPassphrase, "--db", path, "--as", "zhaoli", "customer", "add", "--name", "新客户"); r.code != 0 {
		t.Fatalf("admin adding a customer: %s", r.stderr)
	}
}

func TestFirstUserOnAnEmptyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	if r := runCLI(t, nil, "--db", path, "ticket", "list", "--mine"); r.code != ExitError || !strings.Contains(r.stderr, "user add") {
		t.Fatalf("--mine without a user: %+v", r)
	}
	r := runCLI(t, map[string]string{"YUNWEI_NEW_PASSPHRASE": "张工的口令"}, "--db", path, "user", "add", "--login", "zhang", "--name", "张工", "--roles", "engineer")
	if r.code != 0 {
		t.Fatalf("first user: %s", r.stderr)
	}
	r = runCLI(t, nil, "--db", path, "user", "whoami", "--json")
	if !strings.Contains(r.stdout, `"admin"`) || !strings.Contains(r.stdout, "张工") {
		t.Fatalf("first user should be the profile and an admin: %s", r.stdout)
	}
	steps := [][]string{
		{"customer", "add", "--name", "测试医院", "--short", "测医"},
		{"contract", "add", "--customer", "测医", "--number", "HT-1", "--start", "2026-01-01", "--end", "2026-12-31", "--engineers", "zhang"},
		{"site", "add", "--customer", "测医", "--name", "机房"},
		{"system", "add", "--customer", "测医", "--name", "HIS", "--site", "机房"},
		{"contact", "add", "--customer", "测医", "--name", "李主任", "--roles", "dept_head,requester"},
		{"ticket", "new", "--kind", "consultation", "--customer", "测医", "--title", "如何导出报表"},
	}
	for _, s := range steps {
		if r := runCLI(t, nil, append([]string{"--db", path}, s...)...); r.code != 0 {
			t.Fatalf("%v: %s", s, r.stderr)
		}
	}
	if r := runCLI(t, nil, "--db", path, "contract", "add", "--customer", "测医", "--number", "HT-2", "--start", "2026-13-01", "--end", "2026-12-31"); r.code == 0 || !strings.Contains(r.stderr, "not a real date") {
		t.Fatalf("malformed date: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "check"); r.code != 0 || !strings.Contains(r.stdout, "Check passed") {
		t.Fatalf("check: %+v", r)
	}
}

func TestCheckFailsOnATamperedEvent(t *testing.T) {
	path := demoDB(t)
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	var body []byte
	if err := s.DB().QueryRow("SELECT n, body FROM events ORDER BY n DESC LIMIT 1").Scan(&n, &body); err != nil {
		t.Fatal(err)
	}
	body = bytes.Replace(openedBody(t, body), []byte(`"v":1`), []byte(`"v":2`), 1) // still canonical, no longer the hashed bytes
	setBody(t, s.DB(), n, body)
	s.Close()
	r := runCLI(t, nil, "--db", path, "check")
	if r.code != ExitError || !strings.Contains(r.stdout, "[chain_broken] event #") || !strings.Contains(r.stdout, "[head_mismatch]") {
		t.Fatalf("tampered event not reported: %+v", r)
	}
}

func TestDefaultDatabaseIsCreatedInTheUserDataFolder(t *testing.T) {
	home := t.TempDir()
	r := runCLI(t, map[string]string{"HOME": home}, "ticket", "list")
	if r.code != 0 {
		t.Fatalf("list on a fresh default DB: %s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(home, ".local", "share", "yunwei", "yunwei.db")); err != nil {
		t.Fatalf("default DB not created: %v", err)
	}
	if r := runCLI(t, nil, "ticket", "list"); r.code != ExitError || !strings.Contains(r.stderr, "--db") {
		t.Fatalf("no HOME: %+v", r)
	}
}

func TestHelpPrintsUsageForEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"ticket", "--help"}, {"ticket", "list", "-h"}, {"demo", "--help"}, {"customer", "help"}, {"calendar", "--help"}, {"quota", "--help"}, {"check", "-h"}} {
		r := runCLI(t, nil, args...)
		if r.code != ExitOK || !strings.Contains(r.stdout, "Usage") {
			t.Errorf("%v: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
}
