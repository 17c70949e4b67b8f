package queue

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

func keyMsg(s string) tea.Msg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func keys(ks ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range ks {
		out = append(out, keyMsg(k))
	}
	return out
}

// loaded is the queue with every ticket in, at w×h.
func loaded(t *testing.T, s *db.Store, L i18n.Lang, w, h int) Model {
	t.Helper()
	m := New(screentest.Deps(t, s, L))
	m.SetSize(w, h)
	m, _ = screentest.Drive(t, m, m.Init()())
	if !m.Loaded() || !m.full {
		t.Fatal("the queue did not load")
	}
	return m
}

func TestGoldenViews(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		for _, size := range [][2]int{{80, 20}, {120, 36}} {
			name := fmt.Sprintf("%dx%d_%s", size[0], size[1], L)
			t.Run(name, func(t *testing.T) {
				m := loaded(t, s, L, size[0], size[1])
				screentest.Frame(t, m.View(), size[0], size[1])
				screentest.Golden(t, "TestGoldenViews/"+name, m.View())
				// Searching, waiting for me, sorted by severity.
				m, _ = screentest.Drive(t, m, keys("w", "s", "s", "/", "数据")...)
				screentest.Frame(t, m.View(), size[0], size[1])
				screentest.Golden(t, "TestGoldenViews/"+name+"_search", m.View())
			})
		}
	}
}

// The first frame comes from the first page, before the rest has loaded,
// and says it is still loading.
func TestFirstPage(t *testing.T) {
	s := screentest.Store(t)
	m := New(screentest.Deps(t, s, i18n.En))
	m.SetSize(100, 20)
	if !strings.Contains(m.View(), "Loading the queue") {
		t.Error("no loading notice before the first page")
	}
	m, cmd := m.Update(m.Init()())
	if !m.HasFirstPage() || m.Loaded() || cmd == nil {
		t.Fatal("the first page did not start the full load")
	}
	if v := m.View(); !strings.Contains(v, "loading…") || strings.Count(v, screentest.NumberPrefix) < 18 {
		t.Errorf("first frame:\n%s", v)
	}
	_, out := screentest.Drive(t, m, keys("/", "x")...)
	if st, ok := screentest.Find[common.StatusMsg](out); !ok || !strings.Contains(st.Text, "Still loading") {
		t.Error("a search before the load completes does not say it covers only the first page")
	}
}

func TestKeys(t *testing.T) {
	s := screentest.Store(t)
	m := loaded(t, s, i18n.En, 100, 20)
	first, _ := m.Selected()

	m2, _ := screentest.Drive(t, m, keys("down", "down")...)
	if m2.cursor != 2 {
		t.Errorf("down down: cursor %d", m2.cursor)
	}
	m2, _ = screentest.Drive(t, m2, keys("pgdown")...)
	if m2.cursor != 2+m2.rowsShown()-1 || m2.offset == 0 {
		t.Errorf("pgdown: cursor %d offset %d", m2.cursor, m2.offset)
	}
	m2, _ = screentest.Drive(t, m2, keys("G")...)
	if m2.cursor != len(m2.v.rows)-1 {
		t.Errorf("G: cursor %d of %d", m2.cursor, len(m2.v.rows))
	}
	m2, _ = screentest.Drive(t, m2, keys("g")...)
	if id, _ := m2.Selected(); id != first {
		t.Error("g does not return to the first ticket")
	}

	_, out := screentest.Drive(t, m, keys("enter")...)
	if nav, ok := screentest.Find[common.NavigateMsg](out); !ok || nav.To != common.ScreenTicket || nav.Ticket != first {
		t.Errorf("enter: %+v", out)
	}
	_, out = screentest.Drive(t, m, keys("n")...)
	if nav, ok := screentest.Find[common.NavigateMsg](out); !ok || nav.To != common.ScreenNewTicket {
		t.Errorf("n: %+v", out)
	}

	for k, f := range map[string]quickFilter{"m": filterMine, "w": filterWaiting, "b": filterBreaching, "a": filterAll} {
		m2, _ := screentest.Drive(t, m, keys(k)...)
		if m2.v.filter != f {
			t.Errorf("%s: filter %d", k, m2.v.filter)
		}
	}
	// Closed tickets show only under "all".
	for _, f := range []string{"m", "w", "b"} {
		m2, _ := screentest.Drive(t, m, keys(f)...)
		for _, r := range m2.v.rows {
			if m2.t.rows[r].flags&flagClosed != 0 {
				t.Fatalf("filter %s shows a closed ticket", f)
			}
		}
	}
	m2, _ = screentest.Drive(t, m, keys("s")...)
	if m2.v.sort != sortUpdated {
		t.Errorf("s: sort %d", m2.v.sort)
	}
	m2, _ = screentest.Drive(t, m2, keys("s", "s")...)
	if m2.v.sort != sortSLA {
		t.Errorf("s s s: sort %d", m2.v.sort)
	}
}

