package cli

import (
	"context"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"yunwei/db"
)

// argv is what a command is typed as on the command line.
func argv(c *command) []string { return strings.Fields(strings.TrimSpace(c.group + " " + c.name)) }

// allFlags is every option of every command, with the commands that have it.
func allFlags() map[string][]string {
	m := map[string][]string{}
	for i := range commands {
		c := &commands[i]
		for _, f := range c.ownFlags() {
			m[f] = append(m[f], c.path())
		}
	}
	return m
}

func TestEveryCommandRefusesAnUnknownOption(t *testing.T) {
	for i := range commands {
		c := &commands[i]
		for _, env := range []map[string]string{nil, {"LANG": "zh_CN.UTF-8"}} {
			r := runCLI(t, env, append(argv(c), "--frobnicate", "x")...)
			want, usage := c.path()+" has no option --frobnicate", "Usage:"
			if env != nil {
				want, usage = c.path()+" 没有选项 --frobnicate", "用法："
			}
			if r.code != ExitUsage || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, usage) {
				t.Errorf("%s: exit %d, stderr %q, want %q and the usage", c.path(), r.code, r.stderr, want)
			}
		}
	}
}

// An option is a command's own: another command's is refused, before
// anything is opened.
func TestACommandRefusesTheOptionsOfOthers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	for name, owners := range allFlags() {
		for i := range commands {
			c := &commands[i]
			if slices.Contains(owners, c.path()) {
				continue
			}
			args := append([]string{"--db", path}, argv(c)...)
			r := runCLI(t, nil, append(args, "--"+name+"=1")...)
			if r.code != ExitUsage || !strings.Contains(r.stderr, c.path()+" has no option --"+name) {
				t.Errorf("%s --%s (an option of %s): exit %d, stderr %q", c.path(), name, strings.Join(owners, ", "), r.code, r.stderr)
			}
		}
	}
	if r := runCLI(t, nil, "--db", path, "quota", "--kind", "incident"); r.code != ExitUsage || !strings.Contains(r.stderr, "quota has no option --kind") {
		t.Fatalf("quota --kind: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "list", "--kind", "incident"); r.code != ExitOK {
		t.Fatalf("ticket list --kind: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "--first-frame", "ticket", "list"); r.code != ExitUsage || !strings.Contains(r.stderr, "ticket list has no option --first-frame") {
		t.Fatalf("an option of the terminal UI before a command: %+v", r)
	}
}

var optionToken = regexp.MustCompile(`--[a-z][a-z-]*`)

// mentioned is the set of options a help text names.
func mentioned(help string) []string {
	var names []string
	for _, m := range optionToken.FindAllString(help, -1) {
		if n := strings.TrimPrefix(m, "--"); !slices.Contains(names, n) && n != "help" {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

func TestEveryCommandsHelpListsExactlyItsOptions(t *testing.T) {
	for i := range commands {
		c := &commands[i]
		r := runCLI(t, nil, append(argv(c), "--help")...)
		if r.code != ExitOK || !strings.HasPrefix(r.stdout, "Usage: yunwei "+c.path()) && c.name != "" {
			t.Errorf("%s --help: exit %d, %q", c.path(), r.code, r.stdout)
		}
		want := append(c.ownFlags(), globalNames...)
		slices.Sort(want)
		if got := mentioned(r.stdout); !slices.Equal(got, want) {
			t.Errorf("%s --help names %v, want exactly %v:\n%s", c.path(), got, want, r.stdout)
		}
		// Each option has a line of its own, saying what it does.
		for _, f := range c.ownFlags() {
			if !regexp.MustCompile(`(?m)^  --` + f + `( \S+)?   +\S`).MatchString(r.stdout) {
				t.Errorf("%s --help has no line for --%s:\n%s", c.path(), f, r.stdout)
			}
		}
	}
	for _, g := range groups {
		r := runCLI(t, nil, g.name, "--help")
		var want []string
		for i := range commands {
			if commands[i].group == g.name {
				want = append(want, commands[i].ownFlags()...)
			}
		}
		slices.Sort(want)
		want = slices.Compact(want)
		if got := mentioned(r.stdout); !slices.Equal(got, want) {
			t.Errorf("%s --help names %v, want exactly %v:\n%s", g.name, got, want, r.stdout)
		}
	}
	// The main help lists every command.
	main := runCLI(t, nil, "--help").stdout
	for i := range commands[1:] {
		if c := &commands[i+1]; !regexp.MustCompile(`(?m)^  ` + c.path() + `  `).MatchString(main) {
			t.Errorf("yunwei --help does not list %s", c.path())
		}
	}
	for _, args := range [][]string{{"help", "ticket", "act"}, {"ticket", "act", "-h"}, {"ticket", "act", "-help"}} {
		if r := runCLI(t, nil, args...); !strings.HasPrefix(r.stdout, "Usage: yunwei ticket act ") {
			t.Errorf("%v: %q", args, r.stdout)
		}
	}
}

func TestWrongCommandLinesInTheUsersLanguage(t *testing.T) {
	zh := map[string]string{"LANG": "zh_CN.UTF-8"}
	cases := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{zh, []string{"ticket", "list", "--limit"}, "选项 --limit 需要一个值"},
		{nil, []string{"ticket", "list", "--limit"}, "option --limit needs a value"},
		{zh, []string{"ticket", "list", "--limit", "x"}, "--limit 的值 \"x\" 无效"},
		{nil, []string{"ticket", "list", "--limit", "x"}, "invalid value \"x\" for --limit"},
		{zh, []string{"frobnicate"}, "没有命令 \"frobnicate\""},
		{zh, []string{"user"}, "user 需要子命令：list、add、use、passphrase、whoami"},
		{nil, []string{"user", "fly"}, "unknown user subcommand \"fly\": choose list, add, use, passphrase, whoami"},
		// --lang words the message wherever it stands.
		{nil, []string{"quota", "--kind", "x", "--lang", "zh"}, "quota 没有选项 --kind"},
		{zh, []string{"--lang=en", "quota", "--kind", "x"}, "quota has no option --kind"},
	}
	for _, c := range cases {
		if r := runCLI(t, c.env, c.args...); r.code != ExitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, r.code, r.stderr, c.want)
		}
	}
}

// After --, everything is an argument, even what looks like an option.
func TestDoubleDashEndsTheOptions(t *testing.T) {
	path := demoDB(t)
	number := strings.Fields(strings.Split(mustRun(t, path, "ticket", "list", "--limit", "1"), "\n")[1])[0]
	mustRun(t, path, "ticket", "comment", number, "--", "--json", "is", "not", "an", "option")
	if d := showJSON(t, path, number); d.History[len(d.History)-1].Comment != "--json is not an option" {
		t.Fatalf("comment %q", d.History[len(d.History)-1].Comment)
	}
}

// opens counts how a run opened the database.
type opens struct {
	n           int
	interactive bool
}

func (o *opens) app(tui func(context.Context, *Session) error) *App {
	a := &App{Stdout: new(strings.Builder), Stderr: new(strings.Builder), Getenv: func(string) string { return "" }, TUI: tui}
	a.openStore = func(ctx context.Context, path string, interactive bool) (*db.Store, error) {
		o.n++
		o.interactive = interactive
		return openDB(ctx, path, interactive)
	}
	return a
}

// The database is opened, and migrated, once per process: for the
// terminal UI with its interactive settings, for a command with the
// commands'.
func TestTheDatabaseIsOpenedOnce(t *testing.T) {
	path := demoDB(t)
	var o opens
	var mmap int64 = -1
	a := o.app(func(ctx context.Context, s *Session) error {
		return s.Store.DB().QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&mmap)
	})
	if code := a.Run(context.Background(), []string{"--db", path, "--first-frame"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, a.Stderr)
	}
	if o.n != 1 || !o.interactive || mmap != 0 {
		t.Fatalf("the terminal UI: %d opens, interactive %v, mmap_size %d; want one interactive open without a memory map", o.n, o.interactive, mmap)
	}
	for _, args := range [][]string{
		{"ticket", "list", "--mine"},
		{"ticket", "act", "DEM-2026-0001", "approve"},
		{"user", "whoami"},
		{"check"},
	} {
		o = opens{}
		a := o.app(nil)
		a.Run(context.Background(), append([]string{"--db", path}, args...))
		if o.n != 1 || o.interactive {
			t.Errorf("%v: %d opens, interactive %v; want one", args, o.n, o.interactive)
		}
	}
	o = opens{}
	if a := o.app(nil); a.Run(context.Background(), []string{"--db", path, "quota", "--kind", "x"}) != ExitUsage || o.n != 0 {
		t.Errorf("a wrong command line opened the database %d times", o.n)
	}
}
