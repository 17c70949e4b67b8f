package i18n

import (
	"strings"
	"testing"
)

func TestLanguageFromEnvironment(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		vars map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Zh},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, En},
		{map[string]string{"LC_MESSAGES": "zh_TW"}, Zh},
		{map[string]string{}, En},
	}
	for _, c := range cases {
		if got := FromEnv(env(c.vars)); got != c.want {
			t.Errorf("%v: got %s, want %s", c.vars, got, c.want)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Fatal("fr accepted")
	}
}

func TestCatalogKeepsFormatVerbs(t *testing.T) {
	for en, zh := range catalog() {
		if strings.Count(en, "%") != strings.Count(zh, "%") {
			t.Errorf("%q → %q: the format verbs differ", en, zh)
		}
		if strings.TrimSpace(zh) == "" {
			t.Errorf("%q has an empty translation", en)
		}
	}
}
