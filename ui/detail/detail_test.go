package detail

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
	"yunwei/ui/decide"
)

func keyMsg(k tea.KeyType) tea.Msg { return tea.KeyMsg{Type: k} }

func runes(s string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// open shows ticket id to user at w×h, loaded.
func open(t *testing.T, s *db.Store, id model.ID, user model.User, L i18n.Lang, w, h int) Model {
	t.Helper()
	d := screentest.Deps(t, s, L)
	if !user.ID.IsZero() {
		d.User = user
	}
	m := New(d, id)
	m.SetSize(w, h)
	m = screentest.Start(t, m)
	if _, ok := m.Ticket(); !ok {
		t.Fatalf("not loaded: %s", m.loadErr)
	}
	return m
}

func golden(t *testing.T, name string, m Model, w, h int) {
	t.Helper()
	v := m.View()
	screentest.Frame(t, v, w, h)
	screentest.Golden(t, name, v)
}

func TestGoldenViews(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	for _, L := range screentest.Langs {
		for _, size := range screentest.Sizes {
			w, h := size[0], size[1]
			suffix := fmt.Sprintf("%s_%dx%d", L, w, h)
			m := open(t, s, id, model.User{}, L, w, h)
			golden(t, "detail_"+suffix, m, w, h)
			// The clocks explained and the history, at the bottom.
			m, _ = screentest.Drive(t, m, runes("x"), runes("G"))
			golden(t, "detail_explained_bottom_"+suffix, m, w, h)
			m, _ = screentest.Drive(t, m, runes("e"))
			golden(t, "edit_"+suffix, m, w, h)
			m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEsc), runes("c"))
			golden(t, "comment_"+suffix, m, w, h)
		}
	}
}

// The detail after a signed decision: the history shows the signature and
// its badge; changing what was signed voids it.
func TestSignedHistory(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	for _, L := range screentest.Langs {
		m := open(t, s, id, model.User{}, L, 80, 24)
		if L == i18n.En {
			m = approveAndSign(t, m)
		}
		m, _ = screentest.Drive(t, m, runes("G"))
		golden(t, "signed_bottom_"+string(L)+"_80x24", m, 80, 24)
	}
	// Editing the description changes what was signed: the badge says VOID.
	engineer := screentest.Deps(t, s, i18n.En).User
	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Execute(ctx, db.Acting{UserID: engineer.ID}, editDescription(d.ID, d.Description+"（补充）")); err != nil {
		t.Fatal(err)
	}
	m := open(t, s, id, model.User{}, i18n.En, 120, 40)
	m, _ = screentest.Drive(t, m, runes("G"))
	if v := m.View(); !strings.Contains(v, "VOID") || strings.Contains(v, "✔ signed") ||
		!strings.Contains(v, "the description was changed after signing") {
		t.Fatalf("not void, with its reason, after an edit:\n%s", v)
	}
}

// Keys: x explains the clocks, scrolling moves, e and c open their forms
// and esc closes them, esc at the top goes back.
func TestKeys(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	m := open(t, s, id, model.User{}, i18n.En, 80, 24)
	n := len(m.lines)
	m, _ = screentest.Drive(t, m, runes("x"))
	if len(m.lines) <= n || !m.explain {
		t.Fatal("x did not explain the clocks")
	}
	m, _ = screentest.Drive(t, m, runes("j"), runes("j"))
	if m.off != 2 {
		t.Fatalf("j twice: offset %d", m.off)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyPgDown), runes("g"))
	if m.off != 0 {
		t.Fatalf("g: offset %d", m.off)
	}
	m, _ = screentest.Drive(t, m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.off != 3 {
		t.Fatalf("wheel: offset %d", m.off)
	}
	for _, k := range []string{"e", "c", "A", "a", "r"} {
		m, _ = screentest.Drive(t, m, runes(k))
		if !m.Capturing() {
			t.Fatalf("%s opened nothing", k)
		}
		m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEsc))
		if m.Capturing() || m.focus != focusTicket {
			t.Fatalf("esc did not close what %s opened", k)
		}
	}
	if dm, ok := func() (decide.Model, bool) {
		m, _ := screentest.Drive(t, m, runes("r"))
		return m.Decide()
	}(); !ok || dm.Stage() != decide.StageForm {
		t.Fatal("r did not open the decision form")
	}
	_, out := screentest.Drive(t, m, keyMsg(tea.KeyEsc))
	if _, ok := screentest.Find[common.BackMsg](out); !ok {
		t.Fatalf("esc at the top: %v", out)
	}
}

