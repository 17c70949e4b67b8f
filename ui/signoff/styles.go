package signoff

import "github.com/charmbracelet/lipgloss"

// The palette is semantic and adaptive (light and dark terminals). It lives
// here, alone, until the shared ui/common palette exists; then these names
// map one to one onto it.
var (
	colorAccent = lipgloss.AdaptiveColor{Light: "#1F5FBF", Dark: "#7AA2F7"}
	colorMuted  = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#8A8A8A"}
	colorInk    = lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#E6E6E6"}
	colorOK     = lipgloss.AdaptiveColor{Light: "#1E7B34", Dark: "#73D98A"}
	colorWarn   = lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF7A70"}
)

// styles are the component's looks. Focus is also shown by shape (a marker,
// a heavier border), never by colour alone, so it reads on monochrome
// terminals and in snapshots.
type styles struct {
	title      lipgloss.Style
	hash       lipgloss.Style
	rule       lipgloss.Style
	docLabel   lipgloss.Style
	docValue   lipgloss.Style
	docHeading lipgloss.Style
	label      lipgloss.Style
	labelFocus lipgloss.Style
	role       lipgloss.Style
	roleFocus  lipgloss.Style
	canvas     lipgloss.Style
	canvasOn   lipgloss.Style
	ink        lipgloss.Style
	cursor     lipgloss.Style
	status     lipgloss.Style
	err        lipgloss.Style
	badgeOK    lipgloss.Style
	badgeVoid  lipgloss.Style
}

func defaultStyles() styles {
	base := lipgloss.NewStyle()
	return styles{
		title:      base.Bold(true).Foreground(colorAccent),
		hash:       base.Foreground(colorMuted),
		rule:       base.Foreground(colorMuted),
		docLabel:   base.Foreground(colorMuted),
		docValue:   base.Foreground(colorInk),
		docHeading: base.Bold(true).Foreground(colorInk),
		label:      base.Foreground(colorMuted),
		labelFocus: base.Bold(true).Foreground(colorAccent),
		role:       base.Foreground(colorInk),
		roleFocus:  base.Bold(true).Foreground(colorAccent),
		canvas:     base.Border(lipgloss.RoundedBorder()).BorderForeground(colorMuted),
		canvasOn:   base.Border(lipgloss.ThickBorder()).BorderForeground(colorAccent),
		ink:        base.Foreground(colorInk),
		cursor:     base.Reverse(true).Foreground(colorAccent),
		status:     base.Foreground(colorMuted),
		err:        base.Bold(true).Foreground(colorWarn),
		badgeOK:    base.Bold(true).Foreground(colorOK),
		badgeVoid:  base.Bold(true).Foreground(colorWarn),
	}
}

var theme = defaultStyles()
