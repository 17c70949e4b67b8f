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

var contactCommands = []command{
	{group: "contact", name: "list", usage: "--customer C [--json]",
		summary: "list a customer's people", new: func() action { return new(contactList) }},
	{group: "contact", name: "add", usage: "--customer C --name N --roles requester,dept_head,leadership " +
		"[--department D] [--phone P] [--email E] [--json]",
		summary: "add a customer person", new: func() action { return new(contactAdd) }},
	{group: "contact", name: "edit", usage: "CONTACT --customer C [--name N] [--roles requester,dept_head,leadership] " +
		"[--department D] [--phone P] [--email E] [--json]",
		summary: "change a customer person, or the roles they decide in", new: func() action { return new(contactEdit) }},
}

// contactList is `yunwei contact list`.
type contactList struct {
	customer string
	json     bool
}

func (c *contactList) flags(fs *flag.FlagSet) {
	customerFlag(fs, &c.customer)
	fs.BoolVar(&c.json, "json", false, "print the contacts as JSON")
}

func (c *contactList) run(ctx context.Context, a *App, _ []string) error {
	return listOfCustomer(ctx, a, c.customer, c.json, (*db.Store).Contacts, func(v model.Contact) string {
		return fmt.Sprintf("%s  %s  %s  %s", v.ID.Short(), text.Pad(text.Sanitize(v.Name, false), 8), text.Pad(text.Sanitize(v.Department, false), 12), roleLabels(v.Roles, a.session.Lang.Code()))
	})
}

// contactAdd is `yunwei contact add`.
type contactAdd struct {
	customer, name, roles, department, phone, email string
	json                                            bool
}

func (c *contactAdd) flags(fs *flag.FlagSet) {
	customerFlag(fs, &c.customer)
	fs.StringVar(&c.name, "name", "", "the person's name `N`")
	fs.StringVar(&c.roles, "roles", "", "their `ROLES` in the flows, comma-separated: requester, dept_head, leadership")
	fs.StringVar(&c.department, "department", "", "their department `D`")
	fs.StringVar(&c.phone, "phone", "", "their phone number `P`")
	fs.StringVar(&c.email, "email", "", "their email address `E`")
	fs.BoolVar(&c.json, "json", false, "print the contact saved as JSON")
}

func (c *contactAdd) run(ctx context.Context, a *App, _ []string) error {
	_, cust, err := a.openCustomer(ctx, c.customer)
	if err != nil {
		return err
	}
	rs, err := parseRoles(c.roles)
	if err != nil {
		return err
	}
	v := model.Contact{ID: model.NewID(), CustomerID: cust.ID, Name: c.name, Department: c.department, Phone: c.phone, Email: c.email, Roles: rs}
	if _, err := a.execute(ctx, directory.SaveContact{Contact: v}); err != nil {
		return err
	}
	return a.report(c.json, v, a.session.Lang.Tf("Saved: %s", v.Name))
}

// contactEdit is `yunwei contact edit`. A contact given a deciding role
// after a ticket was raised is marked on every decision they take on it
// (ticket.LateRole).
type contactEdit struct {
	contactAdd
}

func (c *contactEdit) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) != 1 {
		return a.wrong("contact edit takes the contact's name or id")
	}
	s, cust, err := a.openCustomer(ctx, c.customer)
	if err != nil {
		return err
	}
	id, err := (resolver{ctx: ctx, s: s}).contact(cust, rest[0])
	if err != nil {
		return err
	}
	cs, err := s.Contacts(ctx, cust.ID)
	if err != nil {
		return err
	}
	var v model.Contact
	for _, x := range cs {
		if x.ID == id {
			v = x
		}
	}
	if c.roles != "" {
		if v.Roles, err = parseRoles(c.roles); err != nil {
			return err
		}
	}
	setIf(&v.Name, c.name)
	setIf(&v.Department, c.department)
	setIf(&v.Phone, c.phone)
	setIf(&v.Email, c.email)
	if _, err := a.execute(ctx, directory.SaveContact{Contact: v}); err != nil {
		return err
	}
	return a.report(c.json, v, a.session.Lang.Tf("Saved: %s", v.Name))
}