func TestSearchKeys(t *testing.T) {
	s := screentest.Store(t)
	m := loaded(t, s, i18n.En, 100, 20)
	all := len(m.v.rows)
	m, _ = screentest.Drive(t, m, keys("/")...)
	if !m.Capturing() {
		t.Fatal("/ does not focus the search")
	}
	// While typing, letters are text, not filters.
	m, _ = screentest.Drive(t, m, keys("m", "w", "b", "打")...)
	if m.v.filter != filterAll || m.v.query != "mwb打" {
		t.Fatalf("typing: filter %d query %q", m.v.filter, m.v.query)
	}
	m, _ = screentest.Drive(t, m, keys("backspace", "backspace", "backspace", "backspace", "打印")...)
	some := len(m.v.rows)
	if some == 0 || some == all {
		t.Fatalf("search 打印: %d of %d", some, all)
	}
	m, _ = screentest.Drive(t, m, keys("enter")...)
	// Kept, and widened by the tickets whose texts mention it.
	if m.Capturing() || m.v.query != "打印" || len(m.v.rows) < some {
		t.Fatal("enter does not keep the search and leave the field")
	}
	m, _ = screentest.Drive(t, m, keys("esc")...)
	if m.v.query != "" || len(m.v.rows) != all {
		t.Fatal("esc does not clear the applied search")
	}
	// esc while typing cancels.
	m, _ = screentest.Drive(t, m, keys("/", "打", "esc")...)
	if m.Capturing() || m.v.query != "" {
		t.Fatal("esc while typing does not cancel the search")
	}
	// "/" and the query arriving together, as a fast typist or a paste does.
	m, _ = screentest.Drive(t, m, keys("/打印")...)
	if !m.Capturing() || m.v.query != "打印" {
		t.Fatalf("pasted search: %q", m.v.query)
	}
}

