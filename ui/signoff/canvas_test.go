package signoff

import (
	"reflect"
	"strings"
	"testing"

	"yunwei/model"
	"yunwei/model/i18n"
)

func pts(xy ...int) []model.Point {
	var out []model.Point
	for i := 0; i+1 < len(xy); i += 2 {
		out = append(out, model.Point{X: xy[i], Y: xy[i+1]})
	}
	return out
}

// Each dot of a cell sets the bit the Unicode braille block gives it.
func TestBrailleDots(t *testing.T) {
	want := map[model.Point]rune{
		{X: 0, Y: 0}: '⠁', {X: 0, Y: 1}: '⠂', {X: 0, Y: 2}: '⠄', {X: 0, Y: 3}: '⡀',
		{X: 1, Y: 0}: '⠈', {X: 1, Y: 1}: '⠐', {X: 1, Y: 2}: '⠠', {X: 1, Y: 3}: '⢀',
	}
	for p, r := range want {
		ras := newRaster(2, 4)
		ras.set(p.X, p.Y)
		if got := ras.cell(0, 0); got != r {
			t.Errorf("dot %v: %q, want %q", p, got, r)
		}
	}
	full := newRaster(2, 4)
	full.line(model.Point{X: 0, Y: 0}, model.Point{X: 0, Y: 3})
	full.line(model.Point{X: 1, Y: 0}, model.Point{X: 1, Y: 3})
	if got := full.cell(0, 0); got != '⣿' {
		t.Errorf("all dots: %q", got)
	}
	if got := newRaster(2, 4).cell(0, 0); got != ' ' {
		t.Errorf("empty cell: %q", got)
	}
}

func TestLinesJoinPoints(t *testing.T) {
	r := newRaster(20, 8)
	r.strokes([][]model.Point{pts(0, 0, 9, 0), pts(0, 7, 9, 2)})
	if n := r.count(); n != 20 {
		t.Fatalf("%d dots lit, want 20 (10 per line)", n)
	}
	for x := range 10 {
		if !r.at(x, 0) {
			t.Errorf("gap at %d,0", x)
		}
	}
	// A single-point stroke is a dot.
	d := newRaster(4, 4)
	d.strokes([][]model.Point{pts(3, 3)})
	if d.count() != 1 || !d.at(3, 3) {
		t.Fatal("single point not drawn")
	}
}

func TestCanvasUndoRedoClear(t *testing.T) {
	var c canvas
	c.begin(model.Point{X: 0, Y: 0})
	c.extend(model.Point{X: 1, Y: 0})
	c.extend(model.Point{X: 5, Y: 0}) // same direction: merged into one segment
	c.end()
	c.begin(model.Point{X: 0, Y: 4})
	c.extend(model.Point{X: 0, Y: 6})
	c.end()
	first, second := pts(0, 0, 5, 0), pts(0, 4, 0, 6)
	if !reflect.DeepEqual(c.strokes, [][]model.Point{first, second}) {
		t.Fatalf("strokes %v", c.strokes)
	}

	c.undoStep()
	if !reflect.DeepEqual(c.strokes, [][]model.Point{first}) {
		t.Fatalf("after undo %v", c.strokes)
	}
	c.redoStep()
	if !reflect.DeepEqual(c.strokes, [][]model.Point{first, second}) {
		t.Fatalf("after redo %v", c.strokes)
	}
	if !c.clear() || !c.empty() {
		t.Fatal("clear left strokes")
	}
	c.undoStep() // undo brings a cleared drawing back
	if !reflect.DeepEqual(c.strokes, [][]model.Point{first, second}) {
		t.Fatalf("after undoing clear %v", c.strokes)
	}

	// Drawing after an undo forgets the redo, and must not change what the
	// history holds.
	c.undoStep()
	c.begin(model.Point{X: 9, Y: 9})
	c.end()
	if c.redoStep() {
		t.Fatal("redo after new drawing")
	}
	c.undoStep()
	if !reflect.DeepEqual(c.strokes, [][]model.Point{first}) {
		t.Fatalf("history changed: %v", c.strokes)
	}

	// Undo while the pen is down takes back the stroke being drawn.
	c.begin(model.Point{X: 3, Y: 3})
	c.extend(model.Point{X: 4, Y: 4})
	c.undoStep()
	if c.penDown() || !reflect.DeepEqual(c.strokes, [][]model.Point{first}) {
		t.Fatalf("undo while drawing: %v, pen down %v", c.strokes, c.penDown())
	}
}

func TestCanvasBoundsPoints(t *testing.T) {
	var c canvas
	c.begin(model.Point{})
	for i := 1; i <= maxPoints+10; i++ {
		c.extend(model.Point{X: i % 2, Y: i}) // zigzag: nothing merges
	}
	if c.points() != maxPoints || !c.full {
		t.Fatalf("%d points, full=%v", c.points(), c.full)
	}
}

func TestRenderSignature(t *testing.T) {
	sig := model.Signature{Strokes: [][]model.Point{pts(10, 10, 17, 10), pts(10, 11, 10, 14)}}
	got := RenderSignature(sig, 5, 2)
	want := "⡏⠉⠉⠉ \n⠁    "
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}

	// Too big for the box: shrunk to fit, proportions kept.
	big := model.Signature{Strokes: [][]model.Point{pts(0, 0, 99, 0, 99, 39, 0, 39, 0, 0)}}
	lines := strings.Split(RenderSignature(big, 10, 4), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if n := len([]rune(l)); n != 10 {
			t.Fatalf("line %q is %d cells", l, n)
		}
	}
	if lines[0] != "⡏⠉⠉⠉⠉⠉⠉⠉⠉⢹" {
		t.Fatalf("top of the shrunk box: %q", lines[0])
	}

	typed := RenderSignature(model.Signature{Typed: "李雷\x1b[2J"}, 12, 2)
	if typed != "李雷␛[2J    \n            " {
		t.Fatalf("typed: %q", typed)
	}
	if RenderSignature(sig, 0, 3) != "" {
		t.Fatal("zero width rendered something")
	}
}

func TestBadge(t *testing.T) {
	cases := map[string]string{
		Badge(true, i18n.En):  "✔ signed",
		Badge(false, i18n.En): "⚠ VOID",
		Badge(true, i18n.Zh):  "✔ 已签字",
		Badge(false, i18n.Zh): "⚠ 签字作废",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("badge %q, want %q", got, want)
		}
	}
}
