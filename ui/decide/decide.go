package decide

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/signoff"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// DecidedMsg says the decision was recorded. The screen that opened the
// form closes it, reloads the ticket and tells the root (TicketChangedMsg,
// StatusMsg with Status).
type DecidedMsg struct {
	ID     model.ID
	Number string
	// Status says in words where the ticket is now.
	Status string
}

// CancelledMsg says the form was left without deciding.
type CancelledMsg struct{}

// Messages of the form's own work, tagged with the form's generation so
// that a late message from a form already replaced is ignored.
type (
	submitMsg  struct{ gen int }
	cancelMsg  struct{ gen int }
	checkedMsg struct {
		payload ticket.DecidedPayload
		err     error
	}
	savedMsg struct {
		state *ticket.State
		err   error
	}
	// reloadedMsg carries the ticket read again after a refusal.
	reloadedMsg struct {
		c   Context
		err error
	}
)

// Stage is what the form is doing: summary and form, check, sign, save.
// A refusal while saving goes back to the stage it came from, with the
// reason shown.
type Stage int

// The stages of a decision, in order.
const (
	StageForm     Stage = iota // the decision, decider, comment and inputs
	StageChecking              // a customer's decision is checked before they sign
	StageSign                  // the customer signs (ui/signoff)
	StageSaving                // the decision is being recorded
)

// String names the stage, for test failures.
func (s Stage) String() string {
	switch s {
	case StageForm:
		return "form"
	case StageChecking:
		return "checking"
	case StageSign:
		return "sign"
	case StageSaving:
		return "saving"
	}
	return "stage(" + strconv.Itoa(int(s)) + ")"
}

// draft is what the form's fields are bound to. It lives behind a pointer
// so that the huh form and every copy of the Model share it.
type draft struct {
	Decision string
	Contact  model.ID
	Comment  string
	// Inputs holds each decision's inputs as typed: decision → input → text.
	Inputs map[string]map[string]*string
}

// Model is the decision form. It always captures the keyboard: a field or
// the signature canvas has focus. Use New.
type Model struct {
	deps     common.Deps
	c        *Context
	actions  []Action
	customer bool
	role     model.Role // the user's role, for vendor decisions

	draft    *draft
	start    draft // the draft as the form opened, prefilled (dirty)
	form     *huh.Form
	sizer    common.FormSizer
	formInit tea.Cmd
	gen      int
	built    string // the decision the form's fields are of
	need     int    // rows the form's fields take on one page
	pages    []int  // fields per page
	pageOf   map[huh.Field]int
	// inputPage is the page of each input's field, by the input's name.
	inputPage map[string]int
	// confirming asks whether to discard what was typed: esc was pressed
	// on a form holding typed text.
	confirming bool

	stage   Stage
	sign    signoff.Model
	pending ticket.Act // the checked decision awaiting its signature
	acting  db.Acting

	summary []signoff.Field
	lines   []string // the summary laid out for the width
	off     int      // first summary line shown
	err     string   // the last refusal, shown under the form
	// fresh is the ticket read again after a refusal while the customer
	// was signing: the form shows it when they go back to it.
	fresh *Context

	keys   KeyMap
	w, h   int
	ox, oy int
}

// New opens the decision form for the ticket in c. decision preselects one
// of the allowed decisions ("" for the first). Call SetSize before View.
func New(d common.Deps, c Context, decision string) Model {
	m := Model{deps: d, keys: newKeys(d.Lang)}
	if m.deps.Now == nil {
		m.deps.Now = d.Store.Now
	}
	m.draft = &draft{Decision: decision, Inputs: map[string]map[string]*string{}}
	m.adopt(c)
	m.start = m.draft.copy()
	m.buildForm()
	return m
}

