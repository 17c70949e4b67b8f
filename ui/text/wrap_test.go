package text

import (
	"strings"
	"testing"
)

// A Chinese line never starts with closing punctuation nor ends with
// opening punctuation, at any width: the rule every Chinese typesetter
// follows (kinsoku), and what the help, the refusals and the history
// wrap by.
func TestWrapFollowsChineseLineBreakingRules(t *testing.T) {
	texts := []string{
		"运行 SQLite 的完整性检查；校验每条事件的字节和数据行，以及每台设备的哈希链；并在临时副本中重建投影，与数据库中的投影逐行比较。--repair 重建投影；日志本身未通过校验时拒绝修复。",
		"工单 DEM-2026-0501 当前在“制定维护方案”，不在“使用部门主管审批”：现在不能作出 \"approve\" 决定；请选择 propose（可作的决定：propose）",
		"客户说：「打印机坏了。」他们问：《维护手册》在哪里？！……好的，（明天）到场。",
		"决定需要填写（是否需要备份）、（方案内容）、（验证情况）。",
	}
	for _, in := range texts {
		// From the width of a character with the marks that follow it:
		// below that no break can keep the rule.
		for w := 8; w <= 60; w++ {
			lines := Wrap(in, w)
			for i, l := range lines {
				if Width(l) > w {
					t.Fatalf("width %d: line %q is %d cells", w, l, Width(l))
				}
				rs := []rune(l)
				if i > 0 && len(rs) > 0 && closing(rs[0]) && !allMarks(rs) {
					t.Errorf("width %d: line %d starts with %q: %q", w, i, rs[0], lines)
				}
				if i < len(lines)-1 && len(rs) > 0 && opening(rs[len(rs)-1]) && !allMarks(rs) {
					t.Errorf("width %d: line %d ends with %q: %q", w, i, rs[len(rs)-1], lines)
				}
			}
			if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(in, " ", ""); got != want {
				t.Fatalf("width %d lost text: %q", w, got)
			}
		}
	}
}

func allMarks(rs []rune) bool {
	for _, r := range rs {
		if !closing(r) && !opening(r) {
			return false
		}
	}
	return true
}

// Chinese breaks between its characters, so a line fills its width
// rather than breaking at the last space of mixed text.
func TestWrapBreaksBetweenChineseCharacters(t *testing.T) {
	got := Wrap("运行 SQLite 的完整性检查，校验每条事件。", 20)
	want := []string{"运行 SQLite 的完整性", "检查，校验每条事件。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	// At the width where "，" would start a line, "查" goes down with it.
	got = Wrap("运行 SQLite 的完整性检查，校验每条事件。", 24)
	want = []string{"运行 SQLite 的完整性检", "查，校验每条事件。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	// Latin words stay whole.
	got = Wrap("请给出 override_reason 后登记", 16)
	want = []string{"请给出", "override_reason", "后登记"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}