func TestMouse(t *testing.T) {
	s := screentest.Store(t)
	m := loaded(t, s, i18n.En, 100, 20)
	m, _ = m.Update(tea.MouseMsg{X: 20, Y: m.tableTop() + 4, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.cursor != 4 {
		t.Errorf("click on the fifth row: cursor %d", m.cursor)
	}
	m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.offset != 3 || m.cursor != 4 {
		t.Errorf("wheel: offset %d cursor %d", m.offset, m.cursor)
	}
	m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.cursor < m.offset {
		t.Errorf("the cursor was left above the view: offset %d cursor %d", m.offset, m.cursor)
	}
	// A click on a quick filter's name selects it.
	_, ends := m.filterBar()
	m, _ = m.Update(tea.MouseMsg{X: ends[filterMine] - 2, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.v.filter != filterMine {
		t.Errorf("click on Mine: filter %d", m.v.filter)
	}
}

// A ticket written elsewhere (the detail, the form) is re-read and moves
// to its place.
func TestTicketChanged(t *testing.T) {
	s := screentest.Store(t)
	d := screentest.Deps(t, s, i18n.En)
	m := loaded(t, s, i18n.En, 100, 20)
	m, _ = screentest.Drive(t, m, keys("s")...) // most recently updated first
	id := m.t.rows[m.v.rows[len(m.v.rows)-1]].id
	if _, err := s.Execute(t.Context(), db.Acting{UserID: d.User.ID}, ticket.Comment{ID: id, Text: "已电话回访。"}); err != nil {
		t.Fatal(err)
	}
	m, _ = screentest.Drive(t, m, common.TicketChangedMsg{ID: id})
	if got := m.t.rows[m.v.rows[0]].id; got != id {
		t.Errorf("the changed ticket is not first by update: %v", got)
	}
	n := len(m.t.rows)
	created := model.NewID()
	m, _ = screentest.Drive(t, m, common.TicketChangedMsg{ID: created})
	if len(m.t.rows) != n {
		t.Error("an unknown ticket was added")
	}
}

// A ticket written while the full load runs is read again when the load
// arrives: the load's snapshot may predate the change.
func TestChangeDuringLoad(t *testing.T) {
	s := screentest.Store(t)
	d := screentest.Deps(t, s, i18n.En)
	m := New(d)
	m.SetSize(100, 20)
	m, loadCmd := m.Update(m.Init()())
	stale := loadCmd() // the snapshot, taken before the change
	id := m.t.rows[m.v.rows[0]].id
	before := m.t.rows[m.t.find(id)].updated
	d.Store.Now = func() time.Time { return screentest.Now.Add(time.Hour) }
	if _, err := s.Execute(t.Context(), db.Acting{UserID: d.User.ID}, ticket.Comment{ID: id, Text: "已电话回访。"}); err != nil {
		t.Fatal(err)
	}
	m, _ = screentest.Drive(t, m, common.TicketChangedMsg{ID: id}, stale)
	if !m.full {
		t.Fatal("not loaded")
	}
	if after := m.t.rows[m.t.find(id)].updated; after == before {
		t.Error("the change made during the load was lost")
	}
}

// Enter keeps a search and also finds it in descriptions, comments and
// decision texts, which the queue's table does not hold.
func TestSearchFindsTextsInTheLog(t *testing.T) {
	s := screentest.Store(t)
	m := loaded(t, s, i18n.En, 100, 20)
	// A phrase the fixture writes only into comments and decisions.
	const q = screentest.LogPhrase
	m, _ = screentest.Drive(t, m, keys("/", q)...)
	if len(m.v.rows) != 0 {
		t.Fatalf("%d rows match %q by title before the log is searched", len(m.v.rows), q)
	}
	m, msgs := screentest.Drive(t, m, keys("enter")...)
	if len(m.v.rows) == 0 {
		t.Fatalf("enter found nothing in the texts; messages %v", msgs)
	}
	ids, err := s.TicketsMentioning(context.Background(), q)
	if err != nil || len(ids) != len(m.v.rows) {
		t.Fatalf("%d rows, the log has %d tickets mentioning %q (%v)", len(m.v.rows), len(ids), q, err)
	}
	// Typing a new search drops the old text matches until enter again.
	m, _ = screentest.Drive(t, m, keys("esc", "/", q+"X")...)
	if len(m.v.rows) != 0 {
		t.Fatal("stale text matches kept for a different search")
	}
}

// At 80 columns every kind and step reads whole or in its short form
// ("data fix", "dept appr."), never cut to "data co…", in both languages;
// at 120 the full names come back where they fit.
func TestKindAndStepReadAt80Columns(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		m := loaded(t, s, L, 80, 60)
		for _, c := range []colKind{colKindLabel, colStep} {
			if w := m.lay.w[c]; w < 8 {
				t.Fatalf("%s: column %d is %d wide", L, c, w)
			}
		}
		for _, i := range m.v.rows {
			r := &m.t.rows[i]
			kind, step := m.kindLabel(r.kind, m.lay.w[colKindLabel]), m.stepLabel(r.kind, r.step, m.lay.w[colStep])
			if strings.Contains(kind+step, "…") {
				t.Errorf("%s: %s reads %q · %q", L, m.t.number(i), kind, step)
			}
		}
	}
	v := loaded(t, s, i18n.En, 80, 60).View()
	for _, want := range []string{"data fix", "dept appr.", "staff ", "change "} {
		if !strings.Contains(v, want) {
			t.Errorf("the 80-column queue has no %q:\n%s", want, v)
		}
	}
	if v := loaded(t, s, i18n.En, 120, 60).View(); !strings.Contains(v, "data correction") {
		t.Errorf("the 120-column queue shortens what fits:\n%s", v)
	}
}

// A ticket number past counter 9999 is shown whole at 80 columns, the
// title giving the room; a number marked as a duplicate (with its
// ticket's id) widens the column no further than a six-digit counter.
func TestLongNumbersAreShownWholeAt80Columns(t *testing.T) {
	s := screentest.Store(t)
	for _, L := range screentest.Langs {
		m := loaded(t, s, L, 80, 60)
		q := db.QueueTicket{ID: model.NewID(), Number: "DEM-2026-10042", Kind: model.KindIncident, Title: "门诊收费处打印机无法出单"}
		m.t.put(&q)
		if w := m.layoutFor(80).w[colNumber]; w != len(q.Number) {
			t.Errorf("%s: the number column is %d wide for %s", L, w, q.Number)
		}
		dup := db.QueueTicket{ID: model.NewID(), Number: "DEM-2026-0042!" + model.NewID().String(), Kind: model.KindIncident, Title: "重复编号"}
		m.t.put(&dup)
		l := m.layoutFor(80)
		if l.w[colNumber] != maxNumberWidth || l.w[colTitle] < 8 {
			t.Errorf("%s: with a marked duplicate the number column is %d wide, the title %d", L, l.w[colNumber], l.w[colTitle])
		}
	}
}
