// Package signoff is the on-screen sign-off (DESIGN §5): a full-screen view
// of exactly what is being signed, where the signer types a name (or reads
// the name of the contact picked for them, which cannot be changed), picks a
// role, and draws a signature on a braille canvas with the mouse or the
// keyboard. What is signed is any Signable; confirming emits a SignedMsg
// carrying a model.Signature bound to the SHA-256 of its canonical bytes
// (flows.CanonicalHash). flows tells later whether the content is still
// what was signed; RenderSignature and Badge show a stored signature
// anywhere.
//
// The component is reused by ticket decisions, record sheets and
// inspections. It does no I/O: the caller turns SignedMsg into an event.
package signoff

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

// The canvas takes at least minCanvasRows rows (32 dots: room for a
// signature at 80×24) and at most maxCanvasRows; the document gets the rest.
const (
	minCanvasRows = 8
	maxCanvasRows = 16
)

// Options configure a sign-off.
type Options struct {
	Lang i18n.Lang
	// Content is what is being signed: its title and fields are shown, and
	// its canonical bytes hashed, once, when the screen opens; the
	// signature binds to that hash and to nothing shown later.
	Content Signable
	// Roles the signer may sign as; empty means the customer's roles, the
	// people DESIGN §5 has sign on the laptop.
	Roles []model.Role
	// SignerName and SignerRole preset the fields, e.g. from a contact the
	// caller picked; SignerRole is used only when it is one of Roles.
	SignerName string
	SignerRole model.Role
	// ContactID is the picked contact. Their name, SignerName, is then
	// shown and cannot be changed: the signature covers who signs, and
	// someone who would type another name is not that contact.
	ContactID model.ID
	// Now stamps the signature; nil means time.Now.
	Now func() time.Time
}

// SignedMsg is sent when the signer confirms. The caller records the
// signature as an event, then calls Fail if that did not work.
type SignedMsg struct {
	Signature model.Signature
}

// CancelledMsg is sent when the signer backs out with esc.
type CancelledMsg struct{}

// focus is the field keys go to.
type focus int

const (
	focusName focus = iota
	focusRole
	focusCanvas
	focusCount
)

// layout is where things are, in rows and columns of the view, computed
// when the size changes so that View and mouse handling agree.
type layout struct {
	small     bool
	docRows   int // rows of document shown
	formRow   int // the name and role row
	nameX     int // first column of the name input
	nameW     int // columns of the name input
	roleX     int // first column of the role block
	roleW     int // widest role label
	canvasTop int // first row inside the canvas border
	canvasX   int // first column inside the canvas border
	canvasW   int // cells
	canvasH   int // cells
}

// Model is the sign-off component. Use New; the zero value is not usable.
type Model struct {
	lang      i18n.Lang
	now       func() time.Time
	title     string
	fields    []Field
	hash      string
	hashErr   error
	roles     []model.Role
	role      int
	preset    string // SignerName as ValidateName returns it, for ContactID
	contactID model.ID
	fixedName bool // the name is the picked contact's and cannot be edited

	name   textinput.Model
	focus  focus
	keys   KeyMap
	help   help.Model
	canvas canvas
	pen    model.Point // keyboard cursor, in dots
	mouse  bool        // a mouse stroke is under way

	width, height    int
	originX, originY int
	lay              layout
	doc              []string // document lines wrapped to the width
	docOff           int
	// readToEnd says the document's last line has been on screen: only
	// then may it be signed (DESIGN §5: the signer sees all of what they
	// sign). It stays set once set, whatever the size does after.
	readToEnd bool

	err       string // inline error, cleared by the next action
	submitted bool   // SignedMsg sent: input is ignored until Fail
}

