package queue

import (
	"errors"
	"strings"
	"testing"

	"yunwei/model/i18n"
	"yunwei/ui/common"
)

// A queue that cannot be read says so in the user's words; SQLite's own
// text goes to the debug log, not to the screen.
func TestALoadErrorShowsNoSQLiteText(t *testing.T) {
	raw := errors.New("sqlite: database disk image is malformed (11)")
	for _, msg := range []any{firstPageMsg{err: raw}, loadedMsg{err: raw}} {
		m := New(common.Deps{Lang: i18n.Zh})
		m.SetSize(80, 20)
		m, _ = m.Update(msg)
		view := m.View()
		if strings.Contains(view, "sqlite") || strings.Contains(view, "malformed") || !strings.Contains(view, "内部错误") {
			t.Errorf("%T: the queue shows %q", msg, view)
		}
	}
}