// adopt makes c the ticket the form decides on: the decisions it offers
// now, who decides, and a draft field for each input, keeping what the
// draft already holds for decisions still offered.
func (m *Model) adopt(c Context) {
	m.c = &c
	t := &m.c.Ticket.State
	m.actions = Actions(t, m.deps.User, c.Contacts)
	m.customer = len(m.actions) > 0 && m.actions[0].Customer()
	m.role = actingRole(t, m.deps.User)
	if m.action(m.draft.Decision) == nil && len(m.actions) > 0 {
		m.draft.Decision = m.actions[0].Decision.Name
	}
	if _, ok := m.contact(m.draft.Contact); !ok {
		m.draft.Contact = model.NilID
		if cs := candidates(m.actions); len(cs) > 0 {
			m.draft.Contact = cs[0].ID
		}
	}
	for _, a := range m.actions {
		in := m.draft.Inputs[a.Decision.Name]
		if in == nil {
			in = map[string]*string{}
			m.draft.Inputs[a.Decision.Name] = in
		}
		for _, i := range a.Decision.Inputs {
			if in[i.Name] == nil {
				v := previous(t, a.Decision.Name, i, m.c)
				in[i.Name] = &v
			}
		}
	}
	m.summary = Summary(m.c, m.deps.Lang)
}

// copy is the draft's values, apart from the form's pointers.
func (d *draft) copy() draft {
	out := *d
	out.Inputs = map[string]map[string]*string{}
	for name, ins := range d.Inputs {
		c := map[string]*string{}
		for k, v := range ins {
			s := *v
			c[k] = &s
		}
		out.Inputs[name] = c
	}
	return out
}

// dirty reports whether something was typed since the form opened: a
// comment, or an input changed from what it was prefilled with.
func (m Model) dirty() bool {
	if strings.TrimSpace(m.draft.Comment) != strings.TrimSpace(m.start.Comment) {
		return true
	}
	for name, ins := range m.draft.Inputs {
		for k, v := range ins {
			if strings.TrimSpace(*v) != strings.TrimSpace(*m.start.Inputs[name][k]) {
				return true
			}
		}
	}
	return false
}

// previous is what input in of decision was given the last time the
// ticket was decided that way at its current step, as it would be typed:
// a plan sent back for rework opens with the plan that was sent. "" when
// it never was.
func previous(t *ticket.State, decision string, in ticket.Input, c *Context) string {
	st := ticket.CurrentStep(t)
	if st == nil {
		return ""
	}
	for i := len(t.History) - 1; i >= 0; i-- {
		h := t.History[i]
		if h.Type != ticket.Decided || h.Rejected != "" || h.Kind != t.Kind || h.From != st.Name || h.Decision != decision {
			continue
		}
		v, ok := h.Inputs[in.Name]
		if !ok {
			return ""
		}
		if in.Type == ticket.InputTime {
			return common.LocalTime(v, common.Zone(c.Ticket.TimeZone))
		}
		return v
	}
	return ""
}

// Init starts the form's fields (focus, cursor).
func (m Model) Init() tea.Cmd { return m.formInit }

// Capturing is always true: a field or the signature canvas has the keys.
func (m Model) Capturing() bool { return true }

// SetSize lays the form out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.relayout()
	m.sign.SetSize(w, h)
}

// SetOrigin tells the form where its top-left corner is on the terminal,
// so that mouse reports land on the signature canvas.
func (m *Model) SetOrigin(x, y int) {
	m.ox, m.oy = x, y
	m.sign.SetOrigin(x, y)
}

// KeyMap is the keys live now: the form's, or the sign-off's while the
// customer signs.
func (m Model) KeyMap() help.KeyMap {
	if m.stage == StageSign {
		return m.sign
	}
	k := m.keys
	if m.confirming {
		for _, b := range []*key.Binding{&k.Next, &k.Prev, &k.Choose, &k.NewLine, &k.Save, &k.Cancel, &k.ScrollUp, &k.ScrollDown} {
			b.SetEnabled(false)
		}
		return k
	}
	k.Discard.SetEnabled(false)
	k.Keep.SetEnabled(false)
	focused := m.focused()
	_, isText := focused.(*huh.Text)
	_, isList := focused.(*huh.Select[string])
	_, isContact := focused.(*huh.Select[model.ID])
	working := m.stage != StageForm
	for _, b := range []*key.Binding{&k.Next, &k.Prev, &k.Save} {
		b.SetEnabled(m.form != nil && !working)
	}
	k.Choose.SetEnabled(m.form != nil && !working && (isList || isContact))
	k.NewLine.SetEnabled(m.form != nil && !working && isText)
	scroll := len(m.lines) > m.summaryRows()
	k.ScrollUp.SetEnabled(scroll && !working)
	k.ScrollDown.SetEnabled(scroll && !working)
	k.Cancel.SetEnabled(!working)
	return k
}

