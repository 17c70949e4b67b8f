package cli

import (
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestZZProf(t *testing.T) {
	args := strings.Fields(os.Getenv("ZZ_ARGS"))
	if len(args) == 0 {
		t.Skip()
	}
	n, _ := strconv.Atoi(os.Getenv("ZZ_N"))
	if n == 0 {
		n = 3
	}
	start := time.Now()
	for i := 0; i < n; i++ {
		app := &App{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
		if code := app.Run(context.Background(), args); code != 0 {
			t.Fatalf("exit %d", code)
		}
	}
	t.Logf("%v per run", time.Since(start)/time.Duration(n))
}
