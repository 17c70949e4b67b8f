// Package tui starts yunwei's terminal UI for a run of the command line:
// full screen with the mouse, or headless (--first-frame, --keys) printing
// one frame.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"

	"yunwei/model"
	"yunwei/ui/app"
	"yunwei/ui/cli"
	"yunwei/ui/common"
)

// Start runs the terminal UI on the session's store, which the command
// line opened for it (interactive settings, see db.OpenInteractive) and
// closes once Start returns.
func Start(ctx context.Context, s *cli.Session) error {
	// Quitting ends the UI's context, so that a load or search still
	// running stops with it instead of holding the store open.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	limitMemory(s.Getenv)
	st := s.Store
	opt := app.Options{Deps: common.Deps{Store: st, Lang: s.Lang, Now: time.Now, Ctx: ctx}, DBPath: s.DBPath}
	var err error
	switch {
	case s.As != "":
		// The command line checked the passphrase of the user --as names.
		if s.Actor.ID.IsZero() {
			return model.Errorf(model.EUNAUTHORIZED, "this needs the passphrase of %s: give it with YUNWEI_PASSPHRASE=… or --passphrase-file FILE, or run the command in a terminal to be asked", s.As)
		}
		opt.Deps.User = s.Actor
	default:
		opt.Deps.User, err = st.Profile(ctx)
		if model.ErrorCode(err) == model.ENOTFOUND {
			// First start: the UI asks who is using it.
			opt.Setup, err = true, nil
		} else if err != nil {
			return err
		}
	}
	if s.FirstFrame || s.Keys != "" {
		return headless(ctx, s, opt)
	}
	// The screens stay current with what other processes write from the
	// log as it stands now, before they first load. Should the log not
	// answer, they still show their own writes.
	if from, err := st.LastEvent(ctx); err == nil {
		opt.Watch, opt.WatchFrom = true, from
	}
	p := tea.NewProgram(app.New(opt), tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx),
		keyboard(s.Stdin), tea.WithOutput(s.Stdout))
	if _, err := p.Run(); err != nil && !(errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil) {
		model.LogInternal(err) // the terminal's own words, for the debug log
		return model.Errorf(model.EINVALID, "the terminal UI could not run: start yunwei in a terminal, or use a command (yunwei --help)")
	}
	return nil
}

// keyboard is where the UI reads keys from: the program's standard input,
// or, when that is a file but no terminal (input piped in), the
// controlling terminal, as Bubble Tea does for the process's own.
func keyboard(in io.Reader) tea.ProgramOption {
	if f, ok := in.(interface{ Fd() uintptr }); ok && !term.IsTerminal(f.Fd()) {
		return tea.WithInputTTY()
	}
	return tea.WithInput(in)
}

// headless runs the UI off-screen and prints its frame.
func headless(ctx context.Context, s *cli.Session, opt app.Options) error {
	w, h, err := parseSize(s.Size)
	if err != nil {
		return err
	}
	keys, err := app.ParseKeys(s.Keys)
	if err != nil {
		return err
	}
	opt.Headless = true
	frame, err := app.Headless{Width: w, Height: h, Keys: keys, FirstFrame: s.FirstFrame}.Run(ctx, app.New(opt))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(s.Stdout, frame)
	return err
}

// parseSize reads WxH.
func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w <= 0 || h <= 0 || w > 1000 || h > 1000 {
		return 0, 0, model.Errorf(model.EINVALID, "--size %q: write the terminal size as WIDTHxHEIGHT, like 100x30", s)
	}
	return w, h, nil
}
