package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

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
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	cust, err := a.customerOf(ctx, s, c.customer)
	if err != nil {
		return err
	}
	ss, err := s.Sites(ctx, cust.ID)
	if err != nil {
		return err
	}
	var lines []string
	for _, v := range ss {
		lines = append(lines, fmt.Sprintf("%s  %s", v.ID.Short(), text.Sanitize(v.Name, false)))
	}
	return a.report(c.json, nonNilList(ss), strings.Join(lines, "\n"))
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
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	cust, err := a.customerOf(ctx, s, c.customer)
	if err != nil {
		return err
	}
	v := model.Site{ID: model.NewID(), CustomerID: cust.ID, Name: c.name, Address: c.address}
	if _, err := a.execute(ctx, directory.SaveSite{Site: v}); err != nil {
		return err
	}
	return a.report(c.json, v, a.session.Lang.Tf("Saved: %s", v.Name))
}
