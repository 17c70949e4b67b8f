package model

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxNesting is how many arrays and objects may be open at once: the
// limit encoding/json enforces, so that what the fast reader accepts the
// reference decoder accepts too.
const maxNesting = 10000

// scanner reads canonical JSON (canonical.go) strictly and without
// reflection: every byte either is in canonical form or makes the read
// fail. It accepts exactly what CheckCanonical accepts.
type scanner struct {
	b []byte
	i int
	// scratch holds an unescaped string while its normal form is checked.
	scratch []byte
}

// lit consumes s if the input continues with it.
func (p *scanner) lit(s string) bool {
	if len(p.b)-p.i < len(s) || string(p.b[p.i:p.i+len(s)]) != s {
		return false
	}
	p.i += len(s)
	return true
}

// next consumes c if it is the next byte.
func (p *scanner) next(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// str reads a canonical string and returns its content as written (with
// escapes) and whether it holds any escape. Canonical strings are valid
// UTF-8 in NFC, with no raw control character or DEL, and escape exactly
// what writeCanonicalString escapes, in the form it uses.
func (p *scanner) str() (content []byte, escaped, ok bool) {
	if !p.next('"') {
		return nil, false, false
	}
	start, inert := p.i, true // inert: ASCII and nfcInert characters only
	for j := start; j < len(p.b); {
		c := p.b[j]
		switch {
		case c == '"':
			content = p.b[start:j]
			p.i = j + 1
			if inert {
				return content, escaped, true
			}
			if escaped {
				p.scratch = unescapeCanonical(p.scratch[:0], content)
				return content, true, norm.NFC.IsNormal(p.scratch)
			}
			return content, false, norm.NFC.IsNormal(content)
		case c == '\\':
			escaped = true
			n := canonicalEscapeLen(p.b[j:])
			if n == 0 {
				return nil, false, false
			}
			j += n
		case c < 0x20 || c == 0x7f:
			return nil, false, false
		case c < utf8.RuneSelf:
			j++
		case c >= 0xe4 && c <= 0xe9 && j+2 < len(p.b) && p.b[j+1]&0xc0 == 0x80 && p.b[j+2]&0xc0 == 0x80:
			j += 3 // U+4000–U+9FFF, the CJK ideographs: valid and inert
		default:
			r, size := utf8.DecodeRune(p.b[j:])
			if r == utf8.RuneError && size == 1 {
				return nil, false, false
			}
			inert = inert && nfcInert(r)
			j += size
		}
	}
	return nil, false, false
}

// nfcInert reports characters that are in NFC whatever surrounds them: no
// decomposition, combining class 0, and nothing composes with them on
// either side (TestNFCInert checks each against the Unicode tables). Text
// made of these and ASCII, such as most Chinese, needs no NFC check.
func nfcInert(r rune) bool {
	switch {
	case r >= 0x4000 && r <= 0x9fff: // CJK ideographs
		return true
	case r >= 0x3000 && r <= 0x303f: // CJK punctuation, but the tone marks
		return r < 0x302a || r > 0x302f
	case r >= 0xff00 && r <= 0xff9d: // full-width forms: ，：（）
		return true
	case r >= 0x2018 && r <= 0x203d: // quotation marks, dashes, …
		return true
	}
	return false
}

// canonicalEscapeLen is the length of the escape b starts with, or 0 when
// it is not one the canonical writer uses: \" \\ \b \t \n \f \r, and \u00xx
// in lower-case hex for the other characters below U+0020 and for U+007F.
func canonicalEscapeLen(b []byte) int {
	if len(b) < 2 {
		return 0
	}
	switch b[1] {
	case '"', '\\', 'b', 't', 'n', 'f', 'r':
		return 2
	case 'u':
		if len(b) < 6 || b[2] != '0' || b[3] != '0' {
			return 0
		}
		hi, ok1 := lowerHex(b[4])
		lo, ok2 := lowerHex(b[5])
		if !ok1 || !ok2 {
			return 0
		}
		switch c := hi<<4 | lo; {
		case c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r':
			return 0 // written in the short form
		case c < 0x20 || c == 0x7f:
			return 6
		}
	}
	return 0
}

// unescapeCanonical appends the text of a canonical string's content,
// escapes decoded, to dst.
func unescapeCanonical(dst, content []byte) []byte {
	for len(content) > 0 {
		k := bytes.IndexByte(content, '\\')
		if k < 0 {
			return append(dst, content...)
		}
		dst = append(dst, content[:k]...)
		switch c := content[k+1]; c {
		case 'b':
			dst = append(dst, '\b')
		case 't':
			dst = append(dst, '\t')
		case 'n':
			dst = append(dst, '\n')
		case 'f':
			dst = append(dst, '\f')
		case 'r':
			dst = append(dst, '\r')
		case 'u':
			hi, _ := lowerHex(content[k+4])
			lo, _ := lowerHex(content[k+5])
			dst = append(dst, hi<<4|lo)
			content = content[k+6:]
			continue
		default: // " and \
			dst = append(dst, c)
		}
		content = content[k+2:]
	}
	return dst
}

// text reads a canonical string as Go text.
func (p *scanner) text() (string, bool) {
	content, escaped, ok := p.str()
	switch {
	case !ok:
		return "", false
	case escaped:
		return string(unescapeCanonical(nil, content)), true
	}
	return string(content), true
}

// integer reads an integer written as the canonical writer writes one
// (an optional minus, then 0 or digits without a leading zero; never -0)
// and returns its value; ok is false too when it does not fit int64.
func (p *scanner) integer() (v int64, ok bool) {
	neg := p.next('-')
	if p.i >= len(p.b) || p.b[p.i] < '0' || p.b[p.i] > '9' {
		return 0, false
	}
	if p.b[p.i] == '0' {
		p.i++
		if neg {
			return 0, false // -0
		}
	} else {
		var mag uint64
		for ; p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9'; p.i++ {
			d := uint64(p.b[p.i] - '0')
			if mag > (1<<63-d)/10 {
				return 0, false // beyond even -2^63
			}
			mag = mag*10 + d
		}
		switch {
		case neg:
			v = int64(-mag) // -2^63 wraps to itself
		case mag > 1<<63-1:
			return 0, false
		default:
			v = int64(mag)
		}
	}
	if p.i < len(p.b) && (p.b[p.i] >= '0' && p.b[p.i] <= '9' || p.b[p.i] == '.' || p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		return 0, false // a leading zero, a fraction or an exponent
	}
	return v, true
}

