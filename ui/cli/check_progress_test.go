package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"yunwei/db"
)

// runOnTerminal is runCLI with stderr taken for a terminal.
func runOnTerminal(t *testing.T, args ...string) run {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Getenv: func(string) string { return "" }, stderrTerminal: func() bool { return true }}
	code := app.Run(context.Background(), args)
	return run{code, out.String(), errOut.String()}
}

// On a terminal, check redraws one progress line on stderr (events checked
// out of all, the phase) and clears it before the report; in Chinese with
// --lang zh. Piped, or with --json, it draws nothing.
func TestCheckShowsProgressOnATerminalOnly(t *testing.T) {
	path := demoDB(t)
	r := runOnTerminal(t, "--db", path, "check")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Check passed") {
		t.Fatalf("check: %+v", r)
	}
	events := regexp.MustCompile(`\rchecking: (\d+) / (\d+) events read, verified and folded\x1b\[K`).FindAllStringSubmatch(r.stderr, -1)
	if len(events) < 2 || events[len(events)-1][1] != events[len(events)-1][2] || events[0][1] != "0" {
		t.Fatalf("no progress of the events from 0 to all: %q", r.stderr)
	}
	if !strings.Contains(r.stderr, "\rchecking: projection tables compared with their rebuild") || !strings.HasSuffix(r.stderr, "\r\x1b[K") {
		t.Fatalf("the progress line is not cleared at the end: %q", r.stderr)
	}
	zh := runOnTerminal(t, "--db", path, "--lang", "zh", "check")
	if !strings.Contains(zh.stderr, "正在检查：已读取、校验并重放") || regexp.MustCompile(`[A-Za-z]{3,} [a-z]{3,}`).MatchString(zh.stderr) {
		t.Fatalf("the progress in Chinese: %q", zh.stderr)
	}
	if j := runOnTerminal(t, "--db", path, "check", "--json"); j.stderr != "" || !json.Valid([]byte(j.stdout)) {
		t.Fatalf("check --json on a terminal: %+v", j)
	}
	if p := runCLI(t, nil, "--db", path, "check"); p.stderr != "" {
		t.Fatalf("check piped draws %q", p.stderr)
	}
}

// check --quick reports in the shape of check (JSON included), says what
// it verified and what it left to the full check, and finds a deleted
// event.
func TestCheckQuick(t *testing.T) {
	path := demoDB(t)
	r := runCLI(t, nil, "--db", path, "check", "--quick")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Quick check passed") || !strings.Contains(r.stdout, "yunwei check verifies every event") {
		t.Fatalf("check --quick: %+v", r)
	}
	full, quick := map[string]any{}, map[string]any{}
	json.Unmarshal([]byte(runCLI(t, nil, "--db", path, "check", "--json").stdout), &full)
	json.Unmarshal([]byte(runCLI(t, nil, "--db", path, "check", "--quick", "--json").stdout), &quick)
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	if len(full) == 0 || !slices.Equal(keys(full), keys(quick)) || quick["events"] != full["events"] {
		t.Fatalf("check --quick --json is not shaped as check --json: %v / %v", keys(quick), keys(full))
	}
	if zh := runCLI(t, nil, "--db", path, "--lang", "zh", "check", "--quick"); !strings.Contains(zh.stdout, "快速检查通过") {
		t.Fatalf("in Chinese: %+v", zh)
	}
	rawEdit(t, path, func(s *db.Store) {
		if _, err := s.DB().Exec("DELETE FROM events WHERE n = (SELECT n FROM events ORDER BY n LIMIT 1 OFFSET 40)"); err != nil {
			t.Fatal(err)
		}
	})
	if r := runCLI(t, nil, "--db", path, "check", "--quick"); r.code != ExitError || !strings.Contains(r.stdout, "[seq_gap]") {
		t.Fatalf("a deleted event: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "check", "--quick", "--repair"); r.code != ExitUsage {
		t.Fatalf("--quick --repair: %+v", r)
	}
}