// New makes a sign-off screen. Call SetSize before the first View.
func New(opts Options) Model {
	m := Model{
		lang:      opts.Lang,
		now:       opts.Now,
		roles:     opts.Roles,
		contactID: opts.ContactID,
		fixedName: !opts.ContactID.IsZero() && opts.SignerName != "",
		keys:      DefaultKeyMap(opts.Lang),
		help:      help.New(),
	}
	if m.lang == "" {
		m.lang = i18n.En
	}
	if m.now == nil {
		m.now = time.Now
	}
	if len(m.roles) == 0 {
		m.roles = model.CustomerRoles
	}
	for i, r := range m.roles {
		if r == opts.SignerRole {
			m.role = i
		}
	}
	m.hash, m.hashErr = "", errNothingToSign
	if opts.Content != nil {
		m.title = opts.Content.Title(m.lang)
		m.fields = opts.Content.Fields(m.lang)
		m.hash, m.hashErr = hash(opts.Content)
	}

	m.name = textinput.New()
	m.name.Prompt = ""
	m.name.Placeholder = m.lang.T("full name")
	m.name.CharLimit = MaxNameLen
	m.name.PlaceholderStyle = common.Faint
	// A steady cursor: blinking would redraw the screen twice a second
	// while the customer reads what they sign.
	m.name.Cursor.SetMode(cursor.CursorStatic)
	if opts.SignerName != "" {
		if hasControl(opts.SignerName) {
			// Show the stand-ins, never the raw characters, and say why
			// the name looks odd: the signer corrects it or signs what
			// they see.
			m.name.SetValue(text.Sanitize(opts.SignerName, false))
			m.err = m.lang.T("The preset name held control characters, shown as symbols: check it before signing.")
		} else {
			m.name.SetValue(opts.SignerName)
			m.preset, _ = ValidateName(opts.SignerName)
		}
	}
	if m.preset != "" || m.fixedName {
		m.setFocus(focusCanvas)
	} else {
		m.setFocus(focusName)
	}
	m.relayout() // no size yet: input waits for SetSize
	return m
}

// Init starts nothing: the cursor does not blink and there is no I/O.
func (m Model) Init() tea.Cmd { return nil }

// SetSize lays the screen out for w×h cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.relayout()
}

// SetOrigin tells the component where its top-left corner is on the
// terminal, so that mouse reports (which are in terminal coordinates) land
// on the canvas. It is (0, 0) unless the caller draws something above or
// left of it.
func (m *Model) SetOrigin(x, y int) { m.originX, m.originY = x, y }

// Hash is the hex SHA-256 of the content being signed, "" if it could not be
// hashed.
func (m Model) Hash() string { return m.hash }

// Fail reports that the caller could not record the signature: the message
// shows inline and the signer may confirm again, drawing kept.
func (m *Model) Fail(err error) {
	m.submitted = false
	if err != nil {
		m.err = m.lang.T("The signature was not saved:") + " " + model.ErrorText(err, m.lang)
	}
}

// ShortHelp lists the keys live in the current focus (help.KeyMap).
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	switch m.focus {
	case focusRole:
		return []key.Binding{k.role, k.Next, k.Confirm, k.PageDn, k.Cancel}
	case focusCanvas:
		// The status line explains the arrows; help keeps to the rest,
		// scrolling first while the end is still to be read.
		if !m.readToEnd {
			return []key.Binding{k.PageDn, k.Pen, k.Undo, k.Redo, k.Clear, k.Next, k.Cancel}
		}
		return []key.Binding{k.Pen, k.Undo, k.Redo, k.Clear, k.Enter, k.Next, k.Cancel}
	}
	// enter also moves on from the name and role, but help says tab once.
	return []key.Binding{k.Next, k.Confirm, k.PageDn, k.Cancel}
}

// FullHelp lists every live key, grouped (help.KeyMap).
func (m Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Next, k.Prev, k.Enter, k.Confirm, k.Cancel, k.PageUp, k.PageDn},
		{k.RolePrev, k.RoleNext},
		{k.Up, k.Down, k.Left, k.Right, k.JumpUp, k.JumpDown, k.JumpLeft, k.JumpRight},
		{k.Pen, k.Undo, k.Redo, k.Clear},
	}
}