// value reads one canonical JSON value with open containers already open
// around it: objects with keys in strictly increasing byte order (so no
// key twice), no white space, integers that fit int64, canonical strings.
func (p *scanner) value(open int) bool {
	if p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; {
	case c == '{':
		if open >= maxNesting {
			return false
		}
		p.i++
		if p.next('}') {
			return true
		}
		var prev []byte
		for first := true; ; first = false {
			key, escaped, ok := p.str()
			if !ok {
				return false
			}
			if escaped {
				key = unescapeCanonical(nil, key)
			}
			if !first && bytes.Compare(prev, key) >= 0 {
				return false
			}
			prev = key
			if !p.next(':') || !p.value(open+1) {
				return false
			}
			if !p.next(',') {
				return p.next('}')
			}
		}
	case c == '[':
		if open >= maxNesting {
			return false
		}
		p.i++
		if p.next(']') {
			return true
		}
		for {
			if !p.value(open + 1) {
				return false
			}
			if !p.next(',') {
				return p.next(']')
			}
		}
	case c == '"':
		_, _, ok := p.str()
		return ok
	case c == 't':
		return p.lit("true")
	case c == 'f':
		return p.lit("false")
	case c == 'n':
		return p.lit("null")
	default:
		_, ok := p.integer()
		return ok
	}
}

// lowerHex is the value of a lower-case hex digit.
func lowerHex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}
