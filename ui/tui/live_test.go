package tui_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A terminal UI left open shows what another process records meanwhile,
// without a key: the command line creates a ticket and decides another,
// and within the next tick or two the queue shows both.
func TestOpenQueueShowsWhatTheCommandLineRecords(t *testing.T) {
	tm := newTerm(t)
	dbPath, number := demoTicketAt(t, "live.db", "incident", "reported")

	tm.start("--db", dbPath, "--lang", "en")
	tm.waitFor("Loaded 300 tickets", "[1 Queue]")
	// The search finds the ticket decided below by its number, and the
	// one created below by its title, which names it.
	tm.keys("/")
	tm.typeText(number)
	tm.keys("Enter")
	tm.waitFor("1 of 300", ">"+number)

	cli := func(args ...string) {
		t.Helper()
		cmd := exec.Command(binary(t), append([]string{"--db", dbPath, "--lang", "en"}, args...)...)
		cmd.Env = append(os.Environ(), "YUNWEI_PASSPHRASE=demo")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("yunwei %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	cli("ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼",
		"--title", "Printer jam after "+number)
	cli("ticket", "act", number, "respond", "--input", "on_site=false")
	done := time.Now()

	deadline := done.Add(3 * time.Second)
	for {
		s := tm.screen()
		decided := false
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, number) && strings.Contains(l, "diagnosis") {
				decided = true
			}
		}
		if decided && strings.Contains(s, "2 of 301") && strings.Contains(s, "Printer jam") {
			t.Logf("shown %v after the command line", time.Since(done).Round(10*time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("3 s after the command line, the queue still shows:\n%s", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.keys("Escape")
	tm.waitFor("301 of 301")
	tm.keys("q")
	tm.waitExit()
}
