package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// English reads as English: "only an admin", "1 holiday", "1 make-up
// working day"; Chinese has its own words for each.
func TestCountsAndArticlesRead(t *testing.T) {
	path := demoDB(t)
	file := filepath.Join(t.TempDir(), "one.txt")
	os.WriteFile(file, []byte("2026-12-25 holiday 圣诞节\n2026-12-27 workday 补班\n"), 0o600)
	r := runCLI(t, demoPassphrase, "--db", path, "--lang", "en", "calendar", "import", file, "--contract", "YW-2026-HIS-001")
	if r.code == 0 || !strings.Contains(r.stderr, "only an admin may") || strings.Contains(r.stderr, "a admin") {
		t.Fatalf("an engineer importing: %+v", r)
	}
	out := mustRun(t, path, "--lang", "en", "--as", "zhaoli", "calendar", "import", file, "--contract", "YW-2026-HIS-001", "--dry-run")
	if !strings.Contains(out, "Would import 1 holiday and 1 make-up working day into YW-2026-HIS-001") {
		t.Fatalf("dry run said %q", out)
	}
	out = mustRun(t, path, "--lang", "zh", "--as", "zhaoli", "calendar", "import", file, "--contract", "YW-2026-HIS-001")
	if !strings.Contains(out, "已将 1 个节假日和 1 个调休工作日导入 YW-2026-HIS-001 的工作日历。") {
		t.Fatalf("zh import said %q", out)
	}
}
