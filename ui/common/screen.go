package common

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// Component is what the root needs of a screen (soft-serve's
// pkg/ui/common/component.go). The root holds every screen behind it, in
// one table keyed by Screen, so a new screen is a package and one row of
// that table, never another case in the root's switches.
type Component interface {
	// Init starts the screen's first load.
	Init() tea.Cmd
	// Update handles a message and returns the screen as it is now.
	Update(tea.Msg) (Component, tea.Cmd)
	// View draws the screen in its size.
	View() string
	// SetSize gives the screen the area it draws in.
	SetSize(w, h int)
	// KeyMap is the screen's live keys, for help and the key check.
	KeyMap() help.KeyMap
	// Capturing reports whether a text field has focus: the root's
	// single-letter keys are off then, and the screen gets every key
	// but ctrl+c.
	Capturing() bool
	// FullScreen reports whether the screen wants the whole terminal,
	// without the root's lines around it (a customer signing).
	FullScreen() bool
}

// Bubble is a screen written in the bubbles convention (STYLE.md
// "Screens"): a value whose Update returns its own type. Its SetSize is on
// the pointer; see Sizer.
type Bubble[M any] interface {
	Init() tea.Cmd
	Update(tea.Msg) (M, tea.Cmd)
	View() string
	KeyMap() help.KeyMap
	Capturing() bool
	FullScreen() bool
}

// Sizer is the pointer to a Bubble: SetSize changes the value in place,
// as bubbles' own components do.
type Sizer[M any] interface {
	*M
	SetSize(w, h int)
}

// Adapt makes a Bubble a Component, so that screens keep the bubbles
// convention and the root still holds them all alike.
func Adapt[M Bubble[M], P Sizer[M]](m M) Component { return &bubble[M, P]{m} }

// Unwrap returns the Bubble inside a Component made by Adapt: for the few
// questions only one screen can answer (whether the queue has loaded).
func Unwrap[M Bubble[M], P Sizer[M]](c Component) (M, bool) {
	b, ok := c.(*bubble[M, P])
	if !ok {
		var zero M
		return zero, false
	}
	return b.m, true
}

// bubble is a Bubble seen as a Component.
type bubble[M Bubble[M], P Sizer[M]] struct{ m M }

func (b *bubble[M, P]) Init() tea.Cmd { return b.m.Init() }

// Update returns a new Component, so that the value the screen had
// before the message stays as it was (the bubbles convention).
func (b *bubble[M, P]) Update(msg tea.Msg) (Component, tea.Cmd) {
	m, cmd := b.m.Update(msg)
	return &bubble[M, P]{m}, cmd
}

func (b *bubble[M, P]) View() string        { return b.m.View() }
func (b *bubble[M, P]) SetSize(w, h int)    { P(&b.m).SetSize(w, h) }
func (b *bubble[M, P]) KeyMap() help.KeyMap { return b.m.KeyMap() }
func (b *bubble[M, P]) Capturing() bool     { return b.m.Capturing() }
func (b *bubble[M, P]) FullScreen() bool    { return b.m.FullScreen() }
