package signoff

import (
	"math"
	"strings"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

// RenderSignature draws a stored signature as w×h cells of braille, for
// detail views and record sheets. The drawing is moved to the top-left corner
// and shrunk, keeping its proportions, when it is larger than the box; it is
// never enlarged, so it looks as it did when it was signed. A signature with
// no strokes shows its typed form, if it has one. Lines are unstyled and
// exactly w cells wide.
func RenderSignature(sig model.Signature, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	blank := strings.Repeat(" ", w)
	minP, maxP, ok := bounds(sig.Strokes)
	if !ok {
		lines := make([]string, h)
		for i := range lines {
			lines[i] = blank
		}
		if sig.Typed != "" {
			lines[0] = text.Pad(text.Sanitize(sig.Typed, false), w)
		}
		return strings.Join(lines, "\n")
	}
	dw, dh := w*cellDotsX, h*cellDotsY
	scale := 1.0
	if span := maxP.X - minP.X; span > dw-1 {
		scale = min(scale, float64(dw-1)/float64(span))
	}
	if span := maxP.Y - minP.Y; span > dh-1 {
		scale = min(scale, float64(dh-1)/float64(span))
	}
	fitted := make([][]model.Point, len(sig.Strokes))
	for i, s := range sig.Strokes {
		fitted[i] = make([]model.Point, len(s))
		for j, p := range s {
			fitted[i][j] = model.Point{
				X: int(math.Round(float64(p.X-minP.X) * scale)),
				Y: int(math.Round(float64(p.Y-minP.Y) * scale)),
			}
		}
	}
	r := newRaster(dw, dh)
	r.strokes(fitted)
	return strings.Join(r.lines(w, h), "\n")
}

// Badge is the one-line mark a screen shows next to a signature: "✔ signed"
// while what was signed still is, "⚠ VOID" once it is not (DESIGN §5); the
// screen says beside it which part changed.
func Badge(valid bool, lang i18n.Lang) string {
	if valid {
		return badgeOK.Render("✔ " + lang.T("signed"))
	}
	return common.DangerText.Render("⚠ " + lang.T("VOID"))
}
