package app

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/model"
)

// scriptKeys are the key names a script may use, as Bubble Tea names them.
var scriptKeys = func() map[string]tea.KeyType {
	m := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"shift+up": tea.KeyShiftUp, "shift+down": tea.KeyShiftDown, "shift+left": tea.KeyShiftLeft, "shift+right": tea.KeyShiftRight,
	}
	for c := 'a'; c <= 'z'; c++ {
		m["ctrl+"+string(c)] = tea.KeyCtrlA + tea.KeyType(c-'a')
	}
	return m
}()

// ParseKeys reads a key script: keys separated by spaces. A key name
// (enter, esc, tab, shift+tab, up, down, left, right, pgup, pgdown, home,
// end, backspace, delete, space, ctrl+a … ctrl+z, shift+arrows) is that
// key; any other word is typed one character at a time; text in single
// quotes is typed as it is, spaces included ('no 1' types n, o, space, 1).
//
//	/ 打印 enter w s j j enter
func ParseKeys(script string) ([]tea.KeyMsg, error) {
	var out []tea.KeyMsg
	typeText := func(s string) {
		for _, r := range s {
			if r == ' ' {
				out = append(out, tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
				continue
			}
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
	rest := strings.TrimSpace(script)
	for rest != "" {
		if rest[0] == '\'' {
			end := strings.IndexByte(rest[1:], '\'')
			if end < 0 {
				return nil, model.Errorf(model.EINVALID, "key script: a quote is not closed: %s", rest)
			}
			typeText(rest[1 : 1+end])
			rest = strings.TrimLeftFunc(rest[2+end:], unicode.IsSpace)
			continue
		}
		word := rest
		if i := strings.IndexFunc(rest, unicode.IsSpace); i >= 0 {
			word = rest[:i]
		}
		rest = strings.TrimLeftFunc(rest[len(word):], unicode.IsSpace)
		if t, ok := scriptKeys[word]; ok {
			k := tea.KeyMsg{Type: t}
			if t == tea.KeySpace {
				k.Runes = []rune{' '}
			}
			out = append(out, k)
			continue
		}
		typeText(word)
	}
	return out, nil
}
