package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/x/term"

	"yunwei/db/demo"
	"yunwei/model"
)

func (a *App) demo(ctx context.Context, args []string) error {
	fs := a.flagSet("demo", demoUsage)
	tickets := fs.Int("tickets", demo.DefaultTickets, "")
	seed := fs.Uint64("seed", 1, "")
	anchor := fs.String("anchor", "", "")
	rest, err := a.parseArgs(fs, args, demoUsage, false)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(demoUsage, "demo takes no arguments, got %q", rest[0])
	}
	if *tickets <= 0 {
		return usageErr(demoUsage, "--tickets must be at least 1, got %d", *tickets)
	}
	opt := demo.Options{Tickets: *tickets, Seed: *seed}
	if *anchor != "" {
		if opt.Anchor, err = parseUserTime(*anchor); err != nil {
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
	if f, ok := a.Stderr.(*os.File); ok && term.IsTerminal(f.Fd()) {
		opt.Progress = func(done, total int) {
			fmt.Fprintf(a.Stderr, "\r"+a.session.Lang.T("demo: %d / %d tickets"), done, total)
			if done == total {
				fmt.Fprintln(a.Stderr)
			}
		}
	}
	start := time.Now()
	sum, err := demo.Create(ctx, path, opt)
	if err != nil {
		return err
	}
	L := a.session.Lang
	fmt.Fprintf(a.Stdout, L.T("Demo data written to %s")+" (%.1fs)\n", path, time.Since(start).Seconds())
	fmt.Fprintf(a.Stdout, L.T("%d customers, %d contacts, %d vendor users, %d tickets, %d events")+"\n",
		sum.Customers, sum.Contacts, sum.Users, sum.Tickets, sum.Events)
	fmt.Fprintf(a.Stdout, L.T("You are %s (%s). Start with: yunwei --db %s")+"\n", sum.Profile.Name, sum.Profile.Login, path)
	return nil
}

// parseUserTime reads a time as people write it: RFC 3339, or
// "2006-01-02 15:04" / "2006-01-02" in the local time zone.
func parseUserTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, model.Errorf(model.EINVALID, "%q is not a time: write 2026-11-27 09:30 or 2026-11-27T09:30:00+08:00", s)
}

func (a *App) check(ctx context.Context, args []string) error {
	fs := a.flagSet("check", checkUsage)
	asJSON := fs.Bool("json", false, "")
	repair := fs.Bool("repair", false, "")
	rest, err := a.parseArgs(fs, args, checkUsage, false)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(checkUsage, "check takes no arguments, got %q", rest[0])
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	L := a.session.Lang
	if *repair {
		if err := s.Rebuild(ctx); err != nil {
			return err
		}
		fmt.Fprintln(a.Stdout, L.T("Projections rebuilt from the event log."))
	}
	r, err := s.Check(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if r.Problems == nil {
			r.Problems = []string{}
		}
		enc := json.NewEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else if len(r.Problems) == 0 {
		fmt.Fprintf(a.Stdout, L.T("Check passed: %d events from %d devices, projections equal a rebuild (%s…)")+"\n", r.Events, r.Origins, r.Digest[:12])
	} else {
		fmt.Fprintf(a.Stdout, L.T("Check found %d problems:")+"\n", len(r.Problems))
		for _, p := range r.Problems {
			fmt.Fprintln(a.Stdout, "  - "+p)
		}
	}
	if len(r.Problems) > 0 {
		return model.Errorf(model.EINVALID, "%s failed its check (%d problems)", s.Path(), len(r.Problems))
	}
	return nil
}
