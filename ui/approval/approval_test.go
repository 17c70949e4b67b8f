package approval

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

func keyMsg(k tea.KeyType) tea.Msg { return tea.KeyMsg{Type: k} }

func runes(s string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func openTab(t *testing.T, s *db.Store, L i18n.Lang, w, h int) Model {
	t.Helper()
	m := New(screentest.Deps(t, s, L))
	m.SetSize(w, h)
	return screentest.Start(t, m)
}

// at moves the cursor to the approval of ticket id.
func at(t *testing.T, m Model, id model.ID) Model {
	t.Helper()
	for i, r := range m.Rows() {
		if r.ID == id {
			m, _ = screentest.Drive(t, m, keyMsg(tea.KeyHome))
			for range i {
				m, _ = screentest.Drive(t, m, keyMsg(tea.KeyDown))
			}
			return m
		}
	}
	t.Fatalf("ticket %s is not listed", id)
	return m
}

func TestGoldenViews(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		for _, size := range screentest.Sizes {
			w, h := size[0], size[1]
			m := openTab(t, s, L, w, h)
			v := m.View()
			screentest.Frame(t, v, w, h)
			screentest.Golden(t, fmt.Sprintf("approvals_%s_%dx%d", L, w, h), v)
		}
	}
}

// The list holds the user's decisions, then every customer decision; the
// user's are those of their roles only.
func TestListsTheUsersAndTheCustomersDecisions(t *testing.T) {
	s := screentest.Store(t)
	m := openTab(t, s, i18n.En, 80, 24)
	seenCustomer := false
	for _, r := range m.Rows() {
		customer := false
		for _, w := range r.WaitingFor {
			customer = customer || w.IsCustomer()
		}
		if r.ForCustomer != customer {
			t.Errorf("%s waits for %v, marked for the customer: %v", r.Number, r.WaitingFor, r.ForCustomer)
		}
		if customer {
			seenCustomer = true
		} else if seenCustomer {
			t.Errorf("%s, the user's, is listed after the customer's", r.Number)
		}
		if !customer && !r.WaitingFor.Has(model.RoleEngineer) {
			t.Errorf("%s waits for %v, not for an engineer", r.Number, r.WaitingFor)
		}
	}
	review := screentest.Ticket(t, s, model.KindDataCorrection, "review")
	for _, r := range m.Rows() {
		if r.ID == review {
			t.Error("the technical lead's review is listed for an engineer")
		}
	}
}

// Keys and mouse: move, open the ticket, open the decision form and leave
// it; esc at the top goes back.
func TestKeysAndMouse(t *testing.T) {
	s := screentest.Store(t)
	m := openTab(t, s, i18n.En, 80, 24)
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyDown), runes("j"))
	if m.cursor != 2 {
		t.Fatalf("cursor %d", m.cursor)
	}
	m, _ = screentest.Drive(t, m, runes("G"))
	if m.cursor != len(m.Rows())-1 || m.line(m.cursor) >= m.off+m.listRows() {
		t.Fatalf("G: cursor %d, offset %d", m.cursor, m.off)
	}
	m, _ = screentest.Drive(t, m, runes("g"), tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.cursor != 3 {
		t.Fatalf("wheel: cursor %d", m.cursor)
	}
	// A click on the third line (below the title and the heading) selects
	// the second approval.
	m, _ = screentest.Drive(t, m, tea.MouseMsg{X: 10, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.cursor != 1 {
		t.Fatalf("click: cursor %d", m.cursor)
	}
	_, out := screentest.Drive(t, m, runes("o"))
	if nav, ok := screentest.Find[common.NavigateMsg](out); !ok || nav.To != common.ScreenTicket || nav.Ticket != m.Rows()[1].ID {
		t.Fatalf("o: %v", out)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter))
	if dm, ok := m.Decide(); !ok || !m.Capturing() || !strings.Contains(dm.View(), m.Rows()[1].Number) {
		t.Fatal("enter did not open the decision form")
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEsc))
	if m.Capturing() {
		t.Fatal("esc did not close the decision form")
	}
	if _, out := screentest.Drive(t, m, keyMsg(tea.KeyEsc)); len(out) != 1 {
		t.Fatalf("esc at the top: %v", out)
	}
}

// Deciding from the tab: the department head approves and signs; the
// ticket leaves the customer's group and the root hears of it.
func TestDecideFromTheList(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	m := at(t, openTab(t, s, i18n.Zh, 80, 24), id)
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter))
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter))
	if !m.FullScreen() {
		dm, _ := m.Decide()
		t.Fatalf("not signing: %q", dm.Error())
	}
	space := tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	draw := []tea.Msg{keyMsg(tea.KeyPgDown), keyMsg(tea.KeyPgDown), keyMsg(tea.KeyPgDown), space}
	for i := range 12 {
		draw = append(draw, keyMsg(tea.KeyRight), keyMsg([]tea.KeyType{tea.KeyUp, tea.KeyDown}[i/3%2]))
	}
	m, _ = screentest.Drive(t, m, append(draw, space)...)
	m, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	changed, ok := screentest.Find[common.TicketChangedMsg](out)
	st, _ := screentest.Find[common.StatusMsg](out)
	if !ok || changed.ID != id || !strings.Contains(st.Text, "制定维护方案") || m.Capturing() {
		t.Fatalf("not decided: %v", out)
	}
	// It now waits for the engineer's plan: the user's own decision.
	for _, r := range m.Rows() {
		if r.ID == id && r.ForCustomer {
			t.Fatal("the decided ticket still waits for the customer")
		}
	}
	d, err := s.Ticket(context.Background(), id)
	if err != nil || d.Step != "plan" {
		t.Fatalf("step %s: %v", d.Step, err)
	}
}

func TestEmpty(t *testing.T) {
	s := screentest.Store(t)
	m := New(screentest.Deps(t, s, i18n.En))
	m.SetSize(80, 24)
	m, _ = screentest.Drive(t, m, listedMsg{seq: m.seq})
	if !strings.Contains(m.View(), "Nothing waits for a decision") || m.liveKeys().Decide.Enabled() {
		t.Fatalf("empty list:\n%s", m.View())
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), keyMsg(tea.KeyDown))
	if m.Capturing() {
		t.Fatal("enter opened something on an empty list")
	}
}

func TestNoKeyBoundTwice(t *testing.T) {
	s := screentest.Store(t)
	m := openTab(t, s, i18n.En, 80, 24)
	screentest.UniqueKeys(t, "list", m.KeyMap())
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter))
	screentest.UniqueKeys(t, "decision form", m.KeyMap())
}

// At 80 columns a step reads whole or in its short form, never cut.
func TestStepsReadAt80Columns(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		m := openTab(t, s, L, 80, 60)
		c := layout(80)
		for _, r := range m.Rows() {
			if cell := text.Cell(words.Fit(words.Step(L, r.Kind, r.Step), words.ShortStep(L, r.Kind, r.Step), c.step), c.step); strings.Contains(cell, "…") {
				t.Errorf("%s: %s reads %q", L, r.Number, cell)
			}
		}
		if v := m.View(); strings.Contains(v, "develop and boo…") || strings.Contains(v, "reported, await…") {
			t.Errorf("%s: steps cut:\n%s", L, v)
		}
	}
}
