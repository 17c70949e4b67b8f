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
		"[--phone P] [--email E] [--new-passphrase-file F] [--json]",
		summary: "add a vendor user with their passphrase (admin; anyone on an empty database)",
		about:   "add a vendor user with their passphrase on this laptop (admin; anyone on an empty database). " + newPassphraseAbout,
		new:     func() action { return new(userAdd) }},
	{group: "user", name: "use", usage: "LOGIN [--json]",
		summary: "make a user this laptop's profile user (needs their passphrase)",
		about:   "make a user this laptop's profile user, who then acts without a passphrase; it needs theirs. " + givenPassphraseAbout,
		new:     func() action { return new(userUse) }},
	{group: "user", name: "passphrase", usage: "LOGIN [--new-passphrase-file F] [--json]",
		summary: "set a user's passphrase on this laptop (theirs, or an admin's, confirms it)",
		about: "set a user's passphrase on this laptop. Users set their own, confirming with the old one; an admin " +
			"sets anyone's, confirming with their own. " + givenPassphraseAbout + " " + newPassphraseAbout,
		new: func() action { return new(userPassphrase) }},
	{group: "user", name: "whoami", usage: "[--json]",
		summary: "say who acts: --as, else the profile user", new: func() action { return new(userWhoami) }},
}

// userAbout is what the user commands' help says.
const userAbout = directoryAbout + "\n`user add` on an empty database creates its first user, who becomes " +
	"this laptop's profile user and an admin. `user use LOGIN` sets the profile user.\n" +
	"Each vendor user has a passphrase on this laptop, kept as a slow hash and never synced. The profile user " +
	"acts without it; acting as anyone else, or becoming the profile user, needs theirs."

// The help of the commands that take or set a passphrase: where it comes from.
const (
	givenPassphraseAbout = "The passphrase is the first line of the file --passphrase-file names, else YUNWEI_PASSPHRASE, " +
		"else the terminal asks for it."
	newPassphraseAbout = "The new passphrase is the first line of the file --new-passphrase-file names, else " +
		"YUNWEI_NEW_PASSPHRASE, else the terminal asks for it twice; it has at least 4 characters."
)

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
	passphraseFile                   string
	json                             bool
}

func (c *userAdd) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.login, "login", "", "the login `L` (--as and assignments name users by it)")
	fs.StringVar(&c.name, "name", "", "the user's name `N`")
	fs.StringVar(&c.roles, "roles", "", "their `ROLES`, comma-separated: engineer, req_lead, developer, tech_lead, admin")
	fs.StringVar(&c.phone, "phone", "", "their phone number `P`")
	fs.StringVar(&c.email, "email", "", "their email address `E`")
	fs.StringVar(&c.passphraseFile, "new-passphrase-file", "", "read the new user's passphrase from the first line of `F` "+
		"(else YUNWEI_NEW_PASSPHRASE, else the terminal asks twice)")
	fs.BoolVar(&c.json, "json", false, "print the user saved as JSON")
}

// run adds a vendor user with their passphrase; the first user of an
// empty DB creates themselves and becomes the laptop's profile user. The
// passphrase is asked and hashed before anything is written.
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
	save := directory.SaveUser{User: v}
	if err := s.Try(ctx, acting, save); err != nil {
		return err
	}
	p, err := a.newPassphrase(ctx, c.passphraseFile, v)
	if err != nil {
		return err
	}
	h, err := db.HashPassphrase(p)
	if err != nil {
		return err
	}
	var saved model.User
	err = s.Batch(ctx, func(b *db.Batch) error {
		res, err := b.Execute(acting, save)
		if err != nil {
			return err
		}
		saved = *res.State.(*model.User)
		return b.SetPassphrase(saved.ID, h)
	})
	if err != nil {
		return err
	}
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
	// Becoming the profile user is acting as them from now on: it needs
	// their passphrase, unless they already are.
	if profile, err := s.Profile(ctx); err != nil || profile.ID != u.ID {
		if err := a.unlock(ctx, s, u); err != nil {
			return err
		}
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

// userPassphrase is `yunwei user passphrase LOGIN`.
type userPassphrase struct {
	file string
	json bool
}

func (c *userPassphrase) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.file, "new-passphrase-file", "", "read the new passphrase from the first line of `F` "+
		"(else YUNWEI_NEW_PASSPHRASE, else the terminal asks twice)")
	fs.BoolVar(&c.json, "json", false, "print the user whose passphrase was set as JSON")
}

// run sets LOGIN's passphrase on this laptop. Users set their own,
// confirming with the old one if they had one; an admin sets anyone's,
// confirming with their own. A passphrase given for --as this run counts as
// that confirmation.
func (c *userPassphrase) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) != 1 {
		return a.wrong("user passphrase takes a login")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	target, err := s.FindUser(ctx, rest[0])
	if err != nil {
		return err
	}
	actor, err := a.actor(ctx)
	if err != nil {
		return err
	}
	if actor.ID != target.ID && !actor.Roles.Has(model.RoleAdmin) {
		return model.Errorf(model.EUNAUTHORIZED, "only %s themselves or an admin may set the passphrase of %s", target.Login, target.Login)
	}
	has, err := s.HasPassphrase(ctx, actor.ID)
	if err != nil {
		return err
	}
	switch {
	case has:
		if err := a.unlock(ctx, s, actor); err != nil {
			return err
		}
	case actor.ID != target.ID:
		return model.Errorf(model.EUNAUTHORIZED, "set your own passphrase first (yunwei user passphrase %s): an admin confirms with it", actor.Login)
	}
	// The profile user without a passphrase yet sets a first one: the
	// laptop's own login is the guard.
	p, err := a.newPassphrase(ctx, c.file, target)
	if err != nil {
		return err
	}
	h, err := db.HashPassphrase(p)
	if err != nil {
		return err
	}
	if err := s.SetPassphrase(ctx, target.ID, h); err != nil {
		return err
	}
	return a.report(c.json, target, a.session.Lang.Tf("Passphrase of %s saved.", target.Login))
}
