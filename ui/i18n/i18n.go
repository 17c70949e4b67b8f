// Package i18n holds yunwei's Chinese and English strings. The English text
// is the key; Chinese comes from the catalog. Every string shown on screen
// or printed by a command goes through T.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a UI language: "en" or "zh".
type Lang string

// The supported languages.
const (
	En Lang = "en"
	Zh Lang = "zh"
)

// Parse accepts "en", "zh" and locale names such as zh_CN.UTF-8.
func Parse(s string) (Lang, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-"):
		return En, nil
	case s == "zh" || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh-"):
		return Zh, nil
	}
	return En, fmt.Errorf("unknown language %q: use zh or en", s)
}

// FromEnv picks the language from LC_ALL, LC_MESSAGES and LANG, in that
// order, as the C library does; anything but Chinese is English.
func FromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return Zh
			}
			return En
		}
	}
	return En
}

// T translates an English string.
func (l Lang) T(en string) string {
	if l == Zh {
		if zh, ok := zhCatalog[en]; ok {
			return zh
		}
	}
	return en
}

// Tf translates a format string and applies it.
func (l Lang) Tf(en string, args ...any) string { return fmt.Sprintf(l.T(en), args...) }

// Code is "en" or "zh", for the model's Label methods.
func (l Lang) Code() string { return string(l) }
