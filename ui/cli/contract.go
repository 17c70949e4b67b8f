package cli

import (
	"context"
	"flag"
	"strings"
	"time"

	"yunwei/db"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

var contractCommands = []command{
	{group: "contract", name: "list", usage: "[--customer C] [--on YYYY-MM-DD] [--json]",
		summary: "list the contracts", new: func() action { return new(contractList) }},
	{group: "contract", name: "add", usage: "--customer C --number N --start YYYY-MM-DD --end YYYY-MM-DD " +
		"[--engineers login,login] [--quota-days 30] [--drawn-signatures yes|no] [--json]",
		summary: "add a service contract with a 5×8 calendar (admin)", new: func() action { return &contractSave{} }},
	{group: "contract", name: "edit", usage: "CONTRACT --customer C [--number N] [--start YYYY-MM-DD] [--end YYYY-MM-DD] " +
		"[--engineers login,login] [--quota-days N] [--drawn-signatures yes|no] [--json]",
		summary: "change a contract (admin)", new: func() action { return &contractSave{edit: true} }},
}

// contractList is `yunwei contract list`.
type contractList struct {
	customer string
	on       string
	json     bool
}

func (c *contractList) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.customer, "customer", "", "only the contracts of customer `C` (name, short name or id)")
	fs.StringVar(&c.on, "on", "", "who serves each contract on `DATE` (YYYY-MM-DD), after the staff changes approved (default: today)")
	fs.BoolVar(&c.json, "json", false, "print the contracts as JSON")
}

func (c *contractList) run(ctx context.Context, a *App, _ []string) error {
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	var id model.ID
	if c.customer != "" {
		k, err := a.customerOf(ctx, s, c.customer)
		if err != nil {
			return err
		}
		id = k.ID
	}
	cs, err := s.Contracts(ctx, id)
	if err != nil {
		return err
	}
	users, err := s.Users(ctx)
	if err != nil {
		return err
	}
	names := map[model.ID]string{}
	for _, u := range users {
		names[u.ID] = u.Name
	}
	if c.on != "" {
		if _, err := time.Parse(time.DateOnly, c.on); err != nil {
			return a.wrong("--on takes a date as YYYY-MM-DD, got %q", c.on)
		}
	}
	L := a.session.Lang
	lines := make([]string, len(cs))
	out := make([]contractJSON, len(cs))
	for i, k := range cs {
		// seed §2.4: who serves on the day, after the staff changes approved.
		day := c.on
		if day == "" {
			day = time.Now().In(common.Zone(contractZone(ctx, s, k))).Format(time.DateOnly)
		}
		serving, err := s.EngineersOn(ctx, k, day)
		if err != nil {
			return err
		}
		out[i] = contractJSON{Contract: k, On: day, Serving: nonNilList(serving)}
		lines[i] = L.Tf("%s  %s  %s…%s  %s  quota %d person-days", k.ID.Short(), text.Pad(text.Sanitize(k.Number, false), 18), k.StartDate, k.EndDate, k.SupportHours, k.QuotaDays)
		if k.RequireDrawnSignature {
			lines[i] += "  " + L.T("drawn signatures only")
		}
		if len(serving) > 0 {
			who := make([]string, len(serving))
			for j, id := range serving {
				who[j] = text.Sanitize(names[id], false)
			}
			lines[i] += "  " + L.Tf("engineers on %s: %s", day, strings.Join(who, ", "))
		}
	}
	return a.report(c.json, out, strings.Join(lines, "\n"))
}

// contractJSON is a contract as contract list --json shows it: the
// contract, with its engineers as recorded, and who serves it on the day
// asked for (serving, on): its engineers with the staff changes approved
// by then applied (seed §2.4).
type contractJSON struct {
	model.Contract
	On      string     `json:"on"`
	Serving []model.ID `json:"serving"`
}

// contractZone is the time zone of the contract's calendar, "" when it
// names none.
func contractZone(ctx context.Context, s *db.Store, k model.Contract) string {
	cal, err := s.Calendar(ctx, k.CalendarID)
	if err != nil {
		return ""
	}
	return cal.TimeZone
}

// contractSave is `yunwei contract add` and, with edit, `contract edit`.
type contractSave struct {
	edit                  bool
	customer, number      string
	start, end, engineers string
	quota                 int
	drawn                 string // --drawn-signatures: yes, no, or not given
	json                  bool
	fs                    *flag.FlagSet // to tell a --quota-days given from its default
}

func (c *contractSave) flags(fs *flag.FlagSet) {
	c.fs = fs
	customerFlag(fs, &c.customer)
	fs.StringVar(&c.number, "number", "", "the contract number `N`")
	fs.StringVar(&c.start, "start", "", "the `DATE` it starts, as YYYY-MM-DD")
	fs.StringVar(&c.end, "end", "", "the `DATE` it ends (its last day), as YYYY-MM-DD")
	fs.StringVar(&c.engineers, "engineers", "", "the vendor users serving it, by `LOGINS`, comma-separated")
	fs.IntVar(&c.quota, "quota-days", model.DefaultQuotaDays, "the yearly enhancement quota, `N` person-days")
	fs.StringVar(&c.drawn, "drawn-signatures", "", "`yes`: the customer signs its tickets' decisions by drawing, typed names are refused; no: typed names will do")
	fs.BoolVar(&c.json, "json", false, "print the contract saved as JSON")
}

func (c *contractSave) run(ctx context.Context, a *App, rest []string) error {
	s, cust, err := a.openCustomer(ctx, c.customer)
	if err != nil {
		return err
	}
	v := model.Contract{ID: model.NewID(), CustomerID: cust.ID, SupportHours: "5x8", SLA: model.DefaultSLA(), QuotaDays: c.quota}
	if c.edit {
		if len(rest) != 1 {
			return a.wrong("contract edit takes the contract number or id")
		}
		id, err := (resolver{ctx: ctx, s: s}).contract(cust, rest[0], time.Now())
		if err != nil {
			return err
		}
		if v, err = s.Contract(ctx, id); err != nil {
			return err
		}
		if given(c.fs, "quota-days") {
			v.QuotaDays = c.quota
		}
	} else {
		cal := model.Default5x8(model.NewID(), cust.Name+" 5×8")
		if _, err := a.execute(ctx, directory.SaveCalendar{Calendar: cal}); err != nil {
			return err
		}
		v.CalendarID = cal.ID
	}
	if c.drawn != "" {
		if v.RequireDrawnSignature, err = parseYesNo("--drawn-signatures", c.drawn); err != nil {
			return err
		}
	}
	setIf(&v.Number, c.number)
	setIf(&v.StartDate, c.start)
	setIf(&v.EndDate, c.end)
	if c.engineers != "" {
		v.Engineers = nil
		for _, l := range strings.Split(c.engineers, ",") {
			u, err := s.FindUser(ctx, l)
			if err != nil {
				return err
			}
			v.Engineers = append(v.Engineers, u.ID)
		}
	}
	if _, err := a.execute(ctx, directory.SaveContract{Contract: v}); err != nil {
		return err
	}
	return a.report(c.json, v, a.session.Lang.Tf("Saved: %s", v.Number))
}
