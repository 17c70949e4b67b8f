package calendar

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"yunwei/model"
)

// maxName is the longest holiday or make-up day name, in characters: the
// same limit as every other name in yunwei (flows.MaxName).
const maxName = 100

// checkName cleans a holiday or make-up day name. Names reach terminals,
// PDFs and customers' screens (DESIGN §6: control characters never reach the
// terminal), so control characters, line separators and bidirectional
// overrides are refused; CJK text and emoji are ordinary text.
func checkName(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", model.Errorf(model.EINVALID, "the name is not valid UTF-8 text: save the file as UTF-8")
	}
	s = strings.TrimSpace(s)
	pos := 0
	for _, r := range s {
		pos++
		if unsafeRune(r) {
			return "", model.Errorf(model.EINVALID, "the name %q holds a control character (U+%04X) at character %d: remove it, names are plain text such as 国庆节", s, r, pos)
		}
	}
	if n := utf8.RuneCountInString(s); n > maxName {
		return "", model.Errorf(model.EINVALID, "the name is %d characters long: shorten it to %d at most", n, maxName)
	}
	return s, nil
}

// unsafeRune reports characters that can hide or rearrange text on screen.
func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r), r == '\u2028', r == '\u2029':
		return true
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
		return true // bidirectional embeddings, overrides and isolates
	}
	return false
}
