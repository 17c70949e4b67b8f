package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"yunwei/ui/text"
)

// Rule is a horizontal line w cells wide with a title on the left and a
// note on the right: "── title ──────── note ──". Both are shown as given:
// sanitise people's text first.
func Rule(title, note string, w int) string {
	head := "──"
	if title != "" {
		head += " " + title + " "
	}
	tail := "──"
	if note != "" {
		tail = " " + note + " ──"
	}
	if text.Width(head)+text.Width(tail) > w {
		return Faint.Render(text.Truncate(head+tail, w))
	}
	return Faint.Render(head + strings.Repeat("─", w-text.Width(head)-text.Width(tail)) + tail)
}

// Fit makes a styled line exactly w cells wide: cut where it is too long
// (escape sequences kept intact), padded with spaces where it is short.
func Fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	n := lipgloss.Width(line)
	if n > w {
		line = lipgloss.NewStyle().MaxWidth(w).Render(line)
		n = lipgloss.Width(line)
	}
	if n < w {
		line += strings.Repeat(" ", w-n)
	}
	return line
}

// Frame joins lines into a block of exactly w×h cells: extra lines are
// dropped, missing ones are blank, every line is Fit to w.
func Frame(lines []string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out[i] = Fit(l, w)
	}
	return strings.Join(out, "\n")
}

// LabelValue lays out a labelled value: the label padded to labelW cells,
// then the value wrapped to the rest of w, continuation lines indented. A
// label wider than labelW gets a line of its own, the value under it.
// Both are sanitised here: values are often people's text.
func LabelValue(label, value string, labelW, w int) []string {
	label = text.Sanitize(label, false)
	valueW := max(w-labelW-1, 8)
	indent := strings.Repeat(" ", labelW)
	var out []string
	first := text.Pad(label, labelW)
	if text.Width(strings.TrimRight(label, " ")) > labelW {
		out = append(out, Faint.Render(text.Truncate(label, w)))
		first = indent
	}
	for i, l := range text.Wrap(text.Sanitize(value, true), valueW) {
		lab := indent
		if i == 0 {
			lab = first
		}
		out = append(out, Faint.Render(lab)+" "+Text.Render(l))
	}
	return out
}