// step moves the focus d fields on, passing by a name that cannot be
// edited.
func (m *Model) step(d focus) {
	f := (m.focus + d + focusCount) % focusCount
	if f == focusName && m.fixedName {
		f = (f + d + focusCount) % focusCount
	}
	m.setFocus(f)
}

func (m *Model) setFocus(f focus) {
	f = (f + focusCount) % focusCount
	if f == focusName && m.fixedName {
		return // a picked contact's name is not a field
	}
	m.focus = f
	if m.focus != focusCanvas && !m.mouse {
		// Leaving the canvas lifts the keyboard pen: coming back should
		// not draw a line from wherever it was left.
		m.canvas.end()
	}
	if m.focus == focusName {
		m.name.Focus()
	} else {
		m.name.Blur()
	}
	m.keys.enable(m.focus, len(m.doc) > m.lay.docRows, m.lang)
}

// Update handles keys and mouse reports; other messages go to the name
// field (cursor and paste messages).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.submitted {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.updateKey(msg)
	case tea.MouseMsg:
		return m.updateMouse(msg), nil
	}
	if m.focus == focusName {
		return m.updateName(msg)
	}
	return m, nil
}

func (m Model) updateKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.keys
	if m.lay.small {
		if key.Matches(msg, k.Cancel) {
			return m, cancel
		}
		return m, nil
	}
	m.err = ""
	switch {
	case key.Matches(msg, k.Confirm):
		return m.confirm()
	case key.Matches(msg, k.Cancel):
		return m, cancel
	case key.Matches(msg, k.Next):
		m.step(1)
		return m, nil
	case key.Matches(msg, k.Prev):
		m.step(-1)
		return m, nil
	case key.Matches(msg, k.PageUp):
		m.scroll(-max(1, m.lay.docRows-1))
		return m, nil
	case key.Matches(msg, k.PageDn):
		m.scroll(max(1, m.lay.docRows-1))
		return m, nil
	case key.Matches(msg, k.Enter):
		if m.focus == focusCanvas {
			return m.confirm()
		}
		m.step(1)
		return m, nil
	}
	switch m.focus {
	case focusName:
		return m.updateName(msg)
	case focusRole:
		switch {
		case key.Matches(msg, k.RolePrev):
			m.role = (m.role + len(m.roles) - 1) % len(m.roles)
		case key.Matches(msg, k.RoleNext):
			m.role = (m.role + 1) % len(m.roles)
		}
	case focusCanvas:
		m.updateCanvasKey(msg)
	}
	return m, nil
}

// updateName passes msg to the name field, refusing control characters (a
// paste can carry anything) and saying why.
func (m Model) updateName(msg tea.Msg) (Model, tea.Cmd) {
	// The field's own filter drops control characters silently, which
	// would turn a pasted escape sequence into stray text; refuse the whole
	// keystroke or paste instead.
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && hasControl(string(k.Runes)) {
		m.err = m.lang.T(msgNameControl)
		return m, nil
	}
	before := m.name.Value()
	var cmd tea.Cmd
	m.name, cmd = m.name.Update(msg)
	if hasControl(m.name.Value()) {
		m.name.SetValue(before)
		m.err = m.lang.T(msgNameControl)
	}
	return m, cmd
}

func (m *Model) updateCanvasKey(msg tea.KeyMsg) {
	k := m.keys
	// A jump is one cell's worth of dots: the grain the mouse draws at.
	moves := []struct {
		b      key.Binding
		dx, dy int
	}{
		{k.Up, 0, -1}, {k.Down, 0, 1}, {k.Left, -1, 0}, {k.Right, 1, 0},
		{k.JumpUp, 0, -cellDotsY}, {k.JumpDown, 0, cellDotsY},
		{k.JumpLeft, -cellDotsX, 0}, {k.JumpRight, cellDotsX, 0},
	}
	for _, mv := range moves {
		if key.Matches(msg, mv.b) {
			m.pen = m.clampDot(model.Point{X: m.pen.X + mv.dx, Y: m.pen.Y + mv.dy})
			m.canvas.extend(m.pen)
			m.checkFull()
			return
		}
	}
	switch {
	case key.Matches(msg, k.Pen):
		if m.canvas.penDown() {
			m.canvas.end()
		} else {
			m.canvas.begin(m.pen)
		}
	case key.Matches(msg, k.Undo):
		m.canvas.undoStep()
	case key.Matches(msg, k.Redo):
		m.canvas.redoStep()
	case key.Matches(msg, k.Clear):
		m.canvas.clear()
	}
	m.mouse = false
	m.checkFull()
}

