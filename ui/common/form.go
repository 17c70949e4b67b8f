package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"yunwei/model/i18n"
)

// FormTheme is the huh theme of every form, drawn from the palette: huh's
// own themes carry colour literals. Fields sit one line apart so that a
// form fits 80×24; focus shows by a bar on the left as well as by colour.
func FormTheme() *huh.Theme {
	t := huh.ThemeBase()
	t.FieldSeparator = lipgloss.NewStyle().SetString("\n")
	button := lipgloss.NewStyle().Padding(0, 1).MarginRight(1)

	f := &t.Focused
	f.Base = f.Base.BorderForeground(Accent)
	f.Card = f.Base
	f.Title = lipgloss.NewStyle().Foreground(Accent).Bold(true)
	f.NoteTitle = f.Title
	f.Description = lipgloss.NewStyle().Foreground(Muted)
	f.ErrorIndicator = lipgloss.NewStyle().Foreground(Danger).SetString(" *")
	f.ErrorMessage = lipgloss.NewStyle().Foreground(Danger)
	f.SelectSelector = lipgloss.NewStyle().Foreground(Accent).SetString("▸ ")
	f.NextIndicator = lipgloss.NewStyle().Foreground(Accent).MarginLeft(1).SetString("→")
	f.PrevIndicator = lipgloss.NewStyle().Foreground(Accent).MarginRight(1).SetString("←")
	f.Option = lipgloss.NewStyle().Foreground(Ink)
	f.SelectedOption = lipgloss.NewStyle().Foreground(Accent).Bold(true)
	f.UnselectedOption = lipgloss.NewStyle().Foreground(Ink)
	f.MultiSelectSelector = f.SelectSelector
	f.SelectedPrefix = lipgloss.NewStyle().Foreground(OK).SetString("[x] ")
	f.UnselectedPrefix = lipgloss.NewStyle().Foreground(Muted).SetString("[ ] ")
	f.FocusedButton = button.Foreground(Ink).Background(Subtle).Bold(true)
	f.BlurredButton = button.Foreground(Muted)
	f.Next = f.FocusedButton
	f.TextInput.Cursor = lipgloss.NewStyle().Foreground(Accent)
	f.TextInput.Placeholder = lipgloss.NewStyle().Foreground(Muted)
	f.TextInput.Prompt = lipgloss.NewStyle().Foreground(Accent)
	f.TextInput.Text = lipgloss.NewStyle().Foreground(Ink)

	t.Blurred = t.Focused
	t.Blurred.Base = t.Focused.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Card = t.Blurred.Base
	t.Blurred.Title = lipgloss.NewStyle().Foreground(Ink).Bold(true)
	t.Blurred.SelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()

	t.Group.Title = f.Title
	t.Group.Description = f.Description
	t.Help = help.New().Styles
	t.Help.ShortKey = lipgloss.NewStyle().Foreground(Accent)
	t.Help.ShortDesc = lipgloss.NewStyle().Foreground(Muted)
	t.Help.FullKey = t.Help.ShortKey
	t.Help.FullDesc = t.Help.ShortDesc
	return t
}

// FormKeyMap is the huh keymap of every form, with help in L. esc leaves
// the form (the screen decides what that means: back to the ticket, or
// away); ctrl+c stays the root's. Select filtering is off so that esc
// always means the same thing, and no field opens an external editor.
func FormKeyMap(L i18n.Lang) *huh.KeyMap {
	k := huh.NewDefaultKeyMap()
	k.Quit = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", L.T("cancel")))
	next := func(b *key.Binding, keys ...string) {
		*b = key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], L.T("next field")))
	}
	prev := func(b *key.Binding) {
		*b = key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", L.T("previous field")))
	}
	submit := func(b *key.Binding) {
		*b = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", L.T("save")))
	}
	next(&k.Input.Next, "enter", "tab")
	prev(&k.Input.Prev)
	submit(&k.Input.Submit)
	k.Input.AcceptSuggestion.SetEnabled(false)
	next(&k.Text.Next, "tab", "enter")
	prev(&k.Text.Prev)
	submit(&k.Text.Submit)
	k.Text.NewLine = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"), key.WithHelp("ctrl+j", L.T("new line")))
	k.Text.Editor.SetEnabled(false)
	next(&k.Select.Next, "enter", "tab")
	prev(&k.Select.Prev)
	submit(&k.Select.Submit)
	k.Select.Up.SetHelp("↑", L.T("up"))
	k.Select.Down.SetHelp("↓", L.T("down"))
	k.Select.Left.SetHelp("←", L.T("previous choice"))
	k.Select.Right.SetHelp("→", L.T("next choice"))
	k.Select.Filter.SetEnabled(false)
	k.Select.HalfPageUp.SetEnabled(false)
	k.Select.HalfPageDown.SetEnabled(false)
	next(&k.Confirm.Next, "enter", "tab")
	prev(&k.Confirm.Prev)
	submit(&k.Confirm.Submit)
	k.Confirm.Toggle.SetHelp("←/→", L.T("toggle"))
	next(&k.Note.Next, "enter", "tab")
	prev(&k.Note.Prev)
	submit(&k.Note.Submit)
	return k
}
