// Package app is the root of the terminal UI: the home tabs, the header
// with the user and the database, the status and help lines, and
// navigation between screens (STYLE.md "Screens": a screen enum, one field
// per screen, a back stack). It owns the window size and sizes every
// screen, routes keys and mouse to the active screen, and every other
// message to every live screen.
package app

import (
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/ui/common"
	"yunwei/ui/queue"
	"yunwei/ui/setup"
)

// MinWidth and MinHeight are the smallest terminal the app lays out in
// (DESIGN §6); below it the app says what it needs.
const (
	MinWidth  = common.MinWidth
	MinHeight = common.MinHeight
)

// chrome is the lines the root draws around the active screen: the header
// and tabs above, the status and help lines below.
const (
	chromeTop    = 2
	chromeBottom = 2
)

// statusFor is how long a status message stays before it fades.
const statusFor = 10 * time.Second

// Options configure the root.
type Options struct {
	Deps common.Deps // Deps.User is zero when the database has no user yet
	// DBPath is shown in the header.
	DBPath string
	// Setup starts with the first-start form (an empty database).
	Setup bool
	// Headless leaves out the clock tick: frames depend only on Deps.Now.
	Headless bool
}

// Model is the root model.
type Model struct {
	opt  Options
	deps common.Deps
	keys common.GlobalKeys
	help help.Model

	width, height int
	ready         bool // the user is known and the screens exist
	showHelp      bool

	active common.Screen
	stack  []common.Screen // where back goes

	status   common.StatusMsg
	statusAt time.Time

	// One field per screen.
	setup       setup.Model
	queue       queue.Model
	approvals   approvalScreen
	records     placeholder
	inspections placeholder
	reports     placeholder
	detail      detailScreen
	form        formScreen
	hasDetail   bool
	wasFull     bool // the active screen had the whole terminal after the last message
	hasForm     bool
	// approvalsStarted: the Approvals tab loads once the queue has (or
	// when it is opened first), so the queue's first frame and its load
	// have the machine to themselves.
	approvalsStarted bool
}

// tickMsg is the root's clock: every second it sends common.TickMsg to
// every screen.
type tickMsg time.Time

// New builds the root.
func New(opt Options) Model {
	if opt.Deps.Now == nil {
		opt.Deps.Now = time.Now
	}
	m := Model{opt: opt, deps: opt.Deps, keys: common.NewGlobalKeys(opt.Deps.Lang), help: help.New()}
	if opt.Setup {
		m.setup = setup.New(opt.Deps)
	} else {
		m.buildScreens()
	}
	m.enableKeys()
	return m
}

// buildScreens makes the home tabs once the user is known.
func (m *Model) buildScreens() {
	L := m.deps.Lang
	m.queue = queue.New(m.deps)
	m.approvals = newApprovalScreen(m.deps)
	m.records = newPlaceholder(L, common.ScreenRecords)
	m.inspections = newPlaceholder(L, common.ScreenInspections)
	m.reports = newPlaceholder(L, common.ScreenReports)
	m.active, m.ready = common.ScreenQueue, true
	m.resize()
}

// Init starts the setup form or the home tabs, and the clock.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{}
	if m.ready {
		cmds = append(cmds, m.queue.Init())
	} else {
		cmds = append(cmds, m.setup.Init())
	}
	if !m.opt.Headless {
		cmds = append(cmds, tick())
	}
	return tea.Batch(cmds...)
}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// home reports whether a home tab is showing with nothing to go back to:
// the tab keys and q work there.
func (m Model) home() bool { return m.ready && m.active <= common.ScreenReports && len(m.stack) == 0 }

// Update routes messages (see the package comment). A customer signing
// gets the whole terminal: the sign-off needs 80×24 of its own, and
// nothing else belongs on the screen while someone signs.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	nm := next.(Model)
	if full := nm.fullScreen(); full != nm.wasFull {
		nm.wasFull = full
		nm.resize()
	}
	return nm, cmd
}

