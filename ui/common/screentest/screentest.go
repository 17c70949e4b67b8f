// Package screentest is what the screens' tests share: a small fixed
// database written for them (not the demo generator's, whose wording is the
// demo's to change), a fixed clock, a driver that runs a screen's commands
// the way Bubble Tea would, and golden files.
package screentest

import (
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
)

// Golden files are rewritten with `go test ./ui/... -update`. teatest's
// golden package defines the same flag; a test binary holding both shares
// it (packages initialise in import-path order, github.com/… first).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files of screen tests")
	}
	// Snapshots are plain text: no colour codes, so they diff readably and
	// do not depend on the terminal the tests run in.
	lipgloss.SetColorProfile(termenv.Ascii)
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Now is the fixed "now" of every screen test, a Friday evening in
// Shanghai: the fixture's newest tickets are minutes old, its oldest weeks.
var Now = time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)

// Sizes are the terminal sizes every screen is checked at: the smallest
// DESIGN §6 supports and a roomy one.
var Sizes = [][2]int{{80, 24}, {120, 40}}

// Langs are the UI languages.
var Langs = []i18n.Lang{i18n.En, i18n.Zh}

// Store makes the fixture database of screen tests (see tickets.go) in
// t's temporary directory, with the store's clock fixed at Now so that SLA
// clocks read the same on every run. Each test gets its own copy to write
// to.
func Store(t testing.TB) *db.Store {
	t.Helper()
	ctx := context.Background()
	file, err := fixtureFile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "screens.db")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return Now }
	return s
}

// fixture is the fixture database's file, built once per test binary:
// copying it is cheaper than writing it again for every test.
var fixture struct {
	once sync.Once
	file []byte
	err  error
}

func fixtureFile(ctx context.Context) ([]byte, error) {
	fixture.once.Do(func() { fixture.file, fixture.err = buildFile(ctx) })
	return fixture.file, fixture.err
}

// buildFile writes the fixture into a new database, as the demo does: in
// bulk (no journal), then made an ordinary database, and returns the file.
func buildFile(ctx context.Context) ([]byte, error) {
	dir, err := os.MkdirTemp("", "screentest-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "fixture.db")
	s, err := db.OpenBulk(ctx, path)
	if err != nil {
		return nil, err
	}
	err = build(ctx, s)
	if err == nil {
		err = s.FinishBulk(ctx)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("build the screens' fixture: %w", err)
	}
	return os.ReadFile(path)
}

// Deps are the dependencies of a screen under test: the fixture's profile
// user (Engineer) at the keyboard, the clock fixed at Now.
func Deps(t testing.TB, s *db.Store, lang i18n.Lang) common.Deps {
	t.Helper()
	u, err := s.Profile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return common.Deps{Store: s, Lang: lang, User: u, Now: func() time.Time { return Now }}
}

// User returns the fixture's vendor user with the given login.
func User(t testing.TB, s *db.Store, login string) model.User {
	t.Helper()
	u, err := s.FindUser(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Ticket finds a fixture ticket: the most recently updated one of kind
// at step.
func Ticket(t testing.TB, s *db.Store, kind model.Kind, step string) model.ID {
	t.Helper()
	var id model.ID
	err := s.EachTicket(context.Background(), db.TicketFilter{Kind: kind}, func(r db.TicketRow) error {
		if r.Step == step && id.IsZero() {
			id = r.ID
		}
		return nil
	})
	if err != nil || id.IsZero() {
		t.Fatalf("no %s ticket at %s: %v", kind, step, err)
	}
	return id
}

// Screen is what the driver needs of a screen model.
type Screen[M any] interface {
	Update(tea.Msg) (M, tea.Cmd)
}

// Drive sends msgs to m one after another and runs every command the
// screen returns, feeding the results back as Bubble Tea would, until
// nothing is left: each message's consequences settle before the next
// message, as when a person types. It returns the screen and every message
// its commands produced, in order (the ones meant for the root among
// them). Cursor blinks and spinner ticks are not run: they only wait and
// redraw.
func Drive[M Screen[M]](t testing.TB, m M, msgs ...tea.Msg) (M, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	for _, first := range msgs {
		queue := []tea.Msg{first}
		for steps := 0; len(queue) > 0; steps++ {
			if steps > 2000 {
				t.Fatal("the screen keeps sending messages")
			}
			msg := queue[0]
			queue = queue[1:]
			var cmd tea.Cmd
			m, cmd = m.Update(msg)
			produced := Run(t, cmd)
			out = append(out, produced...)
			queue = append(queue, produced...)
		}
	}
	return m, out
}

// Start runs the screen's Init as Bubble Tea would and drives what it
// produces: the screen is then loaded.
func Start[M interface {
	Screen[M]
	Init() tea.Cmd
}](t testing.TB, m M) M {
	t.Helper()
	m, _ = Drive(t, m, Run(t, m.Init())...)
	return m
}

// Run runs cmd as Bubble Tea would, batches and sequences included, and
// returns the messages it produced in order. Cursor blinks and ticks are
// skipped.
func Run(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil || idle(cmd) {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("command %s did not finish", funcName(cmd))
	}
	if msg == nil {
		return nil
	}
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, Run(t, c)...)
		}
		return out
	}
	// tea.Sequence's message is unexported: a slice of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, Run(t, v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// idle reports whether cmd only waits to redraw: a cursor blink, a tick, a
// spinner, or the program's window-size query (tests set the size).
func idle(cmd tea.Cmd) bool {
	name := funcName(cmd)
	for _, s := range []string{"bubbles/cursor", "bubbletea.Tick", "bubbletea.Every", "spinner", "Blink", "bubbletea.WindowSize"} {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

func funcName(cmd tea.Cmd) string {
	if f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()); f != nil {
		return f.Name()
	}
	return ""
}

// Find returns the first message of type T in msgs.
func Find[T any](msgs []tea.Msg) (T, bool) {
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// Golden compares got with testdata/<name>.golden, or rewrites the file
// with -update. Trailing spaces are kept: a frame is exactly its size.
func Golden(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// Frame checks that a view fits w×h cells: no line wider than w, no more
// than h lines.
func Frame(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d lines, more than the height %d", len(lines), h)
	}
	for i, l := range lines {
		if n := lipgloss.Width(l); n > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, n, w, l)
		}
	}
}

// Translated checks that every string the package in dir passes to Lang.T
// or Lang.Tf as a literal (and the last argument given as a literal to one
// of the helper functions named in via, which translate it) has a Chinese
// translation. extra lists strings translated through variables.
func Translated(t testing.TB, dir string, via []string, extra ...string) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	helpers := map[string]bool{}
	for _, v := range via {
		helpers[v] = true
	}
	check := func(pos token.Pos, s string) {
		if i18n.Zh.T(s) == s {
			t.Errorf("%s: %q has no Chinese translation", fset.Position(pos), s)
		}
	}
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var name string
				switch fn := call.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					name = fn.Name
				}
				for i, a := range call.Args {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil || s == "" {
						continue
					}
					if (i == 0 && (name == "T" || name == "Tf")) || (helpers[name] && i == len(call.Args)-1) {
						check(lit.Pos(), s)
					}
				}
				return true
			})
		}
	}
	for _, s := range extra {
		check(token.NoPos, s)
	}
}
