package cli

import (
	"flag"
	"fmt"
	"strings"

	"yunwei/ui/text"
)

// helpWidth is the width help is wrapped to.
const helpWidth = 100

// mainUsage is yunwei --help: the terminal UI, every command of the table
// with its summary, and the options that go without a command.
func mainUsage() string {
	root := &commands[0]
	var b strings.Builder
	b.WriteString("yunwei — tickets, approvals, record sheets and inspections for on-site maintenance\n\n")
	b.WriteString("Usage:\n")
	writeColumns(&b, 48, [][2]string{
		{"yunwei " + root.usage, root.summary},
		{"yunwei COMMAND [options]", "run one command"},
	})
	b.WriteString("\nCommands:\n")
	var rows [][2]string
	for _, c := range commands[1:] {
		rows = append(rows, [2]string{c.path(), c.summary})
	}
	writeColumns(&b, 24, rows)
	b.WriteString("\nGlobal options (before or after the command):\n")
	writeOptions(&b, globalFlagSet())
	b.WriteString("\nOptions without a command (the terminal UI; the headless runs are for benchmarks\nand tests and draw nothing on the terminal):\n")
	fs := flag.NewFlagSet("yunwei", flag.ContinueOnError)
	root.new().flags(fs)
	writeOptions(&b, fs)
	b.WriteString("\nRun `yunwei COMMAND --help` for a command's options.\n")
	return b.String()
}

// help is the command's own help: its synopsis, what it does, and exactly
// the options its flag set has.
func (c *command) help() string {
	if c.name == "" {
		return mainUsage()
	}
	var b strings.Builder
	writeSynopsis(&b, "Usage: yunwei "+c.path()+" ", c.usage)
	b.WriteString("\n")
	about := c.about
	if about == "" {
		about = c.summary + "."
	}
	writeParagraph(&b, strings.ToUpper(about[:1])+about[1:])
	if g := findGroup(c.group); g != nil && g.about != "" {
		b.WriteString("\n")
		writeParagraph(&b, g.about)
	}
	fs := flag.NewFlagSet(c.path(), flag.ContinueOnError)
	c.new().flags(fs)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("\nOptions:\n")
		writeOptions(&b, fs)
	}
	b.WriteString("\nGlobal options, before or after the command: --db PATH, --lang zh|en, --as USER,\n--passphrase-file FILE (see yunwei --help).\n")
	return b.String()
}

// help is the group's help: the synopsis of each of its commands.
func (g *group) help() string {
	var b strings.Builder
	b.WriteString("Usage:\n")
	for _, c := range commands {
		if c.group == g.name {
			writeSynopsis(&b, "  yunwei "+c.path()+" ", c.usage)
		}
	}
	if g.about != "" {
		b.WriteString("\n")
		writeParagraph(&b, g.about)
	}
	fmt.Fprintf(&b, "\nRun `yunwei %s COMMAND --help` for a command's options.\n", g.name)
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
// placeholder (the back-quoted word of the flag's usage), what they do and
// their default.
func writeOptions(b *strings.Builder, fs *flag.FlagSet) {
	var rows [][2]string
	fs.VisitAll(func(f *flag.Flag) {
		placeholder, usage := flag.UnquoteUsage(f)
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
			usage += " (default " + f.DefValue + ")"
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
