package cli

import (
	"strings"
	"testing"
)

// seed §3 steps 2 and 4 from the command line: the refusals say who may
// decide instead, in English and Chinese, and offer only what the person
// refused may still do.
func TestSeedRulesRefusedFromTheCommandLine(t *testing.T) {
	path := demoDB(t)
	n := newCorrection(t, path, "更正重复挂号") // raised by 刘晓梅 of 门诊收费处
	r := runCLI(t, demoPassphrase, "--db", path, "ticket", "act", n, "approve", "--contact", "钱文斌", "--signature-typed", "钱文斌")
	if r.code != ExitError || !strings.Contains(r.stderr, "钱文斌 heads 检验科: only the head of 门诊收费处, requester 刘晓梅's department, may decide here") ||
		strings.Contains(r.stderr, "you can") {
		t.Fatalf("another department's head: %+v", r)
	}
	mustRun(t, path, "ticket", "act", n, "approve", "--contact", "孙国强", "--signature-typed", "孙国强")
	mustRun(t, path, "--as", "lina", "ticket", "act", n, "propose", "--input", "plan=测试库验证后执行", "--input", "backup_needed=no", "--input", "verify_needed=no")
	r = runCLI(t, demoPassphrase, "--db", path, "--lang", "zh", "--as", "lina", "ticket", "act", n, "approve")
	if r.code != ExitError || !strings.Contains(r.stderr, "李娜 是此方案的编写人，不能自己批准") || !strings.Contains(r.stderr, "可作的决定：return") ||
		strings.Contains(r.stderr, "approve,") {
		t.Fatalf("the author approving her plan: %+v", r)
	}
	if d := showJSON(t, path, n); d.Step != "review" {
		t.Fatalf("refused, yet at %s", d.Step)
	}
	mustRun(t, path, "--as", "zhaoli", "ticket", "act", n, "approve")
	if d := showJSON(t, path, n); d.Step != "execution" {
		t.Fatalf("approved by another lead: at %s", d.Step)
	}
}
