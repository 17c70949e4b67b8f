package signoff

import (
	"slices"
	"strings"

	"yunwei/model"
)

// A braille character (U+2800–U+28FF) is a cell of 2×4 dots, so a terminal
// cell carries eight pixels: the finest drawing a text terminal offers that
// every modern font renders.
const (
	cellDotsX = 2
	cellDotsY = 4
)

// brailleBits[y][x] is the bit of dot (x, y) within a cell, in the order the
// Unicode braille block numbers its dots (1–3 and 7 down the left column,
// 4–6 and 8 down the right).
var brailleBits = [cellDotsY][cellDotsX]rune{
	{0x01, 0x08},
	{0x02, 0x10},
	{0x04, 0x20},
	{0x40, 0x80},
}

// maxPoints bounds a signature's stored points so a signature event stays a
// few kilobytes however long someone scribbles.
const maxPoints = 2000

// minDots is how many dots a drawing must light to count as a signature: a
// stray click or a single key press is not one.
const minDots = 8

// raster is a bitmap of dots, drawn into and then read out as braille.
type raster struct {
	w, h int
	bits []bool
}

func newRaster(w, h int) *raster {
	w, h = max(w, 0), max(h, 0)
	return &raster{w: w, h: h, bits: make([]bool, w*h)}
}

// set lights a dot; dots outside the raster are clipped.
func (r *raster) set(x, y int) {
	if x >= 0 && y >= 0 && x < r.w && y < r.h {
		r.bits[y*r.w+x] = true
	}
}

func (r *raster) at(x, y int) bool {
	return x >= 0 && y >= 0 && x < r.w && y < r.h && r.bits[y*r.w+x]
}

// line lights the dots of a Bresenham line from a to b, ends included, so
// that successive points of a stroke join up however far apart the terminal
// reported them.
func (r *raster) line(a, b model.Point) {
	dx, dy := abs(b.X-a.X), -abs(b.Y-a.Y)
	sx, sy := sign(b.X-a.X), sign(b.Y-a.Y)
	e := dx + dy
	x, y := a.X, a.Y
	for {
		r.set(x, y)
		if x == b.X && y == b.Y {
			return
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			x += sx
		}
		if e2 <= dx {
			e += dx
			y += sy
		}
	}
}

// strokes draws each stroke as the polyline through its points; a
// single-point stroke is a dot.
func (r *raster) strokes(strokes [][]model.Point) {
	for _, s := range strokes {
		for i, p := range s {
			if i == 0 {
				r.set(p.X, p.Y)
				continue
			}
			r.line(s[i-1], p)
		}
	}
}

// count is the number of lit dots.
func (r *raster) count() int {
	n := 0
	for _, b := range r.bits {
		if b {
			n++
		}
	}
	return n
}

// cell is the braille character of cell (cx, cy); an empty cell is a space
// rather than U+2800 so blank canvas copies and compares as blank text.
func (r *raster) cell(cx, cy int) rune {
	var bits rune
	for y := range cellDotsY {
		for x := range cellDotsX {
			if r.at(cx*cellDotsX+x, cy*cellDotsY+y) {
				bits |= brailleBits[y][x]
			}
		}
	}
	if bits == 0 {
		return ' '
	}
	return 0x2800 + bits
}

// lines renders the raster as rows of braille cells covering w×h cells.
func (r *raster) lines(w, h int) []string {
	out := make([]string, h)
	var b strings.Builder
	for cy := range h {
		b.Reset()
		for cx := range w {
			b.WriteRune(r.cell(cx, cy))
		}
		out[cy] = b.String()
	}
	return out
}

// canvas is the drawing: finished strokes, the stroke under the pen, and
// undo/redo history. Each history entry is the whole list of strokes before
// an action; strokes are never changed once finished, so an entry only
// copies slice headers, and undo can restore a clear as easily as a stroke.
type canvas struct {
	strokes [][]model.Point
	cur     []model.Point // nil while the pen is up
	undo    [][][]model.Point
	redo    [][][]model.Point
	full    bool // the last point was refused: maxPoints reached
}

// penDown reports whether a stroke is being drawn.
func (c *canvas) penDown() bool { return c.cur != nil }

// empty reports whether nothing is drawn.
func (c *canvas) empty() bool { return len(c.strokes) == 0 && c.cur == nil }

