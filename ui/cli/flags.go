package cli

import (
	"flag"
	"slices"
	"strconv"
	"strings"
	"time"

	"yunwei/model"
	"yunwei/model/i18n"
)

// usageError is a wrong command line: the message and the usage to show.
type usageError struct {
	msg   string
	usage string
}

func (e *usageError) Error() string { return e.msg }

// helpRequest is --help (or -h) on a command: its usage goes to stdout.
type helpRequest struct{ usage string }

func (e *helpRequest) Error() string { return "help requested" }

// usageErr is a wrong command line for c, worded in the session's
// language, followed by c's help.
func (a *App) usageErr(c *command, format string, args ...any) error {
	return &usageError{msg: a.session.Lang.Tf(format, args...), usage: c.help(a.session.Lang)}
}

// wrong is a wrong command line for the command being run.
func (a *App) wrong(format string, args ...any) error { return a.usageErr(a.cmd, format, args...) }

// globalFlags puts on fs the options every command takes, before or after
// its words. Each parse starts from what an earlier one read, so that
// `yunwei --db x.db ticket list` and `yunwei ticket list --db x.db` agree.
func (a *App) globalFlags(fs *flag.FlagSet) {
	fs.StringVar(&a.session.DBPath, "db", a.session.DBPath, "the database `PATH` (default: yunwei.db in the user data folder)")
	fs.StringVar(&a.langFlag, "lang", a.langFlag, "the `LANGUAGE`, zh or en (default: from LC_ALL, LC_MESSAGES or LANG)")
	fs.StringVar(&a.session.As, "as", a.session.As, "act as this vendor `USER` (login) instead of the database's profile user; "+
		"needs their passphrase: --passphrase-file, else YUNWEI_PASSPHRASE, else the terminal asks")
	fs.StringVar(&a.session.PassphraseFile, "passphrase-file", a.session.PassphraseFile, "read the passphrase --as needs from the first line of `FILE`")
}

// globalNames are the names of the global options.
var globalNames = []string{"as", "db", "lang", "passphrase-file"}

// parse reads args against c's flag set fs: options anywhere among the
// arguments, as --name value, --name=value or with one dash; `--` ends
// them. An option c does not have is refused, naming it and c. With
// stopAtWord, parsing stops at the first positional argument (a command's
// word) and returns it with everything after it.
func (a *App) parse(c *command, fs *flag.FlagSet, args []string, stopAtWord bool) ([]string, error) {
	var positional []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			if stopAtWord {
				return args[i+1:], nil
			}
			return append(positional, args[i+1:]...), nil
		}
		if len(arg) < 2 || arg[0] != '-' {
			if stopAtWord {
				return args[i:], nil
			}
			positional = append(positional, arg)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(arg[1:], "-"), "=")
		f := fs.Lookup(name)
		if f == nil && (name == "h" || name == "help") {
			return nil, &helpRequest{usage: c.help(a.session.Lang)}
		}
		if f == nil || name == "" || name[0] == '-' {
			return nil, a.usageErr(c, "%s has no option %s", c.path(), "--"+strings.TrimLeft(name, "-"))
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			// A switch takes yes or no as every yes/no of yunwei does.
			if !hasValue {
				value, hasValue = "true", true
			} else if v, ok := model.ParseYesNo(value); ok {
				value = strconv.FormatBool(v)
			} else {
				return nil, a.usageErr(c, "%s takes yes or no (true/false, 是/否), not %q", "--"+name, value)
			}
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, a.usageErr(c, "option %s needs a value", "--"+name)
			}
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			return nil, a.usageErr(c, "invalid value %q for %s: %v", value, "--"+name, flagProblem(f, err))
		}
	}
	return positional, nil
}

// settle fixes the language once every option is read: --lang, else the
// environment's.
func (a *App) settle(c *command) error {
	a.session.Lang = i18n.FromEnv(a.Getenv)
	if a.langFlag != "" {
		l, err := i18n.Parse(a.langFlag)
		if err != nil {
			return a.usageErr(c, "unknown language %q: use zh or en", a.langFlag)
		}
		a.session.Lang = l
	}
	return nil
}

// langHint is the language to word a wrong command line in, before it is
// parsed: the one a valid --lang names anywhere in args, else the
// environment's.
func langHint(args []string, getenv func(string) string) i18n.Lang {
	for i, arg := range args {
		if arg == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if l, err := i18n.Parse(value); err == nil {
			return l
		}
	}
	return i18n.FromEnv(getenv)
}

// firstSet is the first of names given on the command line parsed by fs,
// or "".
func firstSet(fs *flag.FlagSet, names []string) string {
	found := ""
	fs.Visit(func(f *flag.Flag) {
		if found == "" && slices.Contains(names, f.Name) {
			found = f.Name
		}
	})
	return found
}

// given reports whether the named flag was given on the command line
// parsed by fs.
func given(fs *flag.FlagSet, name string) bool { return firstSet(fs, []string{name}) != "" }

// flagProblem says what is wrong with an option's value in words the
// catalogue has: the flag package's own errors ("parse error") are English
// and say nothing of what to write; an option's own check words its
// refusal itself.
func flagProblem(f *flag.Flag, err error) any {
	if _, ok := err.(*model.Error); ok {
		return err
	}
	if g, ok := f.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			return i18n.Text("write true or false")
		case int, int64, uint, uint64:
			return i18n.Text("write a whole number")
		case float64:
			return i18n.Text("write a number")
		case time.Duration:
			return i18n.Text("write a duration such as 90m or 2h")
		}
	}
	model.LogInternal(err)
	return i18n.Text("not a value this option takes")
}
