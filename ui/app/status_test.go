package app

import (
	"strings"
	"testing"

	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// A name that reached the status line with a right-to-left override or a
// C1 control ("Saved: …") shows them as codes: the text reads as stored,
// and the user can see that something is in it.
func TestStatusLineShowsHiddenCharactersVisibly(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.Zh, 100, 30)
	h.send(common.StatusMsg{Text: i18n.Zh.Tf("Saved: %s", "马俊\u202eLLAM\u009b\u2066")})
	v := h.m().View()
	if !strings.Contains(v, "已保存：马俊‹U+202E›LLAM‹U+009B›‹U+2066›") {
		t.Errorf("status line: %q", lastLines(v, 2))
	}
	for _, raw := range []string{"\u202e", "\u009b", "\u2066"} {
		if strings.Contains(v, raw) {
			t.Errorf("%U reaches the terminal raw", []rune(raw)[0])
		}
	}
}
