package common

import (
	"context"
	"time"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Deps is what a screen is built with. Screens read through Store only in
// tea.Cmds (never inside Update or View), copying their inputs first.
type Deps struct {
	Store *db.Store
	Lang  i18n.Lang
	// User is the vendor user at the keyboard.
	User model.User
	// Now is the clock; tests fix it.
	Now func() time.Time
	// Ctx is the program's context: cancelled when the program quits or
	// is told to stop, so that a query still running ends with it.
	Ctx context.Context
}

// Context is the context a screen's tea.Cmds query the store with: Ctx,
// or, for screens built without one (tests), a context never cancelled.
func (d Deps) Context() context.Context {
	if d.Ctx == nil {
		return context.Background()
	}
	return d.Ctx
}

// Screen names a top-level place in the app: the key of the root's table
// of screens.
type Screen int

// The screens. The first five are the home tabs (DESIGN §6), in the order
// of the tabs line.
const (
	ScreenQueue Screen = iota
	ScreenApprovals
	ScreenRecords
	ScreenInspections
	ScreenReports
	ScreenTicket    // the ticket detail
	ScreenNewTicket // the new-ticket form
)

// NavigateMsg asks the root to open a screen. A screen opened on top of
// the back stack is built from the whole message, so it carries what any
// such screen needs: Ticket names the ticket (the one ScreenTicket shows,
// the one a new record sheet is for), ID the screen's own record (a record
// sheet, an inspection), zero when the screen starts a new one.
type NavigateMsg struct {
	To     Screen
	Ticket model.ID
	ID     model.ID
}

// BackMsg asks the root to go back one screen.
type BackMsg struct{}

// StatusMsg puts a message on the status line; Err marks it as an error.
type StatusMsg struct {
	Text string
	Err  bool
}

// TicketChangedMsg tells every screen that a ticket was written (created,
// decided, edited), so lists and details reload it.
type TicketChangedMsg struct {
	ID model.ID
}

// TicketsChangedMsg tells every screen that tickets were written, by
// this process or another (the command line, a sync): the root's change
// feed found them in the log. Lists re-read just those rows, a detail its
// ticket, so a screen left open stays current without reading every
// ticket again.
type TicketsChangedMsg struct {
	IDs []model.ID
}

// Has reports whether ticket id is among those changed.
func (m TicketsChangedMsg) Has(id model.ID) bool {
	for _, x := range m.IDs {
		if x == id {
			return true
		}
	}
	return false
}

// ErrorStatus turns an error into a status-line message a user can act on,
// in L.
func ErrorStatus(err error, L i18n.Lang) StatusMsg {
	return StatusMsg{Text: model.ErrorText(err, L), Err: true}
}
