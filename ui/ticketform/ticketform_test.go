package ticketform

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

func keyMsg(k tea.KeyType) tea.Msg { return tea.KeyMsg{Type: k} }

func runes(s string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func openForm(t *testing.T, s *db.Store, L i18n.Lang, w, h int) Model {
	t.Helper()
	m := New(screentest.Deps(t, s, L))
	m.SetSize(w, h)
	m = screentest.Start(t, m)
	if !m.Capturing() {
		t.Fatalf("not open: %s", m.err)
	}
	return m
}

// tabs moves focus n fields on.
func tabs(n int) []tea.Msg {
	var out []tea.Msg
	for range n {
		out = append(out, keyMsg(tea.KeyTab))
	}
	return out
}

// The fields in order: customer, contract, kind, site, system, channel,
// severity, requester, title, description, reported, on site.
const (
	fieldKind  = 2
	fieldTitle = 8
)

func TestGoldenViews(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		for _, size := range screentest.Sizes {
			w, h := size[0], size[1]
			m := openForm(t, s, L, w, h)
			v := m.View()
			screentest.Frame(t, v, w, h)
			screentest.Golden(t, fmt.Sprintf("new_%s_%dx%d", L, w, h), v)
			// Further down: the text fields.
			m, _ = screentest.Drive(t, m, tabs(fieldTitle)...)
			v = m.View()
			screentest.Frame(t, v, w, h)
			screentest.Golden(t, fmt.Sprintf("new_title_%s_%dx%d", L, w, h), v)
		}
	}
}

// A ticket is recorded from what was chosen and typed, and opened; a
// refusal shows inline and nothing typed is lost.
func TestCreate(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	m := openForm(t, s, i18n.Zh, 80, 24)
	// The second customer: its contract, sites and contacts follow.
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyDown))
	cust := m.draft.Customer
	if m.draft.Contract != m.dir.inForce(cust, screentest.Now) || m.draft.Contract.IsZero() {
		t.Fatalf("contract %s is not the customer's in force", m.draft.Contract)
	}
	siteOK := false
	for _, st := range m.dir.sites[cust] {
		siteOK = siteOK || st.ID == m.draft.Site
	}
	if !siteOK {
		t.Fatal("the site is not the customer's")
	}

	// Saving without a title is refused inline.
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if !strings.Contains(m.Sheet().Error(), "标题不能为空") || !strings.Contains(m.View(), "标题不能为空") {
		t.Fatalf("no title: %q", m.Sheet().Error())
	}
	// A reported time that is no time is refused inline, the rest kept.
	m, _ = screentest.Drive(t, m, tabs(fieldTitle-0)...)
	m, _ = screentest.Drive(t, m, runes("收费处打印机无法打印发票 🖨"), keyMsg(tea.KeyTab),
		runes("上午 9 点起所有窗口都无法打印"), keyMsg(tea.KeyTab))
	m.draft.ReportedAt = "昨天上午"
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if !strings.Contains(m.Sheet().Error(), "不是有效时间") || m.draft.Title != "收费处打印机无法打印发票 🖨" || m.draft.Customer != cust {
		t.Fatalf("bad time: %q, title %q", m.Sheet().Error(), m.draft.Title)
	}
	m.draft.ReportedAt = "2026-11-27 17:45"
	m, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	nav, ok := screentest.Find[common.NavigateMsg](out)
	if !ok || nav.To != common.ScreenTicket {
		t.Fatalf("not recorded: %q %v", m.Sheet().Error(), out)
	}
	if st, _ := screentest.Find[common.StatusMsg](out); !strings.Contains(st.Text, "已登记工单") {
		t.Fatalf("status %+v", st)
	}
	d, err := s.Ticket(ctx, nav.Ticket)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "收费处打印机无法打印发票 🖨" || d.Description != "上午 9 点起所有窗口都无法打印" || d.CustomerID != cust ||
		d.Kind != model.KindIncident || d.ReportedAt != "2026-11-27T09:45:00.000Z" {
		t.Fatalf("recorded %+v", d.Ticket)
	}
}

// A staff change notice concerns the contract: the form offers no site.
func TestNoticeNeedsNoSite(t *testing.T) {
	s := screentest.Store(t)
	m := openForm(t, s, i18n.En, 80, 24)
	m, _ = screentest.Drive(t, m, tabs(fieldKind)...)
	for m.draft.Kind != model.KindStaffChange {
		m, _ = screentest.Drive(t, m, keyMsg(tea.KeyDown))
	}
	if !m.draft.Site.IsZero() {
		t.Fatalf("a staff change keeps site %s", m.draft.Site)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyTab))
	if !strings.Contains(m.View(), "it concerns the whole contract") {
		t.Fatalf("no site choice offered:\n%s", m.View())
	}
	m.draft.Title = "驻场工程师变更"
	_, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if _, ok := screentest.Find[common.NavigateMsg](out); !ok {
		t.Fatalf("not recorded: %v", out)
	}
}

func TestEscapeLeaves(t *testing.T) {
	s := screentest.Store(t)
	m := openForm(t, s, i18n.En, 80, 24)
	_, out := screentest.Drive(t, m, runes("x"), keyMsg(tea.KeyEsc))
	if _, ok := screentest.Find[common.BackMsg](out); !ok {
		t.Fatalf("esc: %v", out)
	}
	// A typed title is not dropped on one key: esc asks, n goes back with
	// the title kept, y leaves.
	for _, L := range screentest.Langs {
		m = openForm(t, s, L, 80, 24)
		m, out = screentest.Drive(t, m, append(tabs(fieldTitle), runes("打印机坏了"), keyMsg(tea.KeyEsc))...)
		if _, ok := screentest.Find[common.BackMsg](out); ok || !strings.Contains(m.View(), L.T("Discard what you typed? y discards it; n or esc goes back to the form.")[:12]) {
			t.Fatalf("%s: esc with a typed title: %v\n%s", L, out, m.View())
		}
		screentest.UniqueKeys(t, "asking", m.KeyMap())
		m, out = screentest.Drive(t, m, runes("n"))
		if _, ok := screentest.Find[common.BackMsg](out); ok || m.draft.Title != "打印机坏了" {
			t.Fatalf("%s: n: %v, title %q", L, out, m.draft.Title)
		}
		_, out = screentest.Drive(t, m, keyMsg(tea.KeyEsc), runes("y"))
		if _, ok := screentest.Find[common.BackMsg](out); !ok {
			t.Fatalf("%s: esc, y: %v", L, out)
		}
	}
}

func TestNoKeyBoundTwice(t *testing.T) {
	s := screentest.Store(t)
	m := openForm(t, s, i18n.En, 80, 24)
	for i := range 12 {
		screentest.UniqueKeys(t, fmt.Sprintf("field %d", i), m.KeyMap())
		m, _ = screentest.Drive(t, m, keyMsg(tea.KeyTab))
	}
}

// On a database without customers the form says how to add them instead
// of offering an empty form.
func TestNoCustomersYet(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u := model.User{ID: model.NewID(), Login: "zhang", Name: "张工", Roles: model.Roles{model.RoleEngineer}}
	if _, err := s.Execute(ctx, db.Acting{UserID: u.ID}, directory.SaveUser{User: u}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetProfile(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	m := New(screentest.Deps(t, s, i18n.En))
	m.SetSize(80, 20)
	m, _ = screentest.Drive(t, m, m.Init()())
	if v := m.View(); !strings.Contains(v, "no customer yet") || !strings.Contains(v, "customer add") {
		t.Fatalf("empty database:\n%s", v)
	}
}
