package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"yunwei/db"
)

// searchJSON runs ticket list with args and reads its JSON rows.
func searchJSON(t *testing.T, path string, args ...string) []db.TicketRow {
	t.Helper()
	r := runCLI(t, nil, append([]string{"--db", path, "ticket", "list", "--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("list %v: %s", args, r.stderr)
	}
	var rows []db.TicketRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("list %v: %v", args, err)
	}
	return rows
}

func TestTicketListSearchesNumbersTitlesNamesAndTexts(t *testing.T) {
	path := demoDB(t)
	r := runCLI(t, nil, "--db", path, "ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼",
		"--system", "HIS", "--title", "自助机 Kiosk 黑屏", "--requester", "刘晓梅", "--json")
	if r.code != 0 {
		t.Fatalf("new: %s", r.stderr)
	}
	var d db.TicketDetail
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "comment", d.Number, "更换了电源适配器 (AND) * 砀山"); r.code != 0 {
		t.Fatalf("comment: %s", r.stderr)
	}
	only := func(rows []db.TicketRow) bool { return len(rows) == 1 && rows[0].Number == d.Number }
	for _, q := range []string{d.Number, strings.ToLower(d.Number), "kiosk", "KIOSK 黑屏", "电源适配器", "砀山", "砀", "(AND) *"} {
		if rows := searchJSON(t, path, "--status", "all", "--search", q); !only(rows) {
			t.Errorf("--search %q: %d rows, want only %s", q, len(rows), d.Number)
		}
	}
	// The other options narrow the search.
	if rows := searchJSON(t, path, "--search", "电源适配器", "--customer", "市水司"); len(rows) != 0 {
		t.Errorf("--search with another customer: %d rows", len(rows))
	}
	if rows := searchJSON(t, path, "--search", "电源适配器", "--kind", "incident", "--status", "open"); !only(rows) {
		t.Errorf("--search with its kind and status: %d rows", len(rows))
	}
	if rows := searchJSON(t, path, "--search", "电源适配器", "--status", "closed"); len(rows) != 0 {
		t.Errorf("--search among closed tickets: %d rows", len(rows))
	}
	// A customer's name finds its tickets, in the list's order.
	all := searchJSON(t, path, "--status", "all", "--customer", "市一医院")
	found := searchJSON(t, path, "--status", "all", "--search", "一医院")
	if len(found) != len(all) || len(all) == 0 {
		t.Fatalf("--search 一医院: %d rows, the customer has %d", len(found), len(all))
	}
	for i := range all {
		if found[i].ID != all[i].ID {
			t.Fatalf("--search 一医院 lists in another order than --customer at row %d", i)
		}
	}
	if rows := searchJSON(t, path, "--status", "all", "--search", "一医院", "--limit", "3"); len(rows) != 3 || rows[0].ID != all[0].ID {
		t.Errorf("--search with --limit 3: %d rows", len(rows))
	}
	r = runCLI(t, nil, "--db", path, "--lang", "zh", "ticket", "list", "--search", "没有这样的内容")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "没有工单" {
		t.Errorf("a search finding nothing, in Chinese: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, nil, "--db", path, "ticket", "list", "--status", "all", "--search", "kiosk")
	if r.code != 0 || !strings.Contains(r.stdout, d.Number) || !strings.Contains(r.stdout, "自助机 Kiosk 黑屏") {
		t.Errorf("the text list of a search: %q", r.stdout)
	}
}

func TestTicketListSearchHelpInBothLanguages(t *testing.T) {
	r := runCLI(t, nil, "--lang", "zh", "ticket", "list", "--help")
	if !strings.Contains(r.stdout+r.stderr, "--search TEXT") || !strings.Contains(r.stdout+r.stderr, "包含 TEXT 的工单") {
		t.Errorf("ticket list --help in Chinese: %s", r.stdout+r.stderr)
	}
	r = runCLI(t, nil, "--lang", "en", "ticket", "list", "--help")
	if !strings.Contains(r.stdout+r.stderr, "decision texts contain TEXT") {
		t.Errorf("ticket list --help in English: %s", r.stdout+r.stderr)
	}
}
