package cli

import (
	"context"
	"flag"
	"fmt"

	"yunwei/db"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/ui/text"
)

var systemCommands = []command{
	{group: "system", name: "list", usage: "--customer C [--json]",
		summary: "list a customer's systems", new: func() action { return new(systemList) }},
	{group: "system", name: "add", usage: "--customer C --site S --name N [--version V] [--json]",
		summary: "add a system at a customer's site", new: func() action { return new(systemAdd) }},
}

// systemList is `yunwei system list`.
type systemList struct {
	customer string
	json     bool
}

func (c *systemList) flags(fs *flag.FlagSet) {
	customerFlag(fs, &c.customer)
	fs.BoolVar(&c.json, "json", false, "print the systems as JSON")
}

func (c *systemList) run(ctx context.Context, a *App, _ []string) error {
	return listOfCustomer(ctx, a, c.customer, c.json, (*db.Store).Systems, func(v model.System) string {
		return fmt.Sprintf("%s  %s %s", v.ID.Short(), text.Sanitize(v.Name, false), text.Sanitize(v.Version, false))
	})
}

// systemAdd is `yunwei system add`.
type systemAdd struct {
	customer, site, name, version string
	json                          bool
}

func (c *systemAdd) flags(fs *flag.FlagSet) {
	customerFlag(fs, &c.customer)
	fs.StringVar(&c.site, "site", "", "the site `S` it runs at (name or part of it; may be left out when the customer has one)")
	fs.StringVar(&c.name, "name", "", "the system's name `N`")
	fs.StringVar(&c.version, "version", "", "its version `V`")
	fs.BoolVar(&c.json, "json", false, "print the system saved as JSON")
}

func (c *systemAdd) run(ctx context.Context, a *App, _ []string) error {
	s, cust, err := a.openCustomer(ctx, c.customer)
	if err != nil {
		return err
	}
	siteID, err := (resolver{ctx: ctx, s: s}).site(cust, c.site)
	if err != nil {
		return err
	}
	v := model.System{ID: model.NewID(), CustomerID: cust.ID, SiteID: siteID, Name: c.name, Version: c.version}
	if _, err := a.execute(ctx, directory.SaveSystem{System: v}); err != nil {
		return err
	}
	return a.report(c.json, v, a.session.Lang.Tf("Saved: %s", v.Name))
}
