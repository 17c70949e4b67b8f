package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// harness drives the root in process, the way the headless mode does.
type harness struct {
	t *testing.T
	d *driver
}

func start(t *testing.T, s *db.Store, L i18n.Lang, w, h int) *harness {
	t.Helper()
	return startWith(t, Options{Deps: screentest.Deps(t, s, L), DBPath: "/data/yunwei.db", Headless: true}, w, h)
}

func startWith(t *testing.T, opt Options, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, d: newDriver(New(opt), w, h)}
	if err := hs.d.until(t.Context(), func() bool { return hs.d.model.Loaded() && hs.d.inflight == 0 }); err != nil {
		t.Fatal(err)
	}
	return hs
}

// send delivers each message and waits for the commands it started.
func (h *harness) send(msgs ...tea.Msg) *harness {
	h.t.Helper()
	for _, msg := range msgs {
		h.d.deliver(msg)
		if err := h.d.idle(h.t.Context()); err != nil {
			h.t.Fatal(err)
		}
	}
	return h
}

// keys sends a key script (ParseKeys).
func (h *harness) keys(script string) *harness {
	h.t.Helper()
	ks, err := ParseKeys(script)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, k := range ks {
		h.send(k)
	}
	return h
}

func (h *harness) m() Model { return h.d.model }

func TestGoldenFrames(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		for _, size := range screentest.Sizes {
			w, ht := size[0], size[1]
			name := fmt.Sprintf("%dx%d_%s", w, ht, L)
			t.Run(name, func(t *testing.T) {
				h := start(t, s, L, w, ht)
				frame := func(suffix string) {
					t.Helper()
					v := h.m().View()
					screentest.Frame(t, v, w, ht)
					if n := strings.Count(v, "\n") + 1; n != ht {
						t.Errorf("%s: %d lines, want %d", suffix, n, ht)
					}
					screentest.Golden(t, "TestGoldenFrames/"+name+suffix, v)
				}
				frame("_queue")
				h.keys("3")
				frame("_records")
				h.keys("4")
				frame("_inspections")
				h.keys("5")
				frame("_reports")
				h.keys("1 ?")
				frame("_help")
				h.send(common.StatusMsg{Text: "The ticket could not be saved: \x1b[31mdisk full", Err: true})
				h.keys("?")
				frame("_status")
			})
		}
	}
}

func TestTooSmall(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		h := start(t, s, L, 70, 20)
		v := h.m().View()
		screentest.Frame(t, v, 70, 20)
		screentest.Golden(t, "TestTooSmall_"+string(L), v)
		// It lays out again as soon as the terminal is large enough.
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
		if !strings.Contains(h.m().View(), screentest.NumberPrefix) {
			t.Error("no queue at 80×24 after a resize")
		}
	}
}

func TestResize(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 80, 24)
	rows := func() int { return strings.Count(h.m().View(), screentest.NumberPrefix) }
	small := rows()
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	screentest.Frame(t, h.m().View(), 120, 40)
	if big := rows(); big != small+16 {
		t.Errorf("80×24 shows %d tickets, 120×40 %d: want 16 more", small, big)
	}
}

func TestTabsAndQuit(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	for script, want := range map[string]common.Screen{
		"2": common.ScreenApprovals, "5": common.ScreenReports, "tab": common.ScreenApprovals,
		"shift+tab": common.ScreenReports, "3 tab tab": common.ScreenReports, "1": common.ScreenQueue,
	} {
		h.keys("1").keys(script)
		if h.m().active != want {
			t.Errorf("%s: screen %d, want %d", script, h.m().active, want)
		}
	}
	h.keys("1 q")
	if !h.d.quit {
		t.Error("q on the home screen does not quit")
	}
}

