package cli

import (
	"context"
	"flag"
	"fmt"

	"yunwei/model"
)

var checkCommands = []command{{
	name: "check", usage: "[--json] [--repair]",
	summary: "SQLite integrity, event hashes, projections",
	about: "Runs SQLite's integrity check, re-verifies every event's hash and envelope, " +
		"checks that each device's sequence has no gap, and rebuilds the projections " +
		"in a scratch copy to compare them with the database's.",
	new: func() action { return new(check) },
}}

// check is `yunwei check`.
type check struct{ json, repair bool }

func (c *check) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the report as JSON")
	fs.BoolVar(&c.repair, "repair", false, "first rebuild the projections from the event log in place (the log is never changed)")
}

func (c *check) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) > 0 {
		return a.wrong("check takes no arguments, got %q", rest[0])
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	L := a.session.Lang
	if c.repair {
		if err := s.Rebuild(ctx); err != nil {
			return err
		}
		fmt.Fprintln(a.Stdout, L.T("Projections rebuilt from the event log."))
	}
	r, err := s.Check(ctx)
	if err != nil {
		return err
	}
	if c.json {
		if r.Problems == nil {
			r.Problems = []string{}
		}
		enc := newJSONEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else if len(r.Problems) == 0 {
		fmt.Fprintf(a.Stdout, L.T("Check passed: %d events from %d devices, projections equal a rebuild (%s…)")+"\n", r.Events, r.Origins, r.Digest[:12])
	} else {
		fmt.Fprintf(a.Stdout, L.T("Check found %d problems:")+"\n", len(r.Problems))
		for _, p := range r.Problems {
			printLine(a.Stdout, "  - %s", p)
		}
	}
	if len(r.Problems) > 0 {
		return model.Errorf(model.EINVALID, "%s failed its check (%d problems)", s.Path(), len(r.Problems))
	}
	return nil
}