func (m Model) focused() huh.Field {
	if m.form == nil || m.form.State != huh.StateNormal {
		return nil
	}
	return m.form.GetFocusedField()
}

// action returns the allowed action of the named decision, or nil.
func (m Model) action(name string) *Action {
	for i := range m.actions {
		if m.actions[i].Decision.Name == name {
			return &m.actions[i]
		}
	}
	return nil
}

func (m Model) contact(id model.ID) (model.Contact, bool) {
	for _, c := range candidates(m.actions) {
		if c.ID == id {
			return c, true
		}
	}
	return model.Contact{}, false
}

// Update handles the form, the sign-off and the results of the work they
// start.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case submitMsg:
		if msg.gen == m.gen && m.stage == StageForm {
			return m.submit()
		}
		return m, nil
	case cancelMsg:
		if msg.gen == m.gen && m.stage == StageForm {
			return m, cancelled
		}
		return m, nil
	case checkedMsg:
		return m.checked(msg)
	case savedMsg:
		return m.saved(msg)
	case reloadedMsg:
		return m.reloaded(msg)
	case signoff.SignedMsg:
		if m.stage != StageSign {
			return m, nil
		}
		sig := msg.Signature
		m.pending.Signature = &sig
		m.stage = StageSaving
		return m, save(m.deps.Context(), m.deps.Store, m.acting, m.pending)
	case signoff.CancelledMsg:
		if m.stage != StageSign {
			return m, nil
		}
		// Back to the decision, everything typed kept: the customer may
		// want a different comment before signing.
		m.stage = StageForm
		if c := m.fresh; c != nil {
			m.fresh = nil
			return m, m.refresh(*c)
		}
		return m, m.rebuildIfDone()
	}
	switch m.stage {
	case StageSign:
		var cmd tea.Cmd
		m.sign, cmd = m.sign.Update(msg)
		return m, cmd
	case StageChecking, StageSaving:
		return m, nil // wait for the result; ctrl+c is the root's
	}
	if m.form == nil {
		if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.keys.Cancel) {
			return m, cancelled
		}
		return m, nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && m.confirming {
		// Only y discards: any other key goes back to the form, and is
		// not typed into it.
		m.confirming = false
		if key.Matches(k, m.keys.Discard) {
			return m, cancelled
		}
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Cancel):
			if m.dirty() {
				m.confirming = true
				return m, nil
			}
			return m, cancelled
		case key.Matches(msg, m.keys.Save):
			return m.submit()
		case key.Matches(msg, m.keys.ScrollUp):
			m.scroll(-max(1, m.summaryRows()-1))
			return m, nil
		case key.Matches(msg, m.keys.ScrollDown):
			m.scroll(max(1, m.summaryRows()-1))
			return m, nil
		}
	case tea.MouseMsg:
		if tea.MouseEvent(msg).IsWheel() && msg.Y-m.oy >= 2 && msg.Y-m.oy < 2+m.summaryRows() {
			if msg.Button == tea.MouseButtonWheelUp {
				m.scroll(-3)
			} else if msg.Button == tea.MouseButtonWheelDown {
				m.scroll(3)
			}
			return m, nil
		}
	}
	f, cmd := m.form.Update(msg)
	if f, ok := f.(*huh.Form); ok {
		m.form = f
	}
	if m.draft.Decision != m.built && m.form.State == huh.StateNormal {
		// Another decision was chosen: its inputs take the place of the
		// last one's, on the first page, the decision still focused.
		m.buildForm()
		return m, tea.Batch(cmd, m.formInit)
	}
	return m, cmd
}

func cancelled() tea.Msg { return CancelledMsg{} }

