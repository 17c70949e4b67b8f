// Package setup is the first start on an empty database: it asks who is
// using yunwei (name, login, roles) and their passphrase, twice, creates
// that vendor user with it — the first user creates themselves and becomes
// an admin, so they can add the rest (directory.SaveUser) — and makes them
// the database's profile user.
package setup

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"yunwei/db"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

// DoneMsg is sent when the user is created and set as the profile.
type DoneMsg struct{ User model.User }

// CancelledMsg is sent when the person leaves the form: nothing was saved.
type CancelledMsg struct{}

// draft is what the form edits.
type draft struct {
	Name, Login       string
	Roles             []model.Role
	Passphrase, Again string
}

type submittedMsg struct{}

type savedMsg struct {
	user model.User
	err  error
}

// Model is the first-start form.
type Model struct {
	deps   common.Deps
	draft  *draft
	form   *huh.Form
	keys   *huh.KeyMap
	cancel key.Binding
	err    string
	saving bool
	width  int
	height int
}

// New builds the form; d.User is ignored (there is none yet).
func New(d common.Deps) Model {
	m := Model{deps: d, draft: &draft{Roles: []model.Role{model.RoleEngineer}}, keys: common.FormKeyMap(d.Lang),
		cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", d.Lang.T("quit without saving")))}
	m.form = m.build()
	return m
}

func (m Model) build() *huh.Form {
	L := m.deps.Lang
	var roles []huh.Option[model.Role]
	for _, r := range model.VendorRoles {
		roles = append(roles, huh.NewOption(r.Label(L.Code()), r).Selected(contains(m.draft.Roles, r)))
	}
	f := huh.NewForm(huh.NewGroup(
		huh.NewInput().Title(L.T("Your name")).Description(L.T("As it appears on tickets and record sheets.")).
			Value(&m.draft.Name).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(L.T("Type your name."))
			}
			return nil
		}),
		huh.NewInput().Title(L.T("Login")).Description(L.T("Lower-case letters, digits, dots, dashes or underscores; it names you on every device.")).
			Value(&m.draft.Login).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New(L.T("Choose a login."))
			}
			return nil
		}),
		huh.NewMultiSelect[model.Role]().Title(L.T("Your roles")).
			Description(L.T("The first user is also made an admin, to add everyone else.")).
			Options(roles...).Value(&m.draft.Roles).Validate(func(rs []model.Role) error {
			if len(rs) == 0 {
				return errors.New(L.T("Choose at least one role."))
			}
			return nil
		}),
	), huh.NewGroup(
		// A page of its own: the passphrase is what guards acting as
		// this user on the laptop (DESIGN §5).
		huh.NewInput().Title(L.T("Your passphrase")).
			Description(L.Tf("Asked when someone acts as you on this laptop (--as, user use). At least %d characters.", db.MinPassphraseChars)).
			EchoMode(huh.EchoModePassword).Value(&m.draft.Passphrase).Validate(func(p string) error {
			if err := db.CheckPassphrase(p); err != nil {
				return errors.New(model.ErrorText(err, L))
			}
			return nil
		}),
		huh.NewInput().Title(L.T("The passphrase again")).EchoMode(huh.EchoModePassword).Value(&m.draft.Again).
			Validate(func(p string) error {
				if p != m.draft.Passphrase {
					return errors.New(L.T("The two passphrases differ: type the same one twice."))
				}
				return nil
			}),
	)).WithTheme(common.FormTheme()).WithKeyMap(m.keys).WithShowHelp(false).WithShowErrors(false)
	f.SubmitCmd = func() tea.Msg { return submittedMsg{} }
	f.CancelCmd = func() tea.Msg { return CancelledMsg{} }
	if m.width > 0 {
		f = f.WithWidth(m.formWidth()).WithHeight(m.formHeight())
	}
	return f
}

