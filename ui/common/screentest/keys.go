package screentest

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
)

// UniqueKeys fails the test when two enabled bindings of one keymap share
// a key: the second would never be reached.
func UniqueKeys(t testing.TB, scope string, km interface{ FullHelp() [][]key.Binding }) {
	t.Helper()
	seen := map[string]string{}
	for _, group := range km.FullHelp() {
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			for _, k := range b.Keys() {
				if other, ok := seen[k]; ok {
					t.Errorf("%s: %q is bound to %q and %q", scope, k, other, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
}
