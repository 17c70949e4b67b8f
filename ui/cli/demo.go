package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"yunwei/db/demo"
	"yunwei/model"
)

var demoCommands = []command{{
	name: "demo", usage: "[--tickets N] [--seed S] [--anchor TIME] [--force]",
	summary: "fill a new database with demo data",
	about: "Fills a NEW database with realistic demo data in Chinese: three customers " +
		"(a hospital, a water utility, a university), their contracts, sites, systems " +
		"and contacts, four vendor users, and N tickets. The same seed " +
		"and anchor give the same data. The anchor is the data's \"now\". " +
		"A database that holds demo data already is kept as it is, or replaced with --force; " +
		"one that holds other work is never touched. " +
		"Every demo user's passphrase is " + demo.Passphrase + ".",
	new: func() action { return new(demoCmd) },
}}

// demoCmd is `yunwei demo`.
type demoCmd struct {
	tickets int
	seed    uint64
	anchor  string
	force   bool
}

func (c *demoCmd) flags(fs *flag.FlagSet) {
	fs.IntVar(&c.tickets, "tickets", demo.DefaultTickets, "how many tickets, `N`")
	fs.Uint64Var(&c.seed, "seed", 1, "the random seed `S`")
	fs.StringVar(&c.anchor, "anchor", "", "the data's \"now\", `TIME`: 2026-11-27 09:30 or RFC 3339 (default: now)")
	fs.BoolVar(&c.force, "force", false, "replace the demo data the database holds already")
}

func (c *demoCmd) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) > 0 {
		return a.wrong("demo takes no arguments, got %q", rest[0])
	}
	if c.tickets <= 0 {
		return a.wrong("--tickets must be at least 1, got %d", c.tickets)
	}
	opt := demo.Options{Tickets: c.tickets, Seed: c.seed}
	var err error
	if c.anchor != "" {
		// The demo's calendars are in the default zone: the anchor is read there.
		if opt.Anchor, err = parseUserTime(c.anchor, model.DefaultZone()); err != nil {
			return err
		}
	}
	path := a.session.DBPath
	if path == "" {
		if path, err = DefaultDBPath(a.Getenv); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return err
		}
	}
	L := a.session.Lang
	// The README's first command works every time: a second run keeps the
	// demo it made the first time, so the command after it opens that.
	holds, _, err := demo.Inspect(ctx, path)
	if err != nil {
		return err
	}
	if holds == demo.DemoData && !c.force {
		printLine(a.Stdout, L.T("%s already holds demo data: kept as it is; --force replaces it. Start with: yunwei --db %s"), path, path)
		fmt.Fprintf(a.Stdout, L.T("Passphrase of every demo user: %s")+"\n", demo.Passphrase)
		return nil
	}
	opt.Replace = c.force
	midLine := false // the progress line waits for its end
	if f, ok := a.Stderr.(*os.File); ok && term.IsTerminal(f.Fd()) {
		opt.Progress = func(done, total int) {
			fmt.Fprintf(a.Stderr, "\r"+a.session.Lang.T("demo: %d / %d tickets"), done, total)
			midLine = done != total
			if !midLine {
				fmt.Fprintln(a.Stderr)
			}
		}
	}
	start := time.Now()
	// A bulk build allocates fast and keeps little: the collector running
	// at a quarter of its usual rate saves a tenth of the build's time, for
	// some 10 MB more of memory.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	sum, err := demo.Create(ctx, path, opt)
	if err != nil {
		if midLine {
			fmt.Fprintln(a.Stderr) // Ctrl-C's message on a line of its own
		}
		return err
	}
	fmt.Fprintf(a.Stdout, L.T("Demo data written to %s")+" (%.1fs)\n", path, time.Since(start).Seconds())
	fmt.Fprintf(a.Stdout, L.T("%d customers, %d contacts, %d vendor users, %d tickets, %d events")+"\n",
		sum.Customers, sum.Contacts, sum.Users, sum.Tickets, sum.Events)
	printLine(a.Stdout, L.T("You are %s (%s). Start with: yunwei --db %s"), sum.Profile.Name, sum.Profile.Login, path)
	fmt.Fprintf(a.Stdout, L.T("Passphrase of every demo user: %s")+"\n", sum.Passphrase)
	return nil
}

// parseUserTime reads a time as people write it: RFC 3339, or
// "2006-01-02 15:04" / "2006-01-02" in loc, the zone of the contract the
// time belongs to (model.ParseLocalTime), never the laptop's.
func parseUserTime(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), loc); err == nil {
		return t.UTC(), nil
	}
	return model.ParseLocalTime(s, loc)
}
