package cli

import (
	"context"
	"flag"
	"strings"
	"time"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// ticketNew is `yunwei ticket new`.
type ticketNew struct {
	kind, title, customer, contract, site, system string
	channel, severity, requester, description     string
	reported, assignee                            string
	onSite, json                                  bool
}

func (c *ticketNew) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.kind, "kind", "", "the ticket's kind `K` (required; see Kinds above)")
	fs.StringVar(&c.title, "title", "", "the title `T`")
	fs.StringVar(&c.customer, "customer", "", "the customer `C`: name, short name or id (required)")
	fs.StringVar(&c.contract, "contract", "", "the contract number `N` (default: the one in force today)")
	fs.StringVar(&c.site, "site", "", "the site `S`, by name or part of it (not needed for staff_change and overtime, nor when the customer has one site)")
	fs.StringVar(&c.system, "system", "", "the system `S` concerned")
	fs.StringVar(&c.channel, "channel", "phone", "the `CHANNEL` it was reported by: phone, email, fax, remote or on_site")
	fs.StringVar(&c.severity, "severity", "3", "the `SEVERITY`, from 1 (the most urgent) to 4")
	fs.StringVar(&c.requester, "requester", "", "the customer person who reported it, `NAME`")
	fs.StringVar(&c.description, "description", "", "the description `D`")
	fs.StringVar(&c.reported, "reported-at", "", "when it was reported, `TIME`: 2026-11-27 09:30 in the contract's time zone, or RFC 3339 (default: now)")
	fs.StringVar(&c.assignee, "assignee", "", "assign it to the vendor user `LOGIN`")
	fs.BoolVar(&c.onSite, "on-site", false, "the work needs someone on site")
	jsonFlag(fs, &c.json, "print the ticket recorded as JSON (stable field names; see README)")
}

func (c *ticketNew) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) > 0 {
		return a.wrong("unexpected argument %q: put the title in --title \"…\"", rest[0])
	}
	if c.kind == "" || c.customer == "" {
		return a.wrong("ticket new needs --kind and --customer")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	cmd := ticket.Create{ID: model.NewID(), Title: c.title, Description: c.description, OnSite: c.onSite}
	if cmd.Kind, err = ticket.ParseFlowKind(c.kind); err != nil {
		return err
	}
	if cmd.Channel, err = model.ParseChannel(c.channel); err != nil {
		return err
	}
	if cmd.Severity, err = model.ParseSeverity(c.severity); err != nil {
		return err
	}
	r := resolver{ctx: ctx, s: s}
	cust, err := s.FindCustomer(ctx, c.customer)
	if err != nil {
		return err
	}
	cmd.CustomerID = cust.ID
	// The contract is the one named, else the one in force on the day the
	// request was raised; the typed time is read in its calendar's zone, as
	// the terminal UI's form reads it, never in the laptop's.
	day, onDay := time.Now(), ""
	if c.reported != "" {
		if day, err = parseUserTime(c.reported, model.DefaultZone()); err != nil {
			return err
		}
		onDay = day.In(model.DefaultZone()).Format(time.DateOnly)
	}
	if cmd.ContractID, err = r.contractOn(cust, c.contract, day, onDay); err != nil {
		return err
	}
	if c.reported != "" {
		if cmd.ReportedAt, err = parseUserTime(c.reported, r.zone(cmd.ContractID)); err != nil {
			return err
		}
	}
	if c.site != "" || ticket.NeedsSite(cmd.Kind) {
		if cmd.SiteID, err = r.site(cust, c.site); err != nil {
			return err
		}
	}
	if c.system != "" {
		if cmd.SystemID, err = r.system(cust, c.system); err != nil {
			return err
		}
	}
	if c.requester != "" {
		if cmd.RequesterID, err = r.contact(cust, c.requester); err != nil {
			return err
		}
	}
	if c.assignee != "" {
		u, err := s.FindUser(ctx, c.assignee)
		if err != nil {
			return err
		}
		cmd.AssigneeID = u.ID
	}
	res, err := a.execute(ctx, cmd)
	if err != nil {
		return err
	}
	return a.reportTicket(ctx, res, c.json, "Recorded ticket %s")
}

// editFieldNames maps what people type to the ticket's field names.
var editFieldNames = map[string]string{
	"title": "title", "description": "description", "severity": "severity", "channel": "channel",
	"site": "site_id", "site_id": "site_id", "system": "system_id", "system_id": "system_id",
	"requester": "requester_id", "requester_id": "requester_id", "on_site": "on_site", "on-site": "on_site",
	"reported": "reported_at", "reported_at": "reported_at", "reported-at": "reported_at",
}

// ticketEdit is `yunwei ticket edit`.
type ticketEdit struct{ json bool }

func (c *ticketEdit) flags(fs *flag.FlagSet) {
	jsonFlag(fs, &c.json, "print the ticket after the change as JSON (stable field names; see README)")
}

func (c *ticketEdit) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) < 2 {
		return a.wrong("ticket edit takes a ticket and at least one FIELD=VALUE")
	}
	s, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	d, err := s.Ticket(ctx, id)
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
			return a.wrong("%q is not FIELD=VALUE with FIELD one of title, description, severity, channel, site, system, requester, on_site, reported_at", kv)
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
	return a.reportTicket(ctx, res, c.json, "Saved: %s")
}

// ticketAssign is `yunwei ticket assign`.
type ticketAssign struct{ json bool }

func (c *ticketAssign) flags(fs *flag.FlagSet) {
	jsonFlag(fs, &c.json, "print the ticket after the change as JSON (stable field names; see README)")
}

func (c *ticketAssign) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) != 2 {
		return a.wrong("ticket assign takes a ticket and a login (or - for nobody)")
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
	return a.reportTicket(ctx, res, c.json, "Saved: %s")
}

// ticketComment is `yunwei ticket comment`.
type ticketComment struct{ json bool }

func (c *ticketComment) flags(fs *flag.FlagSet) {
	jsonFlag(fs, &c.json, "print the ticket after the change as JSON (stable field names; see README)")
}

func (c *ticketComment) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) < 2 {
		return a.wrong("ticket comment takes a ticket and the comment text")
	}
	_, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	res, err := a.execute(ctx, ticket.Comment{ID: id, Text: strings.Join(rest[1:], " ")})
	if err != nil {
		return err
	}
	return a.reportTicket(ctx, res, c.json, "Saved: %s")
}
