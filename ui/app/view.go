package app

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"yunwei/ui/common"
	"yunwei/ui/text"
)

// View draws the header, the tabs, the active screen, the status line and
// the help line, in exactly the terminal's size.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		return m.tooSmall()
	}
	if m.fullScreen() {
		return common.Frame(strings.Split(m.current().View(), "\n"), m.width, m.height)
	}
	lines := []string{m.headerLine()}
	bodyH := m.height - chromeTop - chromeBottom
	if m.ready {
		tabs, _ := m.tabsLine()
		lines = append(lines, tabs)
	} else {
		bodyH++
	}
	body := m.body(bodyH)
	lines = append(lines, body)
	lines = append(lines, m.statusLine(), m.helpLine())
	return strings.Join(lines, "\n")
}

// body is the active screen, or the full help, bodyH lines tall.
func (m Model) body(h int) string {
	if m.showHelp {
		return m.fullHelp(h)
	}
	v := m.current().View()
	// Screens draw in their size; Frame guarantees it, so one screen's
	// slip cannot push the status line off the terminal.
	return common.Frame(strings.Split(v, "\n"), m.width, h)
}

// headerLine names the app, the user at the keyboard and the database.
func (m Model) headerLine() string {
	L := m.deps.Lang
	left := common.Title.Render("yunwei")
	who := L.T("first start")
	if m.ready {
		u := m.deps.User
		who = text.Sanitize(u.Name, false) + " (" + text.Sanitize(u.Login, false) + ")"
		var roles []string
		for _, r := range u.Roles {
			roles = append(roles, r.Label(L.Code()))
		}
		if len(roles) > 0 {
			who += " · " + strings.Join(roles, L.T(", "))
		}
	}
	db := L.T("DB") + " " + text.Sanitize(m.opt.DBPath, false)
	room := m.width - lipgloss.Width(left) - 2
	whoW := min(text.Width(who), room)
	dbW := room - whoW - 2
	if dbW < 12 {
		// The user matters more than the path: the path gives way first.
		dbW = min(text.Width(db), max(room/3, 0))
		whoW = room - dbW - 2
	}
	who = text.Truncate(who, whoW)
	db = truncateLeft(db, dbW)
	gap := max(m.width-lipgloss.Width(left)-2-text.Width(who)-text.Width(db), 1)
	return common.Fit(left+"  "+common.Bold.Render(who)+strings.Repeat(" ", gap)+common.Faint.Render(db), m.width)
}

// truncateLeft keeps the end of s (a path's file name matters most).
func truncateLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if text.Width(s) <= w {
		return s
	}
	rs := []rune(s)
	for i := range rs {
		if t := "…" + string(rs[i:]); text.Width(t) <= w {
			return t
		}
	}
	return ""
}

// tabsLine draws the home tabs, the active one in brackets (it must read
// without colour too), and where the screens on top lead; it also returns
// where each tab ends, for mouse clicks.
func (m Model) tabsLine() (string, []int) {
	L := m.deps.Lang
	var b strings.Builder
	var ends []int
	w := 0
	tabs := tabs()
	current := tabs[m.tabIndex()]
	for i, s := range tabs {
		label := fmt.Sprintf("%d %s", i+1, L.T(screens[s].label))
		if s == current {
			label = "[" + label + "]"
			b.WriteString(common.TabActive.Render(label))
		} else {
			label = " " + label + " "
			b.WriteString(common.TabIdle.Render(label))
		}
		w += text.Width(label)
		ends = append(ends, w)
		if i < len(tabs)-1 {
			b.WriteString(" ")
			w++
		}
	}
	if len(m.stack) > 0 {
		// The screens on top of the tab, in the order they were opened.
		for _, s := range append(append([]common.Screen{}, m.stack[1:]...), m.active) {
			b.WriteString(common.Faint.Render(" › ") + common.Bold.Render(L.T(screens[s].label)))
		}
	}
	return common.Fit(b.String(), m.width), ends
}

