package queue

import (
	"fmt"
	"time"

	"github.com/charmbracelet/lipgloss"

	"yunwei/flows/sla"
	"yunwei/model/i18n"
	"yunwei/ui/common"
)

// slaState is how a row's next SLA clock stands now. Each state has its
// own symbol as well as its colour, so it reads without colour too.
type slaState uint8

const (
	slaNone     slaState = iota // closed, or every clock stopped
	slaOK                       // running with time to spare
	slaWarning                  // under a quarter of the target, or 30 minutes, left
	slaBreached                 // past due
	slaPaused                   // waiting on the customer: not counting down
)

// warnWithin is the fixed warning margin, and the breaching filter's
// horizon (the issue: "due passed or within 30 min").
const warnWithin = 30 * time.Minute

var slaSymbols = [...]string{slaNone: " ", slaOK: "▸", slaWarning: "!", slaBreached: "✗", slaPaused: "◌"}

var slaStyles = [...]lipgloss.Style{
	slaNone: common.Faint, slaOK: common.OKText, slaWarning: common.WarnText,
	slaBreached: common.DangerText, slaPaused: common.Faint,
}

// stateAt is how row i's open clock stands at now (Unix ms), by the one
// rule the detail's clocks follow too (sla.StateAt).
func (t *table) stateAt(i int32, now int64) sla.State {
	r := &t.rows[i]
	return sla.StateAt(clockStates[r.state], time.UnixMilli(r.due), time.UnixMilli(now))
}

// clockOf returns the state of row i's clock at now and the time left,
// negative when overdue. A paused clock does not count down: the detail
// screen explains where it stands.
func (t *table) clockOf(i int32, now int64) (slaState, time.Duration) {
	r := &t.rows[i]
	if r.clock == 0 || r.flags&flagClosed != 0 {
		return slaNone, 0
	}
	left := time.Duration(r.due-now) * time.Millisecond
	switch t.stateAt(i, now) {
	case sla.Paused:
		return slaPaused, 0
	case sla.Breached:
		return slaBreached, left
	}
	if left < warnWithin || (r.target > 0 && left < time.Duration(r.target)*time.Second/4) {
		return slaWarning, left
	}
	return slaOK, left
}

// breaching is the breaching filter: open, and breached or running with 30
// minutes or less left. A paused clock cannot breach while it waits.
func (t *table) breaching(i int32, now int64) bool {
	r := &t.rows[i]
	if r.clock == 0 || r.flags&flagClosed != 0 {
		return false
	}
	switch t.stateAt(i, now) {
	case sla.Breached:
		return true
	case sla.Running:
		return r.due-now < warnWithin.Milliseconds()
	}
	return false
}

// countdown formats a duration compactly in at most 7 cells: "45s",
// "42m17s", "3h05m", "2d03h", "123d", with "-" when overdue.
// Seconds show below an hour, so the tick is visible when it matters.
func countdown(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	s := int64(d / time.Second)
	switch {
	case s < 60:
		return fmt.Sprintf("%s%ds", sign, s)
	case s < 3600:
		return fmt.Sprintf("%s%dm%02ds", sign, s/60, s%60)
	case s < 86400:
		return fmt.Sprintf("%s%dh%02dm", sign, s/3600, s%3600/60)
	case s < 100*86400:
		return fmt.Sprintf("%s%dd%02dh", sign, s/86400, s%86400/3600)
	}
	return fmt.Sprintf("%s%dd", sign, s/86400)
}

// clockWords names the clock kinds briefly, for the SLA column.
func clockWord(k uint8, L i18n.Lang) string {
	switch clockKinds[k] {
	case sla.Response:
		return L.T("resp.")
	case sla.OnSite:
		return L.T("on-site")
	case sla.Resolution:
		return L.T("resol.")
	}
	return ""
}

// slaCell is the SLA column's text for row i at now, and its style.
func (t *table) slaCell(i int32, now int64, L i18n.Lang, withKind bool) (string, lipgloss.Style) {
	st, left := t.clockOf(i, now)
	var s string
	switch st {
	case slaNone:
		if t.rows[i].flags&flagClosed != 0 {
			return L.T("closed"), common.Faint
		}
		return "-", common.Faint
	case slaPaused:
		s = slaSymbols[st] + " " + L.T("on hold")
	default:
		s = slaSymbols[st] + " " + countdown(left)
	}
	if withKind {
		s += " " + clockWord(t.rows[i].clock, L)
	}
	return s, slaStyles[st]
}