func contains(rs []model.Role, r model.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// Init focuses the first field.
func (m Model) Init() tea.Cmd { return m.form.Init() }

// SetSize sets the area the form draws in.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.form = m.form.WithWidth(m.formWidth()).WithHeight(m.formHeight())
}

func (m Model) formWidth() int  { return min(m.width-4, 72) }
func (m Model) formHeight() int { return max(m.height-6, 8) }

// Capturing is always true: every field takes text.
func (m Model) Capturing() bool { return true }

// KeyMap is the form's live keys.
func (m Model) KeyMap() help.KeyMap { return keyMap{m.form.KeyBinds(), m.cancel} }

type keyMap struct {
	form   []key.Binding
	cancel key.Binding
}

func (k keyMap) ShortHelp() []key.Binding {
	return append(append([]key.Binding{}, k.form...), k.cancel)
}
func (k keyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Update runs the form; on submit it saves the user in a command.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case submittedMsg:
		m.saving, m.err = true, ""
		return m, save(m.deps.Context(), m.deps.Store, *m.draft)
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			// The form is complete once submitted: a new one over the same
			// draft lets the person correct it.
			m.err = model.ErrorText(msg.err, m.deps.Lang)
			m.form = m.build()
			return m, m.form.Init()
		}
		return m, func() tea.Msg { return DoneMsg{User: msg.user} }
	case tea.KeyMsg:
		if key.Matches(msg, m.cancel) && !m.saving {
			return m, func() tea.Msg { return CancelledMsg{} }
		}
	}
	if m.saving {
		return m, nil
	}
	f, cmd := m.form.Update(msg)
	if f, ok := f.(*huh.Form); ok {
		m.form = f
	}
	return m, cmd
}

// save creates the user acting as themselves, with the slow hash of their
// passphrase in the same transaction, and sets the profile; SetProfile
// only records which user this is.
func save(ctx context.Context, s *db.Store, d draft) tea.Cmd {
	return func() tea.Msg {
		u := model.User{ID: model.NewID(), Name: strings.TrimSpace(d.Name), Login: strings.ToLower(strings.TrimSpace(d.Login)), Roles: d.Roles}
		h, err := db.HashPassphrase(d.Passphrase)
		if err != nil {
			return savedMsg{err: err}
		}
		err = s.Batch(ctx, func(b *db.Batch) error {
			if _, err := b.Execute(db.Acting{UserID: u.ID}, directory.SaveUser{User: u}); err != nil {
				return err
			}
			return b.SetPassphrase(u.ID, h)
		})
		if err != nil {
			return savedMsg{err: err}
		}
		if err := s.SetProfile(ctx, u.ID); err != nil {
			return savedMsg{err: err}
		}
		saved, err := s.FindUser(ctx, u.ID.String())
		return savedMsg{user: saved, err: err}
	}
}

// View draws the welcome, the form and any error.
func (m Model) View() string {
	L := m.deps.Lang
	w := m.formWidth()
	lines := []string{common.Title.Render(L.T("Welcome to yunwei"))}
	for _, l := range text.Wrap(L.T("This database has no user yet. Tell it who you are; you can add colleagues later."), w) {
		lines = append(lines, common.Faint.Render(l))
	}
	// The status takes the line between the welcome and the form: the form
	// fills the height below it, so a line under it would be cut off.
	var status string
	switch {
	case m.saving:
		status = common.Faint.Render(L.T("Saving…"))
	case m.err != "":
		status = common.ErrorText.Render(text.Truncate(text.Sanitize(m.err, false), w))
	case len(m.form.Errors()) > 0:
		status = common.ErrorText.Render(text.Truncate(text.Sanitize(m.form.Errors()[0].Error(), false), w))
	}
	intro := lipgloss.JoinVertical(lipgloss.Left, append(lines, status)...)
	body := lipgloss.JoinVertical(lipgloss.Left, intro, m.form.View())
	return lipgloss.NewStyle().Padding(1, 2).Width(m.width).MaxHeight(m.height).Render(body)
}
