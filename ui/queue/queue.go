// Package queue is the ticket queue (DESIGN §6): every ticket in a table
// with its SLA countdown ticking live, quick filters (mine, waiting for me,
// breaching, all), incremental search, and three sort orders.
//
// The first frame comes from a LIMIT query on an index; the whole queue
// loads in a command meanwhile, into a compact table (see table) that
// filters and searches 100,000 tickets between two keystrokes. Only the
// visible rows are rendered.
package queue

import (
	"fmt"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
	"yunwei/ui/common"
)

// Model is the queue screen.
type Model struct {
	deps common.Deps
	keys KeyMap

	t    *table // nil until the first page arrives
	me   me
	full bool // every ticket has loaded
	// changed are tickets written while the full load ran: its snapshot
	// may predate them, so they are read again when it arrives.
	changed []model.ID
	err     string
	v       view
	spare   []int32 // the other buffer apply writes into

	input     textinput.Model
	searching bool

	cursor, offset int
	width, height  int
	// labels caches step labels by kind and step index: View shows the
	// same few dozen on every frame.
	labels map[uint32]label
	lay    layout // the columns at the current width and table
}

// New builds the queue for the user in d.
func New(d common.Deps) Model {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = d.Lang.T("number, title, customer, assignee or text")
	in.CharLimit = 100
	// A steady cursor: the frame depends only on the state, never on a
	// blink timer (golden tests, headless frames).
	in.Cursor.SetMode(cursor.CursorStatic)
	m := Model{deps: d, keys: DefaultKeyMap(d.Lang), input: in, labels: map[uint32]label{}}
	m.keys.enable(false, false)
	return m
}

// Init reads the first screenful.
func (m Model) Init() tea.Cmd { return loadFirstPage(m.deps.Context(), m.deps.Store) }

// SetSize sets the area the queue draws in.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = max(w-4, 1)
	m.lay = m.layoutFor(w)
	m.scrollTo(m.cursor)
}

// Capturing reports whether the search field has focus: the root then
// leaves single letters, digits and tab to the queue.
func (m Model) Capturing() bool { return m.searching }

// KeyMap returns the keys live now, for help.
func (m Model) KeyMap() help.KeyMap { return m.keys }

// Loaded reports whether every ticket has loaded (the headless mode waits
// for it before replaying keys).
func (m Model) Loaded() bool { return m.full || m.err != "" }

// HasFirstPage reports whether the first screenful has arrived (or failed).
func (m Model) HasFirstPage() bool { return m.t != nil || m.err != "" }

// Selected returns the ticket under the cursor.
func (m Model) Selected() (model.ID, bool) {
	if m.t == nil || m.cursor >= len(m.v.rows) {
		return model.NilID, false
	}
	return m.t.rows[m.v.rows[m.cursor]].id, true
}

// Rows are the tickets the queue shows now (its filter, search and sort
// applied), in order: for tests.
func (m Model) Rows() []model.ID {
	if m.t == nil {
		return nil
	}
	out := make([]model.ID, len(m.v.rows))
	for i, r := range m.v.rows {
		out[i] = m.t.rows[r].id
	}
	return out
}