// submit checks what the form holds and records the decision: a vendor's
// at once, a customer's first checked in full (a dry run) and then signed.
func (m Model) submit() (Model, tea.Cmd) {
	L := m.deps.Lang
	m.err = ""
	a := m.action(m.draft.Decision)
	if a == nil {
		m.err = L.T("Choose a decision.")
		return m, m.rebuildIfDone()
	}
	// At: the step shown. Should another process have decided it
	// meanwhile, flows refuses rather than decide at the next step.
	cmd := ticket.Act{ID: m.c.Ticket.ID, Decision: a.Decision.Name, Comment: m.draft.Comment, Inputs: map[string]string{}, At: m.c.Ticket.Step}
	if a.Decision.NeedsComment && strings.TrimSpace(cmd.Comment) == "" {
		m.err = needsComment(*a, L)
		return m, m.rebuildIfDone()
	}
	for _, in := range a.Decision.Inputs {
		v, err := inputValue(in, *m.draft.Inputs[a.Decision.Name][in.Name], m.c, L)
		if err != nil {
			m.err = err.Error()
			if p, n := m.pageOfInput(in); n > 1 && p != m.currentPage() {
				m.err = L.Tf("%s (page %d of %d)", m.err, p+1, n)
			}
			return m, m.rebuildIfDone()
		}
		if v != "" {
			cmd.Inputs[in.Name] = v
		}
	}
	m.acting = db.Acting{UserID: m.deps.User.ID}
	if a.Customer() {
		c, ok := m.contact(m.draft.Contact)
		if !ok {
			m.err = L.T("Choose who decides.")
			return m, m.rebuildIfDone()
		}
		m.acting.ContactID = c.ID
		m.pending = cmd
		m.stage = StageChecking
		return m, check(m.deps.Context(), m.deps.Store, m.acting, cmd)
	}
	m.pending = cmd
	m.stage = StageSaving
	return m, save(m.deps.Context(), m.deps.Store, m.acting, cmd)
}

// check runs the customer's decision without recording it, to refuse it
// before anyone signs and to learn its normalised comment and inputs: the
// signature covers exactly those (ticket.DecisionContent).
func check(ctx context.Context, s *db.Store, as db.Acting, cmd ticket.Act) tea.Cmd {
	return func() tea.Msg {
		res, err := s.DryRun(ctx, as, cmd)
		if err != nil {
			return checkedMsg{err: err}
		}
		var p ticket.DecidedPayload
		if len(res.Events) != 1 {
			return checkedMsg{err: model.Errorf(model.EINTERNAL, "the decision made %d events, not one", len(res.Events))}
		}
		err = res.Events[0].Decode(&p)
		return checkedMsg{payload: p, err: err}
	}
}

// save records the decision.
func save(ctx context.Context, s *db.Store, as db.Acting, cmd ticket.Act) tea.Cmd {
	return func() tea.Msg {
		res, err := s.Execute(ctx, as, cmd)
		if err != nil {
			return savedMsg{err: err}
		}
		st, _ := res.State.(*ticket.State)
		return savedMsg{state: st}
	}
}

// checked opens the sign-off on exactly the content the decision covers,
// or shows why the decision was refused.
func (m Model) checked(msg checkedMsg) (Model, tea.Cmd) {
	if m.stage != StageChecking {
		return m, nil
	}
	if msg.err != nil {
		m.stage = StageForm
		m.err = model.ErrorText(msg.err, m.deps.Lang)
		return m, tea.Batch(m.rebuildIfDone(), m.reload())
	}
	p := msg.payload
	// Record the normalised values: they are what the hash was taken of,
	// and flows normalises them again to the same.
	m.pending.Comment, m.pending.Inputs = p.Comment, p.Inputs
	// The signer and the vendor user at the laptop are part of what is
	// signed: the sign-off shows the contact's name and does not let it
	// be changed.
	c, _ := m.contact(m.acting.ContactID)
	content := ticket.DecisionContent(&m.c.Ticket.State, p.Decision, p.Comment, p.Inputs).
		By(flows.Signer{ContactID: c.ID, Name: c.Name, Role: p.Role}, m.acting.UserID)
	m.sign = signoff.New(signoff.Options{
		Lang:    m.deps.Lang,
		Content: SignedDecision{Content: content, Context: m.c},
		Roles:   []model.Role{p.Role}, SignerName: c.Name, SignerRole: p.Role, ContactID: c.ID,
		Now: m.deps.Now,
	})
	m.sign.SetSize(m.w, m.h)
	m.sign.SetOrigin(m.ox, m.oy)
	m.stage = StageSign
	return m, m.sign.Init()
}