// fullScreen reports whether the active screen wants the whole terminal.
func (m Model) fullScreen() bool {
	switch {
	case !m.ready:
		return false
	case m.active == common.ScreenTicket && m.hasDetail:
		return m.detail.FullScreen()
	case m.active == common.ScreenApprovals:
		return m.approvals.FullScreen()
	}
	return false
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.KeyMsg:
		m, cmd := m.key(msg)
		m.enableKeys()
		return m, cmd
	case tea.MouseMsg:
		return m.mouse(msg)
	case common.NavigateMsg:
		m, cmd := m.navigate(msg)
		m.enableKeys()
		return m, cmd
	case common.BackMsg:
		m.back()
		m.enableKeys()
		return m, nil
	case common.StatusMsg:
		m.status, m.statusAt = msg, m.deps.Now()
		return m, nil
	case tickMsg:
		if m.status.Text != "" && !m.status.Err && m.deps.Now().Sub(m.statusAt) > statusFor {
			m.status = common.StatusMsg{}
		}
		m, cmd := m.broadcast(common.TickMsg(msg))
		return m, tea.Batch(cmd, tick())
	case setup.DoneMsg:
		m.deps.User = msg.User
		m.buildScreens()
		m.enableKeys()
		m.status, m.statusAt = common.StatusMsg{Text: m.deps.Lang.Tf("Welcome, %s.", msg.User.Name)}, m.deps.Now()
		return m, m.queue.Init()
	case setup.CancelledMsg:
		return m, tea.Quit
	}
	m, cmd := m.broadcast(msg)
	m.enableKeys()
	if m.ready && m.queue.Loaded() {
		cmd = tea.Batch(cmd, m.startApprovals())
	}
	return m, cmd
}

// startApprovals loads the Approvals tab, once.
func (m *Model) startApprovals() tea.Cmd {
	if m.approvalsStarted || !m.ready {
		return nil
	}
	m.approvalsStarted = true
	return m.approvals.Init()
}

// broadcast gives msg to every live screen: results of their commands,
// ticks and TicketChangedMsg reach the screen they are for wherever it is.
func (m Model) broadcast(msg tea.Msg) (Model, tea.Cmd) {
	if !m.ready {
		var cmd tea.Cmd
		m.setup, cmd = m.setup.Update(msg)
		return m, cmd
	}
	var cmds [4]tea.Cmd
	m.queue, cmds[0] = m.queue.Update(msg)
	m.approvals, cmds[1] = m.approvals.Update(msg)
	if m.hasDetail {
		m.detail, cmds[2] = m.detail.Update(msg)
	}
	if m.hasForm {
		m.form, cmds[3] = m.form.Update(msg)
	}
	return m, tea.Batch(cmds[:]...)
}

// updateActive gives msg to the active screen only (keys, mouse).
func (m Model) updateActive(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case !m.ready:
		m.setup, cmd = m.setup.Update(msg)
	case m.active == common.ScreenQueue:
		m.queue, cmd = m.queue.Update(msg)
	case m.active == common.ScreenApprovals:
		m.approvals, cmd = m.approvals.Update(msg)
	case m.active == common.ScreenTicket && m.hasDetail:
		m.detail, cmd = m.detail.Update(msg)
	case m.active == common.ScreenNewTicket && m.hasForm:
		m.form, cmd = m.form.Update(msg)
	}
	return m, cmd
}

// capturing reports whether the active screen has a text field focused.
func (m Model) capturing() bool {
	switch {
	case !m.ready:
		return m.setup.Capturing()
	case m.active == common.ScreenQueue:
		return m.queue.Capturing()
	case m.active == common.ScreenApprovals:
		return m.approvals.Capturing()
	case m.active == common.ScreenTicket && m.hasDetail:
		return m.detail.Capturing()
	case m.active == common.ScreenNewTicket && m.hasForm:
		return m.form.Capturing()
	}
	return false
}

