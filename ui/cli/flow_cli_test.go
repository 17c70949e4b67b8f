package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/flows/ticket"
)

// demoPassphrase gives the demo users' passphrase, which --as needs.
var demoPassphrase = map[string]string{"YUNWEI_PASSPHRASE": "demo"}

func mustRun(t *testing.T, path string, args ...string) string {
	t.Helper()
	r := runCLI(t, demoPassphrase, append([]string{"--db", path}, args...)...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
	}
	return r.stdout
}

func showJSON(t *testing.T, path, number string) ticketJSON {
	t.Helper()
	var d ticketJSON
	if err := json.Unmarshal([]byte(mustRun(t, path, "ticket", "show", number, "--json")), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// seed §3 from the command line: a data correction through all its steps.
func TestDataCorrectionFromTheCommandLine(t *testing.T) {
	path := demoDB(t)
	var created ticketJSON
	json.Unmarshal([]byte(mustRun(t, path, "ticket", "new", "--kind", "数据维护", "--customer", "市一医院", "--site", "门诊楼",
		"--title", "更正门诊重复挂号记录", "--requester", "刘晓梅", "--json")), &created)
	n := created.Number
	if created.Step != "dept_approval" || len(created.WaitingFor) != 1 || created.WaitingFor[0] != "dept_head" {
		t.Fatalf("new data correction at %q waiting for %v", created.Step, created.WaitingFor)
	}
	// The engineer alone cannot approve for the department head.
	r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve")
	if r.code != ExitError || !strings.Contains(r.stderr, "--contact") {
		t.Fatalf("approve without the department head: %+v", r)
	}
	steps := [][]string{
		{"ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强", "--comment", "同意"},
		{"ticket", "act", n, "propose", "--input", "plan=先在测试库验证再执行", "--input", "backup_needed=yes", "--input", "verify_needed=yes"},
		{"--as", "lina", "ticket", "act", n, "return", "--comment", "请补充回退方案"},
		{"ticket", "act", n, "propose", "--input", "plan=测试库验证，备份后执行，可回退", "--input", "backup_needed=yes", "--input", "verify_needed=yes"},
		{"--as", "lina", "ticket", "act", n, "approve"},
		{"ticket", "act", n, "done", "--input", "backup_what=挂号表当日数据", "--input", "backup_where=备份服务器"},
		{"ticket", "act", n, "failure", "--comment", "验证发现关联费用未更正"},
	}
	for _, s := range steps {
		mustRun(t, path, s...)
	}
	d := showJSON(t, path, n)
	if d.Step != "plan" {
		t.Fatalf("verification failure should return to the plan (seed §3 step 6), at %q", d.Step)
	}
	for _, s := range [][]string{
		{"ticket", "act", n, "propose", "--input", "plan=同时更正关联费用", "--input", "backup_needed=no", "--input", "verify_needed=no"},
		{"--as", "lina", "ticket", "act", n, "approve"},
		{"ticket", "act", n, "done", "--input", "result=已更正 3 条记录", "--input", "notice=电话通知"},
		{"ticket", "act", n, "not_satisfied", "--contact", "刘晓梅", "--signature-typed", "刘晓梅", "--comment", "还有一条未改"},
		{"ticket", "act", n, "done", "--input", "result=已全部更正", "--input", "notice=电话通知"},
		{"ticket", "act", n, "satisfied", "--contact", "刘晓梅", "--signature-typed", "刘晓梅", "--input", "rating=5"},
	} {
		mustRun(t, path, s...)
	}
	d = showJSON(t, path, n)
	if d.Status != "closed" || d.ClosedAt == "" {
		t.Fatalf("after satisfied feedback: status %q", d.Status)
	}
	for _, st := range d.Flow {
		if st.Status != "done" && st.Name != "backup" && st.Name != "verification" {
			t.Errorf("step %s is %s after closing", st.Name, st.Status)
		}
	}
	text := mustRun(t, path, "--lang", "zh", "ticket", "show", n)
	for _, want := range []string{"使用部门主管", "请补充回退方案", "服务时限", "流程"} {
		if !strings.Contains(text, want) {
			t.Errorf("ticket show lacks %q", want)
		}
	}
}

func TestEnhancementQuotaFromTheCommandLine(t *testing.T) {
	path := demoDB(t)
	var c db.TicketDetail
	json.Unmarshal([]byte(mustRun(t, path, "ticket", "new", "--kind", "enhancement", "--customer", "江大", "--site", "教务处",
		"--title", "选课列表增加导出", "--requester", "陈思远", "--json")), &c)
	r := runCLI(t, nil, "--db", path, "ticket", "act", c.Number, "estimate", "--input", "estimate_minutes=2d")
	if r.code == 0 || !strings.Contains(r.stderr, "convert") {
		t.Fatalf("an estimate above 1 person-day must be refused and point to convert: %+v", r)
	}
	mustRun(t, path, "ticket", "act", c.Number, "estimate", "--input", "estimate_minutes=6h")
	mustRun(t, path, "ticket", "act", c.Number, "approve", "--contact", "黄立新", "--signature-typed", "黄立新")
	before := quotaUsed(t, path, "YW-2026-EDU-003")
	mustRun(t, path, "ticket", "act", c.Number, "done", "--input", "effort_minutes=5h")
	if after := quotaUsed(t, path, "YW-2026-EDU-003"); after != before+300 {
		t.Fatalf("quota used %d → %d, want +300 minutes", before, after)
	}
	out := mustRun(t, path, "quota", "--contract", "YW-2026-EDU-003")
	if !strings.Contains(out, c.Number) {
		t.Fatalf("quota listing lacks the booking of %s:\n%s", c.Number, out)
	}
}

func quotaUsed(t *testing.T, path, contract string) int {
	var ledgers []ticket.QuotaLedger
	if err := json.Unmarshal([]byte(mustRun(t, path, "quota", "--contract", contract, "--json")), &ledgers); err != nil {
		t.Fatal(err)
	}
	return ledgers[0].Years[len(ledgers[0].Years)-1].UsedMinutes
}

func TestCalendarImportFromTextAndICS(t *testing.T) {
	path := demoDB(t)
	dir := t.TempDir()
	text := filepath.Join(dir, "holidays.txt")
	os.WriteFile(text, []byte("# 2026 国庆\n2026-10-01..2026-10-07 holiday 国庆节 🎉\n2026-10-10 workday 国庆节调休\n"), 0o600)
	if r := runCLI(t, nil, "--db", path, "calendar", "import", text, "--contract", "YW-2026-HIS-001"); r.code == 0 || !strings.Contains(r.stderr, "admin") {
		t.Fatalf("an engineer importing a calendar: %+v", r)
	}
	out := mustRun(t, path, "--as", "zhaoli", "calendar", "import", text, "--contract", "YW-2026-HIS-001")
	if !strings.Contains(out, "7 holidays and 1 make-up") {
		t.Fatalf("import said %q", out)
	}
	ics := filepath.Join(dir, "cn.ics")
	os.WriteFile(ics, []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260104\r\nSUMMARY:元旦\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260104\r\nSUMMARY:元旦补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o600)
	mustRun(t, path, "--as", "zhaoli", "calendar", "import", ics, "--contract", "YW-2026-HIS-001")
	show := mustRun(t, path, "calendar", "show", "--contract", "YW-2026-HIS-001")
	for _, want := range []string{"2026-10-01  国庆节 🎉", "2026-10-10  国庆节调休", "2026-01-02  元旦", "2026-01-04  元旦补班"} {
		if !strings.Contains(show, want) {
			t.Errorf("calendar show lacks %q:\n%s", want, show)
		}
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("2026-02-30 holiday 不存在的日子\n"), 0o600)
	if r := runCLI(t, demoPassphrase, "--db", path, "--as", "zhaoli", "calendar", "import", bad, "--contract", "YW-2026-HIS-001"); r.code == 0 || !strings.Contains(r.stderr, "line 1") {
		t.Fatalf("a bad date must name its line: %+v", r)
	}
	if strings.Contains(mustRun(t, path, "calendar", "show", "--contract", "YW-2026-HIS-001"), "不存在") {
		t.Fatal("a refused import changed the calendar")
	}
}

// newEngineer adds a vendor engineer who serves no contract yet, the one
// a staff change brings in (the demo's engineers all serve already), and
// returns their login. The demo's admin adds them.
func newEngineer(t *testing.T, path string) string {
	t.Helper()
	env := map[string]string{"YUNWEI_PASSPHRASE": "demo", "YUNWEI_NEW_PASSPHRASE": "周杰的口令"}
	r := runCLI(t, env, "--db", path, "--as", "zhaoli", "user", "add", "--login", "zhoujie", "--name", "周杰", "--roles", "engineer")
	if r.code != ExitOK {
		t.Fatalf("user add: %d %s", r.code, r.stderr)
	}
	return "zhoujie"
}
