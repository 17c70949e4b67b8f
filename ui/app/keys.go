package app

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/ui/common"
)

// enableKeys switches the global keys on for the current scope, so that
// help lists what works and no global key shadows one of the screen's:
//   - while a text field has focus, only ctrl+c (STYLE.md: single letters
//     are the field's);
//   - on a home tab: tabs, 1–5, ? and q; esc is the screen's (the queue
//     clears its search with it), since there is nothing to go back to;
//   - on a screen opened on top (a ticket, the form): ? and esc.
func (m *Model) enableKeys() {
	k := &m.keys
	capturing, home := m.capturing(), m.home()
	k.ForceQuit.SetEnabled(true)
	k.Help.SetEnabled(m.ready && !capturing)
	k.Back.SetEnabled(m.ready && !capturing && len(m.stack) > 0)
	k.Quit.SetEnabled(!capturing && home)
	for _, b := range []*key.Binding{&k.NextTab, &k.PrevTab, &k.Tab1, &k.Tab2, &k.Tab3, &k.Tab4, &k.Tab5} {
		b.SetEnabled(home && !capturing && !m.showHelp)
	}
	if m.showHelp {
		// The full help is a page of its own: esc and ? close it.
		k.Back.SetEnabled(true)
	}
}

// key handles a key press: ctrl+c always quits; a capturing screen gets
// everything else; then the global keys of the scope; then the screen.
func (m Model) key(msg tea.KeyMsg) (Model, tea.Cmd) {
	k, tabs := m.keys, tabs()
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	if m.capturing() {
		return m.updateActive(msg)
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, k.Help), key.Matches(msg, k.Back):
			m.showHelp = false
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(msg, k.Back):
		m.back()
		return m, nil
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.NextTab):
		return m.switchTab(tabs[(m.tabIndex()+1)%len(tabs)])
	case key.Matches(msg, k.PrevTab):
		return m.switchTab(tabs[(m.tabIndex()+len(tabs)-1)%len(tabs)])
	}
	for i, b := range []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5} {
		if i < len(tabs) && key.Matches(msg, b) {
			return m.switchTab(tabs[i])
		}
	}
	return m.updateActive(msg)
}

// tabIndex is the position of the active home tab, or of the tab the
// screens on top were opened from.
func (m Model) tabIndex() int {
	s := m.active
	if len(m.stack) > 0 {
		s = m.stack[0]
	}
	for i, t := range tabs() {
		if t == s {
			return i
		}
	}
	return 0
}

// Scope is the keys live at one moment: the global ones and the active
// screen's. Tests check that no key is bound twice in any scope.
type Scope struct {
	Global common.GlobalKeys
	Screen help.KeyMap
}

// Scope returns the keys live now.
func (m Model) Scope() Scope { return Scope{Global: m.keys, Screen: m.screenKeys()} }

// helpKeys is the short help line: the screen's keys, then the global
// ones.
func (m Model) helpKeys() []key.Binding {
	k := m.keys
	if m.showHelp {
		return []key.Binding{k.Back, k.Help, k.Quit, k.ForceQuit}
	}
	// ? first: when the line is cut short, the way to the rest stays.
	out := []key.Binding{k.Help, k.Back}
	out = append(out, m.screenKeys().ShortHelp()...)
	return append(out, k.Quit)
}
