// Package app is the root of the terminal UI: the home tabs, the header
// with the user and the database, the status and help lines, and
// navigation between screens (STYLE.md "Screens": a screen enum, one table
// of screens behind one interface, a back stack). It owns the window size
// and sizes every screen, routes keys and mouse to the active screen, and
// every other message to every live screen.
package app

import (
	"maps"
	"slices"
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
	// Watch keeps the screens current with what other processes write
	// (the command line, a sync): at every tick the root asks the store
	// for the tickets written after event WatchFrom
	// (db.TicketsChangedSince) and tells the screens
	// (common.TicketsChangedMsg). WatchFrom is read before the screens'
	// first loads (db.LastEvent), so that nothing written in between is
	// missed.
	Watch     bool
	WatchFrom int64
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

	// setup is the first-start form, until the user is known.
	setup common.Component
	// live holds the screens built: every home tab once the user is
	// known, and the screens opened on top of one. Bubble Tea keeps only
	// the latest root, so the root holds them by reference.
	live map[common.Screen]common.Component
	// started: the tabs loaded after the queue that have started loading.
	started map[common.Screen]bool
	wasFull bool // the active screen had the whole terminal after the last message
	watch   watch
}

// tickMsg is the root's clock: every second it sends common.TickMsg to
// every screen.
type tickMsg time.Time

// New builds the root.
func New(opt Options) Model {
	if opt.Deps.Now == nil {
		opt.Deps.Now = time.Now
	}
	m := Model{opt: opt, deps: opt.Deps, keys: common.NewGlobalKeys(opt.Deps.Lang), help: help.New(),
		watch: watch{on: opt.Watch, from: opt.WatchFrom}}
	if opt.Setup {
		m.setup = common.Adapt(setup.New(opt.Deps))
	} else {
		m.buildScreens()
	}
	m.enableKeys()
	return m
}

// buildScreens makes the home tabs once the user is known.
func (m *Model) buildScreens() {
	m.live, m.started = map[common.Screen]common.Component{}, map[common.Screen]bool{}
	for _, s := range tabs() {
		m.live[s] = screens[s].build(m.deps, common.NavigateMsg{To: s})
	}
	m.setup = nil
	m.active, m.ready = tabs()[0], true
	m.resize()
}

// Init starts the setup form or the home tabs, and the clock.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{}
	if m.ready {
		cmds = append(cmds, m.initTabs())
	} else {
		cmds = append(cmds, m.setup.Init())
	}
	if !m.opt.Headless {
		cmds = append(cmds, tick())
	}
	return tea.Batch(cmds...)
}

// initTabs starts loading the home tabs, except those that wait for the
// queue.
func (m Model) initTabs() tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range tabs() {
		if !screens[s].afterQueue {
			cmds = append(cmds, m.live[s].Init())
		}
	}
	return tea.Batch(cmds...)
}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// current is the screen keys and mouse go to: the active one, or the
// first-start form.
func (m Model) current() common.Component {
	if !m.ready {
		return m.setup
	}
	return m.live[m.active]
}

// setCurrent keeps what the current screen's Update returned.
func (m *Model) setCurrent(c common.Component) {
	if !m.ready {
		m.setup = c
		return
	}
	m.live[m.active] = c
}

// queue is the queue tab: the headless run and the tabs that load after
// it wait for it.
func (m Model) queue() queue.Model {
	q, _ := common.Unwrap[queue.Model](m.live[common.ScreenQueue])
	return q
}

// isOpen reports whether screen s is built.
func (m Model) isOpen(s common.Screen) bool { return m.live[s] != nil }

// home reports whether a home tab is showing with nothing to go back to:
// the tab keys and q work there.
func (m Model) home() bool { return m.ready && screens[m.active].tab && len(m.stack) == 0 }

// Update routes messages (see the package comment). A screen that asks
// for the whole terminal gets it: the sign-off needs 80×24 of its own, and
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
func (m Model) fullScreen() bool { return m.ready && m.current().FullScreen() }

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
		read := m.poll()
		return m, tea.Batch(cmd, tick(), read)
	case changesMsg:
		return m.changes(msg)
	case setup.DoneMsg:
		m.deps.User = msg.User
		m.buildScreens()
		m.enableKeys()
		m.status, m.statusAt = common.StatusMsg{Text: m.deps.Lang.Tf("Welcome, %s.", msg.User.Name)}, m.deps.Now()
		return m, m.initTabs()
	case setup.CancelledMsg:
		return m, tea.Quit
	}
	m, cmd := m.broadcast(msg)
	m.enableKeys()
	if m.ready && m.queue().Loaded() {
		cmd = tea.Batch(cmd, m.startAfterQueue())
	}
	return m, cmd
}

