package signoff

import (
	"github.com/charmbracelet/lipgloss"

	"yunwei/ui/common"
)

// The looks only the sign-off has, in the shared palette; everything else
// it draws uses ui/common's styles. Focus is also shown by shape (a marker,
// a heavier border), never by colour alone, so it reads on monochrome
// terminals and in snapshots.
var (
	canvasOff = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(common.Muted)
	canvasOn  = lipgloss.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(common.Accent)
	penCursor = lipgloss.NewStyle().Reverse(true).Foreground(common.Accent)
	badgeOK   = lipgloss.NewStyle().Bold(true).Foreground(common.OK)
)