func TestBackStack(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	id, _ := h.m().queue().Selected()
	h.keys("enter")
	if h.m().active != common.ScreenTicket || !h.m().isOpen(common.ScreenTicket) || len(h.m().stack) != 1 {
		t.Fatalf("enter: screen %d stack %v", h.m().active, h.m().stack)
	}
	if !strings.Contains(h.m().View(), "› Ticket") {
		t.Error("the tabs line does not show where the ticket was opened from")
	}
	// Tabs and q are off on a screen opened on top.
	h.keys("3 q")
	if h.d.quit || h.m().active != common.ScreenTicket {
		t.Fatalf("3 q on a ticket: screen %d, quit %v", h.m().active, h.d.quit)
	}
	h.keys("esc")
	if h.m().active != common.ScreenQueue || h.m().isOpen(common.ScreenTicket) || len(h.m().stack) != 0 {
		t.Fatal("esc does not go back to the queue")
	}
	if sel, _ := h.m().queue().Selected(); sel != id {
		t.Error("the queue lost its selection")
	}
	// From the approvals tab, back returns there.
	h.keys("2").send(common.NavigateMsg{To: common.ScreenTicket, Ticket: id})
	h.send(common.BackMsg{})
	if h.m().active != common.ScreenApprovals {
		t.Errorf("back from a ticket opened in approvals: screen %d", h.m().active)
	}
	// A ticket opened from the form replaces the form.
	h.keys("1").send(common.NavigateMsg{To: common.ScreenNewTicket})
	if h.m().active != common.ScreenNewTicket || !h.m().isOpen(common.ScreenNewTicket) {
		t.Fatal("n does not open the form")
	}
	h.send(common.NavigateMsg{To: common.ScreenTicket, Ticket: id})
	if h.m().isOpen(common.ScreenNewTicket) || len(h.m().stack) != 1 {
		t.Errorf("the form stays under the ticket: stack %v", h.m().stack)
	}
	h.send(common.BackMsg{})
	if h.m().active != common.ScreenQueue {
		t.Errorf("back: screen %d", h.m().active)
	}
}

// While a text field has focus only ctrl+c is global: digits, q, ? and
// tab are the field's.
func TestCapturing(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	h.keys("/ 1 q ? tab")
	m := h.m()
	if h.d.quit || m.active != common.ScreenQueue || m.showHelp || !m.queue().Capturing() {
		t.Fatalf("typing in the search: quit %v screen %d help %v", h.d.quit, m.active, m.showHelp)
	}
	if !strings.Contains(m.View(), "/ 1q?") {
		t.Errorf("the search field did not get the keys:\n%s", m.View())
	}
	h.keys("ctrl+c")
	if !h.d.quit {
		t.Error("ctrl+c does not quit while typing")
	}
}

func TestHelpToggle(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	h.keys("?")
	v := h.m().View()
	for _, want := range []string{"Keys", "search", "waiting for me", "Everywhere", "next tab", "quit"} {
		if !strings.Contains(v, want) {
			t.Errorf("the full help lacks %q", want)
		}
	}
	h.keys("?")
	if h.m().showHelp {
		t.Error("? does not close the help")
	}
	h.keys("? esc")
	if h.m().showHelp || h.m().active != common.ScreenQueue {
		t.Error("esc does not close the help")
	}
}

