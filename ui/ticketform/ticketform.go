// Package ticketform is the new-ticket form (`n` on the queue): customer,
// contract (the one in force by default), kind, site, system, channel,
// severity, requester, title, description, when it was reported (now by
// default) and whether on-site service is needed. Saving records the
// ticket (ticket.Create) and opens it; a refusal shows inline and
// keeps everything typed.
package ticketform

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

type savedMsg struct {
	id     model.ID
	number string
	err    error
}

// Model is the new-ticket form. It captures the keyboard once the
// directory is loaded. Use New.
type Model struct {
	deps  common.Deps
	dir   *choices
	err   string
	draft *draft
	lists *dependents
	sheet common.Sheet
	ready bool
	w, h  int
}

// New makes the form; Init reads the customers and their contracts, sites,
// systems and contacts.
func New(d common.Deps) Model {
	if d.Now == nil {
		d.Now = d.Store.Now
	}
	return Model{deps: d}
}

// Init loads the directory the form chooses from.
func (m Model) Init() tea.Cmd {
	ctx, s := m.deps.Context(), m.deps.Store
	return func() tea.Msg {
		dir, err := load(ctx, s)
		return loadedMsg{dir: dir, err: err}
	}
}

// Capturing is true once the form is up: its fields take every key.
func (m Model) Capturing() bool { return m.ready }

// SetSize gives the form w×h cells.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	if m.ready {
		m.sheet.SetSize(w, h)
	}
}

// KeyMap is the form's keys live now.
func (m Model) KeyMap() help.KeyMap {
	if m.ready {
		return m.sheet.KeyMap()
	}
	return common.SheetKeys{}
}

// Update handles the form and the results of loading and saving.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if m.ready {
			return m, nil
		}
		if msg.err != nil {
			m.err = model.ErrorText(msg.err, m.deps.Lang)
			return m, nil
		}
		return m.open(msg.dir)
	case savedMsg:
		if !m.ready || !m.sheet.Busy() {
			return m, nil
		}
		if msg.err != nil {
			return m, m.sheet.Fail(msg.err)
		}
		id := msg.id
		text := m.deps.Lang.Tf("Recorded ticket %s", msg.number)
		return m, tea.Batch(
			func() tea.Msg { return common.TicketChangedMsg{ID: id} },
			func() tea.Msg { return common.StatusMsg{Text: text} },
			func() tea.Msg { return common.NavigateMsg{To: common.ScreenTicket, Ticket: id} },
		)
	case common.SheetCancelledMsg:
		if m.ready && msg.Sheet == m.sheet.ID() {
			return m, func() tea.Msg { return common.BackMsg{} }
		}
		return m, nil
	case tea.KeyMsg:
		if !m.ready && msg.String() == "esc" {
			return m, func() tea.Msg { return common.BackMsg{} }
		}
	}
	if !m.ready {
		return m, nil
	}
	var cmd tea.Cmd
	m.sheet, cmd = m.sheet.Update(msg)
	// A new customer or kind changes what the contract, site, system and
	// requester lists offer.
	if fill(m.deps.Lang, m.dir, m.draft, m.lists, m.deps.Now()) {
		m.sheet.Refresh()
	}
	return m, cmd
}

// open builds the form on a fresh draft: the first customer and its
// contract in force, an incident by phone, minor, reported now.
func (m Model) open(dir *choices) (Model, tea.Cmd) {
	L := m.deps.Lang
	m.dir = dir
	if len(dir.customers) == 0 {
		// Customers, contracts and sites are an admin's set-up, done once
		// from the command line; say so instead of an empty form.
		m.err = L.T("there is no customer yet. An admin adds customers, contracts and sites with yunwei customer add, yunwei contract add and yunwei site add (yunwei customer --help).")
		return m, nil
	}
	d := &draft{Kind: model.KindIncident, Channel: model.ChannelPhone, Severity: model.SeverityMinor}
	if len(dir.customers) > 0 {
		d.Customer = dir.customers[0].ID
		d.Contract = dir.inForce(d.Customer, m.deps.Now())
	}
	d.ReportedAt = m.deps.Now().In(m.zone(d)).Format(common.TimeLayout)
	m.draft, m.lists = d, &dependents{}
	lists, now := m.lists, m.deps.Now
	m.sheet = common.NewSheet(L, L.T("New ticket"),
		func() (*huh.Form, common.FormSizer) { return build(L, dir, d, lists, now()) },
		m.submit).WithDirty(func() bool { return strings.TrimSpace(d.Title+d.Description) != "" })
	m.sheet.SetSize(m.w, m.h)
	m.ready = true
	return m, m.sheet.Init()
}

// zone is the time zone the reported time is typed in: the contract's.
func (m Model) zone(d *draft) *time.Location { return common.Zone(m.dir.zones[d.Contract]) }

// submit checks the draft and returns the command that records it.
func (m Model) submit() (tea.Cmd, error) {
	L, d := m.deps.Lang, m.draft
	reported, err := reportedAt(d.ReportedAt, m.zone(d), L)
	if err != nil {
		return nil, err
	}
	cmd := ticket.Create{
		ID: model.NewID(), Kind: d.Kind, Channel: d.Channel, Severity: d.Severity,
		Title: d.Title, Description: d.Description,
		CustomerID: d.Customer, ContractID: d.Contract, SiteID: d.Site, SystemID: d.System,
		RequesterID: d.Requester, OnSite: d.OnSite, ReportedAt: reported,
	}
	ctx, s, as := m.deps.Context(), m.deps.Store, db.Acting{UserID: m.deps.User.ID}
	return func() tea.Msg {
		res, err := s.Execute(ctx, as, cmd)
		if err != nil {
			return savedMsg{err: err}
		}
		number := ""
		if st, ok := res.State.(*ticket.State); ok {
			number = st.Number
		}
		return savedMsg{id: cmd.ID, number: number}
	}, nil
}

// View renders the form, or what keeps it from opening.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.ready {
		return m.sheet.View()
	}
	L := m.deps.Lang
	lines := []string{common.Title.Render(L.T("New ticket"))}
	if m.err == "" {
		lines = append(lines, common.Faint.Render(L.T("Loading…")))
	}
	if m.err != "" {
		for _, l := range text.Wrap(text.Sanitize(L.T("The form cannot open:")+" "+m.err, false), m.w) {
			lines = append(lines, common.ErrorText.Render(l))
		}
	}
	return common.Frame(lines, m.w, m.h)
}

// Sheet is the form, for tests.
func (m Model) Sheet() common.Sheet { return m.sheet }
