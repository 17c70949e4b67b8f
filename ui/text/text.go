// Package text makes text that came from people safe and aligned for a
// terminal: control characters and escape sequences never reach the
// terminal, and widths are display cells (a CJK character or an emoji is
// two), never bytes or runes.
package text

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// Sanitize returns s with every control character replaced by a visible
// stand-in: C0 controls by their Unicode control pictures (ESC shows as ␛,
// so an escape sequence is shown, not obeyed), DEL by ␡, C1 controls and
// invalid UTF-8 by U+FFFD, and bidirectional overrides (which can make text
// read differently from what it is) removed. Newlines and tabs become
// spaces unless keepNewlines is set, in which case newlines stay.
func Sanitize(s string, keepNewlines bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\uFFFD')
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('\u2421')
		case r >= 0x80 && r < 0xa0:
			b.WriteRune('\uFFFD')
		case isBidiControl(r):
		case unicode.Is(unicode.Cf, r) && r != '\u200d': // format chars, but keep emoji joiners
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// widths measures grapheme clusters as Lip Gloss does, without its
// escape-sequence parser: text reaching here has been sanitised, and lists
// of 100,000 rows need the speed. UseEnv sets it at start-up.
var widths displaywidth.Options

// UseEnv takes the width rules from the program's environment, as Lip Gloss
// does: RUNEWIDTH_EASTASIAN=1 makes ambiguous-width characters two cells.
// The program calls it once at start-up, before anything is measured.
func UseEnv(getenv func(string) string) {
	ea, _ := strconv.ParseBool(getenv("RUNEWIDTH_EASTASIAN"))
	widths = displaywidth.Options{EastAsianWidth: ea}
}

// Width is the number of terminal cells s takes.
func Width(s string) int { return widths.String(s) }

// Truncate cuts s to at most w cells, ending with "…" when it cut. A wide
// character that would not fit whole is dropped, never halved.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	return widths.TruncateString(s, w, "…")
}

// Pad truncates s to w cells and pads it with spaces to exactly w cells.
func Pad(s string, w int) string {
	s = Truncate(s, w)
	if n := Width(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft is Pad with the padding on the left, for numbers.
func PadLeft(s string, w int) string {
	s = Truncate(s, w)
	if n := Width(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// Cell is Sanitize then Pad: what a table cell holding people's text shows.
func Cell(s string, w int) string { return Pad(Sanitize(s, false), w) }

// Wrap breaks text into lines of at most w cells: at newlines, at spaces
// where it can, and anywhere in Chinese text, which has no spaces to break
// at. The text must be sanitised (newlines kept) before.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, w)...)
	}
	return out
}

func wrapLine(s string, w int) []string {
	rs := []rune(s)
	var lines []string
	start, width, space := 0, 0, -1
	for i, r := range rs {
		rw := Width(string(r))
		if width+rw > w && i > start {
			cut, next := i, i
			if space > start {
				cut, next = space, space+1
			}
			lines = append(lines, strings.TrimRight(string(rs[start:cut]), " "))
			start, space = next, -1
			width = Width(string(rs[start:i]))
		}
		if r == ' ' {
			space = i
		}
		width += rw
	}
	return append(lines, string(rs[start:]))
}