func TestMouseTabsAndRows(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	_, ends := h.m().tabsLine()
	h.send(tea.MouseMsg{X: ends[2] - 2, Y: 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if h.m().active != common.ScreenRecords {
		t.Fatalf("click on tab 3: screen %d", h.m().active)
	}
	h.keys("1")
	// The queue's table starts two lines into its area, which starts two
	// lines into the terminal.
	h.send(tea.MouseMsg{X: 30, Y: chromeTop + 2 + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if h.m().queue().Selected(); h.m().queue().View() == "" {
		t.Fatal("no queue")
	}
	want := h.m().queue()
	want2, _ := want.Update(tea.MouseMsg{X: 30, Y: 2 + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	a, _ := h.m().queue().Selected()
	b, _ := want2.Selected()
	if a != b {
		t.Error("a click was not translated into the queue's area")
	}
}

func TestStatusLine(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	h.send(common.StatusMsg{Text: "Saved " + screentest.NumberPrefix + "0001.\x1b[2J"})
	v := h.m().View()
	if !strings.Contains(v, "Saved "+screentest.NumberPrefix+"0001.␛[2J") || strings.Contains(v, "\x1b[2J") {
		t.Errorf("status line: %q", lastLines(v, 2))
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

// First start on an empty database: the form creates the user, who is an
// admin, and makes them the profile; then the queue opens.
func TestSetup(t *testing.T) {
	for _, L := range screentest.Langs {
		t.Run(string(L), func(t *testing.T) {
			ctx := context.Background()
			s, err := db.Open(ctx, filepath.Join(t.TempDir(), "empty.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			opt := Options{Deps: common.Deps{Store: s, Lang: L, Now: func() time.Time { return screentest.Now }}, DBPath: "/data/empty.db", Setup: true, Headless: true}
			for _, size := range screentest.Sizes {
				h := startWith(t, opt, size[0], size[1])
				screentest.Frame(t, h.m().View(), size[0], size[1])
				screentest.Golden(t, fmt.Sprintf("TestSetup/%dx%d_%s", size[0], size[1], L), h.m().View())
			}
			h := startWith(t, opt, 100, 30)
			h.keys("'Han Meimei' enter hanmm enter space down space enter")
			// Then the passphrase, twice, masked.
			h.keys("梅梅的口令 enter")
			if v := h.m().View(); strings.Contains(v, "梅梅的口令") || !strings.Contains(v, "*****") {
				t.Errorf("the passphrase is not masked:\n%s", v)
			}
			h.keys("梅梅的口令 enter")
			if !h.m().ready {
				t.Fatalf("the form did not finish:\n%s", h.m().View())
			}
			u, err := s.Profile(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if u.Name != "Han Meimei" || u.Login != "hanmm" || !u.Roles.Has(model.RoleAdmin) || !u.Roles.Has(model.RoleReqLead) || u.Roles.Has(model.RoleEngineer) {
				t.Errorf("profile user %+v", u)
			}
			if !strings.Contains(h.m().View(), "Han Meimei (hanmm)") {
				t.Error("the header does not name the new user")
			}
			// Only the passphrase's slow hash is stored.
			if got, err := s.VerifyPassphrase(ctx, u.ID, "梅梅的口令"); err != nil || got != db.PassphraseOK {
				t.Errorf("the passphrase set up: %v %v", got, err)
			}
			var n int
			s.DB().QueryRow("SELECT count(*) FROM local_passphrases WHERE algorithm = 'argon2id' AND instr(hash, ?) = 0 AND instr(salt, ?) = 0",
				[]byte("梅梅的口令"), []byte("梅梅的口令")).Scan(&n)
			if n != 1 {
				t.Errorf("%d argon2id hashes without the plain text, want 1", n)
			}
		})
	}
}

func TestSetupErrorsAndCancel(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	opt := Options{Deps: common.Deps{Store: s, Lang: i18n.En, Now: time.Now}, DBPath: "x", Setup: true, Headless: true}
	h := startWith(t, opt, 100, 30)
	h.keys("'Han Meimei' enter 'Bad Login' enter enter")
	// A passphrase too short, then two that differ, are refused in place.
	h.keys("abc enter")
	if v := h.m().View(); !strings.Contains(v, "a passphrase needs at least 4 characters") {
		t.Fatalf("a short passphrase:\n%s", v)
	}
	h.keys("d enter abce enter")
	if v := h.m().View(); !strings.Contains(v, "The two passphrases differ") {
		t.Fatalf("two different passphrases:\n%s", v)
	}
	h.keys("backspace d enter")
	if h.m().ready || !strings.Contains(h.m().View(), "is not valid") {
		t.Fatalf("a bad login was accepted:\n%s", h.m().View())
	}
	if _, err := s.Profile(ctx); model.ErrorCode(err) != model.ENOTFOUND {
		t.Error("a profile was set")
	}
	h.keys("esc")
	if !h.d.quit {
		t.Error("esc does not leave the first-start form")
	}
}

func TestParseKeys(t *testing.T) {
	ks, err := ParseKeys("/ 打印 enter 'a b' ctrl+c space x")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range ks {
		got = append(got, k.String())
	}
	if want := "/ 打 印 enter a   b ctrl+c   x"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	if _, err := ParseKeys("'open"); err == nil {
		t.Error("an open quote was accepted")
	}
}
