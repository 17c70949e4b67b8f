package ticket

import (
	"time"

	"yunwei/flows"
	"yunwei/model"
)

// SignedDecision is exactly what a customer signs when deciding at a step
// (DESIGN §5): the request, the decision with its comment and inputs, and
// the facts the earlier steps established (the plan being approved, the
// result being accepted). If any of it changes afterwards, the signature
// no longer matches and shows as void.
type SignedDecision struct {
	Ticket      string            `json:"ticket"`
	Kind        model.Kind        `json:"kind"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	ContractID  model.ID          `json:"contract_id"`
	SiteID      model.ID          `json:"site_id"`
	SystemID    model.ID          `json:"system_id"`
	RequesterID model.ID          `json:"requester_id"`
	Step        string            `json:"step"`
	Decision    string            `json:"decision"`
	Comment     string            `json:"comment"`
	Inputs      map[string]string `json:"inputs"`
	Facts       map[string]string `json:"facts"`
}

// DecisionContent is what a decision at the ticket's current step signs.
func DecisionContent(s *State, decision, comment string, inputs map[string]string) SignedDecision {
	return signedContent(s, s.Kind, s.Step, decision, comment, inputs)
}

func signedContent(s *State, kind model.Kind, step, decision, comment string, inputs map[string]string) SignedDecision {
	c := SignedDecision{
		Ticket: s.Number, Kind: kind, Title: s.Title, Description: s.Description, ContractID: s.ContractID,
		SiteID: s.SiteID, SystemID: s.SystemID, RequesterID: s.RequesterID,
		Step: step, Decision: decision, Comment: comment, Inputs: map[string]string{}, Facts: map[string]string{},
	}
	for k, v := range inputs {
		c.Inputs[k] = v
	}
	// The facts established by the steps before this one in the table.
	if f := FlowFor(kind); f != nil {
		for _, st := range f.Steps {
			if st.Name == step {
				break
			}
			for _, d := range st.Decisions {
				for _, in := range d.Inputs {
					if v, ok := s.Facts[in.Name]; ok {
						c.Facts[in.Name] = v
					}
				}
			}
		}
	}
	return c
}

// DecisionHash is the hex SHA-256 of the canonical form of content. A
// decision's content always encodes (it holds only text and ids), so there
// is no error to return.
func DecisionHash(content SignedDecision) string {
	return flows.CanonicalHash(model.MustCanonical(content))
}

// SignatureValid tells whether a signed history entry still signs the
// ticket as it is now; false means void (content changed after signing).
func SignatureValid(s *State, h HistoryEntry) bool {
	if h.Signature == nil {
		return false
	}
	kind := h.Kind
	if kind == "" {
		kind = s.Kind
	}
	return flows.Signs(*h.Signature, DecisionHash(signedContent(s, kind, h.From, h.Decision, h.Comment, h.Inputs)))
}

// maxSignaturePoints bounds a drawing, so an event stays small.
const maxSignaturePoints = 4000

// checkSignature validates a signature for the decision about to be made.
func checkSignature(s *State, p DecidedPayload, sig model.Signature) (*model.Signature, error) {
	name, err := flows.CleanText("signer's name", sig.SignerName, flows.MaxName, true, false)
	if err != nil {
		return nil, err
	}
	sig.SignerName = name
	want := DecisionHash(DecisionContent(s, p.Decision, p.Comment, p.Inputs))
	if !flows.Signs(sig, want) {
		return nil, model.Errorf(model.EINVALID, "the signature was made for different content than this decision: show the decision again and sign anew")
	}
	points := 0
	for _, stroke := range sig.Strokes {
		points += len(stroke)
	}
	if points == 0 && sig.Typed == "" {
		return nil, model.Errorf(model.EINVALID, "the signature is empty: draw it, or type it")
	}
	if points > maxSignaturePoints {
		return nil, model.Errorf(model.EINVALID, "the signature has %d points: the limit is %d; clear it and draw it again", points, maxSignaturePoints)
	}
	if _, err := time.Parse(time.RFC3339Nano, sig.SignedAt); err != nil {
		return nil, model.Errorf(model.EINVALID, "the signature's time %q is not a time", sig.SignedAt)
	}
	if p.ContactID != model.NilID && sig.ContactID == model.NilID {
		sig.ContactID = p.ContactID
	}
	return &sig, nil
}
