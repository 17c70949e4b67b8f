package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/decide"
	"yunwei/ui/words"
)

// ticketCommands are `yunwei ticket …`: list, show, record, edit, assign,
// comment on and decide tickets.
var ticketCommands = []command{
	{group: "ticket", name: "list", usage: "[--json] [--status open|closed|all] [--mine] [--customer C] [--kind K] [--search TEXT] [--limit N]",
		summary: "list tickets, the latest updated first", new: func() action { return new(ticketList) }},
	{group: "ticket", name: "show", usage: "ID [--json]",
		summary: "show a ticket: its fields, flow, SLA clocks and history", new: func() action { return new(ticketShow) }},
	{group: "ticket", name: "new", usage: "--kind K --title T --customer C [--contract N] [--site S] [--system S] " +
		"[--channel phone|email|fax|remote|on_site] [--severity 1-4] [--requester NAME] " +
		"[--description D] [--reported-at TIME] [--assignee LOGIN] [--on-site] [--json]",
		summary: "record a new ticket", new: func() action { return new(ticketNew) }},
	{group: "ticket", name: "edit", usage: "ID FIELD=VALUE… [--json]",
		summary: "change a ticket's fields: title, description, severity, channel, site, system, requester, on_site, reported_at",
		about: "on_site takes yes or no; reported_at corrects when the request was raised, as 2026-11-27 09:30 in the " +
			"contract's time zone (or RFC 3339), and is kept in the history like every edit.",
		new: func() action { return new(ticketEdit) }},
	{group: "ticket", name: "assign", usage: "ID LOGIN|- [--json]",
		summary: "assign a ticket to a vendor user, or to nobody (-)", new: func() action { return new(ticketAssign) }},
	{group: "ticket", name: "comment", usage: "ID TEXT [--json]",
		summary: "add a comment to a ticket", new: func() action { return new(ticketComment) }},
	{group: "ticket", name: "act", usage: "ID DECISION [--comment C] [--input NAME=VALUE]… [--at TIME] [--contact NAME (--signature-typed NAME | --signature-file F)] [--json]",
		summary: "decide at a ticket's current step",
		about: "Records a decision at the ticket's current step, as its step table allows (seed §3, §4). " +
			"--contact names the customer person deciding at this laptop (department head, leadership, requester); " +
			"their decision needs their signature (DESIGN §5): --signature-typed with their name as they type it, " +
			"or --signature-file with a file of their drawing, JSON strokes of canvas dots from 0 to 4095, " +
			`[[{"x":3,"y":10},{"x":9,"y":4}],[{"x":12,"y":8},{"x":15,"y":2}]] (at most 256 KiB and 4,000 points). ` +
			"A contract may require drawn signatures: see `yunwei contract edit --help`. " +
			"--at logs a response or an arrival on site as of when it happened; like every time typed, it is read in " +
			"the contract's time zone. An input naming a vendor user takes their login.",
		new: func() action { return new(ticketAct) }},
}

// ticketAbout is what every ticket command's help says.
const ticketAbout = "ID is a ticket number (DEM-2026-0042), an id, its short id (the last 8 hex digits, as lists show it) or its first 8.\n" +
	"A time typed without its offset is read in the time zone of the ticket's contract, as the terminal UI reads it.\n" +
	"Kinds: incident bug_fix data_correction consultation enhancement change training staff_change overtime."

// jsonFlag is --json, which every command printing a ticket takes; usage
// says what it prints.
func jsonFlag(fs *flag.FlagSet, v *bool, usage string) {
	fs.BoolVar(v, "json", false, usage)
}

// ticketList is `yunwei ticket list`.
type ticketList struct {
	json, mine                     bool
	status, customer, kind, search string
	limit                          int
}

func (c *ticketList) flags(fs *flag.FlagSet) {
	jsonFlag(fs, &c.json, "print one array of ticket rows as JSON (stable field names; see README)")
	fs.StringVar(&c.status, "status", "open", "the `STATUS` of the tickets listed: open, closed or all")
	fs.BoolVar(&c.mine, "mine", false, "only the tickets assigned to the acting user")
	fs.StringVar(&c.customer, "customer", "", "only the tickets of customer `C` (name, short name or id)")
	fs.StringVar(&c.kind, "kind", "", "only the tickets of kind `K`")
	fs.StringVar(&c.search, "search", "", "only the tickets whose number, title, customer, assignee, description, comments or decision texts contain `TEXT` (any case)")
	fs.IntVar(&c.limit, "limit", 0, "at most `N` tickets (0: all)")
}

func (c *ticketList) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) > 0 {
		return a.wrong("ticket list takes no arguments, got %q", rest[0])
	}
	if c.limit < 0 {
		return a.wrong("--limit must not be negative")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	f := db.TicketFilter{Status: c.status, Search: c.search, Limit: c.limit}
	if c.mine {
		u, err := a.actor(ctx)
		if err != nil {
			return err
		}
		f.AssigneeID = u.ID
	}
	if c.customer != "" {
		cust, err := s.FindCustomer(ctx, c.customer)
		if err != nil {
			return err
		}
		f.CustomerID = cust.ID
	}
	if c.kind != "" {
		// Every kind that runs a flow, the seed §2.4 notices too.
		if f.Kind, err = ticket.ParseFlowKind(c.kind); err != nil {
			return err
		}
	}
	w := newBufferedOut(a.Stdout)
	defer w.Flush()
	if c.json {
		return writeJSONArray(w, func(emit func(any) error) error {
			return s.EachTicket(ctx, f, func(r db.TicketRow) error { return emit(r) })
		})
	}
	tw := newTicketTable(w, a.session.Lang)
	n := 0
	err = s.EachTicket(ctx, f, func(r db.TicketRow) error {
		n++
		return tw.row(r)
	})
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(w, a.session.Lang.T("no tickets"))
	}
	return nil
}

