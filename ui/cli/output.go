package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/signoff"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

func newBufferedOut(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }

// newJSONEncoder is the encoder of every --json output: what it writes is
// escaped for the terminal (text.EscapeJSON), so that a stored title
// holding a bidirectional override or a C1 control prints as \u202e, and
// still decodes to the text as stored.
func newJSONEncoder(w io.Writer) *json.Encoder { return json.NewEncoder(jsonEscaper{w}) }

// jsonEscaper escapes each value json.Encoder writes: the encoder writes a
// whole value at a time, so no character is split between writes.
type jsonEscaper struct{ w io.Writer }

func (e jsonEscaper) Write(p []byte) (int, error) {
	if _, err := e.w.Write(text.EscapeJSON(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// printLine prints a line for people, sanitised (text.Sanitize, newlines
// kept): every line holding stored text that is not a table cell goes
// through it, so that no control character or bidirectional override in
// a name reaches the terminal.
func printLine(w io.Writer, format string, args ...any) {
	io.WriteString(w, text.Sanitize(fmt.Sprintf(format, args...), true)+"\n")
}

// jsonAppender is a value that writes its own JSON, as json.Marshal
// would: the rows of long lists.
type jsonAppender interface{ AppendJSON([]byte) []byte }

// writeJSONArray streams a JSON array, one element a line, so that a list
// of 100,000 tickets is valid JSON without being held in memory.
func writeJSONArray(w io.Writer, each func(emit func(any) error) error) error {
	first := true
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	var buf []byte
	err := each(func(v any) error {
		var b []byte
		if a, ok := v.(jsonAppender); ok {
			buf = a.AppendJSON(buf[:0])
			b = buf
		} else {
			var err error
			if b, err = json.Marshal(v); err != nil {
				return err
			}
		}
		b = text.EscapeJSON(b)
		sep := ",\n"
		if first {
			sep, first = "\n", false
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		_, err := w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n]\n")
	return err
}

// ticketTable prints tickets as aligned columns, in display cells.
type ticketTable struct {
	w      io.Writer
	lang   i18n.Lang
	header bool
	// cells keeps the cells that repeat from row to row (kind, severity,
	// step, assignee, customer): worded and measured once per list.
	cells map[cellKey]string
	line  []byte
}

func newTicketTable(w io.Writer, lang i18n.Lang) *ticketTable {
	return &ticketTable{w: w, lang: lang, cells: map[cellKey]string{}}
}

// cellKey names a repeating cell: its column (an index of
// ticketColumns) and the values it shows.
type cellKey struct {
	column  int
	a, b, c string
}

var ticketColumns = []struct {
	title string
	width int
}{{"Number", 15}, {"Kind", 15}, {"Severity", 8}, {"Step", 18}, {"Assignee", 8}, {"Customer", 10}, {"Title", 0}}

// cell is the cell of a repeating value, made by make the first time.
func (t *ticketTable) cell(key cellKey, make func() string) string {
	if c, ok := t.cells[key]; ok {
		return c
	}
	c := make()
	t.cells[key] = c
	return c
}

func (t *ticketTable) row(r db.TicketRow) error {
	if !t.header {
		t.header = true
		var cells []string
		for _, c := range ticketColumns {
			cells = append(cells, text.Pad(t.lang.T(c.title), c.width))
		}
		if _, err := fmt.Fprintln(t.w, strings.TrimRight(strings.Join(cells, " "), " ")); err != nil {
			return err
		}
	}
	lang := t.lang.Code()
	kind := t.cell(cellKey{column: 1, a: string(r.Kind)}, func() string { return text.Cell(r.Kind.Label(lang), 15) })
	severity := t.cell(cellKey{column: 2, a: strconv.Itoa(int(r.Severity))}, func() string { return text.Cell(r.Severity.Label(lang), 8) })
	step := t.cell(cellKey{column: 3, a: string(r.Kind), b: r.Step, c: r.Status}, func() string { return text.Cell(stepLabel(r.Kind, r.Step, r.Status, t.lang), 18) })
	assignee := t.cell(cellKey{column: 4}, func() string { return text.Cell(t.lang.T("nobody"), 8) })
	if r.Assignee != nil {
		assignee = t.cell(cellKey{column: 4, a: r.Assignee.Name, b: "user"}, func() string { return text.Cell(r.Assignee.Name, 8) })
	}
	customer := t.cell(cellKey{column: 5, a: r.Customer.ShortName, b: r.Customer.Name}, func() string {
		if r.Customer.ShortName == "" {
			return text.Cell(r.Customer.Name, 10)
		}
		return text.Cell(r.Customer.ShortName, 10)
	})
	line := append(t.line[:0], text.Cell(r.Number, 15)...)
	for _, c := range []string{kind, severity, step, assignee, customer, text.Sanitize(r.Title, false)} {
		line = append(append(line, ' '), c...)
	}
	t.line = append(line, '\n')
	_, err := t.w.Write(t.line)
	return err
}

func stepLabel(kind model.Kind, step, status string, lang i18n.Lang) string {
	if status == model.StatusClosed {
		return lang.T("closed")
	}
	return words.Step(lang, kind, step)
}

// writeTicketDetail prints a ticket for people: fields, flow, clocks,
// description, every fact its steps recorded (the plan, the analysis, the
// solution, the upgrade notes…, labelled as the step tables label them),
// history.
func writeTicketDetail(w io.Writer, d db.TicketDetail, facts []signoff.Field, L i18n.Lang, loc *time.Location) {
	lang := L.Code()
	clean := func(s string) string { return text.Sanitize(s, false) }
	fmt.Fprintf(w, "%s  [%s] %s\n", clean(d.Number), d.Kind.Label(lang), clean(d.Title))
	assignee := L.T("nobody")
	if d.Assignee != nil {
		assignee = fmt.Sprintf("%s (%s)", clean(d.Assignee.Name), clean(d.Assignee.Login))
	}
	onSite := L.T("no")
	if d.OnSite {
		onSite = L.T("yes")
	}
	rows := [][2]string{
		{"Status", fmt.Sprintf("%s · %s %s", L.T(d.Status), L.T("Step"), stepLabel(d.Kind, d.Step, d.Status, L))},
		{"Severity", fmt.Sprintf("%d %s", d.Severity, d.Severity.Label(lang))},
		{"Channel", d.Channel.Label(lang)},
		{"Customer", fmt.Sprintf("%s · %s %s", clean(d.CustomerName), L.T("Contract"), clean(d.ContractNo))},
		{"Site", clean(d.SiteName)},
		{"System", clean(d.SystemName)},
		{"Requester", clean(d.RequesterName)},
		{"Assignee", assignee},
		{"On site", onSite},
		{"Reported", common.LocalTime(d.ReportedAt, loc)},
		{"Updated", common.LocalTime(d.UpdatedAt, loc)},
	}
	if d.ClosedAt != "" {
		rows = append(rows, [2]string{"Closed", common.LocalTime(d.ClosedAt, loc)})
	}
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		fmt.Fprintf(w, "  %s %s\n", text.Pad(L.T(r[0]), 10), r[1])
	}
	fmt.Fprintf(w, "\n%s  %s\n", L.T("Flow"), d.Kind.Label(lang))
	for _, st := range words.Steps(L, &d.State) {
		mark := map[string]string{"done": "✓", "current": "▶", "upcoming": "·"}[st.Status]
		fmt.Fprintf(w, "  %s %s  %s\n", mark, text.Pad(st.Label, 22), roleLabels(st.Roles, lang))
	}
	if len(d.WaitingFor) > 0 && d.Status != model.StatusClosed {
		fmt.Fprintf(w, "  %s: %s\n", L.T("Waiting for"), roleLabels(d.WaitingFor, lang))
	}
	if len(d.Clocks) == 0 {
		fmt.Fprintf(w, "\n%s\n  %s\n", L.T("SLA clocks"), words.NoClocks(L, d.Kind))
	} else {
		fmt.Fprintf(w, "\n%s\n", L.T("SLA clocks"))
		for _, c := range words.Clocks(L, d.Clocks) {
			state := L.T(c.State)
			switch {
			case c.Overdue != "":
				state += " · " + L.Tf("overdue %s", c.Overdue)
			case c.Remaining != "" && c.Stopped == "":
				state += " · " + L.Tf("%s left", c.Remaining)
			}
			fmt.Fprintf(w, "  %s %s · %s %s\n", text.Pad(c.Label, 12), state, L.T("due"), common.LocalTime(c.Due, loc))
			for _, line := range c.Explanation {
				printLine(w, "      %s", line) // may name a holiday
			}
		}
	}
	if d.Description != "" {
		fmt.Fprintf(w, "\n%s\n", L.T("Description"))
		for _, line := range strings.Split(text.Sanitize(d.Description, true), "\n") {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	writeFacts(w, facts, L)
	fmt.Fprintf(w, "\n%s\n", L.T("History"))
	for _, h := range d.History {
		who := d.Names[h.Actor.String()]
		if who == "" {
			who = h.Actor.Short()
		}
		if h.Contact != model.NilID {
			// The customer person decided; the engineer's laptop recorded it.
			who = d.Names[h.Contact.String()]
			if h.Signature != nil {
				who += " ✍"
			}
		}
		fmt.Fprintf(w, "  %s  %s  %s\n", common.LocalTime(h.At, loc), text.Pad(clean(who), 10), HistoryLine(h, d, L, loc))
		if late := words.LateContact(L, h.LateContact); late != "" {
			fmt.Fprintf(w, "      %s\n", late)
		}
		if h.Signature != nil {
			// DESIGN §5: a signature is void once what was signed changed,
			// and says what did.
			state := words.SignatureState(L, ticket.VerifySignature(&d.State, h))
			fmt.Fprintf(w, "      ✍ %s · %s · SHA-256 %s\n", clean(h.Signature.SignerName), state, flows.HashPrefix(clean(h.Signature.ContentHash)))
		}
		if h.Comment != "" {
			for _, line := range strings.Split(text.Sanitize(h.Comment, true), "\n") {
				fmt.Fprintf(w, "      %s\n", line)
			}
		}
	}
}

// writeFacts prints the facts the ticket's steps recorded, each label
// whole and its value beside it, a value's further lines indented under it.
func writeFacts(w io.Writer, facts []signoff.Field, L i18n.Lang) {
	if len(facts) == 0 {
		return
	}
	labelW := 0
	for _, f := range facts {
		labelW = max(labelW, text.Width(text.Sanitize(f.Label, false)))
	}
	fmt.Fprintf(w, "\n%s\n", L.T("Recorded so far"))
	for _, f := range facts {
		label := text.Sanitize(f.Label, false)
		lines := strings.Split(text.Sanitize(f.Value, true), "\n")
		fmt.Fprintf(w, "  %s%s  %s\n", label, strings.Repeat(" ", labelW-text.Width(label)), lines[0])
		for _, line := range lines[1:] {
			fmt.Fprintf(w, "  %s  %s\n", strings.Repeat(" ", labelW), line)
		}
	}
}

// HistoryLine says in words what one history entry did, in the wording
// the terminal UI shares (common.HistoryLine).
func HistoryLine(h ticket.HistoryEntry, d db.TicketDetail, L i18n.Lang, loc *time.Location) string {
	return common.HistoryLine(h, d.Names, L, loc)
}
