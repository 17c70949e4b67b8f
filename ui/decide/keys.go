package decide

import (
	"github.com/charmbracelet/bubbles/key"

	"yunwei/model/i18n"
)

// KeyMap is the decision form's keys. The form's fields take the rest of
// the keyboard (typing, choosing); these are the ones help lists. Bindings
// that do nothing now are disabled, which hides them from help.
type KeyMap struct {
	Next       key.Binding // next field
	Prev       key.Binding // previous field
	Choose     key.Binding // move in a list (help only: the list does it)
	NewLine    key.Binding // new line in a text (help only)
	Save       key.Binding // decide now, from any field
	Cancel     key.Binding
	ScrollUp   key.Binding // scroll what is being decided
	ScrollDown key.Binding
	Discard    key.Binding // asked on esc with typed text: leave without it
	Keep       key.Binding // asked on esc: back to the form
}

func newKeys(L i18n.Lang) KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, L.T(help)))
	}
	return KeyMap{
		Next:       b([]string{"tab", "enter"}, "tab/enter", "next field"),
		Prev:       b([]string{"shift+tab"}, "shift+tab", "previous field"),
		Choose:     b([]string{"up", "down"}, "↑/↓", "choose"),
		NewLine:    b([]string{"ctrl+j"}, "ctrl+j", "new line"),
		Save:       b([]string{"ctrl+s"}, "ctrl+s", "decide"),
		Cancel:     b([]string{"esc"}, "esc", "cancel"),
		ScrollUp:   b([]string{"pgup"}, "pgup", "scroll up"),
		ScrollDown: b([]string{"pgdown"}, "pgdn", "scroll down"),
		Discard:    b([]string{"y", "Y"}, "y", "discard what was typed"),
		Keep:       b([]string{"n", "N", "esc"}, "n/esc", "keep editing"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Discard, k.Keep, k.Next, k.Choose, k.NewLine, k.Save, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Discard, k.Keep}, {k.Next, k.Prev, k.Choose, k.NewLine}, {k.Save, k.Cancel, k.ScrollUp, k.ScrollDown}}
}

// all lists every binding, for the test that no two share a key.
func (k KeyMap) all() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Choose, k.NewLine, k.Save, k.Cancel, k.ScrollUp, k.ScrollDown, k.Discard, k.Keep}
}
