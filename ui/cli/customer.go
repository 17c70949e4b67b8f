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

var customerCommands = []command{
	{group: "customer", name: "list", usage: "[--json]",
		summary: "list the customers", new: func() action { return new(customerList) }},
	{group: "customer", name: "add", usage: "--name N [--short S] [--address A] [--json]",
		summary: "add a customer (admin)", new: func() action { return &customerSave{} }},
	{group: "customer", name: "edit", usage: "CUSTOMER [--name N] [--short S] [--address A] [--json]",
		summary: "change a customer's names or address (admin)", new: func() action { return &customerSave{edit: true} }},
}

// customerList is `yunwei customer list`.
type customerList struct{ json bool }

func (c *customerList) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the customers as JSON")
}

func (c *customerList) run(ctx context.Context, a *App, _ []string) error {
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	cs, err := s.Customers(ctx)
	if err != nil {
		return err
	}
	lines := make([]string, len(cs))
	for i, k := range cs {
		lines[i] = fmt.Sprintf("%s  %s  %s", k.ID.Short(), text.Pad(text.Sanitize(k.ShortName, false), 10), text.Sanitize(k.Name, false))
	}
	return a.report(c.json, nonNilList(cs), strings.Join(lines, "\n"))
}

// customerSave is `yunwei customer add` and, with edit, `customer edit`.
type customerSave struct {
	edit                 bool
	name, short, address string
	json                 bool
}

func (c *customerSave) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.name, "name", "", "the customer's full name `N`")
	fs.StringVar(&c.short, "short", "", "the short name `S` lists show")
	fs.StringVar(&c.address, "address", "", "the address `A`")
	fs.BoolVar(&c.json, "json", false, "print the customer saved as JSON")
}

func (c *customerSave) run(ctx context.Context, a *App, rest []string) error {
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	v := model.Customer{ID: model.NewID()}
	if c.edit {
		if len(rest) != 1 {
			return a.wrong("customer edit takes the customer's name or id")
		}
		if v, err = s.FindCustomer(ctx, rest[0]); err != nil {
			return err
		}
	}
	setIf(&v.Name, c.name)
	setIf(&v.ShortName, c.short)
	setIf(&v.Address, c.address)
	if _, err := a.execute(ctx, directory.SaveCustomer{Customer: v}); err != nil {
		return err
	}
	return a.report(c.json, v, a.session.Lang.Tf("Saved: %s", v.Name))
}
