// Package detail is the ticket detail screen (DESIGN §6): the ticket's
// fields, its flow as a stepper, the SLA clocks with their explanations on
// demand, what the earlier steps established, and the history as a
// timeline with signed decisions and their validity. The decisions allowed
// now are keys of their own and open the decision form (ui/decide); edit,
// comment and assign open forms on the screen.
package detail

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/decide"
)

// clockRefresh is how often the SLA clocks are read again while the
// ticket is shown: they are worded to the minute.
const clockRefresh = 30 * time.Second

// focus is what has the keys: the ticket itself, or a sheet over it. The
// decision form, while open, has them before either (Model.decide).
type focus int

const (
	focusTicket focus = iota
	focusSheet        // edit, comment or assign
)

// data is the ticket and what the screen names its ids with.
type data struct {
	c       decide.Context
	sites   []model.Site
	systems []model.System
	// names maps ids (users, contacts, sites, systems) to display names,
	// for the history.
	names map[string]string
}

type (
	loadedMsg struct {
		id   model.ID
		seq  int
		data *data
		err  error
	}
	savedMsg struct {
		id     model.ID
		status string
		err    error
	}
)

// Model is the ticket detail. Use New.
type Model struct {
	deps     common.Deps
	id       model.ID
	data     *data
	loadErr  string
	seq      int
	loadedAt time.Time

	actions []decide.Action
	keys    KeyMap
	explain bool

	lines  []string // the body laid out for the width
	head   []string // the title wrapped for the width (layoutHead)
	pagerW int      // cells kept beside the title for the scroll position
	acts   []string // the actions wrapped for the width
	off    int
	w, h   int
	ox, oy int

	focus  focus
	decide decide.Host // the decision form over the ticket, when open
	sheet  common.Sheet
	// editing is the edit form's draft while the sheet is one; refused is
	// the refusal of the sheet's save while the ticket is read again.
	editing *editing
	refused error
}

// New makes the detail of ticket id; Init loads it.
func New(d common.Deps, id model.ID) Model {
	return Model{deps: d, id: id, keys: newKeys(d.Lang), decide: decide.NewHost(d)}
}

// Init loads the ticket.
func (m Model) Init() tea.Cmd { return load(m.deps.Context(), m.deps.Store, m.id, m.deps.Lang, m.seq) }

// ID is the ticket shown.
func (m Model) ID() model.ID { return m.id }

// Capturing reports whether a form or the signature canvas has the keys.
func (m Model) Capturing() bool { return m.decide.Active() || m.focus != focusTicket }

// FullScreen reports whether the screen wants the whole terminal: the
// decision form does while a customer signs.
func (m Model) FullScreen() bool { return m.decide.FullScreen() }

// SetSize lays the screen out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.relayout()
	m.decide.SetSize(w, h)
	if m.focus == focusSheet {
		m.sheet.SetSize(w, h)
	}
}

// SetOrigin tells the screen where its top-left corner is on the terminal,
// so that mouse reports land where they were aimed (the signature canvas).
func (m *Model) SetOrigin(x, y int) {
	m.ox, m.oy = x, y
	m.decide.SetOrigin(x, y)
}

// load reads the ticket, its customer's people, sites and systems, and the
// users, for the screen and its forms.
func load(ctx context.Context, s *db.Store, id model.ID, L i18n.Lang, seq int) tea.Cmd {
	return func() tea.Msg {
		c, err := decide.Load(ctx, s, id, L)
		if err != nil {
			return loadedMsg{id: id, seq: seq, err: err}
		}
		d := &data{c: c, names: map[string]string{}}
		if cust := c.Ticket.CustomerID; !cust.IsZero() {
			if d.sites, err = s.Sites(ctx, cust); err != nil {
				return loadedMsg{id: id, seq: seq, err: err}
			}
			if d.systems, err = s.Systems(ctx, cust); err != nil {
				return loadedMsg{id: id, seq: seq, err: err}
			}
		}
		for _, v := range d.sites {
			d.names[v.ID.String()] = v.Name
		}
		for _, v := range d.systems {
			d.names[v.ID.String()] = v.Name
		}
		for _, v := range c.Contacts {
			d.names[v.ID.String()] = v.Name
		}
		for _, v := range c.Users {
			d.names[v.ID.String()] = v.Name
		}
		for k, v := range c.Ticket.Names {
			d.names[k] = v
		}
		return loadedMsg{id: id, seq: seq, data: d}
	}
}

