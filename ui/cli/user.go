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

var userCommands = []command{
	{group: "user", name: "list", usage: "[--json]",
		summary: "list the vendor users", new: func() action { return new(userList) }},
	{group: "user", name: "add", usage: "--login L --name N --roles engineer,req_lead,developer,tech_lead,admin " +
		"[--phone P] [--email E] [--json]",
		summary: "add a vendor user (admin; anyone on an empty database)", new: func() action { return new(userAdd) }},
	{group: "user", name: "use", usage: "LOGIN [--json]",
		summary: "make a user this laptop's profile user", new: func() action { return new(userUse) }},
	{group: "user", name: "whoami", usage: "[--json]",
		summary: "say who acts: --as, else the profile user", new: func() action { return new(userWhoami) }},
}

// userAbout is what the user commands' help says.
const userAbout = directoryAbout + "\n`user add` on an empty database creates its first user, who becomes " +
	"this laptop's profile user and an admin. `user use LOGIN` sets the profile user."

// userList is `yunwei user list`.
type userList struct{ json bool }

func (c *userList) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the users as JSON")
}

func (c *userList) run(ctx context.Context, a *App, _ []string) error {
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	us, err := s.Users(ctx)
	if err != nil {
		return err
	}
	lines := make([]string, len(us))
	for i, u := range us {
		lines[i] = fmt.Sprintf("%s  %s  %s", text.Pad(u.Login, 10), text.Pad(text.Sanitize(u.Name, false), 8), roleLabels(u.Roles, a.session.Lang.Code()))
	}
	return a.report(c.json, nonNilList(us), strings.Join(lines, "\n"))
}

// userAdd is `yunwei user add`.
type userAdd struct {
	login, name, roles, phone, email string
	json                             bool
}

func (c *userAdd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.login, "login", "", "the login `L` (--as and assignments name users by it)")
	fs.StringVar(&c.name, "name", "", "the user's name `N`")
	fs.StringVar(&c.roles, "roles", "", "their `ROLES`, comma-separated: engineer, req_lead, developer, tech_lead, admin")
	fs.StringVar(&c.phone, "phone", "", "their phone number `P`")
	fs.StringVar(&c.email, "email", "", "their email address `E`")
	fs.BoolVar(&c.json, "json", false, "print the user saved as JSON")
}

// run adds a vendor user; the first user of an empty DB creates
// themselves and becomes the laptop's profile user.
func (c *userAdd) run(ctx context.Context, a *App, _ []string) error {
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	rs, err := parseRoles(c.roles)
	if err != nil {
		return err
	}
	v := model.User{ID: model.NewID(), Login: strings.ToLower(c.login), Name: c.name, Phone: c.phone, Email: c.email, Roles: rs}
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
	return a.report(c.json, saved, a.session.Lang.Tf("Saved: %s", saved.Name))
}

// userUse is `yunwei user use`.
type userUse struct{ json bool }

func (c *userUse) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the profile user as JSON")
}

func (c *userUse) run(ctx context.Context, a *App, rest []string) error {
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return a.wrong("user use takes a login")
	}
	u, err := s.FindUser(ctx, rest[0])
	if err != nil {
		return err
	}
	if err := s.SetProfile(ctx, u.ID); err != nil {
		return err
	}
	return a.report(c.json, u, a.session.Lang.Tf("Saved: %s", u.Name))
}

// userWhoami is `yunwei user whoami`.
type userWhoami struct{ json bool }

func (c *userWhoami) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the acting user as JSON")
}

func (c *userWhoami) run(ctx context.Context, a *App, _ []string) error {
	if _, err := a.open(ctx); err != nil {
		return err
	}
	u, err := a.actor(ctx)
	if err != nil {
		return err
	}
	return a.report(c.json, u, fmt.Sprintf("%s (%s) %s", u.Name, u.Login, roleLabels(u.Roles, a.session.Lang.Code())))
}
