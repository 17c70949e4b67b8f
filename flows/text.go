package flows

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"yunwei/model"
	"yunwei/model/i18n"
)

// Limits on text people type, in characters (runes).
const (
	MaxName  = 100
	MaxTitle = 200
	MaxText  = 20000
)

// CleanText trims a field and checks it: valid UTF-8, no control
// characters (newline and tab allowed when multiline), at most max
// characters, and not empty when required. CJK and emoji are ordinary text.
func CleanText(field i18n.Text, s string, max int, required, multiline bool) (string, error) {
	if !utf8.ValidString(s) {
		return "", model.Errorf(model.EINVALID, "%s is not valid UTF-8 text: retype it", field)
	}
	s = strings.TrimSpace(s)
	if multiline {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	if required && s == "" {
		return "", model.Errorf(model.EINVALID, "%s must not be empty", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", model.Errorf(model.EINVALID, "%s is %d characters long: the limit is %d", field, n, max)
	}
	pos := 0
	for _, r := range s {
		pos++
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return "", model.Errorf(model.EINVALID, "%s holds a control character (U+%04X) at character %d: remove it", field, r, pos)
		}
	}
	return s, nil
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// CheckDate checks a calendar date written YYYY-MM-DD.
func CheckDate(field i18n.Text, s string) (time.Time, error) {
	if !dateRE.MatchString(s) {
		return time.Time{}, model.Errorf(model.EINVALID, "%s %q is not a date: write it as YYYY-MM-DD, e.g. 2026-01-01", field, s)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, model.Errorf(model.EINVALID, "%s %q is not a real date: write it as YYYY-MM-DD, e.g. 2026-01-01", field, s)
	}
	return t, nil
}

// NotAllowed is the refusal of an action to an actor without one of roles.
func NotAllowed(what i18n.Text, roles ...model.Role) error {
	names := make(i18n.AnyOf, len(roles))
	for i, r := range roles {
		names[i] = r.Word()
	}
	return model.Errorf(model.EUNAUTHORIZED, "only a %s may %s", names, what)
}

// MustExist turns a failed lookup of what a command names into an error the
// user can act on: a missing thing is bad input, anything else is internal.
func MustExist(err error, what i18n.Text) error {
	if err == nil {
		return nil
	}
	if model.ErrorCode(err) == model.ENOTFOUND {
		return model.Errorf(model.EINVALID, "%s: %s", what, err)
	}
	return fmt.Errorf("look up %s: %w", what, err)
}
