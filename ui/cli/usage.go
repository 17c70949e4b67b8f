package cli

import (
	"flag"
	"strings"

	"yunwei/model/i18n"
	"yunwei/ui/text"
)

// helpWidth is the width help is wrapped to.
const helpWidth = 100

// mainUsage is yunwei --help in L: the terminal UI, every command of the
// table with its summary, and the options that go without a command.
func mainUsage(L i18n.Lang) string {
	root := &commands[0]
	var b strings.Builder
	b.WriteString(L.T("yunwei — tickets, approvals, record sheets and inspections for on-site maintenance") + "\n\n")
	b.WriteString(L.T("Usage:") + "\n")
	writeColumns(&b, 48, [][2]string{
		{"yunwei " + root.usage, L.T(root.summary)},
		{L.T("yunwei COMMAND [options]"), L.T("run one command")},
	})
	b.WriteString("\n" + L.T("Commands:") + "\n")
	var rows [][2]string
	for _, c := range commands[1:] {
		rows = append(rows, [2]string{c.path(), L.T(c.summary)})
	}
	writeColumns(&b, 24, rows)
	b.WriteString("\n" + L.T("Global options (before or after the command):") + "\n")
	writeOptions(&b, globalFlagSet(), L)
	b.WriteString("\n" + L.T("Options without a command (the terminal UI; the headless runs are for benchmarks\nand tests and draw nothing on the terminal):") + "\n")
	fs := flag.NewFlagSet("yunwei", flag.ContinueOnError)
	root.new().flags(fs)
	writeOptions(&b, fs, L)
	b.WriteString("\n" + L.T("Run `yunwei COMMAND --help` for a command's options.") + "\n")
	return b.String()
}

// help is the command's own help in L: its synopsis, what it does, and
// exactly the options its flag set has.
func (c *command) help(L i18n.Lang) string {
	if c.name == "" {
		return mainUsage(L)
	}
	var b strings.Builder
	writeSynopsis(&b, L.T("Usage:")+" yunwei "+c.path()+" ", c.usage)
	b.WriteString("\n")
	about := L.T(c.about)
	if c.about == "" {
		about = L.T(c.summary)
		if L == i18n.En {
			about += "."
		} else {
			about += "。"
		}
	}
	writeParagraph(&b, capitalize(about))
	if g := findGroup(c.group); g != nil && g.about != "" {
		b.WriteString("\n")
		writeParagraph(&b, L.T(g.about))
	}
	fs := flag.NewFlagSet(c.path(), flag.ContinueOnError)
	c.new().flags(fs)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("\n" + L.T("Options:") + "\n")
		writeOptions(&b, fs, L)
	}
	b.WriteString("\n" + L.T("Global options, before or after the command: --db PATH, --lang zh|en, --as USER,\n--passphrase-file FILE (see yunwei --help).") + "\n")
	return b.String()
}

// capitalize starts an English sentence with a capital letter; other
// scripts have none.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// help is the group's help in L: the synopsis of each of its commands.
func (g *group) help(L i18n.Lang) string {
	var b strings.Builder
	b.WriteString(L.T("Usage:") + "\n")
	for _, c := range commands {
		if c.group == g.name {
			writeSynopsis(&b, "  yunwei "+c.path()+" ", c.usage)
		}
	}
	if g.about != "" {
		b.WriteString("\n")
		writeParagraph(&b, L.T(g.about))
	}
	b.WriteString("\n" + L.Tf("Run `yunwei %s COMMAND --help` for a command's options.", g.name) + "\n")
	return b.String()
}

// globalFlagSet is a flag set holding only the global options, at their
// defaults, for help.
func globalFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("yunwei", flag.ContinueOnError)
	new(App).globalFlags(fs)
	return fs
}

// writeSynopsis writes prefix and the synopsis, wrapped between its
// words and bracketed groups, continued under its first word.
func writeSynopsis(b *strings.Builder, prefix, synopsis string) {
	line, indent := prefix, strings.Repeat(" ", text.Width(prefix))
	for _, tok := range synopsisTokens(synopsis) {
		if line != prefix && line != indent && text.Width(line)+text.Width(tok) > helpWidth {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		line += tok + " "
	}
	b.WriteString(strings.TrimRight(line, " ") + "\n")
}

// synopsisTokens splits a synopsis at the spaces outside brackets, so that
// "[--customer C]" stays whole.
func synopsisTokens(s string) []string {
	var toks []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case r == ' ' && depth == 0:
			if i > start {
				toks = append(toks, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		toks = append(toks, s[start:])
	}
	return toks
}

// writeOptions lists fs's options, sorted by name, with their value's
// placeholder (the back-quoted word of the flag's usage, the same in every
// language), what they do, in L, and their default.
func writeOptions(b *strings.Builder, fs *flag.FlagSet, L i18n.Lang) {
	var rows [][2]string
	fs.VisitAll(func(f *flag.Flag) {
		worded := *f
		worded.Usage = L.T(f.Usage)
		placeholder, usage := flag.UnquoteUsage(&worded)
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
			placeholder = ""
		}
		name := "--" + f.Name
		if placeholder != "" {
			name += " " + placeholder
		}
		switch f.DefValue {
		case "", "0", "false":
		default:
			usage += L.Tf(" (default %s)", f.DefValue)
		}
		rows = append(rows, [2]string{name, usage})
	})
	writeColumns(b, 24, rows)
}

// writeColumns writes two columns, the second wrapped to the help's width
// and its lines aligned. The first column is as wide as its widest cell up
// to maxLeft; a wider cell has a line of its own.
func writeColumns(b *strings.Builder, maxLeft int, rows [][2]string) {
	left := 0
	for _, r := range rows {
		if w := text.Width(r[0]); w <= maxLeft {
			left = max(left, w)
		}
	}
	for _, r := range rows {
		first := "  " + text.Pad(r[0], max(left, text.Width(r[0]))) + "   "
		if text.Width(r[0]) > left {
			b.WriteString("  " + r[0] + "\n")
			first = strings.Repeat(" ", left+5)
		}
		indent := strings.Repeat(" ", left+5)
		var lines []string
		for _, para := range strings.Split(r[1], "\n") {
			lines = append(lines, text.Wrap(para, helpWidth-left-5)...)
		}
		for i, l := range lines {
			if i == 0 {
				b.WriteString(strings.TrimRight(first+l, " ") + "\n")
			} else {
				b.WriteString(strings.TrimRight(indent+l, " ") + "\n")
			}
		}
	}
}

// writeParagraph writes text wrapped to the help's width; its own line
// breaks stay.
func writeParagraph(b *strings.Builder, s string) {
	for _, para := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if strings.HasPrefix(para, " ") {
			b.WriteString(para + "\n") // an indented example stays as written
			continue
		}
		for _, l := range text.Wrap(para, helpWidth) {
			b.WriteString(l + "\n")
		}
	}
}