func (c *canvas) points() int {
	n := len(c.cur)
	for _, s := range c.strokes {
		n += len(s)
	}
	return n
}

// begin puts the pen down at p, finishing any stroke still open (a mouse
// release the terminal never reported, say).
func (c *canvas) begin(p model.Point) {
	c.end()
	if c.points() >= maxPoints {
		c.full = true
		return
	}
	c.full = false
	c.cur = []model.Point{p}
}

// extend moves the pen to p. Points continuing the last segment in the same
// direction replace its end instead of being appended: the line drawn is the
// same and a straight keyboard stroke stores two points, not fifty.
func (c *canvas) extend(p model.Point) {
	n := len(c.cur)
	if n == 0 {
		return
	}
	last := c.cur[n-1]
	if p == last {
		return
	}
	if n >= 2 {
		prev := c.cur[n-2]
		d1 := model.Point{X: last.X - prev.X, Y: last.Y - prev.Y}
		d2 := model.Point{X: p.X - last.X, Y: p.Y - last.Y}
		if d1.X*d2.Y == d1.Y*d2.X && d1.X*d2.X+d1.Y*d2.Y > 0 {
			c.cur[n-1] = p
			return
		}
	}
	if c.points() >= maxPoints {
		c.full = true
		return
	}
	c.cur = append(c.cur, p)
}

// end lifts the pen, finishing the stroke as one undoable step.
func (c *canvas) end() {
	if c.cur == nil {
		return
	}
	c.record()
	c.strokes = append(slices.Clip(c.strokes), slices.Clip(c.cur))
	c.cur = nil
}

// record saves the strokes before an action and forgets what was undone, as
// every editor does once something new is drawn.
func (c *canvas) record() {
	c.undo = append(c.undo, slices.Clip(c.strokes))
	c.redo = nil
}

// clear wipes the drawing; undo brings it back.
func (c *canvas) clear() bool {
	c.end()
	if len(c.strokes) == 0 {
		return false
	}
	c.record()
	c.strokes = nil
	c.full = false
	return true
}

// undoStep takes back the last stroke (or clear); a stroke being drawn is
// finished first, so undo during drawing removes it and redo restores it.
func (c *canvas) undoStep() bool {
	c.end()
	if len(c.undo) == 0 {
		return false
	}
	c.redo = append(c.redo, c.strokes)
	c.strokes = c.undo[len(c.undo)-1]
	c.undo = c.undo[:len(c.undo)-1]
	c.full = false
	return true
}

// redoStep puts back what the last undo took away.
func (c *canvas) redoStep() bool {
	c.end()
	if len(c.redo) == 0 {
		return false
	}
	c.undo = append(c.undo, c.strokes)
	c.strokes = c.redo[len(c.redo)-1]
	c.redo = c.redo[:len(c.redo)-1]
	return true
}

// all is every stroke including the one being drawn, as a deep copy that
// later drawing cannot change.
func (c *canvas) all() [][]model.Point {
	out := make([][]model.Point, 0, len(c.strokes)+1)
	for _, s := range c.strokes {
		out = append(out, slices.Clone(s))
	}
	if c.cur != nil {
		out = append(out, slices.Clone(c.cur))
	}
	return out
}

// dots counts the distinct dots the drawing lights, wherever they are.
func dots(strokes [][]model.Point) int {
	minP, maxP, ok := bounds(strokes)
	if !ok {
		return 0
	}
	r := newRaster(maxP.X-minP.X+1, maxP.Y-minP.Y+1)
	r.strokes(translate(strokes, -minP.X, -minP.Y))
	return r.count()
}

// bounds is the bounding box of all points.
func bounds(strokes [][]model.Point) (minP, maxP model.Point, ok bool) {
	for _, s := range strokes {
		for _, p := range s {
			if !ok {
				minP, maxP, ok = p, p, true
				continue
			}
			minP.X, minP.Y = min(minP.X, p.X), min(minP.Y, p.Y)
			maxP.X, maxP.Y = max(maxP.X, p.X), max(maxP.Y, p.Y)
		}
	}
	return minP, maxP, ok
}

func translate(strokes [][]model.Point, dx, dy int) [][]model.Point {
	out := make([][]model.Point, len(strokes))
	for i, s := range strokes {
		out[i] = make([]model.Point, len(s))
		for j, p := range s {
			out[i][j] = model.Point{X: p.X + dx, Y: p.Y + dy}
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}
