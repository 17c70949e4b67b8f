package common

import (
	"github.com/charmbracelet/bubbles/key"

	"yunwei/model/i18n"
)

// GlobalKeys work on every screen (DESIGN §6). While a text field has
// focus the single-letter ones are disabled by the screen; ctrl+c always
// quits.
type GlobalKeys struct {
	Help, Back, Quit, ForceQuit, NextTab, PrevTab key.Binding
	Tab1, Tab2, Tab3, Tab4, Tab5                  key.Binding
}

// NewGlobalKeys builds the global keys with help text in lang.
func NewGlobalKeys(L i18n.Lang) GlobalKeys {
	return GlobalKeys{
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", L.T("help"))),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", L.T("back"))),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", L.T("quit"))),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", L.T("quit"))),
		NextTab:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", L.T("next tab"))),
		PrevTab:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", L.T("previous tab"))),
		Tab1:      key.NewBinding(key.WithKeys("1"), key.WithHelp("1", L.T("Queue"))),
		Tab2:      key.NewBinding(key.WithKeys("2"), key.WithHelp("2", L.T("Approvals"))),
		Tab3:      key.NewBinding(key.WithKeys("3"), key.WithHelp("3", L.T("Records"))),
		Tab4:      key.NewBinding(key.WithKeys("4"), key.WithHelp("4", L.T("Inspections"))),
		Tab5:      key.NewBinding(key.WithKeys("5"), key.WithHelp("5", L.T("Reports"))),
	}
}

// ShortHelp implements help.KeyMap.
func (k GlobalKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Back, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k GlobalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5}, {k.NextTab, k.PrevTab, k.Back, k.Help, k.Quit, k.ForceQuit}}
}
