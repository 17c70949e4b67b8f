package approval

import (
	"github.com/charmbracelet/bubbles/key"

	"yunwei/model/i18n"
)

// KeyMap is the Approvals tab's keys at its top level.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Decide   key.Binding // open the decision form
	Open     key.Binding // open the ticket
	Reload   key.Binding
	Back     key.Binding // the root's global key, listed in its help
}

func newKeys(L i18n.Lang) KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, L.T(help)))
	}
	return KeyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   b([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown", "ctrl+d"}, "pgdn", "page down"),
		Top:      b([]string{"home", "g"}, "g/home", "top"),
		Bottom:   b([]string{"end", "G"}, "G/end", "bottom"),
		Decide:   b([]string{"enter"}, "enter", "open the decision"),
		Open:     b([]string{"o"}, "o", "open ticket"),
		Reload:   b([]string{"ctrl+r"}, "ctrl+r", "reload"),
		Back:     b([]string{"esc"}, "esc", "back"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Decide, k.Open, k.Up, k.Down}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Decide, k.Open, k.Reload}, {k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}
