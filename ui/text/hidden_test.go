package text

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeShowsHiddenCharactersByTheirCodePoint(t *testing.T) {
	cases := map[string]string{
		"马俊\u202eLLAM":    "马俊‹U+202E›LLAM",     // right-to-left override
		"a\u2066b\u2069":  "a‹U+2066›b‹U+2069›", // isolates
		"\u200f\u061c":    "‹U+200F›‹U+061C›",   // marks
		"x\u0085y\u009b":  "x‹U+0085›y‹U+009B›", // C1 controls
		"王\u200b建国":       "王‹U+200B›建国",        // zero-width space
		"a\u2028b":        "a‹U+2028›b",         // line separator
		"\ufeffBOM":       "‹U+FEFF›BOM",        // byte-order mark
		"tag\U000E0041":   "tag‹U+E0041›",       // a tag character hides text
		"ok\x1b[2J\x7f":   "ok␛[2J␡",            // C0 and DEL as pictures
		"bad\xffutf8":     "bad\uFFFDutf8",      // invalid UTF-8
		"👩‍💻 工程师 café":    "👩‍💻 工程师 café",       // emoji joiner, CJK, accents kept
		"Ａ　ｂ":             "Ａ　ｂ",                // full-width forms and space kept
		"阿拉伯 مرحبا עברית": "阿拉伯 مرحبا עברית",    // right-to-left scripts themselves kept
	}
	for in, want := range cases {
		if got := Sanitize(in, false); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeJSONEscapesWhatSanitizeShowsAndDecodesBack(t *testing.T) {
	title := "打印机\u202e坏了\x1b[2J\u009b\x7f\u2066\U000E0041 👩‍💻"
	raw, err := json.Marshal(map[string]string{"title": title})
	if err != nil {
		t.Fatal(err)
	}
	got := EscapeJSON(raw)
	for _, esc := range []string{`\u202e`, `\u001b`, `\u009b`, `\u007f`, `\u2066`, `\udb40\udc41`} {
		if !strings.Contains(string(got), esc) {
			t.Errorf("%s lacks %s", got, esc)
		}
	}
	for _, r := range string(got) {
		if r == 0x7f || r >= 0x80 && Hidden(r) {
			t.Errorf("%U left raw in %s", r, got)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["title"] != title {
		t.Fatalf("decodes to %q (%v), want %q", back["title"], err, title)
	}
	plain := []byte(`{"title":"门诊收费处 🧾 \"引号\""}`)
	if string(EscapeJSON(plain)) != string(plain) {
		t.Fatal("plain JSON changed")
	}
}

// FuzzEscapeJSON: escaping never changes what the JSON means and leaves
// nothing hidden raw.
func FuzzEscapeJSON(f *testing.F) {
	f.Add("打印机\u202e坏了\x1b\u009b")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		raw, _ := json.Marshal(s)
		var back string
		if err := json.Unmarshal(EscapeJSON(raw), &back); err != nil || back != s {
			t.Fatalf("%q decodes to %q (%v)", s, back, err)
		}
		if clean := Sanitize(s, true); unsafeAt(clean, true) != len(clean) {
			t.Fatalf("Sanitize(%q) = %q still holds something to sanitise", s, clean)
		}
	})
}

// A hidden character is escaped wherever it stands in a run of ASCII,
// which EscapeJSON scans eight bytes at a time: at each offset, first,
// last and between two words.
func TestEscapeJSONFindsHiddenCharactersAtEveryOffset(t *testing.T) {
	for _, hidden := range []string{"\x7f", "\u0085", "\u202e", "\u200b"} {
		for at := 0; at <= 24; at++ {
			s := strings.Repeat("a", at) + hidden + strings.Repeat("b", 24-at)
			raw, _ := json.Marshal(s)
			out := string(EscapeJSON(raw))
			for _, r := range out {
				if r == 0x7f || Hidden(r) {
					t.Fatalf("%q at %d: %q still holds %U", hidden, at, out, r)
				}
			}
			var back string
			if err := json.Unmarshal([]byte(out), &back); err != nil || back != s {
				t.Fatalf("%q at %d decodes to %q (%v)", hidden, at, back, err)
			}
		}
	}
}