// tabAt returns the tab drawn at column x of the tabs line.
func (m Model) tabAt(x int) (common.Screen, bool) {
	_, ends := m.tabsLine()
	start := 0
	for i, end := range ends {
		if x >= start && x < end {
			return tabs()[i], true
		}
		start = end + 1
	}
	return 0, false
}

// statusLine shows the last status message; errors stay until replaced.
func (m Model) statusLine() string {
	if m.status.Text == "" {
		return strings.Repeat(" ", m.width)
	}
	s := text.Truncate(text.Sanitize(m.status.Text, false), m.width-1)
	if m.status.Err {
		return common.Fit(" "+common.ErrorText.Render(s), m.width)
	}
	return common.Fit(" "+common.Text.Render(s), m.width)
}

func (m Model) helpModel() help.Model {
	h := m.help
	h.Width = m.width - 1
	h.Styles.ShortKey = common.Bold
	h.Styles.FullKey = common.Bold
	h.Styles.ShortDesc = common.Faint
	h.Styles.FullDesc = common.Faint
	h.Styles.ShortSeparator = common.Faint
	h.Styles.FullSeparator = common.Faint
	h.Styles.Ellipsis = common.Faint
	return h
}

// helpLine is the short help: the screen's live keys, then the global ones.
func (m Model) helpLine() string {
	return common.Fit(" "+m.helpModel().ShortHelpView(m.helpKeys()), m.width)
}

// fullHelp is every live key, built from the active keymaps: the screen's,
// then the global ones.
func (m Model) fullHelp(h int) string {
	L := m.deps.Lang
	hm := m.helpModel()
	hm.Width = m.width - 2
	lines := []string{"", " " + common.Title.Render(L.T("Keys")), ""}
	if groups := nonEmpty(m.screenKeys().FullHelp()); len(groups) > 0 {
		lines = append(lines, " "+common.Bold.Render(L.T(screens[m.active].label)))
		for _, l := range strings.Split(hm.FullHelpView(groups), "\n") {
			lines = append(lines, " "+l)
		}
		lines = append(lines, "")
	}
	// The global keys as they work with the help closed: the help page
	// itself disables the tab keys.
	scope := m
	scope.showHelp = false
	scope.enableKeys()
	lines = append(lines, " "+common.Bold.Render(L.T("Everywhere")))
	for _, l := range strings.Split(hm.FullHelpView(nonEmpty(scope.keys.FullHelp())), "\n") {
		lines = append(lines, " "+l)
	}
	return common.Frame(lines, m.width, h)
}

// nonEmpty drops groups with no enabled binding, which help would draw as
// empty columns.
func nonEmpty(groups [][]key.Binding) [][]key.Binding {
	var out [][]key.Binding
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// tooSmall says what size the app needs (DESIGN §6), centred.
func (m Model) tooSmall() string {
	L := m.deps.Lang
	msg := []string{
		common.Bold.Render(L.Tf("yunwei needs a terminal of at least %d×%d.", MinWidth, MinHeight)),
		L.Tf("This one is %d×%d: enlarge the window or make the font smaller.", m.width, m.height),
		common.Faint.Render(L.T("ctrl+c quits")),
	}
	var lines []string
	for _, l := range msg {
		lines = append(lines, text.Wrap(l, max(m.width-2, 1))...)
	}
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// mouse: a click on a tab opens it; everything inside the screen's area
// goes to the screen, relative to its own top-left corner.
func (m Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if !m.ready || m.showHelp || m.width < MinWidth || m.height < MinHeight {
		return m, nil
	}
	if msg.Y == 1 && m.home() && msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
		if s, ok := m.tabAt(msg.X); ok {
			m, cmd := m.switchTab(s)
			m.enableKeys()
			return m, cmd
		}
		return m, nil
	}
	if m.fullScreen() {
		return m.updateActive(msg)
	}
	if msg.Y < chromeTop || msg.Y >= m.height-chromeBottom {
		return m, nil
	}
	msg.Y -= chromeTop
	m, cmd := m.updateActive(msg)
	return m, cmd
}
