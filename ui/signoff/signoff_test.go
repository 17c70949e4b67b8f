package signoff

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

var keyTypes = map[string]tea.KeyType{
	"tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab, "enter": tea.KeyEnter, "esc": tea.KeyEsc,
	"ctrl+s": tea.KeyCtrlS, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
	"right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	"shift+right": tea.KeyShiftRight, "shift+down": tea.KeyShiftDown, "backspace": tea.KeyBackspace,
}

// keys turns names into key messages as Bubble Tea delivers them; anything
// not a named key is typed text.
func keys(names ...string) []tea.Msg {
	var out []tea.Msg
	for _, n := range names {
		switch t, ok := keyTypes[n]; {
		case ok:
			out = append(out, tea.KeyMsg{Type: t})
		case n == "space":
			out = append(out, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
		default:
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(n)})
		}
	}
	return out
}

func repeat(name string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = name
	}
	return out
}

// send feeds msgs to m and returns it with the messages its commands produced.
func send(m Model, msgs ...tea.Msg) (Model, []tea.Msg) {
	var out []tea.Msg
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		out = append(out, run(cmd)...)
	}
	return m, out
}

func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, run(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

func newSized(lang i18n.Lang, w, h int) Model {
	m := New(testOptions(lang))
	m.SetSize(w, h)
	return m
}

// readAll scrolls the document to its end, as a signer must before
// signing.
func readAll(m Model) Model {
	for i := 0; i < 20 && !m.ReadToEnd(); i++ {
		m, _ = send(m, keys("pgdown")...)
	}
	return m
}

// mouse reports at canvas cell (cx, cy), in terminal coordinates.
func mouse(m Model, action tea.MouseAction, cx, cy int) tea.Msg {
	b := tea.MouseButtonLeft
	if action == tea.MouseActionRelease {
		b = tea.MouseButtonNone
	}
	return tea.MouseMsg{X: m.originX + m.lay.canvasX + cx, Y: m.originY + m.lay.canvasTop + cy, Action: action, Button: b}
}

// canvasRows is the canvas as the view shows it, without the border.
func canvasRows(t *testing.T, m Model) []string {
	t.Helper()
	lines := strings.Split(m.View(), "\n")
	var rows []string
	for _, l := range lines[m.lay.canvasTop : m.lay.canvasTop+m.lay.canvasH] {
		r := []rune(l)
		rows = append(rows, string(r[m.lay.canvasX:m.lay.canvasX+m.lay.canvasW]))
	}
	return rows
}

func signed(t *testing.T, msgs []tea.Msg) model.Signature {
	t.Helper()
	for _, msg := range msgs {
		if s, ok := msg.(SignedMsg); ok {
			return s.Signature
		}
	}
	t.Fatalf("no SignedMsg in %v", msgs)
	return model.Signature{}
}

func TestKeyboardDrawing(t *testing.T) {
	m := newSized(i18n.En, 80, 24)
	if m.focus != focusName {
		t.Fatalf("focus %d, want the name field first", m.focus)
	}
	start := m.pen
	msgs := keys("tab", "tab", "space")
	msgs = append(msgs, keys(repeat("right", 6)...)...)
	msgs = append(msgs, keys(repeat("j", 4)...)...) // hjkl move too
	msgs = append(msgs, keys("space", "shift+right", "shift+down", "space", "space", "right")...)
	m, _ = send(m, msgs...)
	if m.focus != focusCanvas {
		t.Fatalf("focus %d", m.focus)
	}
	corner := model.Point{X: start.X + 6, Y: start.Y}
	end := model.Point{X: start.X + 6, Y: start.Y + 4}
	jump := model.Point{X: end.X + cellDotsX, Y: end.Y + cellDotsY}
	want := [][]model.Point{{start, corner, end}, {jump}}
	if !reflect.DeepEqual(m.canvas.strokes, want) {
		t.Fatalf("strokes %v, want %v", m.canvas.strokes, want)
	}
	rows := canvasRows(t, m)
	cy := start.Y / cellDotsY
	if got := strings.TrimRight(rows[cy], " "); got != " ⠉⠉⠉⡇" {
		t.Fatalf("row %d: %q", cy, got)
	}
	if got := strings.TrimRight(rows[cy+1], " "); got != "    ⠁" {
		t.Fatalf("row %d: %q", cy+1, got)
	}
	// The jump's single dot, and right of it the pen showing its dot lit.
	if got := strings.TrimRight(rows[cy+2], " "); got != "     ⠉" {
		t.Fatalf("row %d: %q", cy+2, got)
	}
}

func TestMouseDrawing(t *testing.T) {
	m := newSized(i18n.En, 80, 24)
	m, _ = send(m,
		mouse(m, tea.MouseActionPress, 3, 2),
		mouse(m, tea.MouseActionMotion, 6, 2),
		mouse(m, tea.MouseActionMotion, 6, 4),
		mouse(m, tea.MouseActionRelease, 6, 4),
		// A fast drag: the terminal skipped cells, the line does not.
		mouse(m, tea.MouseActionPress, 10, 1),
		mouse(m, tea.MouseActionMotion, 20, 1),
		mouse(m, tea.MouseActionRelease, 20, 1),
	)
	if m.focus != focusCanvas {
		t.Fatal("pressing on the canvas did not focus it")
	}
	want := [][]model.Point{pts(6, 9, 12, 9, 12, 17), pts(20, 5, 40, 5)}
	if !reflect.DeepEqual(m.canvas.strokes, want) {
		t.Fatalf("strokes %v, want %v", m.canvas.strokes, want)
	}
	rows := canvasRows(t, m)
	wantRows := map[int]string{
		1: "          ⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠂",
		2: "   ⠒⠒⠒⡆",
		3: "      ⡇",
		4: "      ⠃",
	}
	for y, w := range wantRows {
		if got := strings.TrimRight(rows[y], " "); got != w {
			t.Errorf("row %d: %q, want %q", y, got, w)
		}
	}

	// Motion without a press, and presses off the canvas, draw nothing;
	// a drag that leaves the box runs along its edge.
	before := len(m.canvas.strokes)
	m, _ = send(m,
		mouse(m, tea.MouseActionMotion, 30, 3),
		tea.MouseMsg{X: 5, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft},
		mouse(m, tea.MouseActionRelease, 30, 3),
	)
	if len(m.canvas.strokes) != before {
		t.Fatalf("drew without pressing on the canvas: %v", m.canvas.strokes[before:])
	}
	m, _ = send(m,
		mouse(m, tea.MouseActionPress, 30, 6),
		mouse(m, tea.MouseActionMotion, 30, 40),
		mouse(m, tea.MouseActionRelease, 30, 40),
	)
	last := m.canvas.strokes[len(m.canvas.strokes)-1]
	if bottom := (m.lay.canvasH-1)*cellDotsY + 1; last[len(last)-1].Y != bottom {
		t.Fatalf("stroke left the canvas: %v", last)
	}
}

func TestClearUndoRedoKeys(t *testing.T) {
	m := newSized(i18n.En, 80, 24)
	m, _ = send(m, mouse(m, tea.MouseActionPress, 1, 1), mouse(m, tea.MouseActionRelease, 9, 1),
		mouse(m, tea.MouseActionPress, 1, 3), mouse(m, tea.MouseActionRelease, 9, 3))
	two := m.canvas.all()
	m, _ = send(m, keys("u")...)
	if len(m.canvas.strokes) != 1 {
		t.Fatalf("undo: %v", m.canvas.strokes)
	}
	m, _ = send(m, keys("r")...)
	if !reflect.DeepEqual(m.canvas.strokes, two) {
		t.Fatalf("redo: %v", m.canvas.strokes)
	}
	m, _ = send(m, keys("c")...)
	if !m.canvas.empty() || strings.TrimSpace(strings.Join(canvasRows(t, m), "")) != "⠂" {
		t.Fatalf("clear left %v (only the pen should show)", canvasRows(t, m))
	}
	m, _ = send(m, keys("u")...)
	if !reflect.DeepEqual(m.canvas.strokes, two) {
		t.Fatalf("undoing clear: %v", m.canvas.strokes)
	}
}

// With the name field focused, letters are text, not canvas commands.
func TestNameFieldTakesLetters(t *testing.T) {
	m := newSized(i18n.En, 80, 24)
	m, _ = send(m, mouse(m, tea.MouseActionPress, 1, 1), mouse(m, tea.MouseActionRelease, 9, 1))
	m, _ = send(m, keys("shift+tab", "shift+tab", "c", "u", "r", "h", "j", "space", "q")...)
	if m.focus != focusName || m.name.Value() != "curhj q" {
		t.Fatalf("focus %d, name %q", m.focus, m.name.Value())
	}
	if len(m.canvas.strokes) != 1 {
		t.Fatalf("letters reached the canvas: %v", m.canvas.strokes)
	}
}

func draw(m Model) Model {
	m, _ = send(m, mouse(m, tea.MouseActionPress, 2, 2), mouse(m, tea.MouseActionMotion, 12, 5),
		mouse(m, tea.MouseActionMotion, 20, 1), mouse(m, tea.MouseActionRelease, 20, 1))
	return m
}

func TestConfirm(t *testing.T) {
	m := readAll(newSized(i18n.En, 80, 24))
	m, _ = send(m, keys("Li Lei", "enter", "right", "enter")...)
	m = draw(m)
	if m.focus != focusCanvas {
		t.Fatalf("focus %d", m.focus)
	}
	m, msgs := send(m, keys("enter")...)
	sig := signed(t, msgs)
	hash, _ := flows.ContentHash(testSheet)
	if sig.SignerName != "Li Lei" || sig.SignerRole != model.RoleDeptHead || sig.ContentHash != hash ||
		sig.SignedAt != "2026-11-27T03:04:05.000Z" || !reflect.DeepEqual(sig.Strokes, m.canvas.strokes) ||
		!sig.ContactID.IsZero() {
		t.Fatalf("signature %+v", sig)
	}
	if ok, err := flows.VerifySignature(sig, testSheet); !ok || err != nil {
		t.Fatal("the new signature does not verify")
	}
	// Once sent, input is ignored: no second signature.
	if _, msgs := send(m, keys("ctrl+s")...); len(msgs) != 0 {
		t.Fatalf("signed twice: %v", msgs)
	}
	// Fail reopens it with the reason shown.
	m.Fail(model.Errorf(model.ECONFLICT, "the record changed"))
	if !strings.Contains(m.View(), "The signature was not saved: the record changed") {
		t.Fatalf("failure not shown:\n%s", m.View())
	}
	if _, msgs := send(m, keys("ctrl+s")...); len(msgs) != 1 {
		t.Fatalf("after Fail: %v", msgs)
	}
}

func TestConfirmRefused(t *testing.T) {
	t.Run("no name", func(t *testing.T) {
		m := readAll(draw(newSized(i18n.En, 80, 24)))
		m, msgs := send(m, keys("ctrl+s")...)
		if len(msgs) != 0 {
			t.Fatalf("signed without a name: %v", msgs)
		}
		if !strings.Contains(m.View(), "Type the signer's name.") || m.focus != focusName {
			t.Fatalf("focus %d\n%s", m.focus, m.View())
		}
	})
	t.Run("blank name", func(t *testing.T) {
		m := readAll(draw(newSized(i18n.En, 80, 24)))
		m, msgs := send(m, append(keys("shift+tab", "shift+tab"), keys("space", "space", "ctrl+s")...)...)
		if len(msgs) != 0 || !strings.Contains(m.View(), "Type the signer's name.") {
			t.Fatalf("%v\n%s", msgs, m.View())
		}
	})
	t.Run("no drawing", func(t *testing.T) {
		m := readAll(newSized(i18n.Zh, 80, 24))
		m, msgs := send(m, keys("李雷", "ctrl+s")...)
		if len(msgs) != 0 {
			t.Fatalf("signed without drawing: %v", msgs)
		}
		if !strings.Contains(m.View(), "请先在框内签名") || m.focus != focusCanvas {
			t.Fatalf("focus %d\n%s", m.focus, m.View())
		}
	})
	t.Run("a dot is not a signature", func(t *testing.T) {
		m := readAll(newSized(i18n.En, 80, 24))
		m, _ = send(m, keys("Li Lei", "tab", "tab", "space", "right", "right", "space", "enter")...)
		if !strings.Contains(m.View(), "Draw the signature in the box first") || m.submitted {
			t.Fatalf("a 3-dot drawing was accepted:\n%s", m.View())
		}
	})
	t.Run("errors clear on the next key", func(t *testing.T) {
		m := newSized(i18n.En, 80, 24)
		m, _ = send(m, keys("ctrl+s", "L")...)
		if strings.Contains(m.View(), "Type the signer's name.") {
			t.Fatal("stale error")
		}
	})
}

func TestCJKName(t *testing.T) {
	m := readAll(draw(newSized(i18n.Zh, 80, 24)))
	m, _ = send(m, keys("shift+tab", "shift+tab", "  欧阳", "space", "space", "娜娜  ")...)
	for i, l := range strings.Split(m.View(), "\n") {
		if w := lipgloss.Width(l); w != 80 {
			t.Fatalf("line %d is %d cells wide: %q", i, w, l)
		}
	}
	if !strings.Contains(m.View(), "欧阳  娜娜") {
		t.Fatalf("name not shown:\n%s", m.View())
	}
	_, msgs := send(m, keys("ctrl+s")...)
	if sig := signed(t, msgs); sig.SignerName != "欧阳 娜娜" || sig.SignerRole != model.RoleRequester {
		t.Fatalf("signature %+v", sig)
	}
}

func TestControlCharactersRefused(t *testing.T) {
	m := newSized(i18n.En, 80, 24)
	m, _ = send(m, keys("Li")...)
	for _, evil := range []string{"\x1b[31m", "\u202eiL", "a\tb", "\x07"} {
		paste := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(evil), Paste: true}
		m, _ = send(m, paste)
		if m.name.Value() != "Li" {
			t.Fatalf("%q let in: %q", evil, m.name.Value())
		}
		if !strings.Contains(m.View(), "The name may not contain control characters.") {
			t.Fatalf("%q: no error shown", evil)
		}
	}

	for _, c := range []struct{ in, want, err string }{
		{"  Li   Lei ", "Li Lei", ""},
		{"李\u3000雷", "李 雷", ""},
		{"Zoe\u0308", "Zoë", ""},
		{"", "", msgNameEmpty},
		{" \u3000 ", "", msgNameEmpty},
		{strings.Repeat("李", MaxNameLen), strings.Repeat("李", MaxNameLen), ""},
		{strings.Repeat("李", MaxNameLen+1), "", msgNameLong},
		{"Li\x1b[2JLei", "", msgNameControl},
		{"Li\nLei", "", msgNameControl},
		{"\u202eieL iL", "", msgNameControl},
		{"Li\x7f", "", msgNameControl},
		{"Li\xff", "", msgNameControl},
	} {
		got, err := ValidateName(c.in)
		if got != c.want || model.ErrorMessage(err) != c.err {
			t.Errorf("ValidateName(%q) = %q, %v; want %q, %q", c.in, got, err, c.want, c.err)
		}
		if err != nil && model.ErrorCode(err) != model.EINVALID {
			t.Errorf("ValidateName(%q): code %s", c.in, model.ErrorCode(err))
		}
	}
}

