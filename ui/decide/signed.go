package decide

import (
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/signoff"
	"yunwei/ui/words"
)

// SignedDecision is a customer's decision as they sign it (DESIGN §5): the
// content flows checks the signature against, shown with names for its
// ids. It is the sign-off's Signable for ticket decisions.
type SignedDecision struct {
	// Content is exactly what the signature covers
	// (ticket.DecisionContent).
	Content ticket.SignedDecision
	// Context names the customer, site, people and users the content
	// refers to by id.
	Context *Context
}

var _ signoff.Signable = SignedDecision{}

// Title names the ticket and the decision: "Sign-off · DC-… · approve".
func (d SignedDecision) Title(L i18n.Lang) string {
	title := L.T("Sign-off") + " · " + d.Content.Ticket
	if f := ticket.FlowFor(d.Content.Kind); f != nil {
		if st := f.Step(d.Content.Step); st != nil {
			if dec := st.Decision(d.Content.Decision); dec != nil {
				title += " · " + words.Decision(L, d.Content.Kind, dec)
			}
		}
	}
	return title
}

// Fields are the parts of the signed content, worded (SignFields).
func (d SignedDecision) Fields(L i18n.Lang) []signoff.Field {
	return SignFields(d.Content, d.Context, L)
}

// Canonical is the content's canonical JSON, the bytes ticket.DecisionHash
// hashes.
func (d SignedDecision) Canonical() ([]byte, error) { return model.Canonical(d.Content) }
