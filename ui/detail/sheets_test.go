package detail

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/model"
	"yunwei/ui/common/screentest"
)

// A comment or an edit being typed is not dropped on one key: esc asks,
// and only y leaves without it; an untouched form leaves at once.
func TestEscapeAsksBeforeDroppingTypedText(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	for _, L := range screentest.Langs {
		ask := L.T("Discard what you typed? y discards it; n or esc goes back to the form.")
		for _, key := range []string{"c", "e"} {
			m := open(t, s, id, model.User{}, L, 80, 24)
			m, _ = screentest.Drive(t, m, runes(key), runes("加急"), keyMsg(tea.KeyEsc))
			if !m.Capturing() || !strings.Contains(strings.Join(strings.Fields(m.View()), ""), strings.Join(strings.Fields(ask), "")[:15]) {
				t.Fatalf("%s %s: esc with typed text:\n%s", L, key, m.View())
			}
			screentest.UniqueKeys(t, "asking", m.KeyMap())
			m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEsc))
			if !m.Capturing() || !strings.Contains(m.View(), "加急") {
				t.Fatalf("%s %s: esc twice dropped the text:\n%s", L, key, m.View())
			}
			m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEsc), runes("y"))
			if m.Capturing() {
				t.Fatalf("%s %s: y did not leave", L, key)
			}
		}
		m := open(t, s, id, model.User{}, L, 80, 24)
		m, _ = screentest.Drive(t, m, runes("c"), keyMsg(tea.KeyEsc))
		if m.Capturing() {
			t.Fatalf("%s: esc on an empty comment asked", L)
		}
	}
}
