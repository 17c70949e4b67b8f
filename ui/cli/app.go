// Package cli is yunwei's command line: it parses arguments, opens the
// database and runs one command, printing text or stable JSON. Errors go to
// stderr with a non-zero exit.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"yunwei/db"
	"yunwei/model"
	"yunwei/ui/i18n"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed: see stderr
	ExitUsage = 2 // the command line was wrong: usage printed
)

// Session is what every command knows: the global options and, once
// opened, the store and the acting user.
type Session struct {
	DBPath string
	Lang   i18n.Lang
	As     string // --as: a login or id; empty means the DB's profile user
	Store  *db.Store
	// Headless runs of the terminal UI (DESIGN §8), for benchmarks and
	// tests: --first-frame prints the queue's first full frame and exits;
	// --keys replays a key script off-screen and prints the final frame;
	// --size is their terminal size, WxH.
	FirstFrame bool
	Keys       string
	Size       string
}

// App runs command lines.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Version        string
	// TUI starts the terminal UI on an open session; nil means this build
	// has none.
	TUI func(ctx context.Context, s *Session) error

	session   Session
	langFlag  string
	stdoutTTY bool
}

// usageError is a wrong command line: the message and the usage to show.
type usageError struct {
	msg   string
	usage string
}

func (e *usageError) Error() string { return e.msg }

// helpRequest is --help (or -h) on a command: its usage goes to stdout.
type helpRequest struct{ usage string }

func (e *helpRequest) Error() string { return "help requested" }

func usageErr(usage, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), usage: usage}
}

// Run runs one command line and returns the exit code.
func (a *App) Run(ctx context.Context, args []string) int {
	if a.Getenv == nil {
		a.Getenv = os.Getenv
	}
	err := a.run(ctx, args)
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
		fmt.Fprintf(a.Stderr, "yunwei: %s\n\n%s", ue.msg, ue.usage)
		return ExitUsage
	default:
		fmt.Fprintf(a.Stderr, "yunwei: %s\n", model.ErrorMessage(err))
		return ExitError
	}
}

func (a *App) run(ctx context.Context, args []string) error {
	fs := a.flagSet("yunwei", mainUsage)
	version := fs.Bool("version", false, "")
	fs.BoolVar(&a.session.FirstFrame, "first-frame", false, "")
	fs.StringVar(&a.session.Keys, "keys", "", "")
	fs.StringVar(&a.session.Size, "size", "100x30", "")
	rest, err := a.parseArgs(fs, args, mainUsage, true)
	if err != nil {
		return err
	}
	if *version {
		fmt.Fprintf(a.Stdout, "yunwei %s (%s, %s/%s, schema %d)\n", a.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH, db.SchemaVersion())
		return nil
	}
	if len(rest) == 0 {
		return a.runTUI(ctx)
	}
	cmd, rest := rest[0], rest[1:]
	if len(rest) > 0 && isHelp(rest[0]) {
		rest = []string{"--help"} // `yunwei ticket help` and `yunwei ticket --help` alike
	}
	switch cmd {
	case "demo":
		return a.demo(ctx, rest)
	case "ticket":
		return a.ticket(ctx, rest)
	case "check":
		return a.check(ctx, rest)
	case "calendar":
		return a.calendar(ctx, rest)
	case "quota":
		return a.quota(ctx, rest)
	case "customer", "contract", "site", "system", "contact", "user":
		return a.directory(ctx, cmd, rest)
	case "help":
		fmt.Fprint(a.Stdout, mainUsage)
		return nil
	case "version":
		return a.run(ctx, []string{"--version"})
	}
	return usageErr(mainUsage, "unknown command %q", cmd)
}

// flagSet makes a flag set that also takes the global options, so that
// `yunwei ticket list --db x.db` works as well as `yunwei --db x.db ticket list`.
func (a *App) flagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&a.session.DBPath, "db", a.session.DBPath, "")
	fs.StringVar(&a.langFlag, "lang", a.langFlag, "")
	fs.StringVar(&a.session.As, "as", a.session.As, "")
	fs.Usage = func() {}
	return fs
}

