package signoff

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"yunwei/model"
	"yunwei/ui/text"
)

// MaxNameLen is the longest signer name accepted, in characters.
const MaxNameLen = 100

// The messages ValidateName returns; they are i18n keys, so screens show
// them translated.
const (
	msgNameEmpty   = "Type the signer's name."
	msgNameLong    = "The name is too long: 100 characters at most."
	msgNameControl = "The name may not contain control characters."
)

// ValidateName checks a signer's name and returns it as it will be stored:
// spaces trimmed and runs of them collapsed, Unicode NFC. A name holding
// control characters (escape sequences, bidirectional overrides, line
// breaks) is refused rather than cleaned: a signature must carry exactly the
// name the signer saw.
func ValidateName(s string) (string, error) {
	if hasControl(s) {
		return "", model.Errorf(model.EINVALID, msgNameControl)
	}
	name := norm.NFC.String(strings.Join(strings.Fields(s), " "))
	switch {
	case name == "":
		return "", model.Errorf(model.EINVALID, msgNameEmpty)
	case utf8.RuneCountInString(name) > MaxNameLen:
		return "", model.Errorf(model.EINVALID, msgNameLong)
	}
	return name, nil
}

// hasControl reports whether s holds anything the house sanitiser would
// replace or drop (control and format characters, invalid UTF-8): one
// definition of "unsafe" for the whole UI.
func hasControl(s string) bool { return text.Sanitize(s, false) != s }
