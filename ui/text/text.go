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

// Sanitize returns s with every character that could act on the terminal
// or make text read otherwise than it is replaced by a visible stand-in:
// C0 controls by their Unicode control pictures (ESC shows as ␛, so an
// escape sequence is shown, not obeyed), DEL by ␡, invalid UTF-8 by
// U+FFFD, and the characters Hidden reports (C1 controls, bidirectional
// overrides, invisible format characters) by their code point, ‹U+202E›.
// Newlines and tabs become spaces unless keepNewlines is set, in which
// case newlines stay.
func Sanitize(s string, keepNewlines bool) string {
	i := unsafeAt(s, keepNewlines)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for w := 0; i < len(s); i += w {
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
		case Hidden(r):
			writeCodePoint(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
	}
	return b.String()
}

// unsafeAt is the index of the first byte of s that Sanitize changes, or
// len(s).
func unsafeAt(s string, keepNewlines bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !(c == '\n' && keepNewlines) || c == 0x7f {
				return i
			}
			i++
			continue
		}
		if cjk(c, s[i+1:]) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || Hidden(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// cjk reports whether a character of U+3000–U+CFFF (CJK, kana, most
// Hangul) starts with the byte c, rest following: always valid UTF-8,
// never Hidden, so most Chinese text is checked without decoding it.
func cjk[T string | []byte](c byte, rest T) bool {
	return c >= 0xe3 && c <= 0xec && len(rest) >= 2 && rest[0]&0xc0 == 0x80 && rest[1]&0xc0 == 0x80
}

// Hidden reports the characters that a terminal does not show as
// themselves but that act on the text around them or vanish: C1 controls
// (U+0080–U+009F, some terminals obey them as escapes), the bidirectional
// embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
// U+200E, U+200F, U+061C), the line and paragraph separators, and every
// other format character (zero-width space, soft hyphen, byte-order mark,
// tags), except the zero-width joiner that emoji sequences are made of.
func Hidden(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r < 0xa0:
		return true
	case r >= 0x2070 && r < 0xfeff:
		return false // CJK and most scripts: no format character in between
	case r == '\u2028' || r == '\u2029':
		return true
	case r == '\u200d':
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

// writeCodePoint writes r as ‹U+XXXX›.
func writeCodePoint(b *strings.Builder, r rune) {
	b.WriteString("‹U+")
	hex := strconv.FormatInt(int64(r), 16)
	for n := len(hex); n < 4; n++ {
		b.WriteByte('0')
	}
	b.WriteString(strings.ToUpper(hex))
	b.WriteString("›")
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