// parseArgs parses flags anywhere among the arguments and returns the
// positional ones. With stopAtCommand, parsing stops at the first
// positional argument (the subcommand), leaving the rest for it.
func (a *App) parseArgs(fs *flag.FlagSet, args []string, usage string, stopAtCommand bool) ([]string, error) {
	positional, err := parseFlags(fs, args, usage, stopAtCommand)
	if err != nil {
		return nil, err
	}
	return positional, a.settle(usage)
}

func parseFlags(fs *flag.FlagSet, args []string, usage string, stopAtCommand bool) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &helpRequest{usage: usage}
			}
			return nil, usageErr(usage, "%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if stopAtCommand {
			return args, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// settle fixes the language once the flags are read; global flags may come
// after the subcommand, so it runs after every parse.
func (a *App) settle(usage string) error {
	a.session.Lang = i18n.FromEnv(a.Getenv)
	if a.langFlag != "" {
		l, err := i18n.Parse(a.langFlag)
		if err != nil {
			return usageErr(usage, "%v", err)
		}
		a.session.Lang = l
	}
	return nil
}

// open opens the session's database, creating the default one on first use.
func (a *App) open(ctx context.Context) (*db.Store, error) {
	if a.session.Store != nil {
		return a.session.Store, nil
	}
	path := a.session.DBPath
	if path == "" {
		var err error
		if path, err = DefaultDBPath(a.Getenv); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, model.Errorf(model.EINVALID, "cannot create %s: %v; pass --db PATH", filepath.Dir(path), err)
		}
	}
	s, err := db.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	a.session.DBPath, a.session.Store = path, s
	return s, nil
}

// actor resolves who acts: --as, else the DB's profile user.
func (a *App) actor(ctx context.Context) (model.User, error) {
	s, err := a.open(ctx)
	if err != nil {
		return model.User{}, err
	}
	if a.session.As != "" {
		return s.FindUser(ctx, a.session.As)
	}
	u, err := s.Profile(ctx)
	if model.ErrorCode(err) == model.ENOTFOUND {
		return u, model.Errorf(model.EUNAUTHORIZED, "no user is set up on %s: add yourself with yunwei user add --login LOGIN --name NAME --roles engineer, or pass --as LOGIN", s.Path())
	}
	return u, err
}

func (a *App) runTUI(ctx context.Context) error {
	if _, err := a.open(ctx); err != nil {
		return err
	}
	if a.TUI == nil {
		return model.Errorf(model.EINVALID, "this build has no terminal UI; use the commands in yunwei --help")
	}
	return a.TUI(ctx, &a.session)
}

// DefaultDBPath is yunwei.db in the user data directory: $XDG_DATA_HOME or
// ~/.local/share on Linux, ~/Library/Application Support on macOS,
// %LocalAppData% on Windows.
func DefaultDBPath(getenv func(string) string) (string, error) {
	var base string
	switch runtime.GOOS {
	case "windows":
		base = getenv("LocalAppData")
	case "darwin":
		if h := getenv("HOME"); h != "" {
			base = filepath.Join(h, "Library", "Application Support")
		}
	default:
		base = getenv("XDG_DATA_HOME")
		if base == "" && getenv("HOME") != "" {
			base = filepath.Join(getenv("HOME"), ".local", "share")
		}
	}
	if base == "" {
		return "", model.Errorf(model.EINVALID, "cannot find a user data folder (HOME is not set): pass --db PATH")
	}
	return filepath.Join(base, "yunwei", "yunwei.db"), nil
}

func joinLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// flagSet reports whether the named flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

func isHelp(arg string) bool {
	return arg == "help" || arg == "--help" || arg == "-h" || arg == "-help"
}