// screenKeys is the active screen's keymap, for help and the key check.
func (m Model) screenKeys() help.KeyMap {
	switch {
	case !m.ready:
		return m.setup.KeyMap()
	case m.active == common.ScreenQueue:
		return m.queue.KeyMap()
	case m.active == common.ScreenApprovals:
		return m.approvals.KeyMap()
	case m.active == common.ScreenRecords:
		return m.records.KeyMap()
	case m.active == common.ScreenInspections:
		return m.inspections.KeyMap()
	case m.active == common.ScreenReports:
		return m.reports.KeyMap()
	case m.active == common.ScreenTicket && m.hasDetail:
		return m.detail.KeyMap()
	case m.active == common.ScreenNewTicket && m.hasForm:
		return m.form.KeyMap()
	}
	return noKeys{}
}

// resize sizes every screen to the area between the root's lines.
func (m *Model) resize() {
	w, h := m.width, max(m.height-chromeTop-chromeBottom, 1)
	if !m.ready {
		m.setup.SetSize(w, max(m.height-1-chromeBottom, 1))
		return
	}
	m.queue.SetSize(w, h)
	m.approvals.SetSize(w, h)
	m.records.SetSize(w, h)
	m.inspections.SetSize(w, h)
	m.reports.SetSize(w, h)
	if m.hasDetail {
		m.detail.SetSize(w, h)
	}
	if m.hasForm {
		m.form.SetSize(w, h)
	}
	if m.fullScreen() {
		if m.active == common.ScreenTicket {
			m.detail.SetSize(m.width, m.height)
		} else {
			m.approvals.SetSize(m.width, m.height)
		}
	}
}

// navigate opens a screen: a tab replaces the view (tabs are siblings);
// a ticket or the new-ticket form goes on top of the back stack.
func (m Model) navigate(msg common.NavigateMsg) (Model, tea.Cmd) {
	if !m.ready {
		return m, nil
	}
	m.showHelp = false
	switch msg.To {
	case common.ScreenQueue, common.ScreenApprovals, common.ScreenRecords, common.ScreenInspections, common.ScreenReports:
		m.active, m.stack = msg.To, nil
		m.hasDetail, m.hasForm = false, false
		if msg.To == common.ScreenApprovals {
			return m, m.startApprovals()
		}
		return m, nil
	case common.ScreenTicket:
		// One ticket at a time: a ticket opened from a ticket replaces it,
		// and one opened from the form (the ticket just created) replaces
		// the form, so back never returns to a finished form.
		switch m.active {
		case common.ScreenTicket:
		case common.ScreenNewTicket:
			m.hasForm = false
		default:
			m.stack = append(m.stack, m.active)
		}
		m.active, m.hasDetail = common.ScreenTicket, true
		m.detail = newDetailScreen(m.deps, msg.Ticket)
		m.resize()
		return m, m.detail.Init()
	case common.ScreenNewTicket:
		if m.active != common.ScreenNewTicket {
			m.stack = append(m.stack, m.active)
		}
		m.active, m.hasForm = common.ScreenNewTicket, true
		m.form = newFormScreen(m.deps)
		m.resize()
		return m, m.form.Init()
	}
	return m, nil
}

// back closes the screen on top and shows the one below it. Leaving a
// ticket or the form drops it: opening it again reads it afresh.
func (m *Model) back() {
	if len(m.stack) == 0 {
		return
	}
	m.showHelp = false
	switch m.active {
	case common.ScreenNewTicket:
		m.hasForm = false
	case common.ScreenTicket:
		m.hasDetail = false
	}
	m.active, m.stack = m.stack[len(m.stack)-1], m.stack[:len(m.stack)-1]
}

// tabs are the home tabs in order.
var tabs = []common.Screen{common.ScreenQueue, common.ScreenApprovals, common.ScreenRecords, common.ScreenInspections, common.ScreenReports}

func (m Model) switchTab(s common.Screen) (Model, tea.Cmd) {
	return m.navigate(common.NavigateMsg{To: s})
}
