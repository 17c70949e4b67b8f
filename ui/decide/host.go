package decide

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/ui/common"
)

// Host is the decision form as a screen hosts it: the Approvals tab and
// the ticket detail open it on a ticket and, while it is open, hand it
// their size, origin, messages, view and keys. The form runs its stages
// (summary and form, check, sign, save, and back on a refusal); the host
// closes it once the decision is recorded or left, and tells the root
// what changed. The zero value is closed; use NewHost.
type Host struct {
	deps   common.Deps
	form   Model
	open   bool
	w, h   int
	ox, oy int
}

// Outcome is what an Update did to the hosted form.
type Outcome int

// The outcomes of an Update.
const (
	Pending   Outcome = iota // the form is still open, or none is
	Recorded                 // the decision was recorded and the form closed
	Abandoned                // the form was left without deciding, and closed
)

// NewHost makes a closed host for a screen built with d.
func NewHost(d common.Deps) Host { return Host{deps: d} }

// Open opens the form on the ticket in c, sized to the host; decision
// preselects one of the allowed decisions ("" for the first).
func (h *Host) Open(c Context, decision string) tea.Cmd {
	h.form = New(h.deps, c, decision)
	h.form.SetSize(h.w, h.h)
	h.form.SetOrigin(h.ox, h.oy)
	h.open = true
	return h.form.Init()
}

// Active reports whether a form is open: it then has the keys.
func (h Host) Active() bool { return h.open }

// FullScreen reports whether the host wants the whole terminal: while a
// customer signs, the sign-off needs at least common.MinWidth×MinHeight,
// more than the root leaves between its lines at 80×24.
func (h Host) FullScreen() bool { return h.open && h.form.Stage() == StageSign }

// SetSize gives the form w×hgt cells, now and when it opens.
func (h *Host) SetSize(w, hgt int) {
	h.w, h.h = w, hgt
	if h.open {
		h.form.SetSize(w, hgt)
	}
}

// SetOrigin tells the form where its top-left corner is on the terminal,
// so that mouse reports land on the signature canvas.
func (h *Host) SetOrigin(x, y int) {
	h.ox, h.oy = x, y
	if h.open {
		h.form.SetOrigin(x, y)
	}
}

// Update passes msg to the open form. When the form reports its decision
// recorded, the host closes and returns the commands that tell the root
// (TicketChangedMsg, and StatusMsg saying where the ticket is now); when
// it is left, the host just closes. The outcome tells the screen which, so
// it can reload what it shows.
func (h Host) Update(msg tea.Msg) (Host, tea.Cmd, Outcome) {
	if !h.open {
		return h, nil, Pending
	}
	switch msg := msg.(type) {
	case DecidedMsg:
		if msg.ID != h.form.c.Ticket.ID {
			return h, nil, Pending
		}
		h.open = false
		id, text := msg.ID, msg.Status
		return h, tea.Batch(
			func() tea.Msg { return common.TicketChangedMsg{ID: id} },
			func() tea.Msg { return common.StatusMsg{Text: text} }), Recorded
	case CancelledMsg:
		h.open = false
		return h, nil, Abandoned
	}
	var cmd tea.Cmd
	h.form, cmd = h.form.Update(msg)
	return h, cmd, Pending
}

// View renders the open form, "" when none is.
func (h Host) View() string {
	if !h.open {
		return ""
	}
	return h.form.View()
}

// KeyMap is the open form's keys live now.
func (h Host) KeyMap() help.KeyMap { return h.form.KeyMap() }

// Form is the open form, for tests; false when none is.
func (h Host) Form() (Model, bool) { return h.form, h.open }
