package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime/debug"

	"yunwei/db"
	"yunwei/model"
)

var checkCommands = []command{{
	name: "check", usage: "[--json] [--quick] [--repair]",
	summary: "SQLite integrity, the event log's hash chains, numbers, projections",
	about: "Runs SQLite's integrity check; verifies every event's bytes, its row, and each device's " +
		"hash chain up to the newest event this device recorded; checks that every parent exists, " +
		"that no number was given twice and that counters match the log; and rebuilds the " +
		"projections in a temporary file to compare them row by row with the database's. " +
		"--quick verifies in a moment what the log shows without reading every event: each device's " +
		"numbering (no event deleted or added), this device's newest event against what it recorded, " +
		"and the newest 20,000 events of each device byte by byte; an edit of an older event, the " +
		"chain over all events, parents, numbers, the projections and SQLite's pages are left to the " +
		"full check. --repair rebuilds the projections, and refuses while the log itself fails.",
	new: func() action { return new(check) },
}}

// check is `yunwei check`.
type check struct{ json, quick, repair bool }

func (c *check) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the report as JSON")
	fs.BoolVar(&c.quick, "quick", false, "verify each device's numbering, its newest event and its newest 20,000 events only: no projection rebuild")
	fs.BoolVar(&c.repair, "repair", false, "first rebuild the projections from the event log in place, if the log verifies (the log is never changed)")
}

// checkMemory is the Go heap check keeps to, unless GOMEMLIMIT says
// otherwise: it reads every event's bytes once, and without a limit their
// garbage would be let to grow to twice what it keeps (DESIGN §8: check
// fits a laptop, 100 MiB at 100,000 tickets). What it keeps is most of
// that (each event's hash, for the chains: 40 bytes an event), so the
// collector is paced by the limit (checkGC): under a lower one it ran
// hundreds of times, a fifth of check's time.
const checkMemory = 64 << 20

// checkGC is the collector's GOGC during check: high enough that the
// limit paces it while the log is read, low enough that the heap stays
// small once the log's hashes are let go.
const checkGC = 300

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
	if c.quick && c.repair {
		return a.wrong("--quick and --repair cannot be used together: repair runs the full check")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	if a.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(checkMemory))
		if a.Getenv("GOGC") == "" && !c.quick { // the quick check keeps little
			defer debug.SetGCPercent(debug.SetGCPercent(checkGC))
		}
	}
	L := a.session.Lang
	if c.quick {
		r, err := s.QuickCheck(ctx)
		if err != nil {
			return err
		}
		return c.report(a, s, r, false)
	}
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
	var opt db.CheckOptions
	progress := &checkProgress{w: a.Stderr, L: L}
	if !c.json && a.isTerminal() {
		opt.Progress = progress.show
	}
	r, err := s.CheckWith(ctx, opt)
	progress.clear()
	if err != nil {
		return err
	}
	return c.report(a, s, r, c.repair)
}

// report prints the report and fails when it found problems.
func (c *check) report(a *App, s *db.Store, r db.CheckReport, repaired bool) error {
	if err := c.print(a, r, repaired); err != nil {
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
	switch {
	case len(r.Problems) == 0 && c.quick:
		fmt.Fprintf(a.Stdout, L.T("Quick check passed: %d events from %d devices numbered without a gap, this device's newest event as it recorded, the newest %d events of each device intact. yunwei check verifies every event and the projections.")+"\n", r.Events, r.Origins, db.QuickWindow)
	case len(r.Problems) == 0:
		fmt.Fprintf(a.Stdout, L.T("Check passed: %d events from %d devices, projections equal a rebuild (%s…)")+"\n", r.Events, r.Origins, r.Digest[:12])
	default:
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