// Update handles keys, mouse, loads and ticks.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case firstPageMsg:
		if msg.err != nil {
			m.err = model.ErrorText(msg.err, m.deps.Lang)
			return m, common.Status(common.ErrorStatus(msg.err, m.deps.Lang))
		}
		if m.full {
			return m, nil
		}
		m.setTable(msg.t)
		return m, loadAll(m.deps.Context(), m.deps.Store, m.deps.Now)
	case loadedMsg:
		if msg.err != nil {
			m.err = model.ErrorText(msg.err, m.deps.Lang)
			return m, common.Status(common.ErrorStatus(msg.err, m.deps.Lang))
		}
		m.full = true
		m.setTable(msg.t)
		cmds := []tea.Cmd{common.Status(common.StatusMsg{Text: m.deps.Lang.Tf("Loaded %s tickets in %.1f s.", thousands(len(msg.t.rows)), msg.took.Seconds())})}
		for _, id := range m.changed {
			cmds = append(cmds, loadRow(m.deps.Context(), m.deps.Store, id))
		}
		m.changed = nil
		return m, tea.Batch(cmds...)
	case rowMsg:
		if msg.err != nil || m.t == nil {
			return m, nil // deleted or not visible yet: the full load has it
		}
		m.putRows(msg.q)
		return m, nil
	case rowsMsg:
		if msg.err != nil || m.t == nil {
			return m, nil // read again at the next change, or by the full load
		}
		m.putRows(msg.qs...)
		return m, nil
	case textFoundMsg:
		if msg.err != nil || msg.q != m.v.query || m.t == nil {
			return m, nil
		}
		n := m.t.setTextHits(msg.q, msg.ids)
		m.refresh(true)
		if n == 0 {
			return m, common.Status(common.StatusMsg{})
		}
		return m, common.Status(common.StatusMsg{Text: m.deps.Lang.Plural(n, "%d ticket mentions “%s” in its description, comments or decisions.", "%d tickets mention “%s” in their descriptions, comments or decisions.", n, msg.q)})
	case common.TicketChangedMsg:
		if !m.full {
			m.changed = append(m.changed, msg.ID)
		}
		return m, loadRow(m.deps.Context(), m.deps.Store, msg.ID)
	case common.TicketsChangedMsg:
		if !m.full {
			m.changed = append(m.changed, msg.IDs...)
		} else if len(msg.IDs) > reloadAbove {
			return m, loadAll(m.deps.Context(), m.deps.Store, m.deps.Now)
		}
		return m, loadRows(m.deps.Context(), m.deps.Store, msg.IDs)
	case common.TickMsg:
		if m.v.filter == filterBreaching {
			m.refresh(true)
		}
		return m, nil
	case tea.KeyMsg:
		return m.key(msg)
	case tea.MouseMsg:
		return m.mouse(msg), nil
	}
	if m.searching {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

// putRows puts re-read tickets into the table, new ones included, and
// shows them where the filter, search and sort now put them.
func (m *Model) putRows(qs ...db.QueueTicket) {
	for i := range qs {
		m.t.resort(m.t.put(&qs[i]))
	}
	m.me = m.t.me(m.deps.User.ID, m.deps.User.Roles)
	m.lay = m.layoutFor(m.width)
	m.refresh(true)
}

// setTable switches to a newly loaded table, keeping the selected ticket.
func (m *Model) setTable(t *table) {
	id, ok := m.Selected()
	m.t = t
	m.me = t.me(m.deps.User.ID, m.deps.User.Roles)
	m.labels = map[uint32]label{}
	m.lay = m.layoutFor(m.width)
	m.v.rows, m.spare = nil, nil
	m.recompute()
	if ok {
		m.selectID(id)
	}
}

// refresh recomputes the rows, keeping the selected ticket when keep is set.
func (m *Model) refresh(keep bool) {
	id, ok := m.Selected()
	m.recompute()
	if keep && ok {
		m.selectID(id)
	}
}

func (m *Model) recompute() {
	if m.t == nil {
		return
	}
	prev := m.v
	v := m.t.apply(prev, m.v.filter, m.v.query, m.v.sort, m.me, m.deps.Now().UnixMilli(), m.spare)
	m.spare, m.v = prev.rows, v
	m.cursor = min(m.cursor, max(len(v.rows)-1, 0))
	m.scrollTo(m.cursor)
}

func (m *Model) selectID(id model.ID) {
	for i, r := range m.v.rows {
		if m.t.rows[r].id == id {
			m.cursor = i
			m.scrollTo(i)
			return
		}
	}
}

// setView changes filter, query or sort and recomputes.
func (m *Model) setView(f quickFilter, q string, key sortKey) tea.Cmd {
	if f == m.v.filter && q == m.v.query && key == m.v.sort {
		return nil
	}
	// A new filter or order starts at the top; a search keeps the ticket
	// under the cursor when it still matches.
	moved := key != m.v.sort || f != m.v.filter
	m.v.filter, m.v.query, m.v.sort = f, q, key
	if moved {
		m.cursor, m.offset = 0, 0
	}
	m.refresh(!moved)
	if m.t != nil && !m.full {
		return common.Status(common.StatusMsg{Text: m.deps.Lang.Tf("Still loading: until every ticket is in, this covers only the first %d.", len(m.t.rows))})
	}
	return nil
}

func (m Model) key(msg tea.KeyMsg) (Model, tea.Cmd) {
	m, cmd := m.handleKey(msg)
	m.keys.enable(m.searching, m.v.query != "")
	return m, cmd
}

func (m Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	if !m.searching && msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && msg.Runes[0] == '/' {
		// "/" and what follows arrived together (typed fast, or pasted):
		// the rest is the search.
		m.searching = true
		m.input.SetValue(string(msg.Runes[1:]))
		m.input.CursorEnd()
		return m, tea.Batch(m.input.Focus(), m.setView(m.v.filter, fold(m.input.Value()), m.v.sort))
	}
	if m.searching {
		switch {
		case key.Matches(msg, k.Accept):
			m.searching = false
			m.input.Blur()
			// Keeping a search also looks for it in the texts of the log.
			q := fold(m.input.Value())
			if q != "" && m.t != nil && m.t.textQuery != q {
				return m, tea.Batch(m.setView(m.v.filter, q, m.v.sort), searchTexts(m.deps.Context(), m.deps.Store, q),
					common.Status(common.StatusMsg{Text: m.deps.Lang.T("Searching descriptions, comments and decisions…")}))
			}
		case key.Matches(msg, k.Cancel):
			m.searching = false
			m.input.Blur()
			m.input.SetValue("")
		case key.Matches(msg, k.SearchUp):
			m.move(-1)
			return m, nil
		case key.Matches(msg, k.SearchDown):
			m.move(1)
			return m, nil
		default:
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, tea.Batch(cmd, m.setView(m.v.filter, fold(m.input.Value()), m.v.sort))
		}
		return m, m.setView(m.v.filter, fold(m.input.Value()), m.v.sort)
	}
	page := max(m.rowsShown()-1, 1)
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-page)
	case key.Matches(msg, k.PageDown):
		m.move(page)
	case key.Matches(msg, k.Top):
		m.move(-len(m.v.rows))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.v.rows))
	case key.Matches(msg, k.Open):
		if id, ok := m.Selected(); ok {
			return m, common.Navigate(common.NavigateMsg{To: common.ScreenTicket, Ticket: id})
		}
	case key.Matches(msg, k.New):
		return m, common.Navigate(common.NavigateMsg{To: common.ScreenNewTicket})
	case key.Matches(msg, k.Search):
		m.searching = true
		m.input.CursorEnd()
		return m, m.input.Focus()
	case key.Matches(msg, k.ClearSearch):
		m.input.SetValue("")
		return m, m.setView(m.v.filter, "", m.v.sort)
	case key.Matches(msg, k.Mine):
		return m, m.setView(filterMine, m.v.query, m.v.sort)
	case key.Matches(msg, k.Waiting):
		return m, m.setView(filterWaiting, m.v.query, m.v.sort)
	case key.Matches(msg, k.Breaching):
		return m, m.setView(filterBreaching, m.v.query, m.v.sort)
	case key.Matches(msg, k.All):
		return m, m.setView(filterAll, m.v.query, m.v.sort)
	case key.Matches(msg, k.Sort):
		return m, m.setView(m.v.filter, m.v.query, (m.v.sort+1)%sortCount)
	}
	return m, nil
}

