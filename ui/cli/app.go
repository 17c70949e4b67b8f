// Package cli is yunwei's command line: it parses arguments, opens the
// database and runs one command, printing text or stable JSON. Errors go to
// stderr with a non-zero exit.
//
// Every command is a row of one table (commands.go): its words, synopsis,
// summary and a constructor of its action, which declares the command's
// own options. Parsing, dispatch and every help text are read from that
// table.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"yunwei/db"
	"yunwei/model"
	"yunwei/ui/text"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed: see stderr
	ExitUsage = 2 // the command line was wrong: usage printed
)

// App runs command lines.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Version        string
	// TUI starts the terminal UI on an open session; nil means this build
	// has none.
	TUI func(ctx context.Context, s *Session) error

	session  Session
	langFlag string
	// cmd is the command being run, for the usage of its messages.
	cmd *command
	// openStore opens the database; interactive is the terminal UI's
	// setting (db.OpenInteractive). Tests count the calls.
	openStore func(ctx context.Context, path string, interactive bool) (*db.Store, error)
	// acting is who acts in this run, once resolved; unlocked holds the
	// users whose passphrase was given and checked in it (passphrase.go).
	acting   *model.User
	unlocked map[model.ID]bool
	// askSecret, when set, replaces the terminal for the passphrase
	// prompts (tests).
	askSecret func(ctx context.Context, prompt string) (string, error)
	// stderrTerminal, when set, says whether stderr is a terminal (tests);
	// otherwise it is asked of the file.
	stderrTerminal func() bool
}

// Run runs one command line and returns the exit code.
func (a *App) Run(ctx context.Context, args []string) int {
	if a.Getenv == nil {
		a.Getenv = func(string) string { return "" }
	}
	a.session.Stdin, a.session.Stdout, a.session.Stderr, a.session.Getenv = a.Stdin, a.Stdout, a.Stderr, a.Getenv
	// Messages about the command line itself come before --lang is
	// parsed: they take the language it names, wherever it stands.
	a.session.Lang = langHint(args, a.Getenv)
	text.UseEnv(a.Getenv)
	stopLog := a.startDebugLog()
	defer stopLog()
	err := a.run(ctx, args)
	if _, help := err.(*helpRequest); err != nil && !help {
		slog.Debug("command failed", "args", args, "code", model.ErrorCode(err), "error", err.Error())
	}
	if a.session.Store != nil {
		a.session.Store.Close()
	}
	var ue *usageError
	var help *helpRequest
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &help):
		fmt.Fprint(a.Stdout, help.usage)
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(a.Stderr, "yunwei: %s\n\n%s", text.Sanitize(ue.msg, true), ue.usage)
		return ExitUsage
	default:
		// Errors name what people typed and stored (choose from …).
		printLine(a.Stderr, "yunwei: %s", model.ErrorText(err, a.session.Lang))
		return ExitError
	}
}

// run finds the command the words name, parses its options and runs it.
// Options of the terminal UI come without a command; the global ones
// anywhere.
func (a *App) run(ctx context.Context, args []string) error {
	root := &commands[0]
	fs, act := a.flagSet(root)
	rest, err := a.parse(root, fs, args, true)
	if err != nil {
		return err
	}
	ui := act.(*startUI)
	if ui.version {
		rest = []string{"version"}
	}
	if len(rest) == 0 {
		if err := a.settle(root); err != nil {
			return err
		}
		a.cmd = root
		return act.run(ctx, a, nil)
	}
	c, rest, err := a.find(rest)
	if err != nil {
		return err
	}
	cfs, cact := a.flagSet(c)
	positional, err := a.parse(c, cfs, rest, false)
	if err != nil {
		return err
	}
	if name := firstSet(fs, root.ownFlags()); name != "" && !ui.version {
		return a.usageErr(c, "%s has no option %s", c.path(), "--"+name)
	}
	if err := a.settle(c); err != nil {
		return err
	}
	a.cmd = c
	return cact.run(ctx, a, positional)
}

// find resolves the command's words: a one-word command (demo, quota),
// or a group and its command (ticket list); help in place of the command
// asks for the help of what comes before it.
func (a *App) find(words []string) (*command, []string, error) {
	first, rest := words[0], words[1:]
	if first == "help" {
		return nil, nil, a.helpFor(rest)
	}
	if c := lookup("", first); c != nil {
		if len(rest) > 0 && isHelp(rest[0]) {
			rest = []string{"--help"} // `yunwei quota help` and `yunwei quota --help` alike
		}
		return c, rest, nil
	}
	g := findGroup(first)
	if g == nil {
		return nil, nil, &usageError{msg: a.session.Lang.Tf("unknown command %q", first), usage: mainUsage(a.session.Lang)}
	}
	if len(rest) == 0 {
		return nil, nil, &usageError{msg: a.session.Lang.Tf("%s needs a subcommand: %s", g.name, g.names()), usage: g.help(a.session.Lang)}
	}
	if isHelp(rest[0]) {
		return nil, nil, &helpRequest{usage: g.help(a.session.Lang)}
	}
	c := lookup(g.name, rest[0])
	if c == nil {
		return nil, nil, &usageError{msg: a.session.Lang.Tf("unknown %s subcommand %q: choose %s", g.name, rest[0], g.names()), usage: g.help(a.session.Lang)}
	}
	return c, rest[1:], nil
}

// helpFor is `yunwei help [WORDS…]`: the help of the command or group
// named, or of yunwei.
func (a *App) helpFor(words []string) error {
	if len(words) == 0 {
		return &helpRequest{usage: mainUsage(a.session.Lang)}
	}
	if g := findGroup(words[0]); g != nil && len(words) == 1 {
		return &helpRequest{usage: g.help(a.session.Lang)}
	}
	c, _, err := a.find(words)
	if err != nil {
		return err
	}
	return &helpRequest{usage: c.help(a.session.Lang)}
}

func isHelp(arg string) bool {
	return arg == "help" || arg == "--help" || arg == "-h" || arg == "-help"
}