func (m *Model) checkFull() {
	if m.canvas.full {
		m.err = m.lang.T("The signature box is full: undo or clear to draw more.")
	}
}

// updateMouse draws with the left button on the canvas, focuses the field
// clicked, and scrolls the document with the wheel. Terminals report the
// mouse per cell, so a cell maps to one dot near its centre and successive
// reports are joined by lines (see raster.line): a fast drag that skips cells
// still draws a continuous stroke.
func (m Model) updateMouse(msg tea.MouseMsg) Model {
	if m.lay.small {
		return m
	}
	x, y := msg.X-m.originX, msg.Y-m.originY
	switch {
	case tea.MouseEvent(msg).IsWheel():
		if y >= 2 && y < 2+m.lay.docRows {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				m.scroll(-3)
			case tea.MouseButtonWheelDown:
				m.scroll(3)
			}
		}
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft:
		if p, ok := m.canvasDot(x, y, false); ok {
			m.err = ""
			m.setFocus(focusCanvas)
			m.pen = p
			m.canvas.begin(p)
			m.mouse = true
			m.checkFull()
			return m
		}
		if y == m.lay.formRow {
			if x < m.lay.roleX {
				m.setFocus(focusName)
			} else {
				m.setFocus(focusRole)
			}
		}
	case msg.Action == tea.MouseActionMotion && m.mouse:
		// Clamped: a stroke that strays past the border runs along it
		// instead of breaking, and comes back in one piece.
		p, _ := m.canvasDot(x, y, true)
		m.pen = p
		m.canvas.extend(p)
		m.checkFull()
	case msg.Action == tea.MouseActionRelease && m.mouse:
		p, _ := m.canvasDot(x, y, true)
		m.pen = p
		m.canvas.extend(p)
		m.canvas.end()
		m.mouse = false
	}
	return m
}

// canvasDot maps a view cell to the canvas dot it stands for; with clamp,
// cells outside the canvas map to its nearest edge.
func (m Model) canvasDot(x, y int, clamp bool) (model.Point, bool) {
	cx, cy := x-m.lay.canvasX, y-m.lay.canvasTop
	inside := cx >= 0 && cy >= 0 && cx < m.lay.canvasW && cy < m.lay.canvasH
	if !inside && !clamp {
		return model.Point{}, false
	}
	cx = min(max(cx, 0), m.lay.canvasW-1)
	cy = min(max(cy, 0), m.lay.canvasH-1)
	return model.Point{X: cx * cellDotsX, Y: cy*cellDotsY + 1}, inside
}

// clampDot keeps a keyboard cursor on the canvas.
func (m Model) clampDot(p model.Point) model.Point {
	p.X = min(max(p.X, 0), max(m.lay.canvasW*cellDotsX-1, 0))
	p.Y = min(max(p.Y, 0), max(m.lay.canvasH*cellDotsY-1, 0))
	return p
}

func (m *Model) scroll(n int) {
	m.docOff = min(max(m.docOff+n, 0), max(len(m.doc)-m.lay.docRows, 0))
	if m.docOff+m.lay.docRows >= len(m.doc) && !m.lay.small {
		m.readToEnd = true
	}
	m.keys.enable(m.focus, len(m.doc) > m.lay.docRows, m.lang)
}

// ReadToEnd reports whether the whole document has been shown, its last
// line included: signing waits for it.
func (m Model) ReadToEnd() bool { return m.readToEnd }

