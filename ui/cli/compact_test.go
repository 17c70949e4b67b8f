package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"yunwei/db"
)

// A database whose bodies are raw JSON, as an earlier yunwei wrote them,
// is packed by yunwei compact, and passes its check after.
func TestCompactPacksAnEarlierDatabase(t *testing.T) {
	path := demoDB(t)
	r := runCLI(t, nil, "--db", path, "compact")
	if r.code != 0 || !strings.Contains(r.stdout, "Packed 0 of ") {
		t.Fatalf("compact of a new database: %+v", r)
	}
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	raw := map[int64][]byte{}
	eachBody(t, s.DB(), func(n int64, body []byte) bool { raw[n] = body; return true })
	for n, body := range raw {
		if _, err := s.DB().Exec("UPDATE events SET body = ? WHERE n = ?", body, n); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	r = runCLI(t, nil, "--db", path, "--lang", "zh", "compact")
	if want := fmt.Sprintf("已打包 %d / %d 条事件内容", len(raw), len(raw)); r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Fatalf("compact: %+v; want %q", r, want)
	}
	if r := runCLI(t, nil, "--db", path, "check"); r.code != 0 || !strings.Contains(r.stdout, "Check passed") {
		t.Fatalf("check after compact: %+v", r)
	}
	if r := runCLI(t, nil, "--db", path, "compact", "now"); r.code == 0 {
		t.Fatalf("compact with an argument: %+v", r)
	}
}
