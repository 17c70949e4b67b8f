package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"yunwei/model"
)

// onALaptopIn makes the machine's zone name for the test: what a laptop
// set to another zone than its contracts' would read typed times in.
func onALaptopIn(t *testing.T, name string) {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = old })
}

// A time typed on the command line is read in the contract calendar's
// zone, as the terminal UI's forms read it, whatever the laptop's zone: a
// request raised on Saturday 20:00 in Jiangzhou is outside working hours
// and due in 1 hour, on a laptop in New York too. A response is logged as
// of when it happened.
func TestTimesTypedOnTheCommandLineAreReadInTheContractsZone(t *testing.T) {
	onALaptopIn(t, "America/New_York")
	path := demoDB(t)
	d := newTicketJSON(t, path, "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼",
		"--title", "周六晚挂号系统无法出号", "--reported-at", "2026-11-28 20:00")
	if d.ReportedAt != "2026-11-28T12:00:00.000Z" || len(d.Clocks) == 0 || d.Clocks[0].Due != "2026-11-28T13:00:00.000Z" {
		t.Fatalf("reported %s, clocks %+v; want 12:00Z due 13:00Z", d.ReportedAt, d.Clocks)
	}
	if out := mustRun(t, path, "ticket", "show", d.Number); !strings.Contains(out, "Reported   2026-11-28 20:00") {
		t.Fatalf("the text shows another time:\n%s", out)
	}
	r := runCLI(t, nil, "--db", path, "ticket", "act", d.Number, "respond", "--at", "2026-11-28 20:40", "--input", "responded_at=2026-11-28 20:30")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "--at and --input responded_at both give the time") {
		t.Fatalf("--at and the input: %+v", r)
	}
	mustRun(t, path, "ticket", "act", d.Number, "respond", "--at", "2026-11-28 20:40")
	d = showJSON(t, path, d.Number)
	if d.RespondedAt != "2026-11-28T12:40:00.000Z" || d.Clocks[0].State != "met" {
		t.Fatalf("responded %s, clock %+v; want 12:40Z and met", d.RespondedAt, d.Clocks[0])
	}
	r = runCLI(t, nil, "--db", path, "--lang", "zh", "ticket", "act", d.Number, "diagnosed", "--input", "cause=接口超时", "--input", "fix=重启服务", "--at", "2026-11-28 21:00")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "不记录时间") {
		t.Fatalf("--at on a decision that records no time: %+v", r)
	}
}

// ticket edit corrects when the request was raised: an event in the
// history, shown in the contract's zone; the clock follows. A time in the
// future or before the contract began is refused with nothing written.
func TestTicketEditCorrectsReportedAt(t *testing.T) {
	onALaptopIn(t, "UTC")
	path := demoDB(t)
	d := newTicketJSON(t, path, "--kind", "consultation", "--customer", "市一医院", "--site", "门诊楼", "--title", "报表口径咨询")
	earlier := time.Now().In(model.DefaultZone()).Add(-3 * time.Hour).Truncate(time.Minute)
	typed := earlier.Format("2006-01-02 15:04")
	mustRun(t, path, "ticket", "edit", d.Number, "reported_at="+typed)
	after := showJSON(t, path, d.Number)
	if after.ReportedAt != model.FormatTime(earlier) || after.Clocks[0].Start != model.FormatTime(earlier) {
		t.Fatalf("reported %s, clock from %s; want %s", after.ReportedAt, after.Clocks[0].Start, model.FormatTime(earlier))
	}
	if h := after.History[len(after.History)-1]; h.Field != "reported_at" {
		t.Fatalf("the correction is not in the history: %+v", h)
	}
	if out := mustRun(t, path, "--lang", "zh", "ticket", "show", d.Number); !strings.Contains(out, "将报告时间改为 "+typed) {
		t.Fatalf("history in Chinese:\n%s", out)
	}
	if out := mustRun(t, path, "ticket", "show", d.Number); !strings.Contains(out, "set Reported to "+typed) {
		t.Fatalf("history line:\n%s", out)
	}
	for _, c := range []struct{ at, want string }{
		{"2099-01-01 10:00", "in the future"},
		{"2016-11-28 09:00", "before contract YW-2026-HIS-001 began: the contract runs from 2026-01-01 to 2026-12-31"},
	} {
		r := runCLI(t, nil, "--db", path, "ticket", "edit", d.Number, "reported_at="+c.at)
		if r.code != ExitError || !strings.Contains(r.stderr, c.want) {
			t.Errorf("reported_at=%s: %+v, want %q", c.at, r, c.want)
		}
	}
	if n := len(showJSON(t, path, d.Number).History); n != len(after.History) {
		t.Fatalf("a refused edit wrote: %d entries, want %d", n, len(after.History))
	}
	r := runCLI(t, nil, "--db", path, "ticket", "new", "--kind", "consultation", "--customer", "市一医院", "--site", "门诊楼", "--title", "旧单", "--reported-at", "2016-11-28 09:00")
	if r.code != ExitError || !strings.Contains(r.stderr, "2026-01-01 to 2026-12-31") {
		t.Fatalf("a request of 2016: %+v", r)
	}
}

// newTicketJSON records a ticket with the given options and returns it.
func newTicketJSON(t *testing.T, path string, args ...string) ticketJSON {
	t.Helper()
	out := mustRun(t, path, append(append([]string{"ticket", "new"}, args...), "--json")...)
	var d ticketJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("ticket new --json: %v\n%s", err, out)
	}
	return d
}
