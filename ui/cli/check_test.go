package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
)

// rawEdit edits the database file as an attacker with sqlite3 would.
func rawEdit(t *testing.T, path string, edit func(s *db.Store)) {
	t.Helper()
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	edit(s)
	s.Close()
}

// editDescription changes the description of the oldest ticket and
// recomputes the 8-byte hash prefix stored beside it, which today's check
// cannot see. It returns the event's row number.
func editDescription(t *testing.T, path string) int64 {
	t.Helper()
	var n int64
	rawEdit(t, path, func(s *db.Store) {
		var body []byte
		n, body = firstEventWith(t, s.DB(), `"type":"ticket.created"`)
		re := regexp.MustCompile(`"description":"[^"]*"`)
		body = re.ReplaceAll(body, []byte(`"description":"客户同意取消本次收费"`))
		setBody(t, s.DB(), n, body, model.HashEvent(body).Prefix())
	})
	return n
}

func TestCheckNamesAnEditAndRepairRefuses(t *testing.T) {
	path := demoDB(t)
	n := editDescription(t, path)
	where := fmt.Sprintf("event #%d (", n)

	r := runCLI(t, nil, "--db", path, "check")
	if r.code != ExitError || !strings.Contains(r.stdout, "[event_changed] "+where) || !strings.Contains(r.stdout, "fails verification") {
		t.Fatalf("an edited comment: %+v", r)
	}
	if strings.Contains(r.stdout, "check --repair rebuilds") {
		t.Fatalf("check advises a repair of a forged log: %s", r.stdout)
	}

	var before db.CheckReport
	json.Unmarshal([]byte(runCLI(t, nil, "--db", path, "check", "--json").stdout), &before)
	r = runCLI(t, nil, "--db", path, "check", "--repair")
	if r.code != ExitError || !strings.Contains(r.stderr, "repair refused") || !strings.Contains(r.stderr, "backup") || strings.Contains(r.stdout, "Projections rebuilt") {
		t.Fatalf("repair of a forged log: %+v", r)
	}
	var after db.CheckReport
	json.Unmarshal([]byte(runCLI(t, nil, "--db", path, "check", "--json").stdout), &after)
	if before.Digest == "" || before.Digest != after.Digest {
		t.Fatalf("a refused repair changed the projections: %s → %s", before.Digest, after.Digest)
	}

	r = runCLI(t, nil, "--db", path, "--lang", "zh", "check", "--repair")
	if r.code != ExitError || !strings.Contains(r.stderr, "拒绝修复") || !strings.Contains(r.stdout, "[event_changed] 事件 #") || !strings.Contains(r.stdout, "事件日志本身未通过校验") {
		t.Fatalf("in Chinese: %+v", r)
	}
	if english := regexp.MustCompile(`[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}`); english.MatchString(r.stdout + r.stderr) {
		t.Fatalf("an English sentence in --lang zh: %s\n%s", r.stdout, r.stderr)
	}
}

func TestCheckJSONListsFindingsByKind(t *testing.T) {
	path := demoDB(t)
	n := editDescription(t, path)
	r := runCLI(t, nil, "--db", path, "check", "--json")
	if r.code != ExitError {
		t.Fatalf("exit %d", r.code)
	}
	var out struct {
		Events      int64        `json:"events"`
		Problems    []string     `json:"problems"`
		Findings    []db.Problem `json:"findings"`
		Notes       []db.Problem `json:"notes"`
		IntegrityOK bool         `json:"integrity_ok"`
		LogVerified bool         `json:"log_verified"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	var hit *db.Problem
	for i, p := range out.Findings {
		if p.Kind == db.ProblemEventChanged && p.Event != nil && p.Event.N == n {
			hit = &out.Findings[i]
		}
	}
	if hit == nil || hit.Class != db.ClassLog || hit.Event.Type != "ticket.created" || len(hit.Event.ID) != 16 || hit.Event.Seq == 0 {
		t.Fatalf("findings %+v", out.Findings)
	}
	if out.LogVerified || !out.IntegrityOK || out.Events == 0 || len(out.Problems) != len(out.Findings) || !strings.HasPrefix(out.Problems[0], "[") || out.Notes == nil {
		t.Fatalf("report %+v", out)
	}
}

func TestProjectionOnlyEditIsRepaired(t *testing.T) {
	path := demoDB(t)
	rawEdit(t, path, func(s *db.Store) {
		if _, err := s.DB().Exec("UPDATE users SET roles = 'admin,engineer' WHERE login = 'wangjg'"); err != nil {
			t.Fatal(err)
		}
	})
	r := runCLI(t, nil, "--db", path, "check")
	if r.code != ExitError || !strings.Contains(r.stdout, "[projection_row_differs] table users, row ") || !strings.Contains(r.stdout, "check --repair rebuilds them") {
		t.Fatalf("an edited projection row: %+v", r)
	}
	r = runCLI(t, nil, "--db", path, "check", "--repair")
	if r.code != 0 || !strings.Contains(r.stdout, "Projections rebuilt") || !strings.Contains(r.stdout, "Check passed") {
		t.Fatalf("repair: %+v", r)
	}
}

// The ticket counter one behind: check says so, and ticket new still
// issues a number nobody has.
func TestCounterOneBehindIssuesNoDuplicate(t *testing.T) {
	path := demoDB(t)
	rawEdit(t, path, func(s *db.Store) {
		if _, err := s.DB().Exec("UPDATE counters SET value = value - 1 WHERE name LIKE 'ticket/%'"); err != nil {
			t.Fatal(err)
		}
	})
	r := runCLI(t, nil, "--db", path, "check")
	if r.code != ExitError || !strings.Contains(r.stdout, "[counter_behind]") || !strings.Contains(r.stdout, "set back") {
		t.Fatalf("a counter one behind: %+v", r)
	}
	r = runCLI(t, nil, "--db", path, "ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼", "--title", "放射科发票打印功能报错")
	if r.code != 0 || !strings.Contains(r.stdout, "DEM-2026-0061") {
		t.Fatalf("ticket new after the counter was set back: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "ticket", "list", "--status", "all", "--json"); strings.Count(r.stdout, `"DEM-2026-0060"`) != 1 {
		t.Fatalf("DEM-2026-0060 is not unique: %s", r.stdout)
	}
}

// Every kind of finding reads in both languages.
func TestEveryProblemKindIsWorded(t *testing.T) {
	ev := &db.EventRef{N: 12, Origin: 1, Seq: 12, ID: "0123456789abcdef", Type: "ticket.commented"}
	for _, k := range db.ProblemKinds {
		p := db.Problem{Kind: k, Event: ev, Other: ev, Table: "tickets", Key: "k", Want: "1", Got: "2", Detail: "title"}
		en, zh := problemText(i18n.En, p), problemText(i18n.Zh, p)
		if en == zh || strings.Contains(en, "cannot word") || !strings.HasPrefix(zh, "["+string(k)+"] ") {
			t.Errorf("%s: en %q, zh %q", k, en, zh)
		}
		if bytes.ContainsAny([]byte(strings.TrimPrefix(zh, "["+string(k)+"] ")), "abcdefghijklmnopqrstuvwxyz") && regexp.MustCompile(`[a-z]{3,} [a-z]{3,}`).MatchString(zh) {
			t.Errorf("%s: English in %q", k, zh)
		}
	}
}
