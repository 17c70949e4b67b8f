// Package i18n is yunwei's one message catalogue, for the words of every
// layer: the names model gives its codes, the labels of the flow tables,
// the sentences of the screens and the command line, and the messages of
// errors. As in gettext and golang.org/x/text/message, the key is the
// English text itself (a format string when the message has arguments), so
// the code reads in the words a user sees; Chinese comes from the
// catalogue. Where one English word is said two ways in Chinese, the key
// carries a context (In). Every string shown on screen or printed by a
// command goes through T.
package i18n

import (
	"fmt"
	"slices"
	"strings"
	"sync"
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

// contextSep joins a context and an English text into one key, as
// gettext joins msgctxt and msgid.
const contextSep = "\x04"

// In is the key of the English text en in context ctx: the Chinese for it
// there, if the catalogue has one, else its Chinese anywhere (for the
// approve of a staff change notice, 同意, where a change is 批准).
func In(ctx, en string) string { return ctx + contextSep + en }

// T translates a key: an English text, or one made by In.
func (l Lang) T(key string) string {
	_, en, inContext := strings.Cut(key, contextSep)
	if !inContext {
		en = key
	}
	if l == Zh {
		zhCatalog := catalog()
		if zh, ok := zhCatalog[key]; ok {
			return zh
		}
		if zh, ok := zhCatalog[en]; ok && inContext {
			return zh
		}
	}
	return en
}

// Has reports whether the catalogue words key in Chinese (directly, not
// through a key without its context).
func Has(key string) bool {
	_, ok := catalog()[key]
	return ok
}

// The Chinese catalogue is made the first time a Chinese word is asked
// for, not when the program starts: a command run in English never pays
// for its thousands of entries, and one in Chinese pays once. Each file of
// the catalogue registers its part with later.
var (
	zhCatalog map[string]string // every key's Chinese, once made
	zhParts   []func()
	zhOnce    sync.Once
)

// later registers a part of the catalogue, added when it is first needed.
func later(part func()) struct{} {
	zhParts = append(zhParts, part)
	return struct{}{}
}

// catalog is the Chinese catalogue, made on first use.
func catalog() map[string]string {
	zhOnce.Do(func() {
		zhCatalog = zhBase()
		for _, part := range zhParts {
			part()
		}
	})
	return zhCatalog
}

// add puts entries into the catalogue. A key translated twice must read the
// same both times: two wordings of one key would make one of them lose
// silently.
func add(entries map[string]string) {
	for k, v := range entries {
		if old, ok := zhCatalog[k]; ok && old != v {
			panic("i18n: " + k + " is translated both as " + old + " and as " + v)
		}
		zhCatalog[k] = v
	}
}

// Tf translates a format string and applies it to args, worded in l
// themselves where they are Text, AnyOf, List or Phrase.
func (l Lang) Tf(en string, args ...any) string {
	args, format := l.Args(args), l.T(en)
	if l == En {
		format = articles(format, args)
	}
	return fmt.Sprintf(format, args...)
}

// Text is a catalogue key given as an argument of a message (a step's
// label, a role's name): it is worded in the language the message is.
type Text string

// Label is t in lang ("en" or "zh").
func (t Text) Label(lang string) string { return Lang(lang).T(string(t)) }

// AnyOf is a list of alternatives as an argument of a message:
// "department head or technical lead", 使用部门主管或技术负责人.
type AnyOf []Text

// Label is the alternatives in lang, joined by "or".
func (a AnyOf) Label(lang string) string {
	l := Lang(lang)
	parts := make([]string, len(a))
	for i, t := range a {
		parts[i] = l.T(string(t))
	}
	return strings.Join(parts, l.T(" or "))
}

// List is names as an argument of a message, written as they are (people's
// names, codes) and joined the language's way: "a, b", a、b.
type List []string

// Label is the names joined in lang.
func (n List) Label(lang string) string { return strings.Join(n, Lang(lang).T(", ")) }

// Phrase is a message as an argument of another: worded, with its own
// arguments, in the language the outer message is.
type Phrase struct {
	Format string
	Args   []any
}

// Label is the phrase in lang.
func (p Phrase) Label(lang string) string { return Lang(lang).Tf(p.Format, p.Args...) }

// Args words the arguments of a message that are Text, AnyOf, List or Phrase in
// l and leaves the others as they are.
func (l Lang) Args(args []any) []any {
	var out []any // a copy, made at the first argument to word
	for i, a := range args {
		var w string
		switch v := a.(type) {
		case Text:
			w = v.Label(string(l))
		case AnyOf:
			w = v.Label(string(l))
		case Phrase:
			w = v.Label(string(l))
		case List:
			w = v.Label(string(l))
		default:
			continue
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = w
	}
	if out == nil {
		return args
	}
	return out
}

// Code is "en" or "zh", for the Label methods of model's codes.
func (l Lang) Code() string { return string(l) }
