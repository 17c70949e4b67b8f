package app

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/ui/common"
)

// formScreen stands in for the new-ticket form (ui/ticketform) until that
// package lands: it says how to create a ticket meanwhile.
type formScreen struct{ placeholder }

func newFormScreen(d common.Deps) formScreen {
	return formScreen{placeholder{lang: d.Lang, title: "New ticket", body: []string{
		"The new-ticket form is not in this build yet: create a ticket with yunwei ticket new (see yunwei ticket new --help), then find it here in the queue.",
	}}}
}

func (p formScreen) Init() tea.Cmd                        { return nil }
func (p formScreen) Update(tea.Msg) (formScreen, tea.Cmd) { return p, nil }
func (p formScreen) Capturing() bool                      { return false }
func (p formScreen) KeyMap() help.KeyMap                  { return noKeys{} }
