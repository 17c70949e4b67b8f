package i18n

import "strings"

// articles gives an English message the article its arguments need: a
// format says "only a %s may %s" once, and the role it names is worded
// later, so "a" becomes "an" before a word that starts with a vowel
// ("only an admin", "an engineer"). Formats with explicit argument
// indexes are left as they are.
func articles(format string, args []any) string {
	if !strings.Contains(format, "a %") || strings.Contains(format, "%[") {
		return format
	}
	var b strings.Builder
	arg := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteString("%%")
			i++
			continue
		}
		if arg < len(args) && endsWithA(b.String()) {
			if s, ok := args[arg].(string); ok && vowelSound(s) {
				out := b.String()
				b.Reset()
				b.WriteString(out[:len(out)-1] + "n ")
			}
		}
		b.WriteByte(c)
		arg++
	}
	return b.String()
}

// endsWithA reports whether s ends with the word "a" and a space.
func endsWithA(s string) bool {
	if !strings.HasSuffix(s, "a ") {
		return false
	}
	if len(s) == 2 {
		return true
	}
	switch s[len(s)-3] {
	case ' ', '(', '"', '\n':
		return true
	}
	return false
}

// vowelSound reports whether an English word is said with a vowel first,
// as far as the words yunwei puts after "a" go: roles, kinds, steps.
// "u" is left out: "a user", "a unit".
func vowelSound(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case 'a', 'e', 'i', 'o', 'A', 'E', 'I', 'O':
		return true
	}
	return false
}
