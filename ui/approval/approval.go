// Package approval is the Approvals tab (DESIGN §6): the decisions waiting
// for someone at this laptop — the signed-in user (ticket.WaitsFor, the
// same tickets as the queue's "waiting for me"), or a customer person
// present — the user's first, then the customer's. enter opens the
// decision form (ui/decide) on the one under the cursor. The list is read
// again whenever a ticket changes, here or in another process, so it
// never offers a step already decided.
package approval

import (
	"context"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/decide"
)

type (
	listedMsg struct {
		seq  int
		rows []db.Approval
		err  error
	}
	openedMsg struct {
		id  model.ID
		c   decide.Context
		err error
	}
)

// Model is the Approvals tab. Use New.
type Model struct {
	deps   common.Deps
	keys   KeyMap
	rows   []db.Approval
	loaded bool
	err    string
	seq    int

	cursor int // index into rows
	off    int // first list line shown
	w, h   int
	ox, oy int

	opening model.ID    // the ticket whose decision form is loading
	decide  decide.Host // the decision form over the list, when open
}

// New makes the tab; Init lists the approvals.
func New(d common.Deps) Model {
	return Model{deps: d, keys: newKeys(d.Lang), decide: decide.NewHost(d)}
}

// Init lists the approvals.
func (m Model) Init() tea.Cmd {
	return list(m.deps.Context(), m.deps.Store, m.deps.User.ID, m.deps.User.Roles, m.seq)
}

func list(ctx context.Context, s *db.Store, user model.ID, roles model.Roles, seq int) tea.Cmd {
	roles = append(model.Roles(nil), roles...)
	return func() tea.Msg {
		rows, err := s.Approvals(ctx, user, roles)
		return listedMsg{seq: seq, rows: rows, err: err}
	}
}

func (m *Model) reload() tea.Cmd {
	m.seq++
	return list(m.deps.Context(), m.deps.Store, m.deps.User.ID, m.deps.User.Roles, m.seq)
}

func open(ctx context.Context, s *db.Store, id model.ID, L i18n.Lang) tea.Cmd {
	return func() tea.Msg {
		c, err := decide.Load(ctx, s, id, L)
		return openedMsg{id: id, c: c, err: err}
	}
}

// Capturing reports whether the decision form has the keys.
func (m Model) Capturing() bool { return m.decide.Active() }

// FullScreen reports whether the screen wants the whole terminal: the
// decision form does while a customer signs.
func (m Model) FullScreen() bool { return m.decide.FullScreen() }

// SetSize lays the tab out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.clamp()
	m.decide.SetSize(w, h)
}

// SetOrigin tells the tab where its top-left corner is on the terminal.
func (m *Model) SetOrigin(x, y int) {
	m.ox, m.oy = x, y
	m.decide.SetOrigin(x, y)
}

// Update handles the list's keys and mouse, the decision form, and the
// results of loading.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case listedMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			m.err = model.ErrorText(msg.err, m.deps.Lang)
			return m, nil
		}
		var keep model.ID
		if m.cursor < len(m.rows) {
			keep = m.rows[m.cursor].ID
		}
		m.rows, m.loaded, m.err = msg.rows, true, ""
		m.cursor = 0
		for i, r := range m.rows {
			if r.ID == keep {
				m.cursor = i
			}
		}
		m.clamp()
		return m, nil
	case common.TicketChangedMsg, common.TicketsChangedMsg:
		// A step decided anywhere, here or by another process, leaves
		// the list at once: it never offers a step already decided.
		return m, m.reload()
	case openedMsg:
		if msg.id != m.opening {
			return m, nil
		}
		m.opening = model.NilID
		if msg.err != nil {
			return m, func() tea.Msg { return common.ErrorStatus(msg.err, m.deps.Lang) }
		}
		return m, m.decide.Open(msg.c, "")
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
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		return m.updateMouse(msg)
	}
	return m, nil
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.liveKeys()
	switch {
	case key.Matches(msg, k.Back):
		return m, func() tea.Msg { return common.BackMsg{} }
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-max(1, m.listRows()-1))
	case key.Matches(msg, k.PageDown):
		m.move(max(1, m.listRows()-1))
	case key.Matches(msg, k.Top):
		m.move(-len(m.rows))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.rows))
	case key.Matches(msg, k.Reload):
		return m, m.reload()
	case key.Matches(msg, k.Decide):
		m.opening = m.rows[m.cursor].ID
		return m, open(m.deps.Context(), m.deps.Store, m.opening, m.deps.Lang)
	case key.Matches(msg, k.Open):
		id := m.rows[m.cursor].ID
		return m, func() tea.Msg { return common.NavigateMsg{To: common.ScreenTicket, Ticket: id} }
	}
	return m, nil
}

// updateMouse scrolls with the wheel and selects the row clicked.
func (m Model) updateMouse(msg tea.MouseMsg) (Model, tea.Cmd) {
	switch {
	case tea.MouseEvent(msg).IsWheel():
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.move(-3)
		case tea.MouseButtonWheelDown:
			m.move(3)
		}
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft:
		y := msg.Y - m.oy - 1 // below the title line
		items := m.items()
		if y >= 0 && y < m.listRows() && m.off+y < len(items) {
			if it := items[m.off+y]; it.row >= 0 {
				m.cursor = it.row
			}
		}
	}
	return m, nil
}

func (m *Model) move(n int) {
	m.cursor = min(max(m.cursor+n, 0), max(len(m.rows)-1, 0))
	m.clamp()
}

// clamp keeps the cursor's line on screen.
func (m *Model) clamp() {
	rows := m.listRows()
	at := m.line(m.cursor)
	if at < m.off {
		m.off = at
		if m.off > 0 && m.items()[m.off-1].row < 0 {
			m.off-- // show the group's heading with its first row
		}
	}
	if at >= m.off+rows {
		m.off = at - rows + 1
	}
	m.off = min(max(m.off, 0), max(len(m.items())-rows, 0))
}

// liveKeys are the keys with those that do nothing now disabled.
func (m Model) liveKeys() KeyMap {
	k := m.keys
	any := len(m.rows) > 0
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom, &k.Decide, &k.Open} {
		b.SetEnabled(any && m.opening.IsZero())
	}
	return k
}

// KeyMap is the keys live now: the list's, or the decision form's.
func (m Model) KeyMap() help.KeyMap {
	if m.decide.Active() {
		return m.decide.KeyMap()
	}
	return m.liveKeys()
}

// Rows are the approvals listed, for tests.
func (m Model) Rows() []db.Approval { return m.rows }

// Decide is the open decision form, for tests.
func (m Model) Decide() (decide.Model, bool) { return m.decide.Form() }
