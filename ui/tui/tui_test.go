package tui_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The real binary (the module's main package, yunwei), built once per test
// run into a temporary folder that TestMain removes.
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	for _, dir := range []string{bench.dir, running.dir, demo10k.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

func binary(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "yunwei-bin-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "yunwei")
		// The binary as it ships: static, without cgo (README, "The command line").
		build := exec.Command("go", "build", "-o", built.bin, "yunwei")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		out, err := build.CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// run runs the binary and returns its standard output.
func run(t testing.TB, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("yunwei %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// term is a tmux server of the test's own (-L), so the test never touches
// another tmux session.
type term struct {
	t      *testing.T
	socket string
}

func newTerm(t *testing.T) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &term{t: t, socket: fmt.Sprintf("yunwei-e2e-%d", os.Getpid())}
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := tm.try(args...)
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// try runs a tmux command on the test's server.
func (tm *term) try(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-u", "-L", tm.socket}, args...)...).CombinedOutput()
	return string(out), err
}

// start runs the TUI in a 100×30 terminal.
func (tm *term) start(args ...string) {
	tm.t.Helper()
	cmd := strings.Join(append([]string{binary(tm.t)}, args...), " ")
	// A server whose last session was just killed exits on its own; a new
	// session asked of it meanwhile fails, and is asked again of a new one.
	for try := 0; ; try++ {
		out, err := tm.try("new-session", "-d", "-s", "ui", "-x", "100", "-y", "30", cmd)
		if err == nil {
			break
		}
		if try == 20 || !strings.Contains(out, "server exited unexpectedly") {
			tm.t.Fatalf("tmux new-session %s: %v\n%s", cmd, err, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm *term) screen() string { return tm.tmux("capture-pane", "-p", "-t", "ui") }

// waitFor polls the screen until it shows every one of want.
func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q:\n%s", missing, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// keys sends named keys (Enter, Escape, …) one at a time, as a person
// types: keys sent together reach the program as one paste. An Escape
// the program reads in one read with the next key is that key with Alt,
// which a loaded machine makes likely: wait for the Escape's effect on
// the screen before sending a key after it.
func (tm *term) keys(ks ...string) {
	tm.t.Helper()
	for _, k := range ks {
		tm.tmux("send-keys", "-t", "ui", k)
		time.Sleep(60 * time.Millisecond)
	}
}

// typeText types text literally.
func (tm *term) typeText(s string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", "ui", "-l", s)
	time.Sleep(60 * time.Millisecond)
}

// mouse sends an SGR mouse report (the program asks for cell motion):
// button 0 pressed, 32 dragged, release with up; x and y from 0.
func (tm *term) mouse(button, x, y int, up bool) {
	tm.t.Helper()
	end := "M"
	if up {
		end = "m"
	}
	tm.typeText(fmt.Sprintf("\x1b[<%d;%d;%d%s", button, x+1, y+1, end))
}

func (tm *term) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for exec.Command("tmux", "-L", tm.socket, "has-session", "-t", "ui").Run() == nil {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the program did not quit:\n%s", tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The whole path through the real binary in a real terminal: filter the
// queue, open a data correction waiting for the customer's department
// head, approve it with a signature drawn with the mouse, see the step
// advance and the history line appear, quit, reopen, find it persisted,
// and check it with ticket show --json.
func TestEndToEndInTmux(t *testing.T) {
	tm := newTerm(t)
	dbPath, number := demoTicketAt(t, "e2e.db", "data_correction", "dept_approval")

	tm.start("--db", dbPath, "--lang", "en")
	tm.waitFor("Loaded 300 tickets", "[1 Queue]")
	tm.keys("/")
	tm.typeText(number)
	tm.keys("Enter")
	tm.waitFor("1 of 300", ">"+number)
	tm.keys("Enter")
	tm.waitFor("department head approval · waiting for department head", "[a] approve")
	tm.keys("a")
	tm.waitFor("Who decides")
	tm.keys("Enter", "Enter", "Enter")
	s := tm.waitFor("What you are signing", "Pen up")

	// The canvas is under the line that opens with ┏.
	top := -1
	for i, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "┏") {
			top = i
		}
	}
	if top < 0 {
		t.Fatalf("no signature box:\n%s", s)
	}
	tm.mouse(0, 10, top+3, false)
	for i, x := range []int{16, 22, 28, 34, 40, 46} {
		tm.mouse(32, x, top+2+(i%2)*3, false)
	}
	tm.mouse(0, 46, top+2, true)
	if s := tm.screen(); !strings.ContainsAny(s, "⠁⠂⠄⡀⠈⠐⠠⢀⣀⠤⠒⠉") {
		t.Fatalf("nothing was drawn:\n%s", s)
	}
	tm.keys("Enter")
	tm.waitFor(number+": now at maintenance plan", "maintenance plan · waiting for engineer")
	tm.keys("G")
	tm.waitFor("department head: approve (department head approval → maintenance plan)", "signed")
	tm.keys("Escape")
	tm.waitFor("[1 Queue]", "maintenanc")
	tm.keys("Escape")
	tm.waitFor("300 of 300")
	tm.keys("q")
	tm.waitExit()

	// Reopened, the decision is there.
	tm.start("--db", dbPath, "--lang", "en")
	tm.waitFor("Loaded 300 tickets")
	tm.keys("/")
	tm.typeText(number)
	tm.keys("Enter", "Enter")
	tm.waitFor("maintenance plan · waiting for engineer")
	tm.keys("G")
	tm.waitFor("department head: approve (department head approval → maintenance plan)")
	tm.keys("Escape")
	tm.waitFor("[1 Queue]", "1 of 300")
	tm.keys("Escape")
	tm.waitFor("300 of 300")
	tm.keys("q")
	tm.waitExit()

	var shown struct {
		Step    string `json:"step"`
		History []struct {
			Type      string          `json:"type"`
			Decision  string          `json:"decision"`
			Signature json.RawMessage `json:"signature"`
		} `json:"history"`
	}
	if err := json.Unmarshal([]byte(run(t, "--db", dbPath, "ticket", "show", number, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	last := shown.History[len(shown.History)-1]
	if shown.Step != "plan" || last.Type != "ticket.decided" || last.Decision != "approve" || len(last.Signature) < 10 {
		t.Errorf("ticket show: step %s, last %s %s, signature %s", shown.Step, last.Type, last.Decision, last.Signature)
	}
}

// The headless modes print one frame: the first one, and the one after a
// key script.
func TestHeadless(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "h.db")
	run(t, "demo", "--db", dbPath, "--tickets", "300", "--anchor", "2026-11-27T10:30:00+08:00")
	first := run(t, "--db", dbPath, "--first-frame", "--size", "80x24")
	if lines := strings.Split(strings.TrimSuffix(first, "\n"), "\n"); len(lines) != 24 || !strings.Contains(first, "loading") || !strings.Contains(first, "DEM-2026-") {
		t.Errorf("first frame (%d lines):\n%s", len(lines), first)
	}
	after := run(t, "--db", dbPath, "--lang", "zh", "--keys", "/ 数据 enter s", "--size", "120x40")
	if !strings.Contains(after, "/ 数据") || !strings.Contains(after, "排序：更新时间") {
		t.Errorf("after the keys:\n%s", after)
	}
	// --as switches the user for the session, given their passphrase; the
	// profile stays.
	as := exec.Command(binary(t), "--db", dbPath, "--as", "lina", "--first-frame")
	as.Env = append(os.Environ(), "YUNWEI_PASSPHRASE=demo")
	if out, err := as.Output(); err != nil || !strings.Contains(string(out), "李娜 (lina)") {
		t.Errorf("--as lina: %v\n%s", err, out)
	}
	as = exec.Command(binary(t), "--db", dbPath, "--as", "lina", "--first-frame")
	as.Env = append(os.Environ(), "YUNWEI_PASSPHRASE=")
	if out, err := as.CombinedOutput(); err == nil || !strings.Contains(string(out), "this needs the passphrase of lina") {
		t.Errorf("--as lina without the passphrase: %v\n%s", err, out)
	}
	if !strings.Contains(run(t, "--db", dbPath, "--first-frame"), "王建国 (wangjg)") {
		t.Error("--as changed the profile")
	}
	cmd := exec.Command(binary(t), "--db", dbPath, "--first-frame", "--as", "nobody")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "no vendor user") {
		t.Errorf("--as an unknown user: %v %s", err, out)
	}
	cmd = exec.Command(binary(t), "--db", dbPath, "--first-frame", "--size", "80")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "WIDTHxHEIGHT") {
		t.Errorf("a bad size: %v %s", err, out)
	}
}

// yunwei --as asks for the passphrase on the terminal, without echo, before
// the UI starts; a wrong one is refused; Ctrl-C at the prompt gives up and
// leaves the terminal echoing.
func TestPassphraseIsAskedOnTheTerminal(t *testing.T) {
	tm := newTerm(t)
	dbPath := filepath.Join(t.TempDir(), "p.db")
	run(t, "demo", "--db", dbPath, "--tickets", "20", "--anchor", "2026-11-27T10:30:00+08:00")
	tm.start("--db", dbPath, "--lang", "en", "--as", "lina")
	tm.waitFor("Passphrase of 李娜 (lina):")
	tm.typeText("demo")
	if s := tm.screen(); strings.Contains(s, "demo") {
		t.Errorf("the passphrase is echoed:\n%s", s)
	}
	tm.keys("Enter")
	tm.waitFor("李娜 (lina)", "Loaded 20 tickets")
	tm.keys("q")
	tm.waitExit()

	// A shell runs the program and then says how the terminal is left.
	tm.start("--db", dbPath, "--lang", "zh", "--as", "zhaoli", ";", "stty", "-a", ";", "sleep", "30")
	tm.waitFor("赵丽（zhaoli）的口令：")
	tm.typeText("nope")
	tm.keys("Enter")
	tm.waitFor("zhaoli 的口令不对：未做任何操作", " echo ")
	tm.tmux("kill-session", "-t", "ui")

	tm.start("--db", dbPath, "--lang", "en", "--as", "zhaoli", ";", "stty", "-a", ";", "sleep", "30")
	tm.waitFor("Passphrase of 赵丽 (zhaoli):")
	tm.keys("C-c")
	s := tm.waitFor("cancelled at the passphrase: nothing was done", "speed")
	if strings.Contains(s, "-echo ") || !strings.Contains(s, " echo ") {
		t.Errorf("the terminal was left without echo:\n%s", s)
	}
	tm.tmux("kill-session", "-t", "ui")
}

// demoTicketAt makes a demo database of 300 tickets named name and returns
// its path and the number of the newest ticket of kind waiting at step.
func demoTicketAt(t *testing.T, name, kind, step string) (string, string) {
	t.Helper()
	dbPath := filepath.Join(t.TempDir(), name)
	run(t, "demo", "--db", dbPath, "--tickets", "300", "--anchor", "2026-11-27T10:30:00+08:00")
	var list []struct {
		Number string `json:"number"`
		Step   string `json:"step"`
	}
	if err := json.Unmarshal([]byte(run(t, "--db", dbPath, "ticket", "list", "--kind", kind, "--json")), &list); err != nil {
		t.Fatal(err)
	}
	number := "" // the newest that waits there
	for _, r := range list {
		if r.Step == step {
			number = r.Number
		}
	}
	if number == "" {
		t.Fatalf("no %s waits at %s: %+v", kind, step, list)
	}
	return dbPath, number
}
