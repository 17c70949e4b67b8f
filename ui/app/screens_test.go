package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// probe is a screen of the test's own: it writes down the keys it gets,
// takes text after "/" until enter, and asks for the whole terminal after
// "f" (as a sign-off does).
type probe struct {
	id           model.ID
	typed        string
	typing, full bool
	w, h         int
}

func (p *probe) Init() tea.Cmd { return nil }
func (p *probe) Update(msg tea.Msg) (common.Component, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch s := k.String(); {
		case s == "enter":
			p.typing = false
		case s == "/":
			p.typing = true
		case s == "f" && !p.typing:
			p.full = !p.full
		default:
			p.typed += s
		}
	}
	return p, nil
}
func (p *probe) View() string     { return fmt.Sprintf("probe %dx%d %s", p.w, p.h, p.typed) }
func (p *probe) SetSize(w, h int) { p.w, p.h = w, h }
func (p *probe) KeyMap() help.KeyMap {
	return fakeKeys{key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "full"))}
}
func (p *probe) Capturing() bool  { return p.typing }
func (p *probe) FullScreen() bool { return p.full }

// A new screen is one row of the table: the root opens it, gives it the
// keys, leaves it every key while it takes text, gives it the whole
// terminal when it asks, and goes back from it, with no case of its own.
func TestANewScreenIsOneRow(t *testing.T) {
	const probeScreen = common.Screen(100)
	screens[probeScreen] = screen{label: "Probe", build: func(_ common.Deps, nav common.NavigateMsg) common.Component {
		return &probe{id: nav.ID}
	}}
	t.Cleanup(func() { delete(screens, probeScreen) })

	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	id := model.NewID()
	h.send(common.NavigateMsg{To: probeScreen, ID: id})
	p := func() *probe { return h.m().live[probeScreen].(*probe) }
	if h.m().active != probeScreen || len(h.m().stack) != 1 || p().id != id {
		t.Fatalf("not opened: screen %d stack %v", h.m().active, h.m().stack)
	}
	if v := h.m().View(); !strings.Contains(v, "› Probe") || !strings.Contains(v, "probe 100x26") {
		t.Fatalf("not drawn under the tabs in its area:\n%s", v)
	}

	// On a screen opened on top, tab digits and q are the screen's.
	h.keys("x 3 q")
	if h.d.quit || h.m().active != probeScreen || p().typed != "x3q" {
		t.Fatalf("keys: quit %v screen %d typed %q", h.d.quit, h.m().active, p().typed)
	}

	// While it takes text, only ctrl+c is global: ? and esc are its own.
	h.keys("/")
	g := h.m().Scope().Global
	if !g.ForceQuit.Enabled() || g.Help.Enabled() || g.Back.Enabled() || g.Quit.Enabled() {
		t.Error("typing: the global keys are not off")
	}
	h.keys("? esc enter")
	if h.m().showHelp || h.m().active != probeScreen || !strings.HasSuffix(p().typed, "?esc") {
		t.Fatalf("typing: help %v screen %d typed %q", h.m().showHelp, h.m().active, p().typed)
	}

	// Asking for the whole terminal gets it, and giving it back frames it
	// again.
	h.keys("f")
	v := h.m().View()
	screentest.Frame(t, v, 100, 30)
	if !h.m().fullScreen() || !strings.HasPrefix(v, "probe 100x30") {
		t.Fatalf("full screen:\n%s", v)
	}
	h.keys("f")
	if v := h.m().View(); !strings.HasPrefix(v, "yunwei") || !strings.Contains(v, "probe 100x26") {
		t.Fatalf("after full screen:\n%s", v)
	}

	// Back returns to the queue and drops the screen.
	h.keys("esc")
	if h.m().active != common.ScreenQueue || h.m().isOpen(probeScreen) || len(h.m().stack) != 0 {
		t.Fatalf("back: screen %d stack %v", h.m().active, h.m().stack)
	}

	// One screen of a kind at a time: a ticket opened from the probe
	// opened from a ticket replaces the first ticket, and the probe goes.
	ticket, _ := h.m().queue().Selected()
	h.send(common.NavigateMsg{To: common.ScreenTicket, Ticket: ticket}, common.NavigateMsg{To: probeScreen})
	if len(h.m().stack) != 2 {
		t.Fatalf("queue, ticket, probe: stack %v", h.m().stack)
	}
	h.send(common.NavigateMsg{To: common.ScreenTicket, Ticket: ticket})
	if h.m().active != common.ScreenTicket || h.m().isOpen(probeScreen) || len(h.m().stack) != 1 {
		t.Fatalf("the ticket again: screen %d stack %v", h.m().active, h.m().stack)
	}
}
