package i18n

import "testing"

// English messages take "an" before a vowel, whatever they were written
// with: the role is worded after the format was.
func TestArticles(t *testing.T) {
	cases := []struct {
		format string
		args   []any
		want   string
	}{
		{"only a %s may %s", []any{AnyOf{"admin"}, Text("import a calendar")}, "only an admin may import a calendar"},
		{"only a %s may %s", []any{AnyOf{"engineer", "admin"}, "book"}, "only an engineer or admin may book"},
		{"only a %s may %s", []any{AnyOf{"technical lead"}, "review"}, "only a technical lead may review"},
		{"it waits for a %s: %d%% done", []any{Text("department head"), 5}, "it waits for a department head: 5% done"},
		{"as a %s", []any{"user"}, "as a user"},
		{"a %d", []any{8}, "a 8"},
		{"data %s", []any{"item"}, "data item"},
		{"(at this step only a %s can decide)", []any{AnyOf{"owner"}}, "(at this step only an owner can decide)"},
	}
	for _, c := range cases {
		if got := En.Tf(c.format, c.args...); got != c.want {
			t.Errorf("Tf(%q) = %q, want %q", c.format, got, c.want)
		}
	}
	if got := Zh.Tf("only a %s may %s", AnyOf{"admin"}, Text("import")); got == "only an admin may import" {
		t.Errorf("zh: %q", got)
	}
}

// Counts take the singular when they are one.
func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 holidays", 1: "1 holiday", 2: "2 holidays"} {
		if got := En.Plural(n, "%d holiday", "%d holidays", n); got != want {
			t.Errorf("Plural(%d) = %q", n, got)
		}
	}
}
