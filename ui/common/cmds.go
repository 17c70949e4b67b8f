package common

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TickMsg is sent by the root every second to every screen, so countdowns
// tick together; a headless run sends none, and its frames depend only on
// Deps.Now.
type TickMsg time.Time

// Status returns a command that puts msg on the status line.
func Status(msg StatusMsg) tea.Cmd { return func() tea.Msg { return msg } }

// Navigate returns a command that asks the root to open a screen.
func Navigate(msg NavigateMsg) tea.Cmd { return func() tea.Msg { return msg } }

// Back returns a command that asks the root to go back one screen.
func Back() tea.Cmd { return func() tea.Msg { return BackMsg{} } }
