package ticket

import (
	"yunwei/flows"
	"yunwei/model"
)

// SignedDecision is exactly what a customer signs when deciding at a step
// (DESIGN §5; README "What the signature covers"), in format 2: the
// request as it stood (number, kind, title, description, contract, site,
// system, requester), the decision with its comment and inputs, the facts
// the earlier steps established as they were shown (the plan being
// approved, the result being accepted), each with the event that recorded
// it, the signer, and the vendor user at whose laptop they sign. Its
// SHA-256 (DecisionHash) is the signature's content hash; the seal binds
// the drawing and the time to it (flows.Seal).
type SignedDecision struct {
	Version     int                   `json:"v"`
	Ticket      string                `json:"ticket"`
	Kind        model.Kind            `json:"kind"`
	Title       string                `json:"title"`
	Description string                `json:"description"`
	ContractID  model.ID              `json:"contract_id"`
	SiteID      model.ID              `json:"site_id"`
	SystemID    model.ID              `json:"system_id"`
	RequesterID model.ID              `json:"requester_id"`
	Step        string                `json:"step"`
	Decision    string                `json:"decision"`
	Comment     string                `json:"comment"`
	Inputs      map[string]string     `json:"inputs"`
	Facts       map[string]SignedFact `json:"facts"`
	Signer      flows.Signer          `json:"signer"`
	Actor       model.ID              `json:"actor"`
}

// SignedFact is a fact shown when signing: its value and the decision
// event that recorded it.
type SignedFact struct {
	Value string        `json:"value"`
	Event model.EventID `json:"event"`
}

// DecisionContent is what a decision at the ticket's current step signs,
// before the signer and the vendor user are named (By).
func DecisionContent(s *State, decision, comment string, inputs map[string]string) SignedDecision {
	c := request(s, s.Kind, s.Step, decision, comment, inputs)
	c.Facts = factsShown(s, s.Kind, s.Step)
	return c
}

// By names who signs and the vendor user at the laptop, who enters the
// decision: both are part of what is signed.
func (c SignedDecision) By(signer flows.Signer, actor model.ID) SignedDecision {
	c.Signer, c.Actor = signer, actor
	return c
}

// FactValues are the facts shown, by name.
func (c SignedDecision) FactValues() map[string]string {
	out := make(map[string]string, len(c.Facts))
	for name, f := range c.Facts {
		out[name] = f.Value
	}
	return out
}

// Sign is the signature of c drawn as strokes (or typed) at signedAt (UTC
// RFC 3339): its content hash, its seal, the facts it pins and the digest
// of each part, everything flows checks later.
func (c SignedDecision) Sign(strokes [][]model.Point, typed, signedAt string) model.Signature {
	return c.sign(DecisionHash(c), strokes, typed, signedAt)
}

// sign is Sign with c's hash already taken: accepting a signature checks
// it first.
func (c SignedDecision) sign(hash string, strokes [][]model.Point, typed, signedAt string) model.Signature {
	sig := model.Signature{
		Version: flows.SignatureVersion, SignerName: c.Signer.Name, SignerRole: c.Signer.Role, ContactID: c.Signer.ContactID,
		ContentHash: hash, Strokes: strokes, Typed: typed, SignedAt: signedAt,
	}
	if len(c.Facts) > 0 {
		sig.Shown = make(map[string]model.EventID, len(c.Facts))
		for name, f := range c.Facts {
			sig.Shown[name] = f.Event
		}
	}
	drawing := strokesHashes.of(sig.Strokes) // the seal and a part both bind it
	sig.Seal = flows.SealHashOf(sig, drawing)
	sig.Parts = decisionParts(c, sig, drawing)
	return sig
}

// DecisionHash is the hex SHA-256 of the canonical form of content. A
// decision's content always encodes (it holds only text and ids), so there
// is no error to return.
func DecisionHash(content SignedDecision) string {
	return decisionHashes.of(content)
}

// request is the content's request and decision, without facts, signer or
// vendor user.
func request(s *State, kind model.Kind, step, decision, comment string, inputs map[string]string) SignedDecision {
	c := SignedDecision{
		Version: flows.SignatureVersion, Ticket: s.Number, Kind: kind, Title: s.Title, Description: s.Description,
		ContractID: s.ContractID, SiteID: s.SiteID, SystemID: s.SystemID, RequesterID: s.RequesterID,
		Step: step, Decision: decision, Comment: comment, Inputs: map[string]string{}, Facts: map[string]SignedFact{},
	}
	for k, v := range inputs {
		c.Inputs[k] = v
	}
	return c
}

