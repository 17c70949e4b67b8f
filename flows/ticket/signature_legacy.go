package ticket

import (
	"yunwei/flows"
	"yunwei/model"
)

// firstFormat is what signatures of the first format hashed: the request,
// the decision and the facts of the earlier steps, by name. It did not
// cover the signer, the drawing or the vendor user; databases written
// before format 2 hold such signatures.
type firstFormat struct {
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

// verifyFirstFormat checks a first-format signature. The facts it hashed
// were those the ticket held when the decision was taken, so they are
// taken from the history up to that decision, not from the ticket now:
// later steps that replace a fact do not void it. When it is void, the
// edits made after it say what changed; without one, its record was.
func verifyFirstFormat(s *State, h HistoryEntry) flows.Verdict {
	at := len(s.History)
	for i := range s.History {
		if s.History[i].Event == h.Event {
			at = i
			break
		}
	}
	kind := h.Kind
	if kind == "" {
		kind = s.Kind
	}
	c := firstFormat{
		Ticket: s.Number, Kind: kind, Title: s.Title, Description: s.Description, ContractID: s.ContractID,
		SiteID: s.SiteID, SystemID: s.SystemID, RequesterID: s.RequesterID,
		Step: h.From, Decision: h.Decision, Comment: h.Comment, Inputs: map[string]string{}, Facts: map[string]string{},
	}
	for k, v := range h.Inputs {
		c.Inputs[k] = v
	}
	then := factsBefore(s.History[:at])
	for _, name := range shownInputs(kind, h.From) {
		if v, ok := then[name]; ok {
			c.Facts[name] = v
		}
	}
	v := flows.Verdict{State: flows.VoidSignature, Version: 1}
	if flows.Signs(*h.Signature, flows.CanonicalHash(model.MustCanonical(c))) {
		v.State = flows.ValidSignature
		return v
	}
	edited := map[string]flows.VoidReason{
		"title": ReasonTitle, "description": ReasonDescription, "site_id": ReasonSite,
		"system_id": ReasonSystem, "requester_id": ReasonRequester,
	}
	for _, later := range s.History[min(at+1, len(s.History)):] {
		if r, ok := edited[later.Field]; ok && later.Type == FieldSet && later.Rejected == "" && !hasReason(v.Reasons, r) {
			v.Reasons = append(v.Reasons, r)
		}
	}
	if len(v.Reasons) == 0 {
		v.Reasons = []flows.VoidReason{flows.ReasonAltered}
	}
	return v
}

// factsBefore are the facts the applied decisions of history recorded, the
// latest value of each.
func factsBefore(history []HistoryEntry) map[string]string {
	out := map[string]string{}
	for i := range history {
		if h := &history[i]; isDecision(h) && h.Rejected == "" {
			for k, v := range h.Inputs {
				out[k] = v
			}
		}
	}
	return out
}
