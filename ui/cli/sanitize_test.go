package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"yunwei/db"
)

// rawHidden lists what must never reach the terminal raw: escape, a C1
// control, bidirectional overrides and isolates.
var rawHidden = []string{"\x1b", "\u009b", "\u202e", "\u2066", "\u200f"}

func assertNoRawHidden(t *testing.T, what, out string) {
	t.Helper()
	for _, c := range rawHidden {
		if strings.Contains(out, c) {
			t.Errorf("%s prints %U raw:\n%q", what, []rune(c)[0], out)
		}
	}
}

// A contact's name may hold a right-to-left override (it is not a control
// character, and a replica may have stored anything): the confirmation
// and the list of choices in an error show it as a visible code.
func TestSavedAndChooseFromShowHiddenCharactersVisibly(t *testing.T) {
	path := demoDB(t)
	evil := "马俊\u202e\u2066吉日\u200f"
	for _, lang := range []string{"en", "zh"} {
		r := runCLI(t, nil, "--db", path, "--lang", lang, "contact", "add", "--customer", "市一医院", "--name", evil+lang, "--roles", "requester")
		if r.code != 0 {
			t.Fatalf("contact add: %s", r.stderr)
		}
		assertNoRawHidden(t, "contact add ("+lang+")", r.stdout)
		if !strings.Contains(r.stdout, "马俊‹U+202E›‹U+2066›吉日‹U+200F›"+lang) {
			t.Errorf("contact add (%s) says %q", lang, r.stdout)
		}
		r = runCLI(t, nil, "--db", path, "--lang", lang, "ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼",
			"--title", "打印机故障", "--requester", "nobody-like-this")
		if r.code != ExitError || !strings.Contains(r.stderr, "马俊‹U+202E›‹U+2066›吉日‹U+200F›"+lang) {
			t.Fatalf("unknown requester (%s): exit %d, %q", lang, r.code, r.stderr)
		}
		assertNoRawHidden(t, "the choices of an error ("+lang+")", r.stderr)
		r = runCLI(t, nil, "--db", path, "--lang", lang, "contact", "list", "--customer", "市一医院")
		assertNoRawHidden(t, "contact list ("+lang+")", r.stdout)
	}
}

// plantTitle rewrites a ticket's title in the log and the projection, as
// a replica that did not check its input would have stored it.
func plantTitle(t *testing.T, path, from, to string) {
	t.Helper()
	encode := func(s string) string {
		b, _ := json.Marshal(s)
		return string(b)
	}
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Canonical JSON writes ESC as \u001b and a C1 control raw, as
	// encoding/json does for these two.
	edited := map[int64][]byte{}
	eachBody(t, s.DB(), func(n int64, body []byte) bool {
		if bytes.Contains(body, []byte(encode(from))) {
			edited[n] = bytes.ReplaceAll(body, []byte(encode(from)), []byte(encode(to)))
		}
		return true
	})
	for n, body := range edited {
		setBody(t, s.DB(), n, body)
	}
	// The projections follow the log.
	if err := s.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestJSONOutputEscapesHiddenCharactersAndKeepsTheText(t *testing.T) {
	path := demoDB(t)
	typed := "打印机\u202e坏了"
	var d db.TicketDetail
	r := runCLI(t, nil, "--db", path, "ticket", "new", "--kind", "incident", "--customer", "市一医院", "--site", "门诊楼",
		"--title", typed, "--requester", "刘晓梅", "--json")
	if r.code != 0 {
		t.Fatalf("ticket new: %s", r.stderr)
	}
	assertNoRawHidden(t, "ticket new --json", r.stdout)
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || d.Title != typed {
		t.Fatalf("ticket new --json: %v, title %q", err, d.Title)
	}
	stored := "打印机\u202e\x1b[2J\u009b坏了"
	plantTitle(t, path, typed, stored)

	show := mustRun(t, path, "ticket", "show", d.Number, "--json")
	list := mustRun(t, path, "ticket", "list", "--status", "all", "--json")
	for what, out := range map[string]string{"ticket show --json": show, "ticket list --json": list} {
		assertNoRawHidden(t, what, out)
		for _, esc := range []string{`\u202e`, `\u001b[2J`, `\u009b`} {
			if !strings.Contains(out, esc) {
				t.Errorf("%s lacks the escape %s", what, esc)
			}
		}
	}
	var back db.TicketDetail
	if err := json.Unmarshal([]byte(show), &back); err != nil || back.Title != stored {
		t.Fatalf("ticket show --json decodes to %q (%v), want %q", back.Title, err, stored)
	}
	var rows []db.TicketRow
	if err := json.Unmarshal([]byte(list), &rows); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		found = found || row.Title == stored
	}
	if !found {
		t.Fatalf("ticket list --json has no row titled %q", stored)
	}
	for _, args := range [][]string{{"ticket", "show", d.Number}, {"ticket", "list", "--status", "all"}} {
		out := mustRun(t, path, args...)
		assertNoRawHidden(t, strings.Join(args, " "), out)
		if !strings.Contains(out, "打印机‹U+202E›␛[2J‹U+009B›坏了") {
			t.Errorf("%v does not show the title visibly", args)
		}
	}
	r = runCLI(t, nil, "--db", path, "ticket", "edit", d.Number, "severity=2")
	assertNoRawHidden(t, "Saved: after ticket edit", r.stdout+r.stderr)
}

func TestCalendarImportRefusesAHugeFileWithoutReadingIt(t *testing.T) {
	path := demoDB(t)
	file := filepath.Join(t.TempDir(), "huge.ics")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("BEGIN:VCALENDAR\r\n")
	f.Truncate(1 << 30) // a sparse gigabyte
	f.Close()
	for lang, want := range map[string]string{"en": "larger than 1 MiB", "zh": "文件超过 1 MiB"} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r := runCLI(t, nil, "--db", path, "--lang", lang, "calendar", "import", file, "--contract", "YW-2026-HIS-001", "--dry-run")
		runtime.ReadMemStats(&after)
		if r.code != ExitError || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, %q", lang, r.code, r.stderr)
		}
		if read := after.TotalAlloc - before.TotalAlloc; read > 64<<20 {
			t.Errorf("%s: refusing a 1 GiB file allocated %d MiB: it was read whole", lang, read>>20)
		}
	}
}

// TestEveryJSONOutputIsEscaped: the commands encode JSON only through
// newJSONEncoder and writeJSONArray (output.go), which escape for the
// terminal; a plain encoder elsewhere would print stored text raw.
func TestEveryJSONOutputIsEscaped(t *testing.T) {
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "output.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, isIdent := sel.X.(*ast.Ident); isIdent && id.Name == "json" && (sel.Sel.Name == "NewEncoder" || strings.HasPrefix(sel.Sel.Name, "Marshal")) {
				t.Errorf("%s: json.%s prints stored text unescaped: use newJSONEncoder", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
