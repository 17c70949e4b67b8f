package main

import (
	"context"

	"yunwei/ui/cli"
)

// startTUI starts the terminal UI; nil until the UI is built in.
var startTUI func(ctx context.Context, s *cli.Session) error
