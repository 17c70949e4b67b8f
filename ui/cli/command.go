package cli

import (
	"context"
	"flag"
	"strings"

	"yunwei/model/i18n"
)

// A command is one row of the command table.
type command struct {
	// group is the first word of a grouped command (ticket, customer, …);
	// empty for a one-word command (demo, quota) and for the terminal UI.
	group string
	// name is the command's own word (list, show, quota); empty only for
	// the terminal UI, which is yunwei without a command.
	name string
	// usage is the synopsis after the command's words: "ID [--json]".
	usage string
	// summary is the command's line in yunwei --help.
	summary string
	// about, when set, is the paragraph its own help adds.
	about string
	// new makes a fresh action; its flags method builds the command's own
	// flag set, its run method runs the command.
	new func() action
}

// An action is what a command does. flags declares the command's options
// on its flag set, bound to the action's fields; run runs the command with
// the positional arguments left once the options are parsed.
type action interface {
	flags(fs *flag.FlagSet)
	run(ctx context.Context, a *App, args []string) error
}

// path is the command's words, as typed after yunwei; "yunwei" for the
// terminal UI, so that messages can name it.
func (c *command) path() string {
	if c.name == "" {
		return "yunwei"
	}
	return strings.TrimSpace(c.group + " " + c.name)
}

// ownFlags lists the names of the command's own options, without the
// global ones, sorted.
func (c *command) ownFlags() []string {
	fs := flag.NewFlagSet(c.path(), flag.ContinueOnError)
	c.new().flags(fs)
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

// A group is the first word shared by several commands.
type group struct {
	name string
	// about is the paragraph the help of the group and of each of its
	// commands adds.
	about string
}

// names lists the group's commands' words, for messages: "list, add, edit".
func (g *group) names() i18n.List {
	var words []string
	for _, c := range commands {
		if c.group == g.name {
			words = append(words, c.name)
		}
	}
	return i18n.List(words)
}

// commands is the command table: the terminal UI first, then every
// command in the order yunwei --help lists them.
var commands = concat(
	uiCommands,
	demoCommands,
	ticketCommands,
	quotaCommands,
	calendarCommands,
	customerCommands,
	contractCommands,
	siteCommands,
	systemCommands,
	contactCommands,
	userCommands,
	checkCommands,
	compactCommands,
	versionCommands,
)

// groups are the command groups, each with the words its commands share.
var groups = []group{
	{name: "ticket", about: ticketAbout},
	{name: "calendar", about: calendarAbout},
	{name: "customer", about: directoryAbout},
	{name: "contract", about: directoryAbout},
	{name: "site", about: directoryAbout},
	{name: "system", about: directoryAbout},
	{name: "contact", about: directoryAbout},
	{name: "user", about: userAbout},
}

func concat(parts ...[]command) []command {
	var all []command
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

// lookup finds the command with these words; nil if there is none.
func lookup(groupName, name string) *command {
	for i := range commands {
		if c := &commands[i]; c.group == groupName && c.name == name && name != "" {
			return c
		}
	}
	return nil
}

// findGroup finds a group by its word; nil if there is none.
func findGroup(name string) *group {
	for i := range groups {
		if groups[i].name == name {
			return &groups[i]
		}
	}
	return nil
}

// flagSet builds the command's flag set: its own options and the global
// ones, bound to a fresh action and to the session.
func (a *App) flagSet(c *command) (*flag.FlagSet, action) {
	fs := flag.NewFlagSet(c.path(), flag.ContinueOnError)
	act := c.new()
	act.flags(fs)
	a.globalFlags(fs)
	return fs, act
}
