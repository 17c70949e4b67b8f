package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"yunwei/db"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/ui/text"
)

var siteCommands = []command{
	{group: "site", name: "list", usage: "--customer C [--json]",
		summary: "list a customer's sites", new: func() action { return new(siteList) }},
	{group: "site", name: "add", usage: "--customer C --name N [--address A] [--json]",
		summary: "add a site to a customer", new: func() action { return new(siteAdd) }},
}

// listOfCustomer runs a `… list --customer C` command: what fetch finds
// of the customer, a line each (line), or as JSON.
func listOfCustomer[T any](ctx context.Context, a *App, customer string, asJSON bool, fetch func(*db.Store, context.Context, model.ID) ([]T, error), line func(T) string) error {
	s, cust, err := a.openCustomer(ctx, customer)
	if err != nil {
		return err
	}
	items, err := fetch(s, ctx, cust.ID)
	if err != nil {
		return err
	}
	lines := make([]string, len(items))
	for i, v := range items {
		lines[i] = line(v)
	}
	return a.report(asJSON, nonNilList(items), strings.Join(lines, "\n"))
}

// customerFlag is --customer for the commands that need one.
func customerFlag(fs *flag.FlagSet, v *string) {
	fs.StringVar(v, "customer", "", "the customer `C` (name, short name or id; required)")
}

// siteList is `yunwei site list`.
type siteList struct {
	customer string
	json     bool
}

func (c *siteList) flags(fs *flag.FlagSet) {
	customerFlag(fs, &c.customer)
	fs.BoolVar(&c.json, "json", false, "print the sites as JSON")
}

func (c *siteList) run(ctx context.Context, a *App, _ []string) error {
	return listOfCustomer(ctx, a, c.customer, c.json, (*db.Store).Sites, func(v model.Site) string {
		return fmt.Sprintf("%s  %s", v.ID.Short(), text.Sanitize(v.Name, false))
	})
}

// siteAdd is `yunwei site add`.
type siteAdd struct {
	customer, name, address string
	json                    bool
}

func (c *siteAdd) flags(fs *flag.FlagSet) {
	customerFlag(fs, &c.customer)
	fs.StringVar(&c.name, "name", "", "the site's name `N`")
	fs.StringVar(&c.address, "address", "", "the address `A`")
	fs.BoolVar(&c.json, "json", false, "print the site saved as JSON")
}

func (c *siteAdd) run(ctx context.Context, a *App, _ []string) error {
	_, cust, err := a.openCustomer(ctx, c.customer)
	if err != nil {
		return err
	}
	v := model.Site{ID: model.NewID(), CustomerID: cust.ID, Name: c.name, Address: c.address}
	if _, err := a.execute(ctx, directory.SaveSite{Site: v}); err != nil {
		return err
	}
	return a.report(c.json, v, a.session.Lang.Tf("Saved: %s", v.Name))
}