// mouse selects the clicked row and scrolls with the wheel. Coordinates
// are relative to the queue's own area (the root translates them).
func (m Model) mouse(msg tea.MouseMsg) Model {
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.scrollBy(-3)
	case tea.MouseButtonWheelDown:
		m.scrollBy(3)
	case tea.MouseButtonLeft:
		if msg.Action != tea.MouseActionPress {
			return m
		}
		if i := msg.Y - m.tableTop(); i >= 0 && i < m.rowsShown() && m.offset+i < len(m.v.rows) {
			m.cursor = m.offset + i
		} else if msg.Y == 0 {
			if f, ok := m.filterAt(msg.X); ok {
				m.setView(f, m.v.query, m.v.sort)
			}
		}
	}
	return m
}

func (m *Model) move(d int) {
	m.cursor = max(min(m.cursor+d, len(m.v.rows)-1), 0)
	m.scrollTo(m.cursor)
}

// scrollBy moves the viewport, dragging the cursor along when it would
// leave it.
func (m *Model) scrollBy(d int) {
	n := m.rowsShown()
	m.offset = max(min(m.offset+d, len(m.v.rows)-n), 0)
	m.cursor = max(min(m.cursor, m.offset+n-1), m.offset)
	m.cursor = min(m.cursor, max(len(m.v.rows)-1, 0))
}

// scrollTo keeps row i in view.
func (m *Model) scrollTo(i int) {
	n := m.rowsShown()
	if i < m.offset {
		m.offset = i
	} else if i >= m.offset+n {
		m.offset = i - n + 1
	}
	m.offset = max(min(m.offset, len(m.v.rows)-n), 0)
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
