package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"

	"yunwei/db"
)

var versionCommands = []command{{
	name:    "version",
	summary: "print the version",
	new:     func() action { return version{} },
}}

// version is `yunwei version` and `yunwei --version`: the build, the Go
// release and platform, and the schema version this build writes.
type version struct{}

func (version) flags(*flag.FlagSet) {}

func (version) run(_ context.Context, a *App, args []string) error {
	fmt.Fprintf(a.Stdout, "yunwei %s (%s, %s/%s, schema %d)\n", a.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH, db.SchemaVersion())
	return nil
}
