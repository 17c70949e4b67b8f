package i18n

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// verb is a format verb with its flags, width and argument index.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// needsWords reports whether a key has words to translate: a key that is
// only verbs and punctuation ("%s · %s") reads the same in Chinese.
func needsWords(key string) bool {
	_, en, ok := strings.Cut(key, contextSep)
	if !ok {
		en = key
	}
	return strings.ContainsFunc(verb.ReplaceAllString(en, ""), func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	})
}

// TestEveryKeyHasChinese reads the program's source for every text it
// looks up (keys_test.go) and fails on each one the catalogue has no
// Chinese for: with --lang zh none of them may reach a user in English.
func TestEveryKeyHasChinese(t *testing.T) {
	keys, err := scanKeys("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) < 500 {
		t.Fatalf("found only %d keys: the scan misses the program's texts", len(keys))
	}
	var missing []string
	for _, k := range keys {
		_, en, inContext := strings.Cut(k.Key, contextSep)
		if Has(k.Key) || inContext && Has(en) || !needsWords(k.Key) {
			continue
		}
		missing = append(missing, fmt.Sprintf("%s:%d: %q", k.Pos.Filename, k.Pos.Line, k.Key))
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d texts have no Chinese:\n%s", len(missing), len(keys), strings.Join(missing, "\n"))
	}
}
