package model

import "strings"

// ParseYesNo reads a yes or a no as people type it, the same everywhere
// (decision inputs, ticket edits, options): true/false, yes/no, y/n, 1/0,
// and 是/否. ok is false for anything else.
func ParseYesNo(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1", "是", "t":
		return true, true
	case "false", "no", "n", "0", "否", "f":
		return false, true
	}
	return false, false
}
