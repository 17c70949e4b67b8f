package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"yunwei/db"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/ui/text"
)

var directoryUsage = joinLines(
	"Usage:",
	"  yunwei customer list | add --name N [--short S] [--address A] | edit CUSTOMER [--name …]",
	"  yunwei contract list [--customer C] | add --customer C --number N --start YYYY-MM-DD --end YYYY-MM-DD",
	"                  [--engineers login,login] [--quota-days 30] | edit CONTRACT --customer C [same options]",
	"  yunwei site     list --customer C | add --customer C --name N [--address A]",
	"  yunwei system   list --customer C | add --customer C --site S --name N [--version V]",
	"  yunwei contact  list --customer C | add --customer C --name N --roles requester,dept_head,leadership",
	"                  [--department D] [--phone P] [--email E]",
	"  yunwei user     list | add --login L --name N --roles engineer,req_lead,developer,tech_lead,admin",
	"                  [--phone P] [--email E] | use LOGIN | whoami",
	"",
	"All take --json. `user add` on an empty database creates its first user, who becomes",
	"this laptop's profile user and an admin. `user use LOGIN` sets the profile user.",
)

func (a *App) directory(ctx context.Context, what string, args []string) error {
	if len(args) > 0 && isHelp(args[0]) {
		return &helpRequest{usage: directoryUsage}
	}
	if len(args) == 0 {
		return usageErr(directoryUsage, "%s needs a subcommand: list, add or edit", what)
	}
	sub, args := args[0], args[1:]
	fs := a.flagSet(what+" "+sub, directoryUsage)
	asJSON := fs.Bool("json", false, "")
	name := fs.String("name", "", "")
	short := fs.String("short", "", "")
	address := fs.String("address", "", "")
	customer := fs.String("customer", "", "")
	number := fs.String("number", "", "")
	start := fs.String("start", "", "")
	end := fs.String("end", "", "")
	engineers := fs.String("engineers", "", "")
	quota := fs.Int("quota-days", model.DefaultQuotaDays, "")
	site := fs.String("site", "", "")
	version := fs.String("version", "", "")
	roles := fs.String("roles", "", "")
	department := fs.String("department", "", "")
	phone := fs.String("phone", "", "")
	email := fs.String("email", "", "")
	login := fs.String("login", "", "")
	rest, err := a.parseArgs(fs, args, directoryUsage, false)
	if err != nil {
		return err
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	out := func(v any, line string) error {
		if *asJSON {
			enc := json.NewEncoder(a.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(v)
		}
		_, err := fmt.Fprintln(a.Stdout, line)
		return err
	}
	cust := func() (model.Customer, error) {
		if *customer == "" {
			return model.Customer{}, usageErr(directoryUsage, "%s %s needs --customer", what, sub)
		}
		return s.FindCustomer(ctx, *customer)
	}
	switch what + " " + sub {
	case "customer list":
		cs, err := s.Customers(ctx)
		if err != nil {
			return err
		}
		lines := make([]string, len(cs))
		for i, c := range cs {
			lines[i] = fmt.Sprintf("%s  %s  %s", c.ID.Short(), text.Pad(text.Sanitize(c.ShortName, false), 10), text.Sanitize(c.Name, false))
		}
		return out(nonNilList(cs), strings.Join(lines, "\n"))
	case "customer add", "customer edit":
		v := model.Customer{ID: model.NewID()}
		if sub == "edit" {
			if len(rest) != 1 {
				return usageErr(directoryUsage, "customer edit takes the customer's name or id")
			}
			if v, err = s.FindCustomer(ctx, rest[0]); err != nil {
				return err
			}
		}
		setIf(&v.Name, *name)
		setIf(&v.ShortName, *short)
		setIf(&v.Address, *address)
		if _, err := a.execute(ctx, directory.SaveCustomer{Customer: v}); err != nil {
			return err
		}
		return out(v, a.session.Lang.Tf("Saved: %s", v.Name))
	case "contract list":
		var id model.ID
		if *customer != "" {
			c, err := cust()
			if err != nil {
				return err
			}
			id = c.ID
		}
		cs, err := s.Contracts(ctx, id)
		if err != nil {
			return err
		}
		lines := make([]string, len(cs))
		for i, c := range cs {
			lines[i] = fmt.Sprintf("%s  %s  %s…%s  %s  quota %d person-days", c.ID.Short(), text.Pad(text.Sanitize(c.Number, false), 18), c.StartDate, c.EndDate, c.SupportHours, c.QuotaDays)
		}
		return out(nonNilList(cs), strings.Join(lines, "\n"))
	case "contract add", "contract edit":
		c, err := cust()
		if err != nil {
			return err
		}
		v := model.Contract{ID: model.NewID(), CustomerID: c.ID, SupportHours: "5x8", SLA: model.DefaultSLA(), QuotaDays: *quota}
		if sub == "edit" {
			if len(rest) != 1 {
				return usageErr(directoryUsage, "contract edit takes the contract number or id")
			}
			id, err := (resolver{ctx: ctx, s: s}).contract(c, rest[0], time.Now())
			if err != nil {
				return err
			}
			if v, err = s.Contract(ctx, id); err != nil {
				return err
			}
			if flagSet(fs, "quota-days") {
				v.QuotaDays = *quota
			}
		} else {
			cal := model.Default5x8(model.NewID(), c.Name+" 5×8")
			if _, err := a.execute(ctx, directory.SaveCalendar{Calendar: cal}); err != nil {
				return err
			}
			v.CalendarID = cal.ID
		}
		setIf(&v.Number, *number)
		setIf(&v.StartDate, *start)
		setIf(&v.EndDate, *end)
		if *engineers != "" {
			v.Engineers = nil
			for _, l := range strings.Split(*engineers, ",") {
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
		return out(v, a.session.Lang.Tf("Saved: %s", v.Number))
	case "site list", "system list", "contact list":
		c, err := cust()
		if err != nil {
			return err
		}
		var lines []string
		var list any
		switch what {
		case "site":
			ss, err := s.Sites(ctx, c.ID)
			if err != nil {
				return err
			}
			for _, v := range ss {
				lines = append(lines, fmt.Sprintf("%s  %s", v.ID.Short(), text.Sanitize(v.Name, false)))
			}
			list = nonNilList(ss)
		case "system":
			ss, err := s.Systems(ctx, c.ID)
			if err != nil {
				return err
			}
			for _, v := range ss {
				lines = append(lines, fmt.Sprintf("%s  %s %s", v.ID.Short(), text.Sanitize(v.Name, false), text.Sanitize(v.Version, false)))
			}
			list = nonNilList(ss)
		default:
			cs, err := s.Contacts(ctx, c.ID)
			if err != nil {
				return err
			}
			for _, v := range cs {
				lines = append(lines, fmt.Sprintf("%s  %s  %s  %s", v.ID.Short(), text.Pad(text.Sanitize(v.Name, false), 8), text.Pad(text.Sanitize(v.Department, false), 12), roleLabels(v.Roles, a.session.Lang.Code())))
			}
			list = nonNilList(cs)
		}
		return out(list, strings.Join(lines, "\n"))
	case "site add":
		c, err := cust()
		if err != nil {
			return err
		}
		v := model.Site{ID: model.NewID(), CustomerID: c.ID, Name: *name, Address: *address}
		if _, err := a.execute(ctx, directory.SaveSite{Site: v}); err != nil {
			return err
		}
		return out(v, a.session.Lang.Tf("Saved: %s", v.Name))
	case "system add":
		c, err := cust()
		if err != nil {
			return err
		}
		siteID, err := (resolver{ctx: ctx, s: s}).site(c, *site)
		if err != nil {
			return err
		}
		v := model.System{ID: model.NewID(), CustomerID: c.ID, SiteID: siteID, Name: *name, Version: *version}
		if _, err := a.execute(ctx, directory.SaveSystem{System: v}); err != nil {
			return err
		}
		return out(v, a.session.Lang.Tf("Saved: %s", v.Name))
	case "contact add":
		c, err := cust()
		if err != nil {
			return err
		}
		rs, err := parseRoles(*roles)
		if err != nil {
			return err
		}
		v := model.Contact{ID: model.NewID(), CustomerID: c.ID, Name: *name, Department: *department, Phone: *phone, Email: *email, Roles: rs}
		if _, err := a.execute(ctx, directory.SaveContact{Contact: v}); err != nil {
			return err
		}
		return out(v, a.session.Lang.Tf("Saved: %s", v.Name))
	case "user list":
		us, err := s.Users(ctx)
		if err != nil {
			return err
		}
		lines := make([]string, len(us))
		for i, u := range us {
			lines[i] = fmt.Sprintf("%s  %s  %s", text.Pad(u.Login, 10), text.Pad(text.Sanitize(u.Name, false), 8), roleLabels(u.Roles, a.session.Lang.Code()))
		}
		return out(nonNilList(us), strings.Join(lines, "\n"))
	case "user add":
		rs, err := parseRoles(*roles)
		if err != nil {
			return err
		}
		v := model.User{ID: model.NewID(), Login: strings.ToLower(*login), Name: *name, Phone: *phone, Email: *email, Roles: rs}
		return a.addUser(ctx, s, v, out)
	case "user use":
		if len(rest) != 1 {
			return usageErr(directoryUsage, "user use takes a login")
		}
		u, err := s.FindUser(ctx, rest[0])
		if err != nil {
			return err
		}
		if err := s.SetProfile(ctx, u.ID); err != nil {
			return err
		}
		return out(u, a.session.Lang.Tf("Saved: %s", u.Name))
	case "user whoami":
		u, err := a.actor(ctx)
		if err != nil {
			return err
		}
		return out(u, fmt.Sprintf("%s (%s) %s", u.Name, u.Login, roleLabels(u.Roles, a.session.Lang.Code())))
	}
	return usageErr(directoryUsage, "unknown command %q", what+" "+sub)
}

// addUser adds a vendor user; the first user of an empty DB creates
// themselves and becomes the laptop's profile user.
func (a *App) addUser(ctx context.Context, s *db.Store, v model.User, out func(any, string) error) error {
	users, err := s.Users(ctx)
	if err != nil {
		return err
	}
	acting := db.Acting{UserID: v.ID}
	if len(users) > 0 {
		u, err := a.actor(ctx)
		if err != nil {
			return err
		}
		acting.UserID = u.ID
	}
	res, err := s.Execute(ctx, acting, directory.SaveUser{User: v})
	if err != nil {
		return err
	}
	saved := *res.State.(*model.User)
	if len(users) == 0 {
		if err := s.SetProfile(ctx, saved.ID); err != nil {
			return err
		}
	}
	return out(saved, a.session.Lang.Tf("Saved: %s", saved.Name))
}

func parseRoles(s string) (model.Roles, error) {
	var rs model.Roles
	for _, p := range strings.Split(s, ",") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		r, err := model.ParseRole(p)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

func roleLabels(rs model.Roles, lang string) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.Label(lang)
	}
	return strings.Join(parts, ", ")
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func nonNilList[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
