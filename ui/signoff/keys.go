package signoff

import (
	"github.com/charmbracelet/bubbles/key"

	"yunwei/model/i18n"
)

// KeyMap is the sign-off screen's keys. Bindings that do nothing in the
// current focus are disabled, which both stops them matching and hides them
// from help; Model.ShortHelp and Model.FullHelp list what is live.
type KeyMap struct {
	Next    key.Binding // next field
	Prev    key.Binding // previous field
	Enter   key.Binding // next field, or sign from the canvas
	Confirm key.Binding // sign from anywhere
	Cancel  key.Binding
	PageUp  key.Binding // scroll the document
	PageDn  key.Binding

	RolePrev key.Binding
	RoleNext key.Binding

	Up        key.Binding // keyboard pen, one dot
	Down      key.Binding
	Left      key.Binding
	Right     key.Binding
	JumpUp    key.Binding // keyboard pen, one cell's worth of dots
	JumpDown  key.Binding
	JumpLeft  key.Binding
	JumpRight key.Binding
	Pen       key.Binding // pen down / up
	Undo      key.Binding
	Redo      key.Binding
	Clear     key.Binding

	// move and role only label help: the bindings above do the work.
	move key.Binding
	role key.Binding
}

// DefaultKeyMap is the keys of DESIGN §6 and the sign-off issue, with help
// in lang.
func DefaultKeyMap(lang i18n.Lang) KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, lang.T(help)))
	}
	return KeyMap{
		Next:      b([]string{"tab"}, "tab", "next"),
		Prev:      b([]string{"shift+tab"}, "shift+tab", "previous"),
		Enter:     b([]string{"enter"}, "enter", "next field"),
		Confirm:   b([]string{"ctrl+s"}, "ctrl+s", "sign"),
		Cancel:    b([]string{"esc"}, "esc", "cancel"),
		PageUp:    b([]string{"pgup"}, "pgup", "scroll up"),
		PageDn:    b([]string{"pgdown"}, "pgdn", "scroll down"),
		RolePrev:  b([]string{"left", "h"}, "←", "previous role"),
		RoleNext:  b([]string{"right", "l"}, "→", "next role"),
		Up:        b([]string{"up", "k"}, "↑/k", "up one dot"),
		Down:      b([]string{"down", "j"}, "↓/j", "down one dot"),
		Left:      b([]string{"left", "h"}, "←/h", "left one dot"),
		Right:     b([]string{"right", "l"}, "→/l", "right one dot"),
		JumpUp:    b([]string{"shift+up", "K"}, "⇧↑/K", "up one cell"),
		JumpDown:  b([]string{"shift+down", "J"}, "⇧↓/J", "down one cell"),
		JumpLeft:  b([]string{"shift+left", "H"}, "⇧←/H", "left one cell"),
		JumpRight: b([]string{"shift+right", "L"}, "⇧→/L", "right one cell"),
		Pen:       b([]string{" "}, "space", "pen"),
		Undo:      b([]string{"u"}, "u", "undo"),
		Redo:      b([]string{"r"}, "r", "redo"),
		Clear:     b([]string{"c"}, "c", "clear"),
		move:      b([]string{"up", "down", "left", "right"}, "←↓↑→", "move"),
		role:      b([]string{"left", "right"}, "←/→", "role"),
	}
}

// enable switches the bindings on for focus f and off elsewhere.
func (k *KeyMap) enable(f focus, scrollable bool, lang i18n.Lang) {
	onCanvas, onRole := f == focusCanvas, f == focusRole
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Left, &k.Right, &k.JumpUp, &k.JumpDown,
		&k.JumpLeft, &k.JumpRight, &k.Pen, &k.Undo, &k.Redo, &k.Clear, &k.move} {
		b.SetEnabled(onCanvas)
	}
	for _, b := range []*key.Binding{&k.RolePrev, &k.RoleNext, &k.role} {
		b.SetEnabled(onRole)
	}
	k.PageUp.SetEnabled(scrollable)
	k.PageDn.SetEnabled(scrollable)
	if onCanvas {
		k.Enter.SetHelp("enter", lang.T("sign"))
	} else {
		k.Enter.SetHelp("enter", lang.T("next field"))
	}
}
