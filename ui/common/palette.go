// Package common holds what every screen shares: the semantic palette,
// the global keys, the messages screens send to the root, and the
// dependencies they are built with. No screen defines a colour literal.
package common

import "github.com/charmbracelet/lipgloss"

// The palette: semantic, adaptive to light and dark terminals. Meaning is
// never carried by colour alone (SLA states also differ in symbol).
var (
	Accent  = lipgloss.AdaptiveColor{Light: "#1F5FBF", Dark: "#7AA2F7"}
	Muted   = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#8A8A8A"}
	Ink     = lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#E6E6E6"}
	OK      = lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#73D98A"}
	Warning = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E0AF68"}
	Danger  = lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF7A70"}
	Subtle  = lipgloss.AdaptiveColor{Light: "#E4E7EE", Dark: "#2A2F3A"} // selection background
)

// Styles used across screens.
var (
	Title      = lipgloss.NewStyle().Bold(true).Foreground(Accent)
	Faint      = lipgloss.NewStyle().Foreground(Muted)
	Text       = lipgloss.NewStyle().Foreground(Ink)
	Bold       = lipgloss.NewStyle().Bold(true).Foreground(Ink)
	Selected   = lipgloss.NewStyle().Background(Subtle).Bold(true)
	TabActive  = lipgloss.NewStyle().Bold(true).Foreground(Accent).Underline(true)
	TabIdle    = lipgloss.NewStyle().Foreground(Muted)
	ErrorText  = lipgloss.NewStyle().Bold(true).Foreground(Danger)
	OKText     = lipgloss.NewStyle().Foreground(OK)
	WarnText   = lipgloss.NewStyle().Foreground(Warning)
	DangerText = lipgloss.NewStyle().Bold(true).Foreground(Danger)
)
