package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

var ticketUsage = joinLines(
	"Usage:",
	"  yunwei ticket list [--json] [--status open|closed|all] [--mine] [--customer C] [--kind K] [--limit N]",
	"  yunwei ticket show ID [--json]",
	"  yunwei ticket new --kind K --title T --customer C [--contract N] [--site S] [--system S]",
	"                    [--channel phone|email|fax|remote|on_site] [--severity 1-4] [--requester NAME]",
	"                    [--description D] [--reported-at TIME] [--assignee LOGIN] [--on-site] [--json]",
	"  yunwei ticket edit ID FIELD=VALUE… [--json]",
	"  yunwei ticket assign ID LOGIN|- [--json]",
	"  yunwei ticket comment ID TEXT [--json]",
	"  yunwei ticket act ID DECISION [--comment C] [--input NAME=VALUE]… [--contact NAME] [--json]",
	"                    a decision at the ticket's current step; --contact names the customer",
	"                    person deciding at this laptop (department head, leadership, requester)",
	"",
	"ID is a ticket number (DEM-2026-0042), an id, or its first 8 hex digits.",
	"Kinds: incident bug_fix data_correction consultation enhancement change training",
	"       staff_change overtime.",
)

func (a *App) ticket(ctx context.Context, args []string) error {
	if len(args) > 0 && isHelp(args[0]) {
		return &helpRequest{usage: ticketUsage}
	}
	if len(args) == 0 {
		return usageErr(ticketUsage, "ticket needs a subcommand")
	}
	switch args[0] {
	case "list":
		return a.ticketList(ctx, args[1:])
	case "show":
		return a.ticketShow(ctx, args[1:])
	case "new":
		return a.ticketNew(ctx, args[1:])
	case "edit":
		return a.ticketEdit(ctx, args[1:])
	case "assign":
		return a.ticketAssign(ctx, args[1:])
	case "comment":
		return a.ticketComment(ctx, args[1:])
	case "act":
		return a.ticketAct(ctx, args[1:])
	}
	return usageErr(ticketUsage, "unknown ticket subcommand %q", args[0])
}

