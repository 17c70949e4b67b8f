package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/flows/flowtest"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// zhEnv is a Chinese locale with the demo users' passphrase.
var zhEnv = map[string]string{"LANG": "zh_CN.UTF-8", "YUNWEI_PASSPHRASE": "demo"}

// typedWords are what the command line's Chinese rightly keeps in Latin
// letters: its commands, the names of options (--seed, "seed and anchor"),
// codes of kinds, roles, channels and statuses, names of keys and files,
// and units.
func typedWords() []string {
	words := []string{"KiB", "MiB", "demo", "open", "closed", "all", "login", "yes", "no", "true", "false",
		"holiday", "workday", "weekly", "tz", "off", "mon-fri", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "iCalendar", "ics", "SQLite", "approve", "propose",
		"enter", "esc", "tab", "up", "down", "pgup", "pgdown", "space", "backspace", "ctrl"}
	for _, c := range commands {
		words = append(words, c.group, c.name)
		words = append(words, c.ownFlags()...)
	}
	words = append(words, globalNames...)
	for _, k := range ticket.FlowKinds() {
		for _, st := range ticket.FlowFor(k).Steps {
			for _, d := range st.Decisions {
				words = append(words, d.Name)
			}
		}
	}
	for _, k := range []string{"incident", "bug_fix", "data_correction", "consultation", "enhancement", "change", "training", "staff_change", "overtime",
		"requester", "dept_head", "leadership", "engineer", "req_lead", "developer", "tech_lead", "admin", "phone", "email", "fax", "remote", "on_site"} {
		words = append(words, k)
	}
	return words
}

// synopsis is a help's lines of command syntax, and paths are files the
// user named: written as typed.
var (
	synopsis = regexp.MustCompile(`(?m)^(用法：)? *yunwei .*$|^ {2,}\[.*$`)
	paths    = regexp.MustCompile(`[^\s：]*/[^\s：]*`)
)

func wantChinese(t *testing.T, what, text string) {
	t.Helper()
	text = paths.ReplaceAllString(synopsis.ReplaceAllString(text, ""), " ")
	if bad := flowtest.English(text, typedWords()...); len(bad) > 0 {
		t.Errorf("%s: English %q in:\n%s", what, bad, text)
	}
}