func (m *Model) reload() tea.Cmd {
	m.seq++
	return load(m.deps.Context(), m.deps.Store, m.id, m.deps.Lang, m.seq)
}

// Update handles the screen's keys and mouse, its forms, and the results
// of loading and saving.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.id != m.id || msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			m.loadErr = model.ErrorText(msg.err, m.deps.Lang)
			return m, nil
		}
		was := m.data
		m.loadErr, m.data, m.loadedAt = "", msg.data, m.deps.Now()
		m.actions = decide.Actions(&m.data.c.Ticket.State, m.deps.User, m.data.c.Contacts)
		decide.AssignKeys(m.actions, reservedKeys...)
		m.keys = m.keys.withActions(m.actions, m.deps.Lang)
		m.relayout()
		return m, m.reopenRefused(was)
	case common.TicketChangedMsg:
		if msg.ID == m.id {
			return m, m.reload()
		}
		return m, nil
	case common.TicketsChangedMsg:
		if msg.Has(m.id) {
			return m, m.reload()
		}
		return m, nil
	case common.TickMsg:
		// The SLA clocks count down: read them again now and then, not
		// while a form is open over them.
		if !m.Capturing() && m.data != nil && time.Time(msg).Sub(m.loadedAt) >= clockRefresh {
			m.loadedAt = time.Time(msg)
			return m, m.reload()
		}
		return m, nil
	case common.SheetCancelledMsg:
		if m.focus == focusSheet && msg.Sheet == m.sheet.ID() {
			m.focus, m.editing, m.refused = focusTicket, nil, nil
		}
		return m, nil
	case savedMsg:
		if m.focus != focusSheet || msg.id != m.id {
			return m, nil
		}
		if msg.err != nil {
			// Someone else may have written the ticket meanwhile (the
			// refusal may be that it closed): read it again, and show
			// the edit form over it as it is now.
			m.refused = msg.err
			return m, tea.Batch(m.sheet.Fail(msg.err), m.reload())
		}
		m.focus, m.editing = focusTicket, nil
		return m, tea.Batch(m.reload(), changed(m.id), status(msg.status))
	}
	if m.decide.Active() {
		var cmd tea.Cmd
		var done decide.Outcome
		m.decide, cmd, done = m.decide.Update(msg)
		if done == decide.Recorded {
			cmd = tea.Batch(m.reload(), cmd)
		}
		return m, cmd
	}
	if m.focus == focusSheet {
		var cmd tea.Cmd
		m.sheet, cmd = m.sheet.Update(msg)
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		if tea.MouseEvent(msg).IsWheel() {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				m.scroll(-3)
			case tea.MouseButtonWheelDown:
				m.scroll(3)
			}
		}
	}
	return m, nil
}

// reopenRefused rebuilds the edit form whose save was refused over the
// ticket just read, when it changed since was: the fields show it as it
// is now, with what the user typed kept and the refusal under them; the
// other screens are told.
func (m *Model) reopenRefused(was *data) tea.Cmd {
	err := m.refused
	m.refused = nil
	if err == nil || m.focus != focusSheet || m.editing == nil || was == nil || !written(&was.c.Ticket.State, &m.data.c.Ticket.State) {
		return nil
	}
	var s common.Sheet
	s, m.editing = m.editSheet(m.editing)
	m.sheet = s
	m.sheet.SetSize(m.w, m.h)
	return tea.Batch(m.sheet.Init(), m.sheet.Fail(err), changed(m.id))
}

// written reports whether the ticket was written between two reads.
func written(was, now *ticket.State) bool {
	return was.Step != now.Step || was.Status != now.Status || len(was.History) != len(now.History)
}

