package words

import (
	"strings"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model/i18n"
)

// voidReasons word each part a void signature names (README "What the
// signature covers").
var voidReasons = map[flows.VoidReason]string{
	ticket.ReasonTicket:      "the ticket's number, kind or contract is not what was signed",
	ticket.ReasonTitle:       "the title was changed after signing",
	ticket.ReasonDescription: "the description was changed after signing",
	ticket.ReasonSite:        "the site was changed after signing",
	ticket.ReasonSystem:      "the system was changed after signing",
	ticket.ReasonRequester:   "the requester was changed after signing",
	ticket.ReasonDecision:    "the decision, its comment or its inputs are not what was signed",
	ticket.ReasonFacts:       "a fact shown when signing (a plan, a cause, a result…) is not what was signed",
	flows.ReasonSigner:       "the signer's name, contact or role is not who signed",
	flows.ReasonActor:        "the vendor user who entered it is not the one at the laptop when it was signed",
	flows.ReasonDrawing:      "the drawing or the typed signature is not what was signed",
	flows.ReasonTime:         "the time of signing is not what was recorded",
	flows.ReasonAltered:      "the hash stored with the signature was changed",
	flows.ReasonFormat:       "the signature is in a format this version of yunwei cannot check: update yunwei",
}

// VoidReason words why a signature is void; a reason this version does not
// know is shown by its code.
func VoidReason(L i18n.Lang, r flows.VoidReason) string {
	if en, ok := voidReasons[r]; ok {
		return L.T(en)
	}
	return string(r)
}

// VoidReasons words every reason of a verdict, one clause each.
func VoidReasons(L i18n.Lang, v flows.Verdict) []string {
	out := make([]string, len(v.Reasons))
	for i, r := range v.Reasons {
		out[i] = VoidReason(L, r)
	}
	return out
}

// SignatureState is a verdict in one line, for the command line: "signed,
// valid", or "signature VOID: " and what changed.
func SignatureState(L i18n.Lang, v flows.Verdict) string {
	if v.Valid() {
		s := L.T("signed, valid")
		if v.Version < flows.SignatureVersion {
			s += " · " + L.T(FirstFormatNote)
		}
		return s
	}
	return L.Tf("signature VOID: %s", strings.Join(VoidReasons(L, v), L.T("; ")))
}

// FirstFormatNote says what a signature of the first format does not
// cover.
const FirstFormatNote = "an older signature: it covers the request and the decision, not the signer, the drawing or who entered it"