// shownInputs are the names of the facts a decision at step shows: the
// inputs of the steps before it in the table (the plan being approved,
// the result being accepted).
func shownInputs(kind model.Kind, step string) []string {
	f := FlowFor(kind)
	if f == nil {
		return nil
	}
	var out []string
	for _, st := range f.Steps {
		if st.Name == step {
			break
		}
		for _, d := range st.Decisions {
			for _, in := range d.Inputs {
				out = append(out, in.Name)
			}
		}
	}
	return out
}

// factsShown are the facts a decision at step shows now, each with the
// latest applied decision that recorded its current value.
func factsShown(s *State, kind model.Kind, step string) map[string]SignedFact {
	out := map[string]SignedFact{}
	for _, name := range shownInputs(kind, step) {
		v, ok := s.Facts[name]
		if !ok {
			continue
		}
		out[name] = SignedFact{Value: v, Event: recordedBy(s.History, name, v)}
	}
	return out
}

// recordedBy is the latest applied decision in history that gave input
// name the value v; the zero id if none did.
func recordedBy(history []HistoryEntry, name, v string) model.EventID {
	for i := len(history) - 1; i >= 0; i-- {
		h := &history[i]
		if got, ok := h.Inputs[name]; ok && got == v && isDecision(h) && h.Rejected == "" {
			return h.Event
		}
	}
	return model.EventID{}
}

func isDecision(h *HistoryEntry) bool { return h.Type == Decided || h.Type == Converted }

// The parts of a signed decision, in the order a void signature names the
// ones that changed.
const (
	ReasonTicket      flows.VoidReason = "ticket" // number, kind or contract
	ReasonTitle       flows.VoidReason = "title"
	ReasonDescription flows.VoidReason = "description"
	ReasonSite        flows.VoidReason = "site"
	ReasonSystem      flows.VoidReason = "system"
	ReasonRequester   flows.VoidReason = "requester"
	ReasonDecision    flows.VoidReason = "decision" // step, decision, comment, inputs
	ReasonFacts       flows.VoidReason = "facts"    // a fact shown when signing
)

var decisionPartOrder = []flows.VoidReason{
	ReasonTicket, ReasonTitle, ReasonDescription, ReasonSite, ReasonSystem, ReasonRequester,
	ReasonDecision, ReasonFacts, flows.ReasonSigner, flows.ReasonActor, flows.ReasonDrawing, flows.ReasonTime,
}

// The parts of a signed decision that are made of several of its fields.
type (
	ticketPart struct {
		Ticket     string     `json:"ticket"`
		Kind       model.Kind `json:"kind"`
		ContractID model.ID   `json:"contract_id"`
	}
	decisionPart struct {
		Step     string            `json:"step"`
		Decision string            `json:"decision"`
		Comment  string            `json:"comment"`
		Inputs   map[string]string `json:"inputs"`
	}
	drawingPart struct {
		Strokes string `json:"strokes"`
		Typed   string `json:"typed"`
	}
)

// decisionParts digests each part of a signed decision and its seal;
// drawing is the hash of the signature's strokes. The parts a ticket's
// signatures share come from the memos (signature_memo.go).
func decisionParts(c SignedDecision, sig model.Signature, drawing string) map[string]string {
	d := flows.PartDigest
	return map[string]string{
		string(ReasonTicket):        ticketDigests.of(ticketPart{c.Ticket, c.Kind, c.ContractID}, partDigest),
		string(ReasonTitle):         titleDigests.of(c.Title, partDigest),
		string(ReasonDescription):   descDigests.of(c.Description, partDigest),
		string(ReasonSite):          siteDigests.of(c.SiteID, partDigest),
		string(ReasonSystem):        systemDigests.of(c.SystemID, partDigest),
		string(ReasonRequester):     reqDigests.of(c.RequesterID, partDigest),
		string(ReasonDecision):      d(decisionPart{c.Step, c.Decision, c.Comment, c.Inputs}),
		string(ReasonFacts):         d(c.Facts),
		string(flows.ReasonSigner):  signerDigests.of(c.Signer, partDigest),
		string(flows.ReasonActor):   actorDigests.of(c.Actor, partDigest),
		string(flows.ReasonDrawing): drawingDigests.of(drawingPart{drawing, sig.Typed}, partDigest),
		string(flows.ReasonTime):    d(sig.SignedAt),
	}
}
