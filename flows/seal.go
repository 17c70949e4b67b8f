package flows

import (
	"yunwei/model"
)

// SignatureVersion is the format new signatures are made in: the content
// hash covers what was shown with the signer and the vendor user at the
// laptop, and the seal binds the drawing and the time to it (README "What
// the signature covers").
const SignatureVersion = 2

// Signer is who signs: the customer contact, their name as the directory
// has it, and the role they sign in.
type Signer struct {
	ContactID model.ID   `json:"contact_id"`
	Name      string     `json:"name"`
	Role      model.Role `json:"role"`
}

// SignerOf is the signer a signature names.
func SignerOf(sig model.Signature) Signer {
	return Signer{ContactID: sig.ContactID, Name: sig.SignerName, Role: sig.SignerRole}
}

// Seal is what the act of signing binds together: the hash of the content
// shown, the signer, the drawing (the SHA-256 of its strokes), the typed
// name and the time of signing. Its hash is Signature.Seal.
type Seal struct {
	Version  int    `json:"v"`
	Content  string `json:"content"`
	Signer   Signer `json:"signer"`
	Strokes  string `json:"strokes"`
	Typed    string `json:"typed"`
	SignedAt string `json:"signed_at"`
}

// SealOf is the seal of sig as it stands.
func SealOf(sig model.Signature) Seal {
	return sealOf(sig, StrokesHash(sig.Strokes))
}

func sealOf(sig model.Signature, drawing string) Seal {
	return Seal{Version: SignatureVersion, Content: sig.ContentHash, Signer: SignerOf(sig),
		Strokes: drawing, Typed: sig.Typed, SignedAt: sig.SignedAt}
}

// SealHash is the hex SHA-256 of sig's seal, the value Signature.Seal
// holds while nothing it binds has changed.
func SealHash(sig model.Signature) string {
	return SealHashOf(sig, StrokesHash(sig.Strokes))
}

// SealHashOf is SealHash for a signer who has the hash of sig's strokes
// (StrokesHash) already: signed content keeps it as a part too.
func SealHashOf(sig model.Signature, drawing string) string {
	return MustContentHash(sealOf(sig, drawing))
}

// StrokesHash is the hex SHA-256 of a drawing's canonical JSON: the
// strokes in order, each a list of {x, y} points. No drawing hashes as an
// empty list.
func StrokesHash(strokes [][]model.Point) string {
	if strokes == nil {
		strokes = [][]model.Point{}
	}
	return MustContentHash(strokes)
}

// partDigestLen is how many hex digits a part digest keeps: enough to tell
// which part changed, since validity itself rests on the full hashes.
const partDigestLen = 12

// PartDigest is the short digest of one part of signed content, kept in
// Signature.Parts to tell later which part changed.
func PartDigest(part any) string {
	return MustContentHash(part)[:partDigestLen]
}

// VoidReason names the part of what was signed that no longer is what it
// was; ui/words words it. Kinds of signed content add their own parts.
type VoidReason string

// The reasons every kind of signature can give.
const (
	ReasonSigner  VoidReason = "signer"  // the signer's contact, name or role
	ReasonActor   VoidReason = "actor"   // the vendor user who entered it
	ReasonDrawing VoidReason = "drawing" // the strokes or the typed name
	ReasonTime    VoidReason = "time"    // the time of signing
	// ReasonAltered: every part is as signed, but the stored hashes are
	// not: the signature's own record was changed.
	ReasonAltered VoidReason = "altered"
	// ReasonFormat: the signature is of a format this version cannot check.
	ReasonFormat VoidReason = "format"
)

// Verdict is a signature checked: its state, the format it was made in,
// and, when void, which parts of what was signed changed.
type Verdict struct {
	State   Validity     `json:"state"`
	Version int          `json:"version"`
	Reasons []VoidReason `json:"reasons,omitempty"`
}

// Valid reports whether the signature still signs what it signed.
func (v Verdict) Valid() bool { return v.State == ValidSignature }

// ChangedParts lists, in the order given, the parts whose digest in got
// differs from the one stored: what changed since signing. A part without
// a stored digest cannot be said to have changed.
func ChangedParts(order []VoidReason, stored, got map[string]string) []VoidReason {
	var out []VoidReason
	for _, p := range order {
		if was, ok := stored[string(p)]; ok && was != got[string(p)] {
			out = append(out, p)
		}
	}
	return out
}
