package queue

import (
	"strings"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// colKind names a column of the table.
type colKind int

const (
	colNumber colKind = iota
	colSeverity
	colKindLabel
	colTitle
	colCustomer
	colStep
	colAssignee
	colSLA
	colCount
)

var colHeaders = [colCount]string{"Number", "S", "Kind", "Title", "Customer", "Step", "Assignee", "SLA"}

// layout is the width of every column at the current size; wide columns
// show more (the severity's name instead of its digit, the clock's kind).
type layout struct {
	w        [colCount]int
	sevLabel bool
	slaKind  bool
}

// minimum widths: at 80 columns every column fits with a title of 15
// cells, kinds and steps in their short forms (words.ShortKind, ShortStep);
// more room goes first to the short columns' natural widths, then to the
// title.
var minWidths = [colCount]int{colNumber: 13, colSeverity: 1, colKindLabel: 8, colTitle: 15, colCustomer: 8, colStep: words.ShortLimit, colAssignee: 6, colSLA: 9}

// maxNumberWidth is the widest the number column grows: a six-digit
// counter, and the "!" that marks a duplicate.
const maxNumberWidth = 17

// layoutFor lays the columns out in width cells (one is the cursor mark,
// one separates each column).
func (m Model) layoutFor(width int) layout {
	var l layout
	l.w = minWidths
	nat := m.naturalWidths()
	l.w[colNumber] = nat[colNumber]
	// The severity's header may be wider than its digit (级): the step
	// gives the room, since its short forms are shorter than the limit.
	if sev := text.Width(m.deps.Lang.T(colHeaders[colSeverity])); sev > l.w[colSeverity] {
		l.w[colStep] -= sev - l.w[colSeverity]
		l.w[colSeverity] = sev
	}
	used := func() int {
		n := 1 + int(colCount) - 1
		for _, w := range l.w {
			n += w
		}
		return n
	}
	grow := func(c colKind, to int) {
		if extra := width - used(); extra > 0 && to > l.w[c] {
			l.w[c] += min(extra, to-l.w[c])
		}
	}
	grow(colTitle, 24)
	if width-used() >= nat[colSLA]-l.w[colSLA] {
		l.slaKind = true
		grow(colSLA, nat[colSLA])
	}
	for _, c := range []colKind{colCustomer, colAssignee, colStep, colKindLabel} {
		grow(c, nat[c])
	}
	if width-used() >= nat[colSeverity]-l.w[colSeverity]+20 {
		l.sevLabel = true
		grow(colSeverity, nat[colSeverity])
	}
	grow(colTitle, width)
	// Below the minimum the title gives way first; the root shows a "too
	// small" notice anyway below 80 columns.
	if over := used() - width; over > 0 {
		l.w[colTitle] = max(l.w[colTitle]-over, 1)
	}
	return l
}

// naturalWidths are the widths the short columns want: their widest value
// or header, capped so one long name cannot starve the title.
func (m Model) naturalWidths() [colCount]int {
	L := m.deps.Lang
	var nat [colCount]int
	for c := range nat {
		nat[c] = text.Width(L.T(colHeaders[c]))
	}
	nat[colNumber] = max(nat[colNumber], minWidths[colNumber])
	for _, k := range append(append([]model.Kind{}, model.Kinds...), model.NoticeKinds...) {
		nat[colKindLabel] = max(nat[colKindLabel], text.Width(k.Label(L.Code())))
	}
	for s := model.SeverityCritical; s <= model.SeverityLow; s++ {
		nat[colSeverity] = max(nat[colSeverity], text.Width(s.Label(L.Code())))
	}
	nat[colSLA] = minWidths[colSLA] + 1
	for k := range clockKinds[1:] {
		nat[colSLA] = max(nat[colSLA], minWidths[colSLA]+1+text.Width(clockWord(uint8(k+1), L)))
	}
	if m.t != nil {
		// Every number is shown whole: a counter past 9999 (DEM-2026-10042)
		// widens the column, the title gives the room. A number the log
		// gives twice, shown with its ticket's id, is shown in part.
		nat[colNumber] = max(nat[colNumber], min(m.t.numWidth, maxNumberWidth))
		for _, c := range m.t.customers {
			nat[colCustomer] = max(nat[colCustomer], text.Width(shortName(c.ShortName, c.Name)))
		}
		for _, u := range m.t.users {
			nat[colAssignee] = max(nat[colAssignee], text.Width(u.Name))
		}
	}
	// Step labels run long in English ("reported, awaiting response"):
	// past 20 cells the title needs the room more.
	nat[colStep] = 16
	if L == i18n.En {
		nat[colStep] = 20
	}
	nat[colCustomer] = min(nat[colCustomer], 12)
	nat[colAssignee] = min(nat[colAssignee], 12)
	return nat
}

func shortName(short, name string) string {
	if short != "" {
		return short
	}
	return name
}

// tableTop is the line the first ticket row is drawn on: after the filter
// bar, the search line when there is one, and the header.
func (m Model) tableTop() int {
	if m.searching || m.v.query != "" {
		return 3
	}
	return 2
}

// rowsShown is how many ticket rows fit.
func (m Model) rowsShown() int { return max(m.height-m.tableTop(), 1) }

var filterNames = [...]string{filterAll: "All", filterMine: "Mine", filterWaiting: "Waiting for me", filterBreaching: "Breaching"}

var sortNames = [...]string{sortSLA: "SLA due", sortUpdated: "updated", sortSeverity: "severity"}

// filterBar is the first line: the quick filters, the active one marked,
// then the sort and the count.
func (m Model) filterBar() (string, []int) {
	L := m.deps.Lang
	var b strings.Builder
	var ends []int
	w := 0
	for f, name := range filterNames {
		label := L.T(name)
		if quickFilter(f) == m.v.filter {
			label = "[" + label + "]"
			b.WriteString(common.TabActive.Render(label))
		} else {
			label = " " + label + " "
			b.WriteString(common.TabIdle.Render(label))
		}
		w += text.Width(label)
		ends = append(ends, w)
		b.WriteString(" ")
		w++
	}
	right := L.Tf("sort: %s", L.T(sortNames[m.v.sort]))
	switch {
	case m.t == nil:
		right += " · " + L.T("loading…")
	case !m.full:
		right += " · " + L.Tf("first %d · loading…", len(m.t.rows))
	default:
		right += " · " + L.Tf("%s of %s", thousands(len(m.v.rows)), thousands(len(m.t.rows)))
	}
	gap := m.width - w - text.Width(right)
	if gap < 1 {
		right = text.Truncate(right, max(m.width-w-1, 0))
		gap = max(m.width-w-text.Width(right), 0)
	}
	return b.String() + strings.Repeat(" ", gap) + common.Faint.Render(right), ends
}

// filterAt returns the quick filter drawn at column x of the filter bar.
func (m Model) filterAt(x int) (quickFilter, bool) {
	_, ends := m.filterBar()
	start := 0
	for f, end := range ends {
		if x >= start && x < end {
			return quickFilter(f), true
		}
		start = end + 1
	}
	return 0, false
}

// View draws the queue in exactly its size.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	L := m.deps.Lang
	lines := make([]string, 0, m.height)
	bar, _ := m.filterBar()
	lines = append(lines, bar)
	if m.searching || m.v.query != "" {
		if m.searching {
			lines = append(lines, m.input.View())
		} else {
			lines = append(lines, common.Faint.Render(text.Truncate("/ "+m.input.Value(), m.width)))
		}
	}
	l := m.lay
	lines = append(lines, m.header(l))
	switch {
	case m.err != "":
		lines = append(lines, common.ErrorText.Render(text.Truncate(L.Tf("The queue could not be read: %s", text.Sanitize(m.err, false)), m.width)))
	case m.t == nil:
		lines = append(lines, common.Faint.Render(L.T("Loading the queue…")))
	case len(m.v.rows) == 0:
		lines = append(lines, common.Faint.Render(text.Truncate(m.emptyText(), m.width)))
	default:
		now := m.deps.Now().UnixMilli()
		end := min(m.offset+m.rowsShown(), len(m.v.rows))
		for i := m.offset; i < end; i++ {
			lines = append(lines, m.row(l, m.v.rows[i], i == m.cursor, now))
		}
	}
	for len(lines) < m.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:m.height], "\n")
}

