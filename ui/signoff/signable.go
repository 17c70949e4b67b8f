package signoff

import "yunwei/model/i18n"

// Signable is anything a person signs on screen: a ticket decision, a
// record sheet, an inspection, a report. The sign-off shows its text and
// binds the signature to the hash of its canonical bytes; it knows nothing
// else about it.
type Signable interface {
	// Title names what is being signed, e.g. "Sign-off · MR-A1-2026-0007".
	Title(L i18n.Lang) string
	// Fields are the summary the signer reads: exactly what is being
	// signed, worded in L.
	Fields(L i18n.Lang) []Field
	// Canonical is the content's canonical JSON (model.Canonical): the
	// bytes whose hash the signature carries. An error means the content
	// cannot be signed.
	Canonical() ([]byte, error)
}

// Field is one line of the summary being signed: a label and its value.
// Values may hold newlines. A field without a label is a heading or a
// paragraph spanning the whole width.
type Field struct {
	Label string
	Value string
}
