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

// verbsOf maps each argument a format uses, by its 1-based index, to the
// verbs that format it (flags and width kept, the index dropped).
func verbsOf(format string) map[int][]string {
	out := map[int][]string{}
	arg := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		v := m[0]
		if strings.HasSuffix(v, "%") && len(v) == 2 {
			continue // %%
		}
		if m[1] != "" {
			fmt.Sscanf(m[1], "[%d]", &arg)
			v = strings.Replace(v, m[1], "", 1)
		}
		out[arg] = append(out[arg], v)
		arg++
	}
	return out
}

// Every Chinese format formats the same arguments with the same verbs as
// its English: word order may differ (%[2]s), what is printed may not.
func TestChineseFormatsUseTheSameArguments(t *testing.T) {
	for en, zh := range catalog() {
		_, key, ok := strings.Cut(en, contextSep)
		if !ok {
			key = en
		}
		want, got := verbsOf(key), verbsOf(zh)
		if fmt.Sprint(want) != fmt.Sprint(got) {
			t.Errorf("%q → %q: arguments %v, want %v", en, zh, got, want)
		}
	}
}