// With a Chinese locale a wrong command line is refused in Chinese, the
// flag package's own errors included, and the help that follows is
// Chinese too.
func TestWrongCommandLinesAreRefusedInChinese(t *testing.T) {
	path := demoDB(t)
	for _, args := range [][]string{
		{"frobnicate"}, {"ticket"}, {"ticket", "fly"}, {"--no-such-flag"},
		{"ticket", "list", "--limit", "x"}, {"ticket", "list", "--limit", "-1"}, {"ticket", "list", "--json=maybe"},
		{"ticket", "list", "--status"}, {"--lang", "fr", "check"}, {"ticket", "list", "extra"},
		{"ticket", "act", "DEM-2026-0001"}, {"demo", "--tickets", "lots"}, {"ticket", "new", "--title", "x"},
		{"ticket", "edit", "DEM-2026-0001"}, {"user", "use"}, {"quota", "x"},
	} {
		r := runCLI(t, zhEnv, append([]string{"--db", path}, args...)...)
		if r.code != ExitUsage {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		wantChinese(t, strings.Join(args, " "), r.stderr)
	}
}

// Every help, yunwei's and each command's, reads in Chinese with --lang zh.
func TestHelpIsChinese(t *testing.T) {
	r := runCLI(t, nil, "--lang", "zh", "--help")
	if r.code != ExitOK || !strings.Contains(r.stdout, "用法：") {
		t.Fatalf("--help: %d %q", r.code, r.stdout)
	}
	wantChinese(t, "yunwei --help", r.stdout)
	for i := range commands[1:] {
		c := &commands[i+1]
		r := runCLI(t, nil, append(argv(c), "--lang", "zh", "--help")...)
		if r.code != ExitOK {
			t.Fatalf("%s --help: %d", c.path(), r.code)
		}
		wantChinese(t, c.path()+" --help", r.stdout)
	}
	for _, g := range groups {
		r := runCLI(t, nil, g.name, "--lang", "zh", "--help")
		wantChinese(t, g.name+" --help", r.stdout)
	}
}

// Refusals of commands that reach the store and the flows read in Chinese.
func TestCommandRefusalsAreChinese(t *testing.T) {
	path := demoDB(t)
	number := strings.TrimPrefix(strings.TrimSpace(mustRun(t, path, "ticket", "new", "--kind", "data_correction",
		"--customer", "市一医院", "--site", "门诊楼", "--title", "更正重复挂号", "--requester", "刘晓梅")), "Recorded ticket ")
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("2026-13-01 holiday 假\nweekly someday 09:00\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"ticket", "act", number, "propose", "--input", "plan=x"},
		{"ticket", "act", number, "approve", "--contact", "孙国强"},
		{"ticket", "act", number, "teleport"},
		{"ticket", "act", number, "approve"},
		{"ticket", "act", number, "approve", "--contact", "孙国强", "--signature-typed", "别人"},
		{"ticket", "show", "NOPE-1"},
		{"ticket", "edit", number, "colour=红"},
		{"ticket", "assign", number, "nobody"},
		{"ticket", "new", "--kind", "picnic", "--customer", "市一医院", "--title", "x"},
		{"ticket", "new", "--kind", "incident", "--customer", "无此客户", "--title", "x"},
		{"ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "火星", "--title", "x"},
		{"ticket", "list", "--status", "maybe"},
		{"--as", "lina", "customer", "add", "--name", "新客户"},
		{"calendar", "import", bad, "--contract", "YW-2026-HIS-001"},
		{"calendar", "import", filepath.Join(t.TempDir(), "missing.txt"), "--contract", "YW-2026-HIS-001"},
	} {
		r := runCLI(t, zhEnv, append([]string{"--db", path}, args...)...)
		if r.code == ExitOK {
			t.Errorf("%v: not refused: %q", args, r.stdout)
		}
		wantChinese(t, strings.Join(args, " "), r.stderr)
	}
}

// An error that is not the user's (a broken environment, a bug) shows a
// generic text in their language, never SQLite's or Go's; with DEBUG set
// the detail goes to the debug log, and without it no log is written.
func TestInternalErrorsShowAGenericTextAndLogTheDetail(t *testing.T) {
	raw := errors.New("sqlite: disk I/O error (522): unable to open database file")
	run := func(env map[string]string) (int, string) {
		var out, errOut bytes.Buffer
		app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
			Getenv: func(k string) string { return env[k] }}
		app.openStore = func(context.Context, string, bool) (*db.Store, error) { return nil, raw }
		return app.Run(context.Background(), []string{"--db", filepath.Join(t.TempDir(), "x.db"), "ticket", "list"}), errOut.String()
	}
	cache := t.TempDir()
	for _, lang := range []string{"en_US.UTF-8", "zh_CN.UTF-8"} {
		code, stderr := run(map[string]string{"LANG": lang, "XDG_CACHE_HOME": cache, "HOME": cache})
		if code != ExitError || strings.Contains(stderr, "sqlite") || strings.Contains(stderr, "I/O") {
			t.Errorf("%s: exit %d, stderr %q", lang, code, stderr)
		}
		want := model.InternalMessage
		if strings.HasPrefix(lang, "zh") {
			want = "内部错误"
			wantChinese(t, "internal error", stderr)
		}
		if !strings.Contains(stderr, want) {
			t.Errorf("%s: stderr %q does not say %q", lang, stderr, want)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(cache, "yunwei")); len(entries) != 0 {
		t.Errorf("without DEBUG a log was written: %v", entries)
	}
	for _, debug := range []string{"1", filepath.Join(t.TempDir(), "mine.log")} {
		run(map[string]string{"LANG": "zh_CN.UTF-8", "XDG_CACHE_HOME": cache, "HOME": cache, "DEBUG": debug})
		file := debug
		if debug == "1" {
			file = filepath.Join(cache, "yunwei", "debug.log")
		}
		log, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(log), "disk I/O error (522)") {
			t.Errorf("DEBUG=%s: log %s holds %q (%v)", debug, file, log, err)
		}
	}
}