func changed(id model.ID) tea.Cmd {
	return func() tea.Msg { return common.TicketChangedMsg{ID: id} }
}

func status(text string) tea.Cmd {
	return func() tea.Msg { return common.StatusMsg{Text: text} }
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.liveKeys()
	switch {
	case key.Matches(msg, k.Back):
		return m, func() tea.Msg { return common.BackMsg{} }
	case key.Matches(msg, k.Up):
		m.scroll(-1)
	case key.Matches(msg, k.Down):
		m.scroll(1)
	case key.Matches(msg, k.PageUp):
		m.scroll(-max(1, m.bodyRows()-1))
	case key.Matches(msg, k.PageDown):
		m.scroll(max(1, m.bodyRows()-1))
	case key.Matches(msg, k.Top):
		m.off = 0
	case key.Matches(msg, k.Bottom):
		m.scroll(len(m.lines))
	case key.Matches(msg, k.Explain):
		m.explain = !m.explain
		m.relayout()
	case key.Matches(msg, k.Edit):
		s, e := m.editSheet(nil)
		m.editing = e
		return m.openSheet(s)
	case key.Matches(msg, k.Comment):
		m.editing = nil
		return m.openSheet(m.commentSheet())
	case key.Matches(msg, k.Assign):
		m.editing = nil
		return m.openSheet(m.assignSheet())
	default:
		for i, b := range k.Decisions {
			if key.Matches(msg, b) {
				return m.openDecide(m.actions[i].Decision.Name)
			}
		}
	}
	return m, nil
}

// openDecide opens the decision form on the ticket as loaded, the decision
// preselected.
func (m Model) openDecide(decision string) (Model, tea.Cmd) {
	return m, m.decide.Open(m.data.c, decision)
}

func (m Model) openSheet(s common.Sheet) (Model, tea.Cmd) {
	m.sheet = s
	m.sheet.SetSize(m.w, m.h)
	m.focus = focusSheet
	return m, m.sheet.Init()
}

// liveKeys are the keys with those that do nothing now disabled.
func (m Model) liveKeys() KeyMap {
	k := m.keys
	loaded := m.data != nil
	open := loaded && m.data.c.Ticket.Status != model.StatusClosed
	staff := len(m.deps.User.Roles) > 0
	// flows: edits and assignment only on open tickets, comments on any;
	// only engineers, technical leads and admins assign.
	k.Edit.SetEnabled(open && staff)
	k.Comment.SetEnabled(loaded && staff)
	k.Assign.SetEnabled(open && m.deps.User.Roles.HasAny(model.RoleAdmin, model.RoleTechLead, model.RoleEngineer))
	k.Explain.SetEnabled(loaded && len(m.data.c.Ticket.Clocks) > 0)
	scroll := len(m.lines) > m.bodyRows()
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom} {
		b.SetEnabled(scroll)
	}
	if !loaded {
		k.Decisions = nil
	}
	return k
}

// KeyMap is the keys live now: the detail's, or its form's.
func (m Model) KeyMap() help.KeyMap {
	switch {
	case m.decide.Active():
		return m.decide.KeyMap()
	case m.focus == focusSheet:
		return m.sheet.KeyMap()
	}
	return m.liveKeys()
}

// Decide is the open decision form, for tests.
func (m Model) Decide() (decide.Model, bool) { return m.decide.Form() }

// Sheet is the open edit, comment or assign form, for tests.
func (m Model) Sheet() (common.Sheet, bool) { return m.sheet, m.focus == focusSheet }

// Ticket is the ticket as loaded, for tests.
func (m Model) Ticket() (*ticket.State, bool) {
	if m.data == nil {
		return nil, false
	}
	return &m.data.c.Ticket.State, true
}

func (m *Model) scroll(n int) {
	m.off = min(max(m.off+n, 0), max(len(m.lines)-m.bodyRows(), 0))
}

// bodyRows are the rows between the title and the actions.
func (m Model) bodyRows() int { return max(m.h-len(m.head)-len(m.acts), 0) }