// saved ends the form, or shows why the decision was refused: on the
// sign-off when the customer signed (their drawing kept), else on the form.
func (m Model) saved(msg savedMsg) (Model, tea.Cmd) {
	if m.stage != StageSaving {
		return m, nil
	}
	if msg.err != nil {
		if m.pending.Signature != nil {
			m.pending.Signature = nil
			m.stage = StageSign
			m.sign.Fail(msg.err)
			return m, m.reload()
		}
		m.stage = StageForm
		m.err = model.ErrorText(msg.err, m.deps.Lang)
		return m, tea.Batch(m.rebuildIfDone(), m.reload())
	}
	L := m.deps.Lang
	done := DecidedMsg{ID: m.c.Ticket.ID, Number: m.c.Ticket.Number}
	if st := msg.state; st != nil {
		at := words.Step(L, st.Kind, st.Step)
		if st.Status == model.StatusClosed {
			at = L.T("closed")
		}
		done.Status = L.Tf("%s: now at %s", st.Number, at)
	}
	return m, func() tea.Msg { return done }
}

// reload reads the ticket again after a refusal: someone else may have
// written it meanwhile (another process; the refusal may be that its step
// moved on), and the form then shows it as it is now.
func (m Model) reload() tea.Cmd {
	ctx, s, id, L := m.deps.Context(), m.deps.Store, m.c.Ticket.ID, m.deps.Lang
	return func() tea.Msg {
		c, err := Load(ctx, s, id, L)
		return reloadedMsg{c: c, err: err}
	}
}

// reloaded shows the ticket read again when it changed since the form
// opened, and tells the other screens; the refusal stays shown. A ticket
// that did not change leaves the form as it is, focus and all.
func (m Model) reloaded(msg reloadedMsg) (Model, tea.Cmd) {
	if msg.err != nil || msg.c.Ticket.ID != m.c.Ticket.ID || !changed(&m.c.Ticket.State, &msg.c.Ticket.State) {
		return m, nil
	}
	id := msg.c.Ticket.ID
	tell := func() tea.Msg { return common.TicketChangedMsg{ID: id} }
	if m.stage != StageForm {
		// The customer is signing (or the form is saving again): the
		// form changes when they go back to it, not under their pen.
		m.fresh = &msg.c
		return m, tell
	}
	return m, tea.Batch(m.refresh(msg.c), tell)
}

// changed reports whether the ticket was written between two reads.
func changed(was, now *ticket.State) bool {
	return was.Step != now.Step || was.Status != now.Status || len(was.History) != len(now.History)
}

// refresh rebuilds the form on c. When the step moved on, what was typed
// for the step left does not belong to the next: the decision and its
// inputs start afresh, the comment stays.
func (m *Model) refresh(c Context) tea.Cmd {
	if c.Ticket.Step != m.c.Ticket.Step {
		m.draft.Decision, m.draft.Inputs = "", map[string]map[string]*string{}
	}
	m.adopt(c)
	m.off = 0
	m.buildForm()
	m.relayout()
	return m.formInit
}

// rebuildIfDone makes a new form on the same draft when the old one has
// finished (huh forms ignore input once submitted): what was typed stays.
func (m *Model) rebuildIfDone() tea.Cmd {
	if m.form != nil && m.form.State == huh.StateNormal {
		return nil
	}
	m.buildForm()
	return m.formInit
}

func (m *Model) scroll(n int) {
	m.off = min(max(m.off+n, 0), max(len(m.lines)-m.summaryRows(), 0))
}

// currentPage is the page shown, from 0.
func (m Model) currentPage() int {
	p, _ := m.page()
	return p
}

// pageOfInput is the page the field of input in is on, from 0, and how
// many pages there are.
func (m Model) pageOfInput(in ticket.Input) (page, pages int) {
	return m.inputPage[in.Name], len(m.pages)
}

// Error is the refusal shown under the form, "" when there is none.
func (m Model) Error() string { return m.err }

// Stage is what the form is doing.
func (m Model) Stage() Stage { return m.stage }

// errorLines are the refusal and the fields' complaints, wrapped.
func (m Model) errorLines() []string {
	var msgs []string
	if m.err != "" {
		msgs = append(msgs, text.Sanitize(m.err, false))
	}
	if m.stage == StageForm {
		for _, e := range common.FormErrorLines(m.form) {
			if !slices.Contains(msgs, e) {
				msgs = append(msgs, e) // the field says what ctrl+s said
			}
		}
	}
	var out []string
	for _, s := range msgs {
		out = append(out, text.Wrap(s, max(m.w-2, 10))...)
	}
	return out
}