// confirm checks the name and the drawing and, when both will do, emits the
// signature. It binds to the hash taken when the screen opened: that is the
// content the signer was shown.
func (m Model) confirm() (Model, tea.Cmd) {
	if m.canvas.penDown() {
		m.canvas.end()
	}
	m.mouse = false
	if m.hashErr != nil {
		m.err = m.lang.T("This content cannot be signed: it could not be hashed.")
		return m, nil
	}
	if !m.readToEnd {
		m.err = m.lang.T("Read to the end of what you are signing first: pgdn shows the rest.")
		return m, nil
	}
	name, err := ValidateName(m.name.Value())
	if m.fixedName && m.preset == "" {
		// The contact's own name cannot be signed as it is, and nobody may
		// sign it under another.
		err = model.Errorf(model.EINVALID, msgNameControl)
	}
	if err != nil {
		m.err = model.ErrorText(err, m.lang)
		m.setFocus(focusName)
		return m, nil
	}
	strokes := m.canvas.all()
	if dots(strokes) < minDots {
		m.err = m.lang.T("Draw the signature in the box first: with the mouse, or tab to the box and use the arrow keys.")
		m.setFocus(focusCanvas)
		return m, nil
	}
	sig := model.Signature{
		SignerName:  name,
		SignerRole:  m.roles[m.role],
		ContentHash: m.hash,
		Strokes:     strokes,
		SignedAt:    model.FormatTime(m.now()),
	}
	if m.fixedName || (m.preset != "" && name == m.preset) {
		sig.ContactID = m.contactID
	}
	m.submitted = true
	return m, func() tea.Msg { return SignedMsg{Signature: sig} }
}

func cancel() tea.Msg { return CancelledMsg{} }

// errNothingToSign is the hash error of a sign-off opened without content.
var errNothingToSign = errors.New("nothing to sign")

// hash is the content hash a signature of c carries; "" and an error when c
// cannot be encoded. Bytes that are not canonical JSON are refused: equal
// content must hash equally, whoever encoded it.
func hash(c Signable) (string, error) {
	b, err := c.Canonical()
	if err == nil {
		err = model.CheckCanonical(b)
	}
	if err != nil {
		return "", fmt.Errorf("hash signed content: %w", err)
	}
	return flows.CanonicalHash(b), nil
}

// relayout places everything for the current size. Rows, top to bottom:
// title, document rule, document, signer rule, name and role, canvas (with
// its border), status, help.
func (m *Model) relayout() {
	w, h := m.width, m.height
	m.lay = layout{small: w < common.MinWidth || h < common.MinHeight}
	if m.lay.small {
		return
	}
	m.buildDoc()
	frameW, frameH := canvasOn.GetFrameSize()
	avail := h - 6 - frameH
	l := &m.lay
	l.canvasH = min(maxCanvasRows, max(minCanvasRows, avail-len(m.doc)))
	l.docRows = avail - l.canvasH
	l.formRow = 2 + l.docRows + 1
	l.canvasTop = l.formRow + 1 + frameH/2
	l.canvasX = frameW / 2
	l.canvasW = w - frameW

	for _, r := range m.roles {
		l.roleW = max(l.roleW, text.Width(m.roleLabel(r)))
	}
	l.nameX = text.Width(m.fieldLabel(focusName))
	roleBlock := text.Width(m.fieldLabel(focusRole)) + l.roleW + 4 // "◀ " + label + " ▶"
	l.nameW = w - l.nameX - 2 - roleBlock
	l.roleX = l.nameX + l.nameW + 2
	// The input draws its cursor one cell past its width.
	m.name.Width = l.nameW - 1

	m.pen = m.clampDot(m.pen)
	if m.pen == (model.Point{}) && m.canvas.empty() {
		// Start the keyboard pen a little in from the left, half-way
		// down: where a signature starts.
		m.pen = m.clampDot(model.Point{X: cellDotsX, Y: l.canvasH / 2 * cellDotsY})
	}
	m.scroll(0)
	m.keys.enable(m.focus, len(m.doc) > l.docRows, m.lang)
}

