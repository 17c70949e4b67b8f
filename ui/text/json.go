package text

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
)

// EscapeJSON rewrites encoded JSON so that it is safe to print on a
// terminal: encoding/json escapes C0 controls but writes DEL, C1 controls,
// bidirectional overrides and other characters Hidden reports as they are.
// Each becomes a \uXXXX escape (a surrogate pair beyond U+FFFF), so the
// JSON decodes to the very same text. Outside strings JSON is ASCII, so
// every character rewritten is inside a string.
func EscapeJSON(b []byte) []byte {
	i := jsonUnsafeAt(b)
	if i == len(b) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	out = append(out, b[:i]...)
	for w := 0; i < len(b); i += w {
		r, size := utf8.DecodeRune(b[i:])
		w = size
		switch {
		case r == 0x7f || r >= 0x80 && Hidden(r):
			if r > 0xffff {
				hi, lo := utf16.EncodeRune(r)
				out = appendEscape(appendEscape(out, hi), lo)
			} else {
				out = appendEscape(out, r)
			}
		default:
			out = append(out, b[i:i+size]...)
		}
	}
	return out
}

// jsonUnsafeAt is the index of the first character EscapeJSON rewrites,
// or len(b).
func jsonUnsafeAt(b []byte) int {
	for i := 0; i < len(b); {
		// Eight ASCII bytes at a time, none of them DEL: most of a list's
		// JSON is keys, ids and numbers.
		for ; i+8 <= len(b); i += 8 {
			w := binary.LittleEndian.Uint64(b[i:])
			del := w ^ 0x7f7f7f7f7f7f7f7f // a zero byte where w holds DEL
			if w&0x8080808080808080 != 0 || (del-0x0101010101010101)&^del&0x8080808080808080 != 0 {
				break
			}
		}
		if i == len(b) {
			break
		}
		if c := b[i]; c < utf8.RuneSelf {
			if c == 0x7f {
				return i
			}
			i++
			continue
		}
		if cjk(b[i], b[i+1:]) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if Hidden(r) {
			return i
		}
		i += size
	}
	return len(b)
}

func appendEscape(out []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(out, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}