// findTicket opens the store and finds the ticket ref names.
func (a *App) findTicket(ctx context.Context, ref string) (*db.Store, model.ID, error) {
	s, err := a.open(ctx)
	if err != nil {
		return nil, model.NilID, err
	}
	id, err := s.FindTicket(ctx, ref)
	return s, id, err
}

// ticketShow is `yunwei ticket show`.
type ticketShow struct{ json bool }

func (c *ticketShow) flags(fs *flag.FlagSet) {
	jsonFlag(fs, &c.json, "print the ticket as JSON (stable field names; see README)")
}

func (c *ticketShow) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) != 1 {
		return a.wrong("ticket show takes one ticket number or id")
	}
	s, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	return a.printTicket(ctx, s, id, c.json)
}

// ticketJSON is `ticket show --json` (README "JSON output"): the ticket
// with its flow and SLA clocks in the user's words.
type ticketJSON struct {
	db.TicketDetail
	Flow       []words.StepView `json:"flow"`
	WaitingFor model.Roles      `json:"waiting_for"`
	Clocks     []clockJSON      `json:"clocks"`
	// History is the ticket's, each signed decision with its signature's
	// state.
	History []historyJSON `json:"history"`
}

// clockJSON is one SLA clock of `ticket show --json`: its remaining and
// overdue time are whole minutes, numbers in every language (README "JSON
// output": durations are minutes), absent when there is none; the
// *_words fields say them in the user's language, as the text output does.
type clockJSON struct {
	words.ClockView
	Remaining      *int   `json:"remaining,omitempty"`
	Overdue        *int   `json:"overdue,omitempty"`
	RemainingWords string `json:"remaining_words,omitempty"`
	OverdueWords   string `json:"overdue_words,omitempty"`
}

// clocksJSON words clocks for `ticket show --json`.
func clocksJSON(L i18n.Lang, clocks []sla.Clock) []clockJSON {
	views := words.Clocks(L, clocks)
	out := make([]clockJSON, len(views))
	for i, v := range views {
		out[i] = clockJSON{ClockView: v, RemainingWords: v.Remaining, OverdueWords: v.Overdue}
		if ck := clocks[i]; ck.Remaining > 0 {
			m := int(ck.Remaining / time.Minute)
			out[i].Remaining = &m
		}
		if ck := clocks[i]; ck.Overdue > 0 {
			m := int(ck.Overdue / time.Minute)
			out[i].Overdue = &m
		}
	}
	return out
}

// historyJSON is one history entry of `ticket show --json`.
type historyJSON struct {
	ticket.HistoryEntry
	SignatureState *signatureStateJSON `json:"signature_state,omitempty"`
}

// signatureStateJSON is a signature checked (ticket.VerifySignature):
// valid or void, the format it was made in, and when void the parts that
// changed, by code and in words.
type signatureStateJSON struct {
	flows.Verdict
	Why []string `json:"why,omitempty"`
}

// historyWithSignatures is t's history, each signature checked.
func historyWithSignatures(t *ticket.State, L i18n.Lang) []historyJSON {
	out := make([]historyJSON, len(t.History))
	for i, h := range t.History {
		out[i].HistoryEntry = h
		if h.Signature != nil {
			v := ticket.VerifySignature(t, h)
			out[i].SignatureState = &signatureStateJSON{Verdict: v, Why: words.VoidReasons(L, v)}
		}
	}
	return out
}

// printTicket prints a ticket for people, or as JSON.
func (a *App) printTicket(ctx context.Context, s *db.Store, id model.ID, asJSON bool) error {
	d, err := s.Ticket(ctx, id)
	if err != nil {
		return err
	}
	if asJSON {
		enc := newJSONEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ticketJSON{TicketDetail: d, Flow: words.Steps(a.session.Lang, &d.State),
			WaitingFor: d.WaitingFor, Clocks: clocksJSON(a.session.Lang, d.Clocks),
			History: historyWithSignatures(&d.State, a.session.Lang)})
	}
	// The facts are worded as the ticket detail words them: vendor users
	// named in an input show by name.
	users, err := s.Users(ctx)
	if err != nil {
		return err
	}
	facts := decide.Facts(&decide.Context{Ticket: d, Users: users}, a.session.Lang)
	w := newBufferedOut(a.Stdout)
	defer w.Flush()
	writeTicketDetail(w, d, facts, a.session.Lang, model.Zone(d.TimeZone))
	return nil
}

// execute runs a command as the acting user.
func (a *App) execute(ctx context.Context, cmd flows.Command) (db.Result, error) {
	u, err := a.actor(ctx)
	if err != nil {
		return db.Result{}, err
	}
	return a.session.Store.Execute(ctx, db.Acting{UserID: u.ID}, cmd)
}

// reportTicket says what a command did to a ticket: msg with its number,
// or the ticket as JSON.
func (a *App) reportTicket(ctx context.Context, res db.Result, asJSON bool, msg string) error {
	st := res.State.(*ticket.State)
	if asJSON {
		return a.printTicket(ctx, a.session.Store, st.ID, true)
	}
	printLine(a.Stdout, a.session.Lang.T(msg), st.Number)
	return nil
}
