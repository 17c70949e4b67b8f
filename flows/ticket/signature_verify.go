package ticket

import (
	"yunwei/flows"
	"yunwei/model"
)

// VerifySignature checks the signature of history entry h of ticket s
// (DESIGN §5; README "What the signature covers"). It rebuilds what was
// signed from the decision's own event (step, decision, comment, inputs,
// signer, drawing, time, the vendor user who entered it), the facts it
// pinned, as the events that recorded them hold them, and the request as
// the ticket holds it now (number, kind, title, description, contract,
// site, system, requester), and compares its hashes with those stored. A
// signature is void exactly when one of these is not what was signed:
// later steps that replace a fact, comments, assignments and later
// decisions leave it valid. A void verdict names the parts that changed.
//
// Signatures of the first format (no version) hashed the request, the
// decision and the facts only: they are checked against the facts as they
// stood when the decision was folded, and say nothing of the signer, the
// drawing or the vendor user.
func VerifySignature(s *State, h HistoryEntry) flows.Verdict {
	sig := h.Signature
	if sig == nil {
		return flows.Verdict{State: flows.VoidSignature, Reasons: []flows.VoidReason{flows.ReasonAltered}}
	}
	switch sig.Version {
	case 0:
		return verifyFirstFormat(s, h)
	case flows.SignatureVersion:
		return verifyDecision(s, h)
	}
	return flows.Verdict{State: flows.VoidSignature, Version: sig.Version, Reasons: []flows.VoidReason{flows.ReasonFormat}}
}

// SignatureValid tells whether a signed history entry still signs what
// it signed (VerifySignature); false means void.
func SignatureValid(s *State, h HistoryEntry) bool {
	return h.Signature != nil && VerifySignature(s, h).Valid()
}

func verifyDecision(s *State, h HistoryEntry) flows.Verdict {
	sig := *h.Signature
	kind := h.Kind
	if kind == "" {
		kind = s.Kind
	}
	c := request(s, kind, h.From, h.Decision, h.Comment, h.Inputs)
	c.Facts = pinnedFacts(s.History, sig.Shown)
	c = c.By(flows.SignerOf(sig), h.Actor)
	got := c.Sign(sig.Strokes, sig.Typed, sig.SignedAt)

	v := flows.Verdict{State: flows.VoidSignature, Version: sig.Version}
	// The signature must name whoever the decision names.
	signerAgrees := sig.ContactID == h.Contact && sig.SignerRole == h.Role
	if got.ContentHash == sig.ContentHash && got.Seal == sig.Seal && signerAgrees {
		v.State = flows.ValidSignature
		return v
	}
	v.Reasons = flows.ChangedParts(decisionPartOrder, sig.Parts, got.Parts)
	if !signerAgrees && !hasReason(v.Reasons, flows.ReasonSigner) {
		v.Reasons = append(v.Reasons, flows.ReasonSigner)
	}
	if len(v.Reasons) == 0 {
		v.Reasons = []flows.VoidReason{flows.ReasonAltered}
	}
	return v
}

// pinnedFacts are the facts a signature pinned, each with the value its
// event holds now. A pinned event that is gone, or no longer gives the
// fact, yields no event: it cannot be what was signed.
func pinnedFacts(history []HistoryEntry, shown map[string]model.EventID) map[string]SignedFact {
	out := make(map[string]SignedFact, len(shown))
	if len(shown) == 0 {
		return out
	}
	byEvent := make(map[model.EventID]*HistoryEntry, len(history))
	for i := range history {
		if isDecision(&history[i]) {
			byEvent[history[i].Event] = &history[i]
		}
	}
	for name, id := range shown {
		f := SignedFact{}
		if h := byEvent[id]; h != nil {
			if v, ok := h.Inputs[name]; ok {
				f = SignedFact{Value: v, Event: id}
			}
		}
		out[name] = f
	}
	return out
}

func hasReason(rs []flows.VoidReason, r flows.VoidReason) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
