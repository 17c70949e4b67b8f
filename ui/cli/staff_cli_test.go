package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"yunwei/model"
)

// servingOn is who serves the hospital's contract on day, by contract
// list --json.
func servingOn(t *testing.T, path, day string) []model.ID {
	t.Helper()
	var cs []contractJSON
	if err := json.Unmarshal([]byte(mustRun(t, path, "contract", "list", "--customer", "市一医院", "--on", day, "--json")), &cs); err != nil || len(cs) != 1 {
		t.Fatalf("contract list: %v %d", err, len(cs))
	}
	if cs[0].On != day {
		t.Fatalf("contract list --on %s says on %s", day, cs[0].On)
	}
	return cs[0].Serving
}

// seed §2.4 from the command line: once the customer approves a staff
// change, contract list shows the engineer joining from the change's date,
// and an overtime confirmation names who worked it, one who served then.
func TestApprovedStaffChangeShowsInContractList(t *testing.T) {
	path := demoDB(t)
	var users []model.User
	json.Unmarshal([]byte(mustRun(t, path, "user", "list", "--json")), &users)
	id := map[string]model.ID{}
	for _, u := range users {
		id[u.Login] = u.ID
	}
	change := time.Now().In(shanghai).AddDate(0, 0, 10).Format(time.DateOnly)
	dayBefore := time.Now().In(shanghai).AddDate(0, 0, 9).Format(time.DateOnly)
	serving := servingOn(t, path, change)
	out, in := id["chenming"], id["zhaoli"]
	if slices.Contains(serving, in) {
		out, in = in, out
	}
	var notice ticketJSON
	json.Unmarshal([]byte(mustRun(t, path, "ticket", "new", "--kind", "staff_change", "--customer", "市一医院", "--title", "驻场人员调整", "--json")), &notice)
	n := notice.Number
	mustRun(t, path, "--as", "zhaoli", "ticket", "act", n, "announce", "--input", "outgoing_id="+out.String(), "--input", "incoming_id="+in.String(), "--input", "change_date="+change)
	if got := servingOn(t, path, change); !slices.Equal(got, serving) {
		t.Fatalf("announced, not approved, yet serving %v", got)
	}
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强")
	if got := servingOn(t, path, dayBefore); !slices.Equal(got, serving) {
		t.Errorf("the day before the change: %v, want %v", got, serving)
	}
	got := servingOn(t, path, change)
	if slices.Contains(got, out) || !slices.Contains(got, in) || len(got) != len(serving) {
		t.Errorf("from the change: %v (had %v, %s leaves, %s joins)", got, serving, out, in)
	}
	name := map[model.ID]string{}
	for _, u := range users {
		name[u.ID] = u.Name
	}
	text := mustRun(t, path, "--lang", "zh", "contract", "list", "--customer", "市一医院", "--on", change)
	if !strings.Contains(text, change+" 驻场人员：") || !strings.Contains(text, name[in]) || strings.Contains(text, name[out]) {
		t.Errorf("contract list in Chinese:\n%s", text)
	}
	if r := runCLI(t, nil, "--db", path, "contract", "list", "--on", "下周一"); r.code != ExitUsage {
		t.Errorf("--on 下周一: %+v", r)
	}

	// An overtime confirmation names who worked it.
	var ot ticketJSON
	json.Unmarshal([]byte(mustRun(t, path, "ticket", "new", "--kind", "overtime", "--customer", "市一医院", "--title", "周末加班", "--json")), &ot)
	yesterday := time.Now().In(shanghai).AddDate(0, 0, -1).Format(time.DateOnly)
	r := runCLI(t, demoPassphrase, "--db", path, "ticket", "act", ot.Number, "record", "--input", "date="+yesterday, "--input", "minutes=2h", "--input", "work=系统割接")
	if r.code != ExitError || !strings.Contains(r.stderr, "worked_by") {
		t.Fatalf("overtime without who worked it: %+v", r)
	}
	mustRun(t, path, "ticket", "act", ot.Number, "record", "--input", "worked_by="+id["wangjg"].String(), "--input", "date="+yesterday, "--input", "minutes=2h", "--input", "work=系统割接")
	if d := showJSON(t, path, ot.Number); d.Facts["worked_by"] != id["wangjg"].String() {
		t.Fatalf("facts %v", d.Facts)
	}
}

var shanghai = func() *time.Location {
	loc, err := model.LoadZone("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()
