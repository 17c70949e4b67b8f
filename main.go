// Command yunwei is a keyboard-first terminal application for engineers who
// maintain a customer's software under a service contract: a ticket queue
// with SLA clocks, approvals, maintenance record sheets signed on screen,
// and monthly inspections, on a local SQLite file that syncs with a hub.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // business calendars need Asia/Shanghai on any machine

	"yunwei/ui/cli"
	"yunwei/ui/tui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Main is the program: built by main and by tests that run the real thing.
// Its streams and environment are the only ones anything below reads.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

// Run runs one command line and returns the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	app := &cli.App{Stdin: m.Stdin, Stdout: m.Stdout, Stderr: m.Stderr, Getenv: m.Getenv, Version: version, TUI: tui.Start}
	return app.Run(ctx, args)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	code := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
