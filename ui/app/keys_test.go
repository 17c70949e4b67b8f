package app

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"yunwei/db"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// conflicts lists the keys that two enabled bindings of one scope share:
// the global keys and the active screen's. A binding listed twice in a
// keymap (short and full help) counts once.
func conflicts(sc Scope) []string {
	type binding struct{ keys, help string }
	owner := map[string]binding{}
	var out []string
	add := func(b key.Binding, where string) {
		if !b.Enabled() {
			return
		}
		id := binding{strings.Join(b.Keys(), ","), b.Help().Key + " " + b.Help().Desc}
		for _, k := range b.Keys() {
			if prev, ok := owner[k]; ok && prev != id {
				out = append(out, fmt.Sprintf("%q is bound to both %q and %q (%s)", k, prev.help, id.help, where))
				continue
			}
			owner[k] = id
		}
	}
	for _, g := range sc.Global.FullHelp() {
		for _, b := range g {
			add(b, "global")
		}
	}
	for _, g := range sc.Screen.FullHelp() {
		for _, b := range g {
			add(b, "screen")
		}
	}
	for _, b := range sc.Screen.ShortHelp() {
		add(b, "screen")
	}
	return out
}

// firstKeys is the first key of every enabled binding of the screen.
func firstKeys(sc Scope) []string {
	seen := map[string]bool{}
	var out []string
	bs := sc.Screen.ShortHelp()
	for _, g := range sc.Screen.FullHelp() {
		bs = append(bs, g...)
	}
	for _, b := range bs {
		if b.Enabled() && len(b.Keys()) > 0 && !seen[b.Keys()[0]] {
			seen[b.Keys()[0]] = true
			out = append(out, b.Keys()[0])
		}
	}
	sort.Strings(out)
	return out
}

// scriptKey turns a binding's key into a key script word.
func scriptKey(k string) string {
	if k == " " {
		return "space"
	}
	if _, ok := scriptKeys[k]; ok || len([]rune(k)) == 1 {
		return k
	}
	return ""
}

// No two enabled bindings share a key in any scope the keyboard reaches:
// every home tab, a ticket at every step of every flow, the new-ticket
// form, and every state one key away from each of those.
func TestNoKeyBoundTwice(t *testing.T) {
	s := screentest.Store(t)
	type place struct {
		name  string
		setup func(h *harness)
	}
	places := []place{}
	for i := 1; i <= 5; i++ {
		places = append(places, place{fmt.Sprintf("tab %d", i), func(h *harness) { h.keys(fmt.Sprint(i)) }})
	}
	places = append(places, place{"queue search", func(h *harness) { h.keys("/ x") }},
		place{"new ticket", func(h *harness) { h.send(common.NavigateMsg{To: common.ScreenNewTicket}) }})
	seen := map[string]bool{}
	s.EachTicket(context.Background(), db.TicketFilter{Status: "all"}, func(r db.TicketRow) error {
		if k := string(r.Kind) + "/" + r.Step; !seen[k] {
			seen[k] = true
			id := r.ID
			places = append(places, place{"ticket " + k, func(h *harness) { h.send(common.NavigateMsg{To: common.ScreenTicket, Ticket: id}) }})
		}
		return nil
	})
	check := func(h *harness, where string) {
		t.Helper()
		for _, c := range conflicts(h.m().Scope()) {
			t.Errorf("%s: %s", where, c)
		}
	}
	for _, p := range places {
		h := start(t, s, i18n.En, 120, 40)
		p.setup(h)
		check(h, p.name)
		for _, k := range firstKeys(h.m().Scope()) {
			word := scriptKey(k)
			if word == "" || k == "q" {
				continue
			}
			h := start(t, s, i18n.En, 120, 40)
			p.setup(h)
			h.keys(word)
			check(h, p.name+", then "+k)
		}
	}
}

// The scope rules themselves: q and the tab keys only at home, esc only
// with somewhere to go back to, only ctrl+c while typing.
func TestScopes(t *testing.T) {
	s := screentest.Store(t)
	h := start(t, s, i18n.En, 100, 30)
	on := func(b key.Binding) bool { return b.Enabled() }
	g := h.m().Scope().Global
	if !on(g.Quit) || !on(g.Tab1) || !on(g.NextTab) || on(g.Back) || !on(g.Help) {
		t.Error("home: q, tabs and ? on, esc off")
	}
	h.keys("enter")
	g = h.m().Scope().Global
	if on(g.Quit) || on(g.Tab1) || on(g.NextTab) || !on(g.Back) || !on(g.Help) {
		t.Error("ticket: esc and ? on, q and tabs off")
	}
	h.keys("esc /")
	g = h.m().Scope().Global
	if !on(g.ForceQuit) || on(g.Quit) || on(g.Help) || on(g.Tab1) || on(g.Back) {
		t.Error("typing: only ctrl+c")
	}
}

type fakeKeys []key.Binding

func (f fakeKeys) ShortHelp() []key.Binding  { return f }
func (f fakeKeys) FullHelp() [][]key.Binding { return [][]key.Binding{f} }

func TestConflictsFindsSharedKeys(t *testing.T) {
	g := common.NewGlobalKeys(i18n.En)
	esc := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear"))
	if len(conflicts(Scope{Global: g, Screen: fakeKeys{esc}})) == 0 {
		t.Error("esc bound twice was not found")
	}
	g.Back.SetEnabled(false)
	if c := conflicts(Scope{Global: g, Screen: fakeKeys{esc, esc}}); len(c) != 0 {
		t.Errorf("one binding listed twice, or a disabled one, counted: %v", c)
	}
}