// The actions offered are the decisions allowed now, and only those.
func TestActionsAreTheAllowedDecisions(t *testing.T) {
	s := screentest.Store(t)
	review := screentest.Ticket(t, s, model.KindDataCorrection, "review")
	engineer := screentest.User(t, s, screentest.Engineer)
	m := open(t, s, review, engineer, i18n.En, 80, 24)
	if len(m.actions) != 0 || len(m.liveKeys().Decisions) != 0 {
		t.Fatalf("an engineer is offered %v at the technical lead's review", m.actions)
	}
	if !strings.Contains(strings.Join(m.actionLines(), " "), "waits for technical lead") {
		t.Fatalf("actions %q", m.actionLines())
	}
	m, _ = screentest.Drive(t, m, runes("a"))
	if m.Capturing() {
		t.Fatal("a opened a decision the engineer may not take")
	}
	lead := screentest.User(t, s, screentest.TechLead)
	m = open(t, s, review, lead, i18n.En, 80, 24)
	var got []string
	for _, a := range m.actions {
		got = append(got, a.Key+"="+a.Decision.Name)
	}
	if strings.Join(got, " ") != "a=approve r=return" {
		t.Fatalf("technical lead's keys %v", got)
	}
	// A developer holds no role that assigns tickets.
	dev := screentest.User(t, s, screentest.Developer)
	m = open(t, s, review, dev, i18n.En, 80, 24)
	if m.liveKeys().Assign.Enabled() {
		t.Fatal("a developer may assign")
	}
}

// Comments and edits are saved and show in the history; people's text of
// any script is kept and aligned; a refusal shows inline and keeps what
// was typed.
func TestCommentAndEdit(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	m := open(t, s, id, model.User{}, i18n.Zh, 80, 24)

	// An empty comment is refused by flows, inline.
	m, _ = screentest.Drive(t, m, runes("c"), keyMsg(tea.KeyEnter))
	sh, ok := m.Sheet()
	if !ok || !strings.Contains(sh.Error(), "备注不能为空") || !strings.Contains(m.View(), "备注不能为空") {
		t.Fatalf("empty comment: %q\n%s", sh.Error(), m.View())
	}
	m, out := screentest.Drive(t, m, runes("客户已电话确认 ✅ 明天上午处理"), keyMsg(tea.KeyEnter))
	if _, ok := screentest.Find[common.TicketChangedMsg](out); !ok || m.Capturing() {
		t.Fatalf("comment not saved: %v", out)
	}
	st, _ := screentest.Find[common.StatusMsg](out)
	if st.Err || !strings.Contains(st.Text, "已为") {
		t.Fatalf("status %+v", st)
	}
	m, _ = screentest.Drive(t, m, runes("G"))
	v := m.View()
	screentest.Frame(t, v, 80, 24)
	if !strings.Contains(v, "客户已电话确认 ✅ 明天上午处理") {
		t.Fatalf("comment not in the history:\n%s", v)
	}

	// Edit the title: only what changed is sent.
	m, _ = screentest.Drive(t, m, runes("e"), runes("（加急）"), keyMsg(tea.KeyCtrlS))
	if m.Capturing() {
		sh, _ := m.Sheet()
		t.Fatalf("edit not saved: %q", sh.Error())
	}
	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	last := d.History[len(d.History)-1]
	if !strings.HasSuffix(d.Title, "（加急）") || last.Field != "title" {
		t.Fatalf("title %q, last %+v", d.Title, last)
	}
	m, _ = screentest.Drive(t, m, runes("G"))
	if !strings.Contains(m.View(), "将标题改为") {
		t.Fatalf("edit not in the history:\n%s", m.View())
	}

	// Saving an unchanged form says so and stays open.
	m, _ = screentest.Drive(t, m, runes("e"), keyMsg(tea.KeyCtrlS))
	if sh, ok := m.Sheet(); !ok || sh.Error() != "没有任何修改。" {
		t.Fatalf("unchanged edit: %q", sh.Error())
	}
}

func TestAssign(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	m := open(t, s, id, model.User{}, i18n.En, 80, 24)
	before, _ := m.Ticket()
	m, out := screentest.Drive(t, m, runes("A"), keyMsg(tea.KeyDown), keyMsg(tea.KeyEnter))
	if _, ok := screentest.Find[common.TicketChangedMsg](out); !ok {
		sh, _ := m.Sheet()
		t.Fatalf("not assigned: %q", sh.Error())
	}
	after, _ := m.Ticket()
	if after.AssigneeID == before.AssigneeID {
		t.Fatal("the assignee did not change")
	}
}

// No two live bindings share a key: the detail's, with its decisions, and
// its forms'.
func TestNoKeyBoundTwice(t *testing.T) {
	s := screentest.Store(t)
	for _, step := range []string{"dept_approval", "plan", "feedback", "closed"} {
		var id model.ID
		if step == "closed" {
			_ = s.EachTicket(context.Background(), db.TicketFilter{Status: "closed", Kind: model.KindDataCorrection, Limit: 1}, func(r db.TicketRow) error {
				id = r.ID
				return nil
			})
		} else {
			id = screentest.Ticket(t, s, model.KindDataCorrection, step)
		}
		m := open(t, s, id, model.User{}, i18n.En, 80, 24)
		screentest.UniqueKeys(t, step, m.KeyMap())
		for _, k := range []string{"e", "c", "A"} {
			mm, _ := screentest.Drive(t, m, runes(k))
			if mm.Capturing() {
				screentest.UniqueKeys(t, step+" "+k, mm.KeyMap())
			}
		}
	}
}