// buildDoc wraps the summary to the width: labels in a column as wide as
// the widest (up to a third of the screen), values wrapped beside them.
// Everything is sanitised: the summary holds people's text.
func (m *Model) buildDoc() {
	w := m.width
	labelW := 0
	for _, f := range m.fields {
		labelW = max(labelW, text.Width(text.Sanitize(f.Label, false)))
	}
	labelW = min(labelW, w/3)
	valueW := w - labelW - 2
	m.doc = m.doc[:0]
	for _, f := range m.fields {
		label := text.Sanitize(f.Label, false)
		value := text.Sanitize(f.Value, true)
		if label == "" {
			for _, l := range text.Wrap(value, w) {
				m.doc = append(m.doc, common.Bold.Render(l))
			}
			continue
		}
		for i, l := range text.Wrap(value, valueW) {
			lab := strings.Repeat(" ", labelW)
			if i == 0 {
				lab = text.Pad(label, labelW)
			}
			m.doc = append(m.doc, common.Faint.Render(lab)+"  "+common.Text.Render(l))
		}
	}
}

func (m Model) roleLabel(r model.Role) string {
	if l := r.Label(m.lang.Code()); l != "" {
		return l
	}
	return text.Sanitize(string(r), false)
}

// fieldLabel is a form label with its focus marker: focus shows by shape as
// well as colour.
func (m Model) fieldLabel(f focus) string {
	marker := "  "
	if m.focus == f {
		marker = "▸ "
	}
	label := m.lang.T("Name")
	if f == focusRole {
		label = m.lang.T("Role")
	}
	return marker + label + " "
}

// View renders the screen at the size given to SetSize, every line exactly
// that wide.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.lay.small {
		return m.sizeView()
	}
	w := m.width
	lines := make([]string, 0, m.height)
	lines = append(lines, m.titleLine())

	pos := ""
	if n := len(m.doc); n > m.lay.docRows {
		last := min(m.docOff+m.lay.docRows, n)
		pos = m.lang.Tf("lines %d–%d of %d", m.docOff+1, last, n)
	}
	lines = append(lines, common.Rule(m.lang.T("What you are signing"), pos, w))
	for i := range m.lay.docRows {
		line := ""
		if j := m.docOff + i; j < len(m.doc) {
			line = m.doc[j]
		}
		lines = append(lines, line)
	}
	lines = append(lines, common.Rule(m.lang.T("Signer"), "", w))
	lines = append(lines, m.formLine())
	lines = append(lines, strings.Split(m.canvasView(), "\n")...)
	lines = append(lines, m.statusLine())
	lines = append(lines, m.helpView(w))
	return common.Frame(lines, w, m.height)
}

func (m Model) titleLine() string {
	right := m.lang.T("content SHA-256") + " " + flows.HashPrefix(m.hash)
	if m.hashErr != nil {
		right = m.lang.T("content SHA-256") + " —"
	}
	title := text.Sanitize(m.title, false)
	if title == "" {
		title = m.lang.T("Sign-off")
	}
	title = text.Truncate(title, m.width-text.Width(right)-2)
	gap := m.width - text.Width(title) - text.Width(right)
	return common.Title.Render(title) + strings.Repeat(" ", max(gap, 1)) + common.Faint.Render(right)
}

func (m Model) formLine() string {
	l := m.lay
	label := func(f focus) string {
		if m.focus == f {
			return common.Title.Render(m.fieldLabel(f))
		}
		return common.Faint.Render(m.fieldLabel(f))
	}
	role := m.roleLabel(m.roles[m.role])
	if len(m.roles) > 1 {
		role = "◀ " + role + " ▶"
	}
	roleStyle := common.Text
	if m.focus == focusRole {
		roleStyle = common.Title
	}
	return label(focusName) + common.Fit(m.name.View(), l.nameW) + "  " +
		label(focusRole) + roleStyle.Render(role)
}

