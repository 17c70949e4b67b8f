package app

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

// placeholder is a home tab still to come: it says plainly what the tab
// will hold and offers nothing (no keys, no fake data).
type placeholder struct {
	lang          i18n.Lang
	title         string
	body          []string
	width, height int
}

// The tabs still to come, in the words of DESIGN §6, and where their work
// is meanwhile.
var placeholders = map[common.Screen]struct {
	title string
	body  []string // paragraphs
}{
	common.ScreenRecords: {"Maintenance records", []string{
		"This tab will hold the maintenance record sheets: the list of sheets, and their entry as a multi-part form saved as a draft while you type, then the customer's sign-off on this screen and the printable PDF.",
		"Until then, the work done on a ticket is in its history: open the ticket from the queue.",
	}},
	common.ScreenInspections: {"Monthly inspections", []string{
		"This tab will hold this month's due inspections by site and the checklist runner: quick keys for pass, abnormal and n.a., readings checked against thresholds, progress, findings turned into tickets, then the customer's sign-off.",
		"Until then, a problem found on site becomes a ticket: n in the queue opens a new one.",
	}},
	common.ScreenReports: {"Reports", []string{
		"This tab will hold the O&M summary report for a period: work done by kind, SLA compliance, problems, service quality, rectification plans and quota used, shown here and exported.",
		"Until then, the queue's filters show the tickets that are yours, those waiting for you and those breaching their SLA.",
	}},
}

// placeholderTab builds the placeholder of tab s.
func placeholderTab(s common.Screen) func(common.Deps, common.NavigateMsg) common.Component {
	return func(d common.Deps, _ common.NavigateMsg) common.Component {
		p := placeholders[s]
		return &placeholder{lang: d.Lang, title: p.title, body: p.body}
	}
}

// Init does nothing: there is nothing to load.
func (p *placeholder) Init() tea.Cmd { return nil }

// Update does nothing: the tab has no keys and loads nothing.
func (p *placeholder) Update(tea.Msg) (common.Component, tea.Cmd) { return p, nil }

// SetSize sets the area the tab draws in.
func (p *placeholder) SetSize(w, h int) { p.width, p.height = w, h }

// View says what the tab will hold, wrapped to the width.
func (p *placeholder) View() string {
	lines := []string{"", " " + common.Title.Render(p.lang.T(p.title)), ""}
	for i, para := range p.body {
		if i > 0 {
			lines = append(lines, "")
		}
		for _, l := range text.Wrap(p.lang.T(para), max(min(p.width-2, 76), 10)) {
			lines = append(lines, " "+common.Text.Render(l))
		}
	}
	return common.Frame(lines, p.width, p.height)
}

// KeyMap is empty: the tab offers nothing yet.
func (p *placeholder) KeyMap() help.KeyMap { return noKeys{} }

// Capturing is false: the tab has no field.
func (p *placeholder) Capturing() bool { return false }

// FullScreen is false: the tab shows under the root's lines.
func (p *placeholder) FullScreen() bool { return false }

type noKeys struct{}

func (noKeys) ShortHelp() []key.Binding  { return nil }
func (noKeys) FullHelp() [][]key.Binding { return nil }
