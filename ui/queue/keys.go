package queue

import (
	"github.com/charmbracelet/bubbles/key"

	"yunwei/model/i18n"
)

// KeyMap is the queue's keys. Bindings that do nothing in the current
// state are disabled, which both stops them matching and hides them from
// help: while the search field has focus only the search keys are live.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, New                               key.Binding
	Search, ClearSearch                     key.Binding
	Mine, Waiting, Breaching, All           key.Binding
	Sort                                    key.Binding

	// While searching.
	Accept, Cancel, SearchUp, SearchDown key.Binding
}

// DefaultKeyMap is the queue's keys (DESIGN §6), with help in lang.
func DefaultKeyMap(L i18n.Lang) KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, L.T(help)))
	}
	return KeyMap{
		Up:          b([]string{"up", "k"}, "↑/k", "up"),
		Down:        b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:      b([]string{"pgup", "ctrl+b"}, "pgup", "page up"),
		PageDown:    b([]string{"pgdown", "ctrl+f", " "}, "pgdn", "page down"),
		Top:         b([]string{"home", "g"}, "g", "first"),
		Bottom:      b([]string{"end", "G"}, "G", "last"),
		Open:        b([]string{"enter"}, "enter", "open ticket"),
		New:         b([]string{"n"}, "n", "new ticket"),
		Search:      b([]string{"/"}, "/", "search"),
		ClearSearch: b([]string{"esc"}, "esc", "clear search"),
		Mine:        b([]string{"m"}, "m", "mine"),
		Waiting:     b([]string{"w"}, "w", "waiting for me"),
		Breaching:   b([]string{"b"}, "b", "breaching"),
		All:         b([]string{"a"}, "a", "all"),
		Sort:        b([]string{"s"}, "s", "sort"),
		Accept:      b([]string{"enter"}, "enter", "done"),
		Cancel:      b([]string{"esc"}, "esc", "cancel search"),
		SearchUp:    b([]string{"up", "ctrl+p"}, "↑", "up"),
		SearchDown:  b([]string{"down", "ctrl+n"}, "↓", "down"),
	}
}

// enable switches bindings on for the state: searching (the field has
// focus) or browsing, and whether a search is applied.
func (k *KeyMap) enable(searching, hasQuery bool) {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Open, &k.New,
		&k.Search, &k.Mine, &k.Waiting, &k.Breaching, &k.All, &k.Sort} {
		b.SetEnabled(!searching)
	}
	k.ClearSearch.SetEnabled(!searching && hasQuery)
	for _, b := range []*key.Binding{&k.Accept, &k.Cancel, &k.SearchUp, &k.SearchDown} {
		b.SetEnabled(searching)
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.New, k.Search, k.ClearSearch, k.Mine, k.Waiting, k.Breaching, k.All, k.Sort, k.Accept, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.New, k.Search, k.ClearSearch, k.Sort},
		{k.Mine, k.Waiting, k.Breaching, k.All},
		{k.Accept, k.Cancel, k.SearchUp, k.SearchDown},
	}
}