// canvasView draws the strokes, and the keyboard pen when the canvas has
// focus: its cell shows the pen's dot lit and in reverse, so it is visible
// even where colour is not.
func (m Model) canvasView() string {
	l := m.lay
	r := newRaster(l.canvasW*cellDotsX, l.canvasH*cellDotsY)
	r.strokes(m.canvas.strokes)
	if m.canvas.cur != nil {
		r.strokes([][]model.Point{m.canvas.cur})
	}
	rows := r.lines(l.canvasW, l.canvasH)
	px, py := m.pen.X/cellDotsX, m.pen.Y/cellDotsY
	for y, row := range rows {
		if m.focus != focusCanvas || y != py {
			rows[y] = common.Text.Render(row)
			continue
		}
		cells := []rune(row)
		c := r.cell(px, py)
		if c == ' ' {
			c = 0x2800
		}
		c |= brailleBits[m.pen.Y%cellDotsY][m.pen.X%cellDotsX]
		rows[y] = common.Text.Render(string(cells[:px])) + penCursor.Render(string(c)) +
			common.Text.Render(string(cells[px+1:]))
	}
	box := canvasOff
	if m.focus == focusCanvas {
		box = canvasOn
	}
	return box.Render(strings.Join(rows, "\n"))
}

func (m Model) statusLine() string {
	var msg string
	style := common.Faint
	switch {
	case m.err != "":
		msg, style = m.err, common.ErrorText
	case !m.readToEnd:
		msg, style = m.lang.T("Scroll to the end to sign: pgdn shows the rest of what you are signing."), common.WarnText
	case m.focus == focusCanvas && m.canvas.penDown():
		msg = m.lang.T("Pen down: moving draws; space lifts the pen.")
	case m.focus == focusCanvas:
		msg = m.lang.T("Pen up: arrows move it, space puts it down; or draw with the mouse.")
	case m.canvas.empty():
		msg = m.lang.T("Sign in the box with the mouse, or tab to it and draw with the arrow keys.")
	}
	return style.Render(text.Truncate(text.Sanitize(msg, false), m.width))
}

// helpView is the short help on one line of at most w cells, cut with "…"
// where it does not fit. help.Model.ShortHelpView can overrun its width when
// the ellipsis itself does not fit, and the last line of a full screen must
// not wrap.
func (m Model) helpView(w int) string {
	st := m.help.Styles
	sep := st.ShortSeparator.Inline(true).Render(m.help.ShortSeparator)
	ellipsis := " " + st.Ellipsis.Inline(true).Render(m.help.Ellipsis)
	var items []string
	total := 0
	for _, b := range m.ShortHelp() {
		if !b.Enabled() {
			continue
		}
		item := st.ShortKey.Inline(true).Render(b.Help().Key) + " " +
			st.ShortDesc.Inline(true).Render(b.Help().Desc)
		if len(items) > 0 {
			item = sep + item
		}
		items = append(items, item)
		total += lipgloss.Width(item)
	}
	if total <= w {
		return strings.Join(items, "")
	}
	var b strings.Builder
	used, room := 0, w-lipgloss.Width(ellipsis)
	for _, item := range items {
		iw := lipgloss.Width(item)
		if used+iw > room {
			break
		}
		b.WriteString(item)
		used += iw
	}
	return b.String() + ellipsis
}

func (m Model) sizeView() string {
	msg := m.lang.Tf("The sign-off screen needs a terminal of at least %d×%d; this one is %d×%d.",
		common.MinWidth, common.MinHeight, m.width, m.height) + "\n" +
		m.lang.T("Enlarge the window, or press esc to go back.")
	lines := text.Wrap(msg, m.width)
	if len(lines) > m.height {
		lines = lines[:m.height]
	}
	for i, l := range lines {
		lines[i] = common.ErrorText.Render(l)
	}
	return strings.Join(lines, "\n")
}
