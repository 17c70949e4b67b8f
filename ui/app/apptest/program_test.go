// Package apptest runs the root in a real Bubble Tea program (teatest). It
// is a package of its own because teatest and the screens' test helpers
// both define an -update flag.
package apptest

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"yunwei/db"
	"yunwei/db/demo"
	"yunwei/ui/app"
	"yunwei/ui/common"
	"yunwei/ui/i18n"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

var now = time.Date(2026, 11, 27, 10, 30, 0, 0, time.UTC)

// The first frame, tab switching, a search, a ticket and back, q to quit.
func TestProgram(t *testing.T) {
	ctx := context.Background()
	s, err := db.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return now }
	if _, err := demo.Generate(ctx, s, demo.Options{Tickets: 200, Seed: 1, Anchor: now}); err != nil {
		t.Fatal(err)
	}
	u, err := s.Profile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opt := app.Options{Deps: common.Deps{Store: s, Lang: i18n.Zh, User: u, Now: func() time.Time { return now }}, DBPath: "/data/yunwei.db"}
	tm := teatest.NewTestModel(t, app.New(opt), teatest.WithInitialTermSize(80, 24))
	waitFor := func(want string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	key := func(s string) { tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }
	waitFor("已加载 200 张工单")
	key("3")
	waitFor("维护记录单")
	key("1")
	key("/")
	// teatest's Type sends bytes one by one, which splits Chinese
	// characters: send them as keys.
	key("数")
	key("据")
	waitFor("排序：时限 · 23 / 共 200")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("工单详情")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	key("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(app.Model)
	v := final.View()
	if !strings.Contains(v, "[1 工单]") || strings.Contains(v, "工单详情") || !strings.Contains(v, "/ 数据") {
		t.Errorf("final frame:\n%s", v)
	}
}