func TestPresetSigner(t *testing.T) {
	contact := model.ID{1, 2, 3}
	opts := testOptions(i18n.En)
	opts.SignerName, opts.SignerRole, opts.ContactID = "Han Meimei", model.RoleDeptHead, contact
	m := New(opts)
	m.SetSize(80, 24)
	if m.focus != focusCanvas || m.roles[m.role] != model.RoleDeptHead {
		t.Fatalf("focus %d, role %s", m.focus, m.roles[m.role])
	}
	m = readAll(draw(m))
	_, msgs := send(m, keys("ctrl+s")...)
	if sig := signed(t, msgs); sig.ContactID != contact || sig.SignerName != "Han Meimei" {
		t.Fatalf("preset contact lost: %+v", sig)
	}
	// The picked contact's name cannot be changed: tab passes it by, a
	// click on it does nothing, typing goes nowhere near it. Signing as
	// "Mallory" for Han Meimei is not possible here.
	m2, _ := send(m, keys("shift+tab", "shift+tab")...)
	if m2.focus == focusName {
		t.Fatal("tab reached the name of a picked contact")
	}
	m2, _ = send(m2, tea.MouseMsg{X: m2.lay.nameX + 1, Y: m2.lay.formRow, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m2.focus == focusName {
		t.Fatal("a click reached the name of a picked contact")
	}
	_, msgs = send(m2, keys("backspace", "M", "a", "l", "ctrl+s")...)
	if sig := signed(t, msgs); sig.ContactID != contact || sig.SignerName != "Han Meimei" {
		t.Fatalf("the picked contact's name changed: %+v", sig)
	}
	if v := m2.View(); !strings.Contains(v, "Han Meimei") {
		t.Fatalf("the contact's name is not shown:\n%s", v)
	}

	// A preset name holding an escape sequence shows it defused.
	opts.SignerName = "Han\x1b[2J"
	m = New(opts)
	m.SetSize(80, 24)
	v := m.View()
	if strings.ContainsRune(v, 0x1b) || !strings.Contains(v, "Han␛[2J") || !strings.Contains(v, "control characters") {
		t.Fatalf("preset name not defused:\n%q", v)
	}
}

func TestDocumentIsSanitisedAndScrolls(t *testing.T) {
	opts := testOptions(i18n.En)
	d := testDoc(i18n.En)
	d.title = "Record \x1b]0;pwned\x07"
	d.fields = append(d.fields, Field{Label: "Note\x1b[1m", Value: "line\x1b[2Jone\u202e"})
	for i := range 30 {
		d.fields = append(d.fields, Field{Label: "Item", Value: strings.Repeat("x", i+1)})
	}
	opts.Content = d
	m := New(opts)
	m.SetSize(80, 24)
	v := m.View()
	if strings.ContainsRune(v, 0x1b) || strings.ContainsRune(v, 0x07) || strings.ContainsRune(v, '\u202e') {
		t.Fatalf("control characters reached the view:\n%q", v)
	}
	if !strings.Contains(v, "Record ␛]0;pwned␇") || !strings.Contains(v, "lines 1–8 of 46") {
		t.Fatalf("view:\n%s", v)
	}
	m, _ = send(m, keys("pgdown")...)
	if !strings.Contains(m.View(), "lines 8–15 of 46") {
		t.Fatalf("after pgdn:\n%s", m.View())
	}
	for range 10 {
		m, _ = send(m, keys("pgdown")...)
	}
	v = m.View()
	if !strings.Contains(v, "lines 39–46 of 46") || !strings.Contains(v, strings.Repeat("x", 30)) {
		t.Fatalf("at the end:\n%s", v)
	}
	m, _ = send(m, tea.MouseMsg{X: 10, Y: 4, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
	if !strings.Contains(m.View(), "lines 36–43 of 46") {
		t.Fatalf("after wheel up:\n%s", m.View())
	}
}

func TestCancel(t *testing.T) {
	m := newSized(i18n.En, 80, 24)
	_, msgs := send(m, keys("esc")...)
	if len(msgs) != 1 || msgs[0] != (CancelledMsg{}) {
		t.Fatalf("esc: %v", msgs)
	}
	m.SetSize(40, 10)
	if _, msgs = send(m, keys("esc")...); len(msgs) != 1 {
		t.Fatalf("esc when too small: %v", msgs)
	}
}

func TestTooSmall(t *testing.T) {
	for _, size := range [][2]int{{79, 24}, {80, 23}, {40, 10}} {
		m := newSized(i18n.En, size[0], size[1])
		v := m.View()
		if !strings.Contains(v, "80×24") || !strings.Contains(v, fmt.Sprintf("%d×%d", size[0], size[1])) {
			t.Errorf("%v:\n%s", size, v)
		}
		for _, l := range strings.Split(v, "\n") {
			if lipgloss.Width(l) > size[0] {
				t.Errorf("%v: line too wide: %q", size, l)
			}
		}
		// Mouse and keys other than esc do nothing on a screen not shown.
		m, msgs := send(m, append(keys("x", "ctrl+s"), mouse(m, tea.MouseActionPress, 1, 1))...)
		if len(msgs) != 0 || !m.canvas.empty() || m.name.Value() != "" {
			t.Errorf("%v: input acted on a hidden screen", size)
		}
	}
	m := newSized(i18n.Zh, 60, 20)
	golden.RequireEqual(t, []byte(m.View()))
}

// Every size from the minimum up fills exactly the space given, and a
// resize keeps the drawing.
func TestRelayout(t *testing.T) {
	m := draw(newSized(i18n.Zh, 80, 24))
	strokes := m.canvas.all()
	for _, size := range [][2]int{{80, 24}, {81, 25}, {100, 30}, {120, 40}, {200, 60}, {80, 24}} {
		m.SetSize(size[0], size[1])
		lines := strings.Split(m.View(), "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if w := lipgloss.Width(l); w != size[0] {
				t.Errorf("%v: line %d is %d wide: %q", size, i, w, l)
			}
		}
		if !reflect.DeepEqual(m.canvas.all(), strokes) {
			t.Fatalf("%v: strokes changed", size)
		}
	}
}

// Snapshots of the whole screen mid-signing: name typed, a role chosen,
// something drawn, the pen on the canvas. Regenerate with -update.
func TestGoldenViews(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		name string
		w, h int
	}{
		{i18n.En, "Li Lei", 80, 24}, {i18n.Zh, "李雷", 80, 24},
		{i18n.En, "Li Lei", 120, 40}, {i18n.Zh, "李雷", 120, 40},
	} {
		t.Run(fmt.Sprintf("%dx%d_%s", c.w, c.h, c.lang), func(t *testing.T) {
			m := newSized(c.lang, c.w, c.h)
			m, _ = send(m, keys(c.name, "tab", "right", "tab")...)
			m = draw(m)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
	t.Run("name_focus_error_en", func(t *testing.T) {
		m := readAll(newSized(i18n.En, 80, 24))
		m, _ = send(m, keys("ctrl+s")...)
		golden.RequireEqual(t, []byte(m.View()))
	})
	t.Run("unread_en", func(t *testing.T) {
		m := newSized(i18n.En, 80, 24)
		m, _ = send(m, keys("ctrl+s")...)
		golden.RequireEqual(t, []byte(m.View()))
	})
}

// The whole document is shown before anything is signed (DESIGN §5): at
// 80×24, where it does not fit, signing is refused until its last line has
// been on screen, and the screen says how to get there; where it fits, it
// is signed at once.
func TestSigningWaitsForTheLastLine(t *testing.T) {
	for _, L := range []i18n.Lang{i18n.En, i18n.Zh} {
		m := draw(newSized(L, 80, 24))
		m, _ = send(m, keys("shift+tab", "shift+tab", "Li Lei")...)
		if m.ReadToEnd() {
			t.Fatalf("%s: the document fits 80×24?", L)
		}
		if v := m.View(); !strings.Contains(v, L.T("Scroll to the end to sign: pgdn shows the rest of what you are signing.")) {
			t.Errorf("%s: no hint to scroll:\n%s", L, v)
		}
		m, msgs := send(m, keys("ctrl+s")...)
		if len(msgs) != 0 || !strings.Contains(m.View(), L.T("Read to the end of what you are signing first: pgdn shows the rest.")) {
			t.Fatalf("%s: signed unread: %v\n%s", L, msgs, m.View())
		}
		// One page down is not the end yet; the wheel gets there too.
		m, _ = send(m, keys("pgdown")...)
		for !m.ReadToEnd() {
			m, _ = send(m, tea.MouseMsg{X: 5, Y: 4, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		}
		last := strings.TrimSpace(lastDocLine(m))
		if !strings.Contains(m.View(), last) {
			t.Fatalf("%s: read to the end without its last line %q on screen:\n%s", L, last, m.View())
		}
		// Scrolling back up does not take it back.
		_, msgs = send(m, keys("pgup", "pgup", "pgup", "ctrl+s")...)
		if sig := signed(t, msgs); sig.SignerName != "Li Lei" {
			t.Fatalf("%s: %+v", L, sig)
		}
	}
	// Where it fits, nothing to scroll: signed at once.
	m := draw(newSized(i18n.En, 120, 40))
	if !m.ReadToEnd() {
		t.Fatal("a document that fits is not read")
	}
}

// lastDocLine is the document's last line as drawn.
func lastDocLine(m Model) string { return m.doc[len(m.doc)-1] }

// Content that cannot be hashed cannot be signed, and the screen says so.
func TestUnhashableContent(t *testing.T) {
	opts := testOptions(i18n.En)
	d := testDoc(i18n.En)
	d.content = map[string]any{"reading": 1.5} // floats are not canonical
	opts.Content = d
	m := New(opts)
	m.SetSize(80, 24)
	m = draw(m)
	m, msgs := send(m, keys("shift+tab", "shift+tab", "Li Lei", "ctrl+s")...)
	if len(msgs) != 0 || m.Hash() != "" {
		t.Fatalf("signed unhashable content: %v", msgs)
	}
	if v := m.View(); !strings.Contains(v, "content SHA-256 —") || !strings.Contains(v, "could not be hashed") {
		t.Fatalf("view:\n%s", v)
	}
}
