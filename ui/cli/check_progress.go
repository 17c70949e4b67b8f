package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"yunwei/db"
	"yunwei/model/i18n"
)

// isTerminal reports whether stderr is a terminal, where a progress line
// can be redrawn in place.
func (a *App) isTerminal() bool {
	if a.stderrTerminal != nil {
		return a.stderrTerminal()
	}
	f, ok := a.Stderr.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// checkProgress draws check's progress on one line of a terminal, redrawn
// in place and cleared at the end, so that nothing of it stays between
// the command and its report.
type checkProgress struct {
	w     io.Writer
	L     i18n.Lang
	drawn bool
}

// show redraws the line for a phase of the check.
func (p *checkProgress) show(phase db.CheckPhase, done, total int64) {
	var line string
	switch phase {
	case db.PhaseLog:
		line = p.L.Tf("checking: %d / %d events read, verified and folded", done, total)
	case db.PhaseProjections:
		line = p.L.Tf("checking: projection tables compared with their rebuild, %d / %d", done, total)
	case db.PhaseFile:
		line = p.L.T("checking: waiting for SQLite's integrity check of the file")
	default:
		return
	}
	fmt.Fprint(p.w, "\r"+line+"\x1b[K")
	p.drawn = true
}

// clear removes the line.
func (p *checkProgress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}
