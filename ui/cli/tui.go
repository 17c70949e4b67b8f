package cli

import (
	"context"
	"flag"
	"runtime/debug"

	"yunwei/model"
)

// uiCommands is yunwei without a command: the terminal UI.
var uiCommands = []command{{
	usage:   "[--db PATH] [--lang zh|en] [--as USER [--passphrase-file F]]",
	summary: "start the terminal UI",
	new:     func() action { return new(startUI) },
}}

// startUI is `yunwei` alone: the terminal UI on the database, opened for
// an interactive session.
type startUI struct {
	version    bool
	firstFrame bool
	keys, size string
}

func (c *startUI) flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.version, "version", false, "print the version and exit")
	fs.BoolVar(&c.firstFrame, "first-frame", false, "print the first full frame of the queue and exit")
	fs.StringVar(&c.keys, "keys", "", "load every ticket, replay the keys of `SCRIPT`, print the final frame; "+
		"keys are separated by spaces: names (enter esc tab up down pgup pgdown space "+
		"backspace ctrl+x …) or text typed as is; 'quoted text' keeps its spaces.\n"+
		"Example: --keys \"/ 打印 enter\"")
	fs.StringVar(&c.size, "size", "100x30", "the terminal `SIZE` of those runs, WxH")
}

func (c *startUI) run(ctx context.Context, a *App, _ []string) error {
	a.session.FirstFrame, a.session.Keys, a.session.Size = c.firstFrame, c.keys, c.size
	if _, err := a.openOnce(ctx, true); err != nil {
		return err
	}
	if a.TUI == nil {
		return model.Errorf(model.EINVALID, "this build has no terminal UI; use the commands in yunwei --help")
	}
	// --as is checked, with its passphrase asked on the terminal, before
	// the UI takes the screen.
	if a.session.As != "" {
		u, err := a.actor(ctx)
		if err != nil {
			return err
		}
		a.session.Actor = u
		// The passphrase's hash took 16 MiB the UI's budget (DESIGN §8:
		// 60 MiB) should not carry.
		debug.FreeOSMemory()
	}
	return a.TUI(ctx, &a.session)
}
