package text

import (
	"strings"
	"testing"
)

func TestSanitizeNeverLetsControlsThrough(t *testing.T) {
	in := "ok\x1b[31mred\x1b]0;title\x07 \x9b2J tab\there\u202edesrever\x00"
	got := Sanitize(in, false)
	for _, r := range got {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) {
			t.Fatalf("control %U survived in %q", r, got)
		}
	}
	if !strings.Contains(got, "␛[31mred") {
		t.Fatalf("escape not shown visibly: %q", got)
	}
	if Sanitize("病历\n第二行", true) != "病历\n第二行" || Sanitize("a\nb", false) != "a b" {
		t.Fatal("newline handling wrong")
	}
	if Sanitize("plain ascii", false) != "plain ascii" {
		t.Fatal("plain text changed")
	}
	if Sanitize("👩‍💻 工程师", false) != "👩‍💻 工程师" {
		t.Fatal("emoji with joiner damaged")
	}
}

func TestWidthCountsCellsNotBytes(t *testing.T) {
	cases := map[string]int{"abc": 3, "挂号": 4, "a挂b": 4, "🧾": 2, "": 0, "Ａ": 2}
	for s, want := range cases {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestPadNeverHalvesAWideCharacter(t *testing.T) {
	for w := 0; w <= 12; w++ {
		got := Pad("挂号系统无法登录abc", w)
		if Width(got) != w {
			t.Fatalf("Pad to %d gave %q of width %d", w, got, Width(got))
		}
		if strings.ContainsRune(got, '\uFFFD') {
			t.Fatalf("Pad to %d produced a broken character: %q", w, got)
		}
	}
	if got := Pad("挂号系统", 5); got != "挂号…" {
		t.Fatalf("Pad(挂号系统, 5) = %q", got)
	}
	if got := PadLeft("42", 5); got != "   42" {
		t.Fatalf("PadLeft = %q", got)
	}
}

func TestWrapKeepsEveryLineWithinTheWidth(t *testing.T) {
	in := "门诊收费处反映：从今天上午开始打印发票时提示打印机错误 printer error code 0x1F，已重启电脑无效。\n第二段"
	for w := 4; w <= 40; w += 3 {
		lines := Wrap(in, w)
		for _, l := range lines {
			if Width(l) > w {
				t.Fatalf("width %d: line %q is %d cells", w, l, Width(l))
			}
		}
		if joined := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); joined != strings.ReplaceAll(strings.ReplaceAll(in, "\n", ""), " ", "") {
			t.Fatalf("width %d lost text: %q", w, joined)
		}
	}
	if got := Wrap("a b", 0); got != nil {
		t.Fatalf("width 0: %q", got)
	}
}
