package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// listJSON is `ticket list --json` with args.
func listJSON(t *testing.T, path string, args ...string) []db.TicketRow {
	t.Helper()
	var rows []db.TicketRow
	out := mustRun(t, path, append([]string{"ticket", "list", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	return rows
}

// ticket list --kind takes every kind a ticket can be, the seed §2.4
// notices too, by code or label.
func TestTicketListTakesEveryKind(t *testing.T) {
	path := demoDB(t)
	for _, k := range ticket.FlowKinds() {
		for _, ref := range []string{string(k), k.Label("zh")} {
			rows := listJSON(t, path, "--status", "all", "--kind", ref)
			for _, r := range rows {
				if r.Kind != k {
					t.Errorf("--kind %s listed a %s", ref, r.Kind)
				}
			}
			if (k == model.KindStaffChange || k == model.KindOvertime) && len(rows) == 0 {
				t.Errorf("--kind %s listed nothing: the demo has some", ref)
			}
		}
	}
}

// A decision input naming a vendor user takes their login, as ticket
// assign does.
func TestUserInputsTakeLogins(t *testing.T) {
	path := demoDB(t)
	d := newTicketJSON(t, path, "--kind", "staff_change", "--customer", "市一医院", "--title", "驻场工程师调整")
	change := time.Now().In(model.DefaultZone()).AddDate(0, 0, 10).Format(time.DateOnly)
	r := runCLI(t, demoPassphrase, "--db", path, "--as", "zhaoli", "ticket", "act", d.Number, "announce",
		"--input", "outgoing_id=wangjg", "--input", "incoming_id=nobody", "--input", "change_date="+change)
	if r.code != ExitError || !strings.Contains(r.stderr, `no vendor user "nobody"`) {
		t.Fatalf("an unknown login: %+v", r)
	}
	incoming := newEngineer(t, path)
	mustRun(t, path, "--as", "zhaoli", "ticket", "act", d.Number, "announce",
		"--input", "outgoing_id=wangjg", "--input", "incoming_id="+incoming, "--input", "change_date="+change)
	users := map[string]model.ID{}
	var list []model.User
	json.Unmarshal([]byte(mustRun(t, path, "user", "list", "--json")), &list)
	for _, u := range list {
		users[u.Login] = u.ID
	}
	d = showJSON(t, path, d.Number)
	if d.Facts["outgoing_id"] != users["wangjg"].String() || d.Facts["incoming_id"] != users[incoming].String() {
		t.Fatalf("facts %v, want the ids of wangjg and %s", d.Facts, incoming)
	}
	if out := mustRun(t, path, "ticket", "show", d.Number); !strings.Contains(out, "engineer leaving") || !strings.Contains(out, "王建国") {
		t.Fatalf("the notice's engineers are not shown:\n%s", out)
	}
}

// Short ids are the random tail of the UUIDv7, different for everything
// entered together, and name it; a prefix that names several says so and
// lists them.
func TestShortIDsAreUniqueAndNameWhatTheyShow(t *testing.T) {
	path := demoDB(t)
	for _, args := range [][]string{{"customer", "list"}, {"contact", "list", "--customer", "市一医院"}, {"contract", "list"}, {"site", "list", "--customer", "市一医院"}} {
		seen := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSpace(mustRun(t, path, args...)), "\n") {
			short := strings.Fields(line)[0]
			if seen[short] {
				t.Errorf("%v shows %s twice:\n%s", args, short, mustRun(t, path, args...))
			}
			seen[short] = true
		}
	}
	var customers []model.Customer
	json.Unmarshal([]byte(mustRun(t, path, "customer", "list", "--json")), &customers)
	c := customers[0]
	mustRun(t, path, "--as", "zhaoli", "customer", "edit", c.ID.Short(), "--address", "江州市人民路 1 号")
	if out := mustRun(t, path, "ticket", "list", "--customer", c.ID.Short(), "--limit", "1"); !strings.Contains(out, c.ShortName) {
		t.Fatalf("--customer by short id:\n%s", out)
	}
	// Two tickets recorded in the same minute share the first 8 digits of
	// their ids (the time), never their short ids.
	a := newTicketJSON(t, path, "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "甲")
	b := newTicketJSON(t, path, "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "乙")
	if got := showJSON(t, path, a.ID.Short()); got.Number != a.Number {
		t.Fatalf("ticket show %s showed %s, want %s", a.ID.Short(), got.Number, a.Number)
	}
	prefix := a.ID.String()[:8]
	if b.ID.String()[:8] != prefix {
		t.Skip("the two tickets were recorded a minute apart")
	}
	r := runCLI(t, nil, "--db", path, "ticket", "show", prefix)
	if r.code != ExitError || !strings.Contains(r.stderr, "matches several tickets") || !strings.Contains(r.stderr, a.Number) || !strings.Contains(r.stderr, b.Number) {
		t.Fatalf("an ambiguous prefix: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "--lang", "zh", "ticket", "show", prefix); !strings.Contains(r.stderr, "对应多个工单") {
		t.Fatalf("an ambiguous prefix in Chinese: %q", r.stderr)
	}
}

// yes/no and true/false, and 是/否, work for every yes or no: a ticket's
// on_site field, an option, a decision's input.
func TestYesAndNoWorkEverywhere(t *testing.T) {
	path := demoDB(t)
	d := newTicketJSON(t, path, "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "打印机无法出单", "--on-site=yes")
	if !d.OnSite {
		t.Fatal("--on-site=yes did not set on site")
	}
	for _, c := range []struct {
		v    string
		want bool
	}{{"no", false}, {"是", true}, {"false", false}, {"y", true}} {
		mustRun(t, path, "ticket", "edit", d.Number, "on_site="+c.v)
		if got := showJSON(t, path, d.Number).OnSite; got != c.want {
			t.Fatalf("on_site=%s: %v", c.v, got)
		}
	}
	if e := newTicketJSON(t, path, "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "乙", "--on-site=否"); e.OnSite {
		t.Fatal("--on-site=否 set on site")
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "list", "--mine=maybe"); r.code != ExitUsage || !strings.Contains(r.stderr, "--mine takes yes or no") {
		t.Fatalf("--mine=maybe: %+v", r)
	}
	mustRun(t, path, "ticket", "act", d.Number, "respond", "--input", "on_site=否")
	if showJSON(t, path, d.Number).OnSite {
		t.Fatal("on_site=否 as an input did not clear on site")
	}
}

// ticket show prints every fact the steps recorded, labelled as the step
// tables label them: the plan, the analysis, the solution, the upgrade
// notes.
func TestTicketShowPrintsEveryFact(t *testing.T) {
	path := demoDB(t)
	n := newCorrection(t, path, "更正重复挂号")
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强")
	mustRun(t, path, "ticket", "act", n, "propose", "--input", "plan=先备份挂号表\n再删除重复记录", "--input", "backup_needed=yes", "--input", "verify_needed=no")
	out := mustRun(t, path, "ticket", "show", n)
	for _, want := range []string{"Recorded so far", "the plan", "先备份挂号表", "再删除重复记录", "backup needed", "simulated verification needed"} {
		if !strings.Contains(out, want) {
			t.Errorf("ticket show lacks %q:\n%s", want, out)
		}
	}
	if zh := mustRun(t, path, "--lang", "zh", "ticket", "show", n); !strings.Contains(zh, "已记录内容") || !strings.Contains(zh, "是否需要备份") {
		t.Errorf("the facts in Chinese:\n%s", zh)
	}
	for _, r := range listJSON(t, path, "--status", "all", "--kind", "change") {
		d := showJSON(t, path, r.Number)
		if d.Facts["upgrade_notes"] == "" {
			continue
		}
		out := mustRun(t, path, "ticket", "show", r.Number)
		for _, want := range []string{"upgrade notes", d.Facts["upgrade_notes"], "feasibility and reasonableness", d.Facts["analysis"], d.Facts["solution"]} {
			if !strings.Contains(out, want) {
				t.Errorf("ticket show %s lacks %q:\n%s", r.Number, want, out)
			}
		}
		return
	}
	t.Fatal("the demo has no change with upgrade notes")
}

// --json durations are numbers of minutes, the same in every language.
func TestJSONDurationsAreMinutesInEveryLanguage(t *testing.T) {
	path := demoDB(t)
	found := false
	for _, r := range listJSON(t, path, "--limit", "20") {
		clocks := func(lang string) []map[string]any {
			var v struct {
				Clocks []map[string]any `json:"clocks"`
			}
			if err := json.Unmarshal([]byte(mustRun(t, path, "--lang", lang, "ticket", "show", r.Number, "--json")), &v); err != nil {
				t.Fatal(err)
			}
			return v.Clocks
		}
		en, zh := clocks("en"), clocks("zh")
		for i, c := range en {
			for _, k := range []string{"remaining", "overdue"} {
				v, ok := c[k]
				if !ok {
					continue
				}
				found = true
				if _, number := v.(float64); !number || zh[i][k] != v {
					t.Errorf("%s clock %s %s: en %v (%T), zh %v", r.Number, c["kind"], k, v, v, zh[i][k])
				}
			}
		}
	}
	if !found {
		t.Fatal("no clock had time remaining or overdue")
	}
}

// An input given twice is refused, not silently the last one.
func TestRepeatedInputIsRefused(t *testing.T) {
	path := demoDB(t)
	n := newCorrection(t, path, "更正重复挂号")
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强")
	before := len(showJSON(t, path, n).History)
	r := runCLI(t, nil, "--db", path, "ticket", "act", n, "propose", "--input", "plan=先备份", "--input", "plan=直接删除",
		"--input", "backup_needed=yes", "--input", "verify_needed=yes")
	if r.code != ExitUsage || !strings.Contains(r.stderr, "--input plan is given twice") {
		t.Fatalf("a repeated input: %+v", r)
	}
	if after := len(showJSON(t, path, n).History); after != before {
		t.Fatal("the refused decision was written")
	}
}

// A decision on a closed ticket says when it closed and by whose
// decision, in the user's language.
func TestDecisionOnAClosedTicketSaysWhy(t *testing.T) {
	path := demoDB(t)
	rows := listJSON(t, path, "--status", "closed", "--kind", "incident", "--limit", "1")
	if len(rows) == 0 {
		t.Fatal("the demo has no closed incident")
	}
	r := runCLI(t, nil, "--db", path, "ticket", "act", rows[0].Number, "respond")
	if r.code != ExitError || !strings.Contains(r.stderr, "was closed on") || !strings.Contains(r.stderr, "decided “confirm”") ||
		strings.Contains(r.stderr, "only a") {
		t.Fatalf("a decision on a closed ticket: %+v", r)
	}
	r = runCLI(t, nil, "--db", path, "--lang", "zh", "ticket", "act", rows[0].Number, "respond")
	if !strings.Contains(r.stderr, "已于") || strings.Contains(r.stderr, "closed") {
		t.Fatalf("in Chinese: %q", r.stderr)
	}
}
