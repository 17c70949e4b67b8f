package cli

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yunwei/flows/ticket"
)

// newCorrection records a data correction at 市一医院, waiting for its
// department head, and returns its number.
func newCorrection(t *testing.T, path, title string) string {
	t.Helper()
	var created ticketJSON
	if err := json.Unmarshal([]byte(mustRun(t, path, "ticket", "new", "--kind", "data_correction", "--customer", "市一医院",
		"--site", "门诊楼", "--title", title, "--requester", "刘晓梅", "--json")), &created); err != nil {
		t.Fatal(err)
	}
	return created.Number
}

// lastDecision is the newest decision in a ticket's history.
func lastDecision(d ticketJSON) ticket.HistoryEntry {
	for i := len(d.History) - 1; i >= 0; i-- {
		if d.History[i].Type == ticket.Decided {
			return d.History[i].HistoryEntry
		}
	}
	return ticket.HistoryEntry{}
}

// DESIGN §5 from the command line: a customer's decision needs their
// signature; typed, it is their own name, and it verifies as one drawn in
// the terminal UI does.
func TestCustomerDecisionNeedsTheSignatureOnTheCommandLine(t *testing.T) {
	path := demoDB(t)
	n := newCorrection(t, path, "更正重复挂号")
	r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve", "--contact", "孙国强")
	if r.code != ExitError || !strings.Contains(r.stderr, "needs their signature") || !strings.Contains(r.stderr, "--signature-typed") {
		t.Fatalf("approve with no signature: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "--lang", "zh", "ticket", "act", n, "approve", "--contact", "孙国强"); !strings.Contains(r.stderr, "须由本人签字") {
		t.Fatalf("the refusal in Chinese: %q", r.stderr)
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "Mallory"); r.code != ExitError || !strings.Contains(r.stderr, `"Mallory" is not 孙国强's name`) {
		t.Fatalf("a typed signature in another name: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve", "--signature-typed", "孙国强"); r.code != ExitUsage || !strings.Contains(r.stderr, "--contact") {
		t.Fatalf("a signature with no --contact: %+v", r)
	}
	if d := showJSON(t, path, n); d.Step != "dept_approval" || len(d.History) != 1 {
		t.Fatalf("refused decisions moved %s to %s", n, d.Step)
	}
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强", "--comment", " 同意，\r\n按方案执行 ")
	d := showJSON(t, path, n)
	h := lastDecision(d)
	if d.Step != "plan" || h.Signature == nil || h.Signature.Typed != "孙国强" || h.Signature.SignerName != "孙国强" || h.LateContact != "" {
		t.Fatalf("at %s, %+v", d.Step, h)
	}
	if !ticket.SignatureValid(&d.State, h) {
		t.Fatal("the command line's signature does not verify")
	}
	if out := mustRun(t, path, "ticket", "show", n); !strings.Contains(out, "signed, valid") || strings.Contains(out, "⚠") {
		t.Fatalf("ticket show:\n%s", out)
	}
}

// A contract may require drawn signatures: typed ones are refused for its
// tickets; a strokes file is a drawing.
func TestDrawnSignaturesFromAStrokesFile(t *testing.T) {
	path := demoDB(t)
	if r := runCLI(t, nil, "--db", path, "contract", "edit", "YW-2026-HIS-001", "--customer", "市一医院", "--drawn-signatures", "yes"); r.code != ExitError || !strings.Contains(r.stderr, "admin") {
		t.Fatalf("an engineer changing the contract: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "--as", "zhaoli", "contract", "edit", "YW-2026-HIS-001", "--customer", "市一医院", "--drawn-signatures", "maybe"); r.code != ExitError || !strings.Contains(r.stderr, "yes or no") {
		t.Fatalf("--drawn-signatures maybe: %+v", r)
	}
	mustRun(t, path, "--as", "zhaoli", "contract", "edit", "YW-2026-HIS-001", "--customer", "市一医院", "--drawn-signatures", "yes")
	if out := mustRun(t, path, "--lang", "zh", "contract", "list", "--customer", "市一医院"); !strings.Contains(out, "仅限手写签名") {
		t.Fatalf("contract list:\n%s", out)
	}
	n := newCorrection(t, path, "更正门诊收费记录")
	r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强")
	if r.code != ExitError || !strings.Contains(r.stderr, "YW-2026-HIS-001 requires drawn signatures") {
		t.Fatalf("a typed signature under a contract wanting drawings: %+v", r)
	}
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	for name, c := range map[string]struct{ body, want string }{
		"not json":  {"孙国强", "is not a strokes file"},
		"floats":    {`[[{"x":1.5,"y":2}]]`, "is not a strokes file"},
		"extra key": {`[[{"x":1,"y":2,"p":3}]]`, "is not a strokes file"},
		"trailing":  {`[[{"x":1,"y":2},{"x":3,"y":4}]] []`, "is not a strokes file"},
		"empty":     {`[]`, "holds no drawing"},
		"one point": {`[[{"x":1,"y":2}]]`, "holds no drawing"},
		"negative":  {`[[{"x":-1,"y":2},{"x":3,"y":4}]]`, "coordinates go from 0 to 4095"},
		"huge":      {"[" + strings.Repeat(" ", 300<<10) + "]", "larger than 256 KiB"},
		"too many":  {"[[" + strings.Repeat(`{"x":1,"y":2},`, 4500) + `{"x":1,"y":2}]]`, "the limit is 4000"},
	} {
		r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-file", file(strings.ReplaceAll(name, " ", "_")+".json", c.body))
		if r.code != ExitError || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%s strokes file: %+v", name, r)
		}
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-file", filepath.Join(dir, "missing.json")); r.code != ExitError || !strings.Contains(r.stderr, "cannot read") {
		t.Errorf("a missing strokes file: %+v", r)
	}
	good := file("sun.json", `[[{"x":3,"y":10},{"x":9,"y":4},{"x":15,"y":12}],[{"x":20,"y":6},{"x":28,"y":9}]]`)
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-file", good)
	d := showJSON(t, path, n)
	h := lastDecision(d)
	if d.Step != "plan" || h.Signature == nil || len(h.Signature.Strokes) != 2 || h.Signature.Typed != "" || !ticket.SignatureValid(&d.State, h) {
		t.Fatalf("at %s, %+v", d.Step, h.Signature)
	}
	if out := mustRun(t, path, "ticket", "show", n); !strings.Contains(out, "孙国强 ✍") || !strings.Contains(out, "signed, valid") {
		t.Fatalf("ticket show:\n%s", out)
	}
}

// "Engineers may add contacts": a department head added, or given the
// role, after the ticket was raised is marked on every decision they take,
// in ticket show, in Chinese and in --json; a rebuild marks them alike.
func TestLateContactsAreMarked(t *testing.T) {
	path := demoDB(t)
	n := newCorrection(t, path, "更正挂号记录")
	mustRun(t, path, "contact", "add", "--customer", "市一医院", "--name", "假主管", "--department", "门诊收费处", "--roles", "dept_head")
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "假主管", "--signature-typed", "假主管")
	d := showJSON(t, path, n)
	if h := lastDecision(d); d.Step != "plan" || h.LateContact != ticket.LateCreated {
		t.Fatalf("假主管's approval: at %s, %+v", d.Step, h)
	}
	if out := mustRun(t, path, "ticket", "show", n); !strings.Contains(out, "⚠ contact added after the ticket was raised") {
		t.Fatalf("ticket show:\n%s", out)
	}
	if out := mustRun(t, path, "--lang", "zh", "ticket", "show", n); !strings.Contains(out, "⚠ 联系人在工单登记后才添加") {
		t.Fatalf("ticket show in Chinese:\n%s", out)
	}
	raw := mustRun(t, path, "ticket", "show", n, "--json")
	if !strings.Contains(raw, `"late_contact": "created_after_ticket"`) {
		t.Fatalf("--json lacks the mark:\n%s", raw)
	}

	n2 := newCorrection(t, path, "更正收费记录")
	mustRun(t, path, "contact", "edit", "刘晓梅", "--customer", "市一医院", "--roles", "requester,dept_head")
	mustRun(t, path, "ticket", "act", n2, "approve", "--contact", "刘晓梅", "--signature-typed", "刘晓梅")
	if h := lastDecision(showJSON(t, path, n2)); h.LateContact != ticket.LateRole {
		t.Fatalf("刘晓梅's approval as a new head: %+v", h)
	}
	if out := mustRun(t, path, "--lang", "zh", "ticket", "show", n2); !strings.Contains(out, "⚠ 联系人在工单登记后才获得该角色") {
		t.Fatalf("ticket show in Chinese:\n%s", out)
	}
	// 假主管 was there before this one was raised: no mark.
	n3 := newCorrection(t, path, "更正药房记录")
	mustRun(t, path, "ticket", "act", n3, "approve", "--contact", "假主管", "--signature-typed", "假主管")
	if h := lastDecision(showJSON(t, path, n3)); h.LateContact != "" {
		t.Fatalf("a contact older than the ticket is marked %q", h.LateContact)
	}
	if out := mustRun(t, path, "check"); !strings.Contains(out, "Check passed") {
		t.Fatalf("check:\n%s", out)
	}
}

// DESIGN §4: a role given by editing the users table is refused when the
// decision is recorded (the log does not give it), nothing is written,
// and check points at the edited table.
func TestRoleForgedInTheUsersTableIsRefused(t *testing.T) {
	path := demoDB(t)
	n := newCorrection(t, path, "更正挂号记录")
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强")
	// 李娜 writes the plan: its author may not review it anyway.
	mustRun(t, path, "--as", "lina", "ticket", "act", n, "propose", "--input", "plan=测试库验证后执行", "--input", "backup_needed=no", "--input", "verify_needed=no")
	if r := runCLI(t, nil, "--db", path, "ticket", "act", n, "approve"); r.code != ExitError || !strings.Contains(r.stderr, "technical lead") {
		t.Fatalf("the engineer approving the plan: %+v", r)
	}
	sdb, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sdb.Exec("UPDATE users SET roles = 'engineer,tech_lead' WHERE login = 'wangjg'"); err != nil {
		t.Fatal(err)
	}
	sdb.Close()
	r := runCLI(t, nil, "--db", path, "--lang", "zh", "ticket", "act", n, "approve")
	if r.code != ExitError || !strings.Contains(r.stderr, "据事件日志") || !strings.Contains(r.stderr, "yunwei check") || strings.Contains(r.stderr, "可作的决定") {
		t.Fatalf("a tech lead by the users table: %+v", r)
	}
	if d := showJSON(t, path, n); d.Step != "review" || len(d.Rejected) != 0 {
		t.Fatalf("the refused decision: at %s, %+v", d.Step, d.Rejected)
	}
	if r := runCLI(t, nil, "--db", path, "check"); r.code == ExitOK {
		t.Fatalf("check passed with an edited users table: %+v", r)
	}
}
