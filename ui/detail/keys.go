package detail

import (
	"github.com/charmbracelet/bubbles/key"

	"yunwei/model/i18n"
	"yunwei/ui/decide"
)

// reservedKeys are the letters the detail's own keys and the global keys
// use; decisions get other letters (decide.AssignKeys).
var reservedKeys = []string{"e", "c", "x", "j", "k", "g", "h", "l", "q"}

// KeyMap is the ticket detail's keys at its top level. Decisions are
// bound one key each, only those allowed now.
type KeyMap struct {
	Decisions []key.Binding
	Edit      key.Binding
	Comment   key.Binding
	Assign    key.Binding
	Explain   key.Binding // show or hide the SLA clocks' explanations
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Top       key.Binding
	Bottom    key.Binding
	Back      key.Binding // the root's global key, listed in its help
}

func newKeys(L i18n.Lang) KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, L.T(help)))
	}
	return KeyMap{
		Edit:     b([]string{"e"}, "e", "edit"),
		Comment:  b([]string{"c"}, "c", "comment"),
		Assign:   b([]string{"A"}, "A", "assign"),
		Explain:  b([]string{"x"}, "x", "explain clocks"),
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   b([]string{"pgup", "ctrl+u"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown", "ctrl+d", " "}, "pgdn/space", "page down"),
		Top:      b([]string{"home", "g"}, "g/home", "top"),
		Bottom:   b([]string{"end", "G"}, "G/end", "bottom"),
		Back:     b([]string{"esc"}, "esc", "back"),
	}
}

// withActions binds the actions' keys, labelled with their decisions.
func (k KeyMap) withActions(actions []decide.Action, L i18n.Lang) KeyMap {
	k.Decisions = nil
	for _, a := range actions {
		k.Decisions = append(k.Decisions, key.NewBinding(key.WithKeys(a.Key), key.WithHelp(a.Key, a.Label(L))))
	}
	return k
}

// ShortHelp implements help.KeyMap: the decisions first, they are what the
// screen is for.
func (k KeyMap) ShortHelp() []key.Binding {
	return append(append([]key.Binding(nil), k.Decisions...), k.Edit, k.Comment, k.Assign, k.Explain)
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.Decisions,
		{k.Edit, k.Comment, k.Assign, k.Explain},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
	}
}
