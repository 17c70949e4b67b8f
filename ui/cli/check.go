package cli

import (
	"context"
	"flag"
	"fmt"

	"yunwei/db"
	"yunwei/model"
)

var checkCommands = []command{{
	name: "check", usage: "[--json] [--repair]",
	summary: "SQLite integrity, the event log's hash chains, numbers, projections",
	about: "Runs SQLite's integrity check; verifies every event's bytes, its row, and each device's " +
		"hash chain up to the newest event this device recorded; checks that every parent exists, " +
		"that no number was given twice and that counters match the log; and rebuilds the " +
		"projections in a scratch copy to compare them row by row with the database's. " +
		"--repair rebuilds the projections, and refuses while the log itself fails.",
	new: func() action { return new(check) },
}}

// check is `yunwei check`.
type check struct{ json, repair bool }

func (c *check) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the report as JSON")
	fs.BoolVar(&c.repair, "repair", false, "first rebuild the projections from the event log in place, if the log verifies (the log is never changed)")
}

// checkJSON is check --json: the report's fields, and each problem worded
// in the user's language (problems) beside its data (findings).
type checkJSON struct {
	Events      int64        `json:"events"`
	Origins     int          `json:"origins"`
	Digest      string       `json:"projection_digest"`
	Problems    []string     `json:"problems"`
	Findings    []db.Problem `json:"findings"`
	Notes       []db.Problem `json:"notes"`
	IntegrityOK bool         `json:"integrity_ok"`
	LogVerified bool         `json:"log_verified"`
	Repaired    bool         `json:"repaired"`
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
		// Projections are rebuilt only from a log that verifies: a rebuild
		// from a forged log would make the forgery look consistent.
		r, err := s.VerifyLog(ctx)
		if err != nil {
			return err
		}
		if bad := r.LogProblems(); len(bad) > 0 {
			if err := c.print(a, r, false); err != nil {
				return err
			}
			return model.Errorf(model.EINVALID, "repair refused: the event log of %s fails verification (%d problems), and repair rebuilds the projections only from a log that verifies; nothing was changed. Restore the database from a backup that passes yunwei check, and keep this file as evidence", s.Path(), len(bad))
		}
		if err := s.Rebuild(ctx); err != nil {
			return err
		}
		if !c.json {
			fmt.Fprintln(a.Stdout, L.T("Projections rebuilt from the event log."))
		}
	}
	r, err := s.Check(ctx)
	if err != nil {
		return err
	}
	if err := c.print(a, r, c.repair); err != nil {
		return err
	}
	if len(r.Problems) > 0 {
		return model.Errorf(model.EINVALID, "%s failed its check (%d problems)", s.Path(), len(r.Problems))
	}
	return nil
}

// print writes the report: JSON, or one line a problem with its kind, then
// what to do.
func (c *check) print(a *App, r db.CheckReport, repaired bool) error {
	L := a.session.Lang
	if c.json {
		out := checkJSON{Events: r.Events, Origins: r.Origins, Digest: r.Digest, Problems: []string{}, Findings: r.Problems, Notes: r.Notes,
			IntegrityOK: r.IntegrityOK, LogVerified: r.LogVerified, Repaired: repaired}
		if out.Findings == nil {
			out.Findings = []db.Problem{}
		}
		if out.Notes == nil {
			out.Notes = []db.Problem{}
		}
		for _, p := range r.Problems {
			out.Problems = append(out.Problems, problemText(L, p))
		}
		enc := newJSONEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(r.Problems) == 0 {
		fmt.Fprintf(a.Stdout, L.T("Check passed: %d events from %d devices, projections equal a rebuild (%s…)")+"\n", r.Events, r.Origins, r.Digest[:12])
	} else {
		fmt.Fprintf(a.Stdout, L.T("Check found %d problems:")+"\n", len(r.Problems))
		printProblems(a, r.Problems)
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(a.Stdout, L.T("Notes:"))
		printProblems(a, r.Notes)
	}
	switch {
	case len(r.LogProblems()) > 0:
		fmt.Fprintln(a.Stdout, L.T("The event log itself fails verification: it was changed outside yunwei, or the file is damaged. yunwei check --repair will not rebuild the projections from it. Restore the database from a backup that passes yunwei check, and keep this file as evidence."))
	case len(r.Problems) > 0:
		fmt.Fprintln(a.Stdout, L.T("The event log verifies; only the projections differ from a rebuild of it: yunwei check --repair rebuilds them from the log."))
	}
	return nil
}

// perKind is how many problems of one kind are listed before the rest are
// counted: a changed device id makes every event disagree with its row.
const perKind = 20

func printProblems(a *App, ps []db.Problem) {
	L := a.session.Lang
	shown := map[db.ProblemKind]int{}
	for _, p := range ps {
		shown[p.Kind]++
		if shown[p.Kind] <= perKind {
			printLine(a.Stdout, "  - %s", problemText(L, p))
		}
	}
	for _, k := range db.ProblemKinds {
		if n := shown[k] - perKind; n > 0 {
			fmt.Fprintf(a.Stdout, "  - "+L.T("[%s] … and %d more of this kind")+"\n", k, n)
		}
	}
}
