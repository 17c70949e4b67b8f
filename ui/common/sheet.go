package common

import (
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/text"
)

// Sheet is a form on a screen: a title, a huh form bound to the screen's
// draft, and under it the form's complaints and the refusal of the command
// it saves, shown inline. Nothing typed is lost: a refused form is built
// again on the same draft. The screen that owns it runs the save and
// reports the outcome (Fail, or closing the sheet).
type Sheet struct {
	lang   i18n.Lang
	title  string
	build  func() (*huh.Form, FormSizer)
	submit func() (tea.Cmd, error)

	id    int64
	form  *huh.Form
	sizer FormSizer
	init  tea.Cmd
	err   string
	busy  bool
	keys  SheetKeys
	w, h  int
	// dirty reports typed text that esc would drop; asking is set while
	// the sheet asks whether to drop it (WithDirty).
	dirty  func() bool
	asking bool
}

// WithDirty makes esc ask before it leaves a sheet holding typed text:
// dirty reports whether the draft has any. Only y then drops it.
func (s Sheet) WithDirty(dirty func() bool) Sheet {
	s.dirty = dirty
	return s
}

// SheetCancelledMsg says the sheet was left with esc; Sheet names it.
type SheetCancelledMsg struct{ Sheet int64 }

type (
	sheetSubmitMsg struct{ id int64 }
	sheetCancelMsg struct{ id int64 }
)

// sheetIDs tell sheets apart: their messages travel through the root.
var sheetIDs atomic.Int64

// sheetErrRows are the rows kept under the form for errors.
const sheetErrRows = 2

// NewSheet makes a sheet. build makes the form on the caller's draft (it
// is called again after a refusal); submit checks the draft and returns
// the command that saves it, or an error to show.
func NewSheet(L i18n.Lang, title string, build func() (*huh.Form, FormSizer), submit func() (tea.Cmd, error)) Sheet {
	s := Sheet{lang: L, title: title, build: build, submit: submit, id: sheetIDs.Add(1), keys: newSheetKeys(L)}
	s.rebuild()
	return s
}

// ID names the sheet in SheetCancelledMsg.
func (s Sheet) ID() int64 { return s.id }

// Init starts the form's fields.
func (s Sheet) Init() tea.Cmd { return s.init }

// SetSize gives the sheet w×h cells.
func (s *Sheet) SetSize(w, h int) {
	s.w, s.h = w, h
	s.sizer.Size(s.form, w, s.formRows())
}

func (s Sheet) formRows() int { return max(3, s.h-2-sheetErrRows) }

func (s *Sheet) rebuild() {
	s.form, s.sizer = s.build()
	id := s.id
	s.form.SubmitCmd = func() tea.Msg { return sheetSubmitMsg{id} }
	s.form.CancelCmd = func() tea.Msg { return sheetCancelMsg{id} }
	s.sizer.Size(s.form, s.w, s.formRows())
	s.init = s.form.Init()
}

// Refresh redraws the form after the caller changed its fields (the
// options of a list that depend on another field).
func (s *Sheet) Refresh() {
	if s.form.State == huh.StateNormal {
		s.form.Update(refreshMsg{})
	}
}

// refreshMsg makes a huh form rebuild its view; its fields ignore it.
type refreshMsg struct{}

// Fail shows why the save was refused and lets the user go on editing.
func (s *Sheet) Fail(err error) tea.Cmd {
	s.busy = false
	// Refusals are worded in English by flows; the few fixed ones have a
	// translation.
	s.err = model.ErrorText(err, s.lang)
	if s.form.State != huh.StateNormal {
		s.rebuild()
		return s.init
	}
	return nil
}

// Busy reports whether the save is running.
func (s Sheet) Busy() bool { return s.busy }

// Error is the refusal shown, "" when there is none.
func (s Sheet) Error() string { return s.err }

// Update passes msg to the form; ctrl+s saves from any field, esc leaves.
func (s Sheet) Update(msg tea.Msg) (Sheet, tea.Cmd) {
	switch msg := msg.(type) {
	case sheetSubmitMsg:
		if msg.id == s.id && !s.busy {
			return s.save()
		}
		return s, nil
	case sheetCancelMsg:
		if msg.id == s.id {
			id := s.id
			return s, func() tea.Msg { return SheetCancelledMsg{Sheet: id} }
		}
		return s, nil
	case tea.KeyMsg:
		if s.busy {
			return s, nil
		}
		if s.asking {
			// Only y drops what was typed; any other key goes back to
			// the form and is not typed into it.
			s.asking = false
			if key.Matches(msg, s.keys.Discard) {
				id := s.id
				return s, func() tea.Msg { return SheetCancelledMsg{Sheet: id} }
			}
			return s, nil
		}
		if key.Matches(msg, s.keys.Cancel) && s.dirty != nil && s.dirty() {
			s.asking = true
			return s, nil
		}
		if key.Matches(msg, s.keys.Save) {
			return s.save()
		}
	}
	if s.busy {
		return s, nil
	}
	f, cmd := s.form.Update(msg)
	if f, ok := f.(*huh.Form); ok {
		s.form = f
	}
	return s, cmd
}

