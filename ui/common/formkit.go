package common

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"yunwei/model/i18n"
	"yunwei/ui/text"
)

// screenFormTheme is FormTheme made compact for forms that share a screen
// with other content: fields one line apart, so that a form fits 80×24,
// and the chosen option of a list still marked when the list is not
// focused (on a terminal without colour the mark is all that shows it).
func screenFormTheme() *huh.Theme {
	t := FormTheme()
	t.FieldSeparator = lipgloss.NewStyle().SetString("\n")
	t.Focused.SelectSelector = lipgloss.NewStyle().Foreground(Accent).SetString("▸ ")
	t.Blurred.SelectSelector = lipgloss.NewStyle().Foreground(Muted).SetString("› ")
	t.Focused.ErrorMessage = lipgloss.NewStyle().Foreground(Danger)
	t.Blurred.ErrorMessage = t.Focused.ErrorMessage
	return t
}

// screenFormKeyMap is FormKeyMap for a form inside a screen: esc leaves
// the form (the screen decides what that means: back to the ticket, or
// away), select filtering is off so that esc always means that, and no
// field opens an external editor.
func screenFormKeyMap(L i18n.Lang) *huh.KeyMap {
	k := FormKeyMap(L)
	k.Quit = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", L.T("cancel")))
	k.Select.Filter.SetEnabled(false)
	k.Select.SetFilter.SetEnabled(false)
	k.Select.ClearFilter.SetEnabled(false)
	k.Text.Editor.SetEnabled(false)
	k.Text.NewLine = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("ctrl+j", L.T("new line")))
	return k
}

// NewScreenForm builds a huh form the way the ticket screens use it: the
// palette, esc to leave, no help or errors of its own (the screen's KeyMap
// feeds the root's help line; the screen shows FormErrorLines where it has
// room), w×h cells (a size of 0 leaves it to huh, before the screen has
// one). The caller sets SubmitCmd and CancelCmd to its own messages.
//
// huh only ever shrinks a field to fit a smaller form, never grows it back:
// a screen that sizes its form again goes through a FormSizer.
func NewScreenForm(L i18n.Lang, w, h int, groups ...*huh.Group) *huh.Form {
	f := huh.NewForm(groups...).
		WithTheme(screenFormTheme()).
		WithKeyMap(screenFormKeyMap(L)).
		WithShowHelp(false).
		WithShowErrors(false)
	if w > 0 && h > 0 {
		f = f.WithWidth(w).WithHeight(h)
	}
	return f
}

// FormErrorLines are the validation messages of the form's current page,
// one line each, sanitised (they may quote what was typed).
func FormErrorLines(f *huh.Form) []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, err := range f.Errors() {
		out = append(out, text.Sanitize(err.Error(), false))
	}
	return out
}

// FormSizer remembers the natural height of each field of a form, so the
// form can be sized again after huh shrank its fields.
type FormSizer []func()

// Add records f's natural height: a text area's lines, or a field's height
// in rows (0: as tall as its content). It returns f.
func (s *FormSizer) Add(f huh.Field, h int) huh.Field {
	restore := func() { f.WithHeight(h) }
	if t, ok := f.(*huh.Text); ok {
		restore = func() { t.Lines(h) }
	}
	restore()
	*s = append(*s, restore)
	return f
}

// Size gives the form w×h cells, its fields first restored to their
// natural heights so that they grow again when there is room.
func (s FormSizer) Size(f *huh.Form, w, h int) {
	if f == nil || w <= 0 || h <= 0 {
		return
	}
	for _, restore := range s {
		restore()
	}
	f.WithWidth(w).WithHeight(h)
}
