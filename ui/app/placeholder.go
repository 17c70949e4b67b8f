package app

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"yunwei/ui/common"
	"yunwei/ui/i18n"
	"yunwei/ui/text"
)

// placeholder is a home tab whose issue has not landed: it says plainly
// what the tab will hold and offers nothing (no keys, no fake data).
type placeholder struct {
	lang          i18n.Lang
	title         string
	body          []string
	width, height int
}

// The tabs still to come, in the words of DESIGN §6.
var placeholders = map[common.Screen]struct {
	title string
	body  []string // paragraphs
}{
	common.ScreenRecords: {"Maintenance records", []string{
		"This tab will hold the maintenance record sheets: the list of sheets, and their entry as a multi-part form saved as a draft while you type, then the customer's sign-off on this screen and the printable PDF.",
		"It is not built yet: it comes with the record-sheet issue.",
	}},
	common.ScreenInspections: {"Monthly inspections", []string{
		"This tab will hold this month's due inspections by site and the checklist runner: quick keys for pass, abnormal and n.a., readings checked against thresholds, progress, findings turned into tickets, then the customer's sign-off.",
		"It is not built yet: it comes with the inspections issue.",
	}},
	common.ScreenReports: {"Reports", []string{
		"This tab will hold the O&M summary report for a period: work done by kind, SLA compliance, problems, service quality, rectification plans and quota used, shown here and exported.",
		"It is not built yet: it comes with the reports issue.",
	}},
}

func newPlaceholder(L i18n.Lang, s common.Screen) placeholder {
	p := placeholders[s]
	return placeholder{lang: L, title: p.title, body: p.body}
}

// SetSize sets the area the tab draws in.
func (p *placeholder) SetSize(w, h int) { p.width, p.height = w, h }

// View says what the tab will hold, wrapped to the width.
func (p placeholder) View() string {
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
func (p placeholder) KeyMap() help.KeyMap { return noKeys{} }

type noKeys struct{}

func (noKeys) ShortHelp() []key.Binding  { return nil }
func (noKeys) FullHelp() [][]key.Binding { return nil }
