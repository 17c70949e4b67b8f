package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"
)

var compactCommands = []command{{
	name: "compact", usage: "",
	summary: "pack the event bodies stored before they were packed, and give the space back",
	about: "Event bodies are stored packed as they are written. A database made by an earlier yunwei keeps " +
		"its older bodies as raw JSON, which read the same: compact packs them, a batch at a time (an " +
		"interruption loses nothing), then gives the freed space back to the disk, which needs free space " +
		"for a copy of the database while it runs. Events keep their bytes, ids and hash chains.",
	new: func() action { return compact{} },
}}

// compact is `yunwei compact`.
type compact struct{}

func (compact) flags(*flag.FlagSet) {}

func (compact) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) > 0 {
		return a.wrong("compact takes no arguments, got %q", rest[0])
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	L := a.session.Lang
	var progress func(done, total int64)
	if f, ok := a.Stderr.(*os.File); ok && term.IsTerminal(f.Fd()) {
		progress = func(done, total int64) {
			fmt.Fprintf(a.Stderr, "\r"+L.T("compact: %d / %d events"), done, total)
			if done == total {
				fmt.Fprintln(a.Stderr)
			}
		}
	}
	c, err := s.CompactBodies(ctx, progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, L.T("Packed %d of %d event bodies; the database went from %.1f MiB to %.1f MiB.")+"\n",
		c.Packed, c.Events, float64(c.BytesBefore)/(1<<20), float64(c.BytesAfter)/(1<<20))
	return nil
}