func (m Model) emptyText() string {
	L := m.deps.Lang
	switch {
	case m.v.query != "":
		return L.T("No ticket matches the search: esc clears it.")
	case m.v.filter == filterMine:
		return L.T("No open ticket is assigned to you.")
	case m.v.filter == filterWaiting:
		return L.T("Nothing is waiting for you.")
	case m.v.filter == filterBreaching:
		return L.T("No ticket is past due or due within 30 minutes.")
	}
	return L.T("No tickets yet: n creates one.")
}

func (m Model) header(l layout) string {
	L := m.deps.Lang
	var b strings.Builder
	b.WriteString(" ")
	for c := colKind(0); c < colCount; c++ {
		h := L.T(colHeaders[c])
		if c == colSeverity && l.sevLabel {
			h = L.T("Severity")
		}
		b.WriteString(text.Pad(h, l.w[c]))
		if c < colCount-1 {
			b.WriteString(" ")
		}
	}
	return common.Bold.Render(b.String())
}

// row draws ticket i. Text was sanitised when the table was built; labels
// come from code. The selected row is drawn plain under one style, since a
// style inside another would end its background early.
func (m Model) row(l layout, i int32, selected bool, now int64) string {
	t, L := m.t, m.deps.Lang
	r := &t.rows[i]
	sev := "-"
	if model.Severity(r.severity).Valid() {
		sev = string(rune('0' + r.severity))
		if l.sevLabel {
			sev = model.Severity(r.severity).Label(L.Code())
		}
	}
	assignee := t.users[r.assignee].Name
	if r.assignee == 0 {
		assignee = "-"
	}
	c := t.customers[r.customer]
	slaText, slaStyle := t.slaCell(i, now, L, l.slaKind)
	cells := [colCount]string{
		colNumber:    t.number(i),
		colSeverity:  sev,
		colKindLabel: m.kindLabel(r.kind, l.w[colKindLabel]),
		colTitle:     t.title(i),
		colCustomer:  shortName(c.ShortName, c.Name),
		colStep:      m.stepLabel(r.kind, r.step, l.w[colStep]),
		colAssignee:  assignee,
		colSLA:       slaText,
	}
	var b strings.Builder
	if selected {
		b.WriteString(">")
	} else {
		b.WriteString(" ")
	}
	for c := colKind(0); c < colCount; c++ {
		cell := text.Pad(cells[c], l.w[c])
		if !selected {
			switch {
			case c == colSLA:
				cell = slaStyle.Render(cell)
			case c == colSeverity && r.severity == uint8(model.SeverityCritical):
				cell = common.DangerText.Render(cell)
			case c == colSeverity && r.severity == uint8(model.SeverityMajor):
				cell = common.WarnText.Render(cell)
			case r.flags&flagClosed != 0:
				cell = common.Faint.Render(cell)
			}
		}
		b.WriteString(cell)
		if c < colCount-1 {
			b.WriteString(" ")
		}
	}
	if selected {
		return common.Selected.Render(b.String())
	}
	return b.String()
}

// stepLabel names a row's step in w cells, whole or in its short form,
// cached: words.Step looks the flow up.
func (m Model) stepLabel(kind uint8, step uint16, w int) string {
	key := uint32(kind)<<16 | uint32(step)
	l, ok := m.labels[key]
	if !ok {
		L, k, st := m.deps.Lang, m.t.kinds[kind], m.t.steps[step]
		l = label{text.Sanitize(words.Step(L, k, st), false), text.Sanitize(words.ShortStep(L, k, st), false)}
		m.labels[key] = l
	}
	return words.Fit(l.full, l.short, w)
}

// kindLabel names a row's kind in w cells, whole or in its short form,
// cached beside the steps.
func (m Model) kindLabel(kind uint8, w int) string {
	key := uint32(kind)<<16 | kindKey
	l, ok := m.labels[key]
	if !ok {
		L, k := m.deps.Lang, m.t.kinds[kind]
		l = label{k.Label(L.Code()), words.ShortKind(L, k)}
		m.labels[key] = l
	}
	return words.Fit(l.full, l.short, w)
}

// kindKey marks a kind's entry in the label cache: no flow has that many
// steps.
const kindKey = 0xFFFF

// label is a name whole and in its short form.
type label struct{ full, short string }
