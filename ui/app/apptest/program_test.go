// Package apptest runs the root in a real Bubble Tea program (teatest).
package apptest

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"yunwei/model/i18n"
	"yunwei/ui/app"
	"yunwei/ui/common/screentest"
)

// The first frame, tab switching, a search, a ticket and back, q to quit.
func TestProgram(t *testing.T) {
	s := screentest.Store(t)
	opt := app.Options{Deps: screentest.Deps(t, s, i18n.Zh), DBPath: "/data/yunwei.db"}
	tm := teatest.NewTestModel(t, app.New(opt), teatest.WithInitialTermSize(80, 24))
	waitFor := func(want string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	key := func(s string) { tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }
	waitFor("已加载 46 张工单")
	key("3")
	waitFor("维护记录单")
	key("1")
	key("/")
	// teatest's Type sends bytes one by one, which splits Chinese
	// characters: send them as keys.
	key("数")
	key("据")
	waitFor("排序：时限 · 5 / 共 46")
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
