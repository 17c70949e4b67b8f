package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
	"yunwei/ui/app"
	"yunwei/ui/cli"
	"yunwei/ui/common"
)

// startTUI runs the terminal UI on the session's database: full screen
// with the mouse, or headless (--first-frame, --keys) printing one frame.
func startTUI(ctx context.Context, s *cli.Session) error {
	// The UI is a long-running reader with a memory budget (DESIGN §8):
	// reopen the database without the memory map the commands use. The
	// command line closes s.Store when the UI returns.
	if s.Store != nil {
		s.Store.Close()
		s.Store = nil
	}
	st, err := db.OpenInteractive(ctx, s.DBPath)
	if err != nil {
		return err
	}
	s.Store = st
	limitMemory()
	opt := app.Options{Deps: common.Deps{Store: st, Lang: s.Lang, Now: time.Now}, DBPath: s.DBPath}
	switch {
	case s.As != "":
		if opt.Deps.User, err = st.FindUser(ctx, s.As); err != nil {
			return err
		}
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
	p := tea.NewProgram(app.New(opt), tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil && !(errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil) {
		return model.Errorf(model.EINVALID, "the terminal UI could not run (%v): start yunwei in a terminal, or use a command (yunwei --help)", err)
	}
	return nil
}

// headless runs the UI off-screen and prints its frame to stdout.
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
	_, err = fmt.Fprintln(os.Stdout, frame)
	return err
}

// limitMemory keeps the garbage collector close behind the live heap
// (DESIGN §8: 60 MiB peak RSS while browsing 100,000 tickets). Loading the
// queue makes ~30 MB of short-lived garbage around ~18 MB that stays; by
// default the heap would grow to twice what stays. GOGC and GOMEMLIMIT in
// the environment win.
func limitMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(32 << 20)
	}
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
