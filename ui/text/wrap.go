package text

import "strings"

// Wrap breaks text into lines of at most w cells: at newlines, after
// spaces, and between the characters of Chinese text, which has no spaces
// to break at, or where Chinese meets Latin. It follows the Chinese rules
// of line breaking (kinsoku): no line starts with closing punctuation
// (。，、：；）」』】》？！…) and none ends with opening punctuation
// (（「『【《“); where a line must break just before such a mark, the
// character before it goes down to the next line with it. The text must
// be sanitised (newlines kept) before.
func Wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine(para, w)...)
	}
	return out
}

// noStart are the marks a line must not start with: closing brackets and
// quotes, and the punctuation that ends a clause, full width and ASCII.
const noStart = "。，、：；）」』】》〕〉｝］？！…‥·・％”’～.,:;)]}!?%"

// noEnd are the marks a line must not end with: opening brackets and
// quotes.
const noEnd = "（「『【《〔〈｛［“‘([{"

func closing(r rune) bool { return strings.ContainsRune(noStart, r) }
func opening(r rune) bool { return strings.ContainsRune(noEnd, r) }

// canBreak reports whether a line may end between a and b.
func canBreak(a, b rune) bool {
	switch {
	case closing(b), opening(a), b == ' ':
		return false
	case a == ' ':
		return true
	}
	return wide(a) || wide(b)
}

func wide(r rune) bool { return r >= 0x1100 && Width(string(r)) == 2 }

func wrapLine(s string, w int) []string {
	rs := []rune(s)
	var lines []string
	start, width := 0, 0
	last := -1 // the last place since start where the line may end
	for i := 0; i < len(rs); i++ {
		rw := Width(string(rs[i]))
		if i > start && canBreak(rs[i-1], rs[i]) {
			last = i
		}
		if width+rw > w && i > start {
			cut := last
			if cut <= start {
				cut = forcedCut(rs, start, i)
			}
			lines = append(lines, strings.TrimRight(string(rs[start:cut]), " "))
			start, last = cut, -1
			for start < i && rs[start] == ' ' {
				start++
			}
			width = Width(string(rs[start:i]))
		}
		width += rw
	}
	return append(lines, string(rs[start:]))
}

// forcedCut is where a line that has no place to break must end before
// rs[i], the first character that does not fit: there, unless that would
// start the next line with closing punctuation or end this one with
// opening punctuation, in which case the characters around it go down
// with it. A line too narrow to hold a character and the marks around it
// is cut at i all the same.
func forcedCut(rs []rune, start, i int) int {
	cut := i
	for cut > start+1 && (closing(rs[cut]) || opening(rs[cut-1])) {
		cut--
	}
	if closing(rs[cut]) || opening(rs[cut-1]) {
		return i
	}
	return cut
}