func (a *App) ticketList(ctx context.Context, args []string) error {
	fs := a.flagSet("ticket list", ticketUsage)
	asJSON := fs.Bool("json", false, "")
	status := fs.String("status", "open", "")
	mine := fs.Bool("mine", false, "")
	customer := fs.String("customer", "", "")
	kind := fs.String("kind", "", "")
	limit := fs.Int("limit", 0, "")
	rest, err := a.parseArgs(fs, args, ticketUsage, false)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(ticketUsage, "ticket list takes no arguments, got %q", rest[0])
	}
	if *limit < 0 {
		return usageErr(ticketUsage, "--limit must not be negative")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	f := db.TicketFilter{Status: *status, Limit: *limit}
	if *mine {
		u, err := a.actor(ctx)
		if err != nil {
			return err
		}
		f.AssigneeID = u.ID
	}
	if *customer != "" {
		c, err := s.FindCustomer(ctx, *customer)
		if err != nil {
			return err
		}
		f.CustomerID = c.ID
	}
	if *kind != "" {
		if f.Kind, err = model.ParseKind(*kind); err != nil {
			return err
		}
	}
	w := newBufferedOut(a.Stdout)
	defer w.Flush()
	if *asJSON {
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

func (a *App) findTicket(ctx context.Context, ref string) (*db.Store, model.ID, error) {
	s, err := a.open(ctx)
	if err != nil {
		return nil, model.NilID, err
	}
	id, err := s.FindTicket(ctx, ref)
	return s, id, err
}

func (a *App) ticketShow(ctx context.Context, args []string) error {
	fs := a.flagSet("ticket show", ticketUsage)
	asJSON := fs.Bool("json", false, "")
	rest, err := a.parseArgs(fs, args, ticketUsage, false)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr(ticketUsage, "ticket show takes one ticket number or id")
	}
	s, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	return a.printTicket(ctx, s, id, *asJSON)
}

func (a *App) printTicket(ctx context.Context, s *db.Store, id model.ID, asJSON bool) error {
	d, err := s.Ticket(ctx, id, a.session.Lang.Code())
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	w := newBufferedOut(a.Stdout)
	defer w.Flush()
	writeTicketDetail(w, d, a.session.Lang, zoneOf(d.TimeZone))
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

func (a *App) ticketNew(ctx context.Context, args []string) error {
	fs := a.flagSet("ticket new", ticketUsage)
	kind := fs.String("kind", "", "")
	title := fs.String("title", "", "")
	customer := fs.String("customer", "", "")
	contract := fs.String("contract", "", "")
	site := fs.String("site", "", "")
	system := fs.String("system", "", "")
	channel := fs.String("channel", "phone", "")
	severity := fs.String("severity", "3", "")
	requester := fs.String("requester", "", "")
	description := fs.String("description", "", "")
	reported := fs.String("reported-at", "", "")
	assignee := fs.String("assignee", "", "")
	onSite := fs.Bool("on-site", false, "")
	asJSON := fs.Bool("json", false, "")
	rest, err := a.parseArgs(fs, args, ticketUsage, false)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(ticketUsage, "unexpected argument %q: put the title in --title \"…\"", rest[0])
	}
	if *kind == "" || *customer == "" {
		return usageErr(ticketUsage, "ticket new needs --kind and --customer")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	c := ticket.Create{ID: model.NewID(), Title: *title, Description: *description, OnSite: *onSite}
	if c.Kind, err = ticket.ParseFlowKind(*kind); err != nil {
		return err
	}
	if c.Channel, err = model.ParseChannel(*channel); err != nil {
		return err
	}
	if c.Severity, err = model.ParseSeverity(*severity); err != nil {
		return err
	}
	r := resolver{ctx: ctx, s: s}
	cust, err := s.FindCustomer(ctx, *customer)
	if err != nil {
		return err
	}
	c.CustomerID = cust.ID
	if c.ContractID, err = r.contract(cust, *contract, time.Now()); err != nil {
		return err
	}
	if *site != "" || ticket.NeedsSite(c.Kind) {
		if c.SiteID, err = r.site(cust, *site); err != nil {
			return err
		}
	}
	if *system != "" {
		if c.SystemID, err = r.system(cust, *system); err != nil {
			return err
		}
	}
	if *requester != "" {
		if c.RequesterID, err = r.contact(cust, *requester); err != nil {
			return err
		}
	}
	if *assignee != "" {
		u, err := s.FindUser(ctx, *assignee)
		if err != nil {
			return err
		}
		c.AssigneeID = u.ID
	}
	if *reported != "" {
		if c.ReportedAt, err = parseUserTime(*reported); err != nil {
			return err
		}
	}
	res, err := a.execute(ctx, c)
	if err != nil {
		return err
	}
	return a.reportTicket(ctx, res, *asJSON, "Recorded ticket %s")
}

func (a *App) reportTicket(ctx context.Context, res db.Result, asJSON bool, msg string) error {
	st := res.State.(*ticket.State)
	if asJSON {
		return a.printTicket(ctx, a.session.Store, st.ID, true)
	}
	fmt.Fprintf(a.Stdout, a.session.Lang.T(msg)+"\n", st.Number)
	return nil
}

// editFieldNames maps what people type to the ticket's field names.
var editFieldNames = map[string]string{
	"title": "title", "description": "description", "severity": "severity", "channel": "channel",
	"site": "site_id", "site_id": "site_id", "system": "system_id", "system_id": "system_id",
	"requester": "requester_id", "requester_id": "requester_id", "on_site": "on_site", "on-site": "on_site",
}

func (a *App) ticketEdit(ctx context.Context, args []string) error {
	fs := a.flagSet("ticket edit", ticketUsage)
	asJSON := fs.Bool("json", false, "")
	rest, err := a.parseArgs(fs, args, ticketUsage, false)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		return usageErr(ticketUsage, "ticket edit takes a ticket and at least one FIELD=VALUE")
	}
	s, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	d, err := s.Ticket(ctx, id, a.session.Lang.Code())
	if err != nil {
		return err
	}
	cust := model.Customer{ID: d.CustomerID, Name: d.CustomerName}
	r := resolver{ctx: ctx, s: s}
	fields := map[string]string{}
	for _, kv := range rest[1:] {
		k, v, ok := strings.Cut(kv, "=")
		name, known := editFieldNames[strings.TrimSpace(k)]
		if !ok || !known {
			return usageErr(ticketUsage, "%q is not FIELD=VALUE with FIELD one of title, description, severity, channel, site, system, requester, on_site", kv)
		}
		switch name {
		case "site_id", "system_id", "requester_id":
			var ref model.ID
			if v != "" {
				switch name {
				case "site_id":
					ref, err = r.site(cust, v)
				case "system_id":
					ref, err = r.system(cust, v)
				default:
					ref, err = r.contact(cust, v)
				}
				if err != nil {
					return err
				}
				v = ref.String()
			}
		}
		fields[name] = v
	}
	res, err := a.execute(ctx, ticket.Edit{ID: id, Fields: fields})
	if err != nil {
		return err
	}
	return a.reportTicket(ctx, res, *asJSON, "Saved: %s")
}

func (a *App) ticketAssign(ctx context.Context, args []string) error {
	fs := a.flagSet("ticket assign", ticketUsage)
	asJSON := fs.Bool("json", false, "")
	rest, err := a.parseArgs(fs, args, ticketUsage, false)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usageErr(ticketUsage, "ticket assign takes a ticket and a login (or - for nobody)")
	}
	s, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	cmd := ticket.Assign{ID: id}
	if rest[1] != "-" {
		u, err := s.FindUser(ctx, rest[1])
		if err != nil {
			return err
		}
		cmd.AssigneeID = u.ID
	}
	res, err := a.execute(ctx, cmd)
	if err != nil {
		return err
	}
	return a.reportTicket(ctx, res, *asJSON, "Saved: %s")
}

func (a *App) ticketComment(ctx context.Context, args []string) error {
	fs := a.flagSet("ticket comment", ticketUsage)
	asJSON := fs.Bool("json", false, "")
	rest, err := a.parseArgs(fs, args, ticketUsage, false)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		return usageErr(ticketUsage, "ticket comment takes a ticket and the comment text")
	}
	_, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	res, err := a.execute(ctx, ticket.Comment{ID: id, Text: strings.Join(rest[1:], " ")})
	if err != nil {
		return err
	}
	return a.reportTicket(ctx, res, *asJSON, "Saved: %s")
}

// zoneOf loads a time zone by name, falling back to the local zone.
func zoneOf(name string) *time.Location {
	if loc, err := model.LoadZone(name); err == nil && name != "" {
		return loc
	}
	return time.Local
}