// startAfterQueue starts loading the tabs that wait for the queue, once.
func (m *Model) startAfterQueue() tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range tabs() {
		cmds = append(cmds, m.startTab(s))
	}
	return tea.Batch(cmds...)
}

// startTab starts loading tab s if it waits for the queue and has not
// started yet.
func (m *Model) startTab(s common.Screen) tea.Cmd {
	if !m.ready || !screens[s].afterQueue || m.started[s] {
		return nil
	}
	m.started[s] = true
	return m.live[s].Init()
}

// broadcast gives msg to every live screen, in the order of the enum:
// results of their commands, ticks and TicketChangedMsg reach the screen
// they are for wherever it is.
func (m Model) broadcast(msg tea.Msg) (Model, tea.Cmd) {
	if !m.ready {
		return m.updateActive(msg)
	}
	var cmds []tea.Cmd
	for _, s := range slices.Sorted(maps.Keys(m.live)) {
		var cmd tea.Cmd
		m.live[s], cmd = m.live[s].Update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// updateActive gives msg to the current screen only (keys, mouse).
func (m Model) updateActive(msg tea.Msg) (Model, tea.Cmd) {
	c, cmd := m.current().Update(msg)
	m.setCurrent(c)
	return m, cmd
}

// capturing reports whether the current screen has a text field focused.
func (m Model) capturing() bool { return m.current().Capturing() }

// screenKeys is the current screen's keymap, for help and the key check.
func (m Model) screenKeys() help.KeyMap { return m.current().KeyMap() }

// resize sizes every screen to the area between the root's lines, and the
// active one to the whole terminal when it asks for it.
func (m *Model) resize() {
	w, h := m.width, max(m.height-chromeTop-chromeBottom, 1)
	if !m.ready {
		m.setup.SetSize(w, max(m.height-1-chromeBottom, 1))
		return
	}
	for _, c := range m.live {
		c.SetSize(w, h)
	}
	if m.fullScreen() {
		m.current().SetSize(m.width, m.height)
	}
}

// navigate opens a screen: a tab replaces the view (tabs are siblings);
// any other screen goes on top of the back stack.
func (m Model) navigate(msg common.NavigateMsg) (Model, tea.Cmd) {
	row, ok := screens[msg.To]
	if !m.ready || !ok {
		return m, nil
	}
	m.showHelp = false
	if row.tab {
		m.closeAbove(0)
		m.active, m.stack = msg.To, nil
		return m, m.startTab(msg.To)
	}
	// One screen of a kind at a time: a ticket opened from a ticket
	// replaces it, and so does one opened further up from it.
	switch i := slices.Index(m.stack, msg.To); {
	case m.active == msg.To:
		// The new one takes its place.
	case i >= 0:
		m.closeAbove(i)
		m.stack = m.stack[:i]
	case screens[m.active].yields:
		delete(m.live, m.active)
	default:
		m.stack = append(m.stack, m.active)
	}
	m.active = msg.To
	m.live[msg.To] = row.build(m.deps, msg)
	m.resize()
	return m, m.live[msg.To].Init()
}

// closeAbove drops the screens opened on top of stack[i], the active one
// included; the tabs stay.
func (m *Model) closeAbove(i int) {
	for _, s := range append(slices.Clone(m.stack[min(i+1, len(m.stack)):]), m.active) {
		if !screens[s].tab {
			delete(m.live, s)
		}
	}
}

// back closes the screen on top and shows the one below it. Leaving a
// screen opened on top drops it: opening it again reads it afresh.
func (m *Model) back() {
	if len(m.stack) == 0 {
		return
	}
	m.showHelp = false
	if !screens[m.active].tab {
		delete(m.live, m.active)
	}
	m.active, m.stack = m.stack[len(m.stack)-1], m.stack[:len(m.stack)-1]
}

func (m Model) switchTab(s common.Screen) (Model, tea.Cmd) {
	return m.navigate(common.NavigateMsg{To: s})
}
