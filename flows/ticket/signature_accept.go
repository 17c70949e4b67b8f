package ticket

import (
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"yunwei/flows"
	"yunwei/model"
)

// maxSignaturePoints bounds a drawing, so an event stays small.
const maxSignaturePoints = 4000

// acceptSignature checks a signature for the decision about to be made
// (DESIGN §5) and returns it as it is stored: the signer must be the
// contact deciding, under their name in the directory and in the role
// they decide in; its content hash must be that of this decision as shown
// to them, by them, entered by this vendor user; and the drawing must be
// there and not too large. The seal, the pinned facts and the part
// digests are derived here, whatever the caller sent.
func acceptSignature(env flows.Env, s *State, p DecidedPayload, sig model.Signature) (*model.Signature, error) {
	contact := env.Actor.Contact
	if !p.Role.IsCustomer() || contact == nil {
		return nil, model.Errorf(model.EINVALID, "only a customer's decision is signed on the laptop; %s decides here as a %s", env.Actor.User.Name, p.Role.Word())
	}
	name, err := flows.CleanText("signer's name", sig.SignerName, flows.MaxName, true, false)
	if err != nil {
		return nil, err
	}
	if sameName(name, contact.Name) {
		name = contact.Name
	} else {
		return nil, model.Errorf(model.EINVALID, "the signature names %q, but %s is deciding: the signer signs under their own name, as the directory has it", name, contact.Name)
	}
	if !sig.ContactID.IsZero() && sig.ContactID != contact.ID {
		return nil, model.Errorf(model.EINVALID, "the signature was made for another contact than %s: show the decision again and let %s sign", contact.Name, contact.Name)
	}
	if sig.SignerRole != "" && sig.SignerRole != p.Role {
		return nil, model.Errorf(model.EINVALID, "the signature is in the role of a %s, but %s decides here as a %s: sign again", sig.SignerRole.Word(), contact.Name, p.Role.Word())
	}
	typed, err := flows.CleanText("typed signature", sig.Typed, flows.MaxName, false, false)
	if err != nil {
		return nil, err
	}
	points := 0
	for _, stroke := range sig.Strokes {
		points += len(stroke)
	}
	if points == 0 && typed == "" {
		return nil, model.Errorf(model.EINVALID, "the signature is empty: draw it, or type it")
	}
	if points > maxSignaturePoints {
		return nil, model.Errorf(model.EINVALID, "the signature has %d points: the limit is %d; clear it and draw it again", points, maxSignaturePoints)
	}
	if _, err := time.Parse(time.RFC3339Nano, sig.SignedAt); err != nil {
		return nil, model.Errorf(model.EINVALID, "the signature's time %q is not a time", sig.SignedAt)
	}
	signer := flows.Signer{ContactID: contact.ID, Name: name, Role: p.Role}
	content := DecisionContent(s, p.Decision, p.Comment, p.Inputs).By(signer, env.Actor.User.ID)
	hash := DecisionHash(content)
	if sig.ContentHash != hash {
		return nil, model.Errorf(model.EINVALID, "the signature was made for different content than this decision: show the decision again and sign anew")
	}
	stored := content.sign(hash, sig.Strokes, typed, sig.SignedAt)
	return &stored, nil
}

// sameName compares names as people read them: Unicode NFC, runs of
// spaces as one.
func sameName(a, b string) bool {
	clean := func(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }
	return clean(a) == clean(b)
}
