package flowtest

import (
	"regexp"
	"slices"
	"strings"
)

// The parts of a Chinese message that are rightly in Latin letters: what a
// user types as it is or reads as a code. Everything else in it must be
// Chinese.
var (
	quotedASCII = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)               // a value given with %q: typed text, a decision's name
	option      = regexp.MustCompile(`--[a-z][a-z-]*`)                  // --contact
	assignment  = regexp.MustCompile(`\b[A-Za-z_]+=`)                   // backup_needed=…, NAME=VALUE
	snakeCode   = regexp.MustCompile(`\b[a-z]+(?:_[a-z]+)+\b`)          // dept_head, override_reason
	command     = regexp.MustCompile(`\byunwei(?:\s+[a-z]+)*`)          // yunwei ticket list
	upperCode   = regexp.MustCompile(`\b[A-Z0-9][A-Z0-9_:;.=/+-]*\b`)   // SLA, UTF-8, DTSTART;VALUE=DATE:20261001, HIS
	zoneName    = regexp.MustCompile(`\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\b`) // Asia/Shanghai
	latinRun    = regexp.MustCompile(`[A-Za-z]{3,}`)
	wordRE      = regexp.MustCompile(`[A-Za-z][A-Za-z-]*`)
)

// English lists the runs of three or more Latin letters in msg, a message
// worded in Chinese, that are not allowed there: what is left once the
// values quoted with %q, options, NAME= forms, codes in snake case or
// capitals, time zones, yunwei's own commands and the words in typed
// (decision and input names, role and kind codes: what a user types as it
// is) are taken out. An empty list means the message reads in Chinese.
func English(msg string, typed ...string) []string {
	s := msg
	for _, re := range []*regexp.Regexp{quotedASCII, option, assignment, snakeCode, command, zoneName, upperCode} {
		s = re.ReplaceAllString(s, " ")
	}
	s = wordRE.ReplaceAllStringFunc(s, func(w string) string {
		if slices.Contains(typed, w) || slices.Contains(typed, strings.ToLower(w)) {
			return " "
		}
		return w
	})
	return latinRun.FindAllString(s, -1)
}