func (s Sheet) save() (Sheet, tea.Cmd) {
	s.err = ""
	cmd, err := s.submit()
	if err != nil {
		// The screen's own checks, worded for people already.
		s.err = err.Error()
		if s.form.State != huh.StateNormal {
			s.rebuild()
			return s, s.init
		}
		return s, nil
	}
	s.busy = true
	return s, cmd
}

// View renders the sheet in exactly the size given to SetSize.
func (s Sheet) View() string {
	if s.w <= 0 || s.h <= 0 {
		return ""
	}
	lines := []string{Title.Render(text.Truncate(text.Sanitize(s.title, false), s.w)), Rule("", "", s.w)}
	var form []string
	if v := s.form.View(); v != "" {
		form = strings.Split(v, "\n")
	}
	rows := s.formRows()
	for i := range rows {
		l := ""
		if i < len(form) {
			l = form[i]
		}
		lines = append(lines, l)
	}
	var msgs []string
	switch {
	case s.busy:
		msgs = []string{Faint.Render(s.lang.T("Saving…"))}
	case s.asking:
		for _, l := range text.Wrap(s.lang.T("Discard what you typed? y discards it; n or esc goes back to the form."), max(s.w, 10)) {
			msgs = append(msgs, WarnText.Render(l))
		}
	default:
		var errs []string
		if s.err != "" {
			errs = append(errs, text.Sanitize(s.err, false))
		}
		errs = append(errs, FormErrorLines(s.form)...)
		for _, e := range errs {
			for _, l := range text.Wrap(e, max(s.w, 10)) {
				msgs = append(msgs, ErrorText.Render(l))
			}
		}
	}
	if len(msgs) > sheetErrRows {
		msgs = msgs[:sheetErrRows]
	}
	return Frame(append(lines, msgs...), s.w, s.h)
}

// KeyMap is the sheet's keys live now.
func (s Sheet) KeyMap() help.KeyMap {
	k := s.keys
	var f huh.Field
	if s.form.State == huh.StateNormal {
		f = s.form.GetFocusedField()
	}
	_, isText := f.(*huh.Text)
	_, isInput := f.(*huh.Input)
	_, isConfirm := f.(*huh.Confirm)
	isList := f != nil && !isText && !isInput && !isConfirm
	live := !s.busy && !s.asking
	for _, b := range []*key.Binding{&k.Next, &k.Prev, &k.Save, &k.Cancel} {
		b.SetEnabled(live)
	}
	k.Choose.SetEnabled(live && isList)
	k.Toggle.SetEnabled(live && isConfirm)
	k.NewLine.SetEnabled(live && isText)
	k.Discard.SetEnabled(s.asking)
	k.Keep.SetEnabled(s.asking)
	return k
}

// SheetKeys are the keys help lists for a sheet; the form's fields take
// the rest of the keyboard.
type SheetKeys struct {
	Next, Prev, Choose, Toggle, NewLine, Save, Cancel key.Binding
	// Discard and Keep answer whether to drop typed text on esc.
	Discard, Keep key.Binding
}

func newSheetKeys(L i18n.Lang) SheetKeys {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, L.T(help)))
	}
	return SheetKeys{
		Next:    b([]string{"tab", "enter"}, "tab/enter", "next field"),
		Prev:    b([]string{"shift+tab"}, "shift+tab", "previous field"),
		Choose:  b([]string{"up", "down"}, "↑/↓", "choose"),
		Toggle:  b([]string{"left", "right"}, "←/→", "toggle"),
		NewLine: b([]string{"ctrl+j"}, "ctrl+j", "new line"),
		Save:    b([]string{"ctrl+s"}, "ctrl+s", "save"),
		Cancel:  b([]string{"esc"}, "esc", "cancel"),
		Discard: b([]string{"y", "Y"}, "y", "discard what was typed"),
		Keep:    b([]string{"n", "N", "esc"}, "n/esc", "keep editing"),
	}
}

// ShortHelp implements help.KeyMap.
func (k SheetKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Discard, k.Keep, k.Next, k.Choose, k.Toggle, k.NewLine, k.Save, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k SheetKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Discard, k.Keep}, {k.Next, k.Prev, k.Choose, k.Toggle, k.NewLine}, {k.Save, k.Cancel}}
}
