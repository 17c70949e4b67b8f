package ticket

import (
	"encoding/json"
	"testing"

	"yunwei/flows"
	"yunwei/model"
)

// tamper replaces decision e of ticket id by one whose envelope and
// payload edit changed, re-hashed, and folds the ticket's events again:
// what someone editing the database could do. It returns the ticket as it
// then reads and the forged event's id.
func (w *world) tamper(id model.ID, e model.EventID, edit func(env *model.Envelope, p *DecidedPayload)) (*State, model.EventID) {
	w.T.Helper()
	return tamperWith(w, id, e, func(env *model.Envelope, p *DecidedPayload) {
		if p.Signature != nil {
			sig := *p.Signature
			p.Signature = &sig
		}
		edit(env, p)
	})
}

// tamperWith is tamper for an event of any payload type P.
func tamperWith[P any](w *world, id model.ID, e model.EventID, edit func(env *model.Envelope, p *P)) (*State, model.EventID) {
	w.T.Helper()
	events := append([]model.Event(nil), w.Events[id]...)
	var forged model.EventID
	for i, ev := range events {
		if ev.ID != e {
			continue
		}
		var p P
		if err := json.Unmarshal(ev.Payload, &p); err != nil {
			w.T.Fatal(err)
		}
		env := ev.Envelope
		edit(&env, &p)
		raw, err := model.Canonical(p)
		if err != nil {
			w.T.Fatal(err)
		}
		env.Payload = raw
		if events[i], err = model.SealEvent(env); err != nil {
			w.T.Fatal(err)
		}
		forged = events[i].ID
	}
	st, err := flows.Fold(events, Evolve)
	if err != nil {
		w.T.Fatal(err)
	}
	w.forged = events
	return flows.As[State](st), forged
}

// keepForgery makes the last tamper the world's record of ticket id, so
// that work goes on from it.
func (w *world) keepForgery(id model.ID, s *State) {
	w.Events[id], w.States[id] = w.forged, s
}

// verifyIn checks the signature of the entry event e made in s.
func verifyIn(t *testing.T, s *State, e model.EventID) flows.Verdict {
	t.Helper()
	for _, h := range s.History {
		if h.Event == e {
			return VerifySignature(s, h)
		}
	}
	t.Fatalf("no entry for event %s", e.Short())
	return flows.Verdict{}
}

// signedIncident is an incident whose fix the owner approved and whose
// requester then confirmed the result, both signed; it returns the
// ticket, the diagnosis event (which recorded the cause and fix the
// confirmation shows) and the confirmation event.
func signedIncident(t *testing.T) (*world, model.ID, model.EventID, model.EventID) {
	w := newWorld(t)
	id := w.driveTo(model.KindIncident, "diagnosis")
	evs := w.must(w.As(model.RoleEngineer), Act{ID: id, Decision: "diagnosed", Inputs: map[string]string{"cause": "数据库连接池耗尽", "fix": "调大连接池并重启"}})
	w.signDecide(id, model.RoleDeptHead, "approve", "同意", nil)
	w.mustDecide(id, model.RoleEngineer, "resolved", "", map[string]string{"resolution": "已重启，观察正常"})
	confirm := w.signDecide(id, model.RoleRequester, "confirm", "满意", map[string]string{"rating": "5"})
	if len(confirm.Signature.Shown) < 3 {
		t.Fatalf("the confirmation pinned %v, want the cause, fix and resolution", confirm.Signature.Shown)
	}
	return w, id, evs[0].ID, confirm.Event
}

// Every part of what a customer signs is covered: change any one of them
// in the stored event (and re-hash it, as a forger would) and the
// signature reads void, naming what changed.
func TestEveryPartOfASignedDecisionIsCovered(t *testing.T) {
	w, id, diagnosis, confirm := signedIncident(t)
	if v := verifyIn(t, w.ticket(id), confirm); !v.Valid() {
		t.Fatalf("fresh signature: %+v", v)
	}
	other := w.NewID()
	cases := []struct {
		name string
		edit func(env *model.Envelope, p *DecidedPayload)
		want []flows.VoidReason
	}{
		{"signer's name", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.SignerName = "Mallory" }, []flows.VoidReason{flows.ReasonSigner}},
		{"signer's contact", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.ContactID = w.Requester2 }, []flows.VoidReason{flows.ReasonSigner}},
		{"decision's contact", func(_ *model.Envelope, p *DecidedPayload) { p.ContactID = w.Requester2 }, []flows.VoidReason{flows.ReasonSigner}},
		{"signer's role", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.SignerRole = model.RoleDeptHead }, []flows.VoidReason{flows.ReasonSigner}},
		{"strokes", func(_ *model.Envelope, p *DecidedPayload) {
			p.Signature.Strokes = [][]model.Point{{{X: 1, Y: 1}, {X: 9, Y: 5}, {X: 14, Y: 1}}}
		}, []flows.VoidReason{flows.ReasonDrawing}},
		{"typed name", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.Typed = "李护士" }, []flows.VoidReason{flows.ReasonDrawing}},
		{"time of signing", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.SignedAt = "2026-01-01T00:00:00.000Z" }, []flows.VoidReason{flows.ReasonTime}},
		{"vendor user at the laptop", func(env *model.Envelope, _ *DecidedPayload) { env.Actor = w.Eng }, []flows.VoidReason{flows.ReasonActor}},
		{"comment", func(_ *model.Envelope, p *DecidedPayload) { p.Comment = "不满意" }, []flows.VoidReason{ReasonDecision}},
		{"input", func(_ *model.Envelope, p *DecidedPayload) { p.Inputs["rating"] = "1" }, []flows.VoidReason{ReasonDecision}},
		{"decision", func(_ *model.Envelope, p *DecidedPayload) { p.Decision = "not_fixed" }, []flows.VoidReason{ReasonDecision}},
		{"step", func(_ *model.Envelope, p *DecidedPayload) { p.Step = "fixing" }, []flows.VoidReason{ReasonDecision}},
		{"a pinned fact removed", func(_ *model.Envelope, p *DecidedPayload) { delete(p.Signature.Shown, "cause") }, []flows.VoidReason{ReasonFacts}},
		{"a fact pinned to another event", func(_ *model.Envelope, p *DecidedPayload) {
			p.Signature.Shown["cause"] = p.Signature.Shown["resolution"]
		}, []flows.VoidReason{ReasonFacts}},
		{"content hash", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.ContentHash = DecisionHash(SignedDecision{}) }, []flows.VoidReason{flows.ReasonAltered}},
		{"seal", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.Seal = DecisionHash(SignedDecision{}) }, []flows.VoidReason{flows.ReasonAltered}},
		{"a newer format", func(_ *model.Envelope, p *DecidedPayload) { p.Signature.Version = 3 }, []flows.VoidReason{flows.ReasonFormat}},
		{"name and drawing at once", func(_ *model.Envelope, p *DecidedPayload) {
			p.Signature.SignerName, p.Signature.Strokes = "Mallory", nil
		}, []flows.VoidReason{flows.ReasonSigner, flows.ReasonDrawing}},
	}
	for _, c := range cases {
		s, forged := w.tamper(id, confirm, c.edit)
		wantVoid(t, c.name, verifyIn(t, s, forged), c.want...)
	}
	// The digests only name what changed; validity rests on the hashes.
	s, forged := w.tamper(id, confirm, func(_ *model.Envelope, p *DecidedPayload) { p.Signature.Parts = nil })
	if v := verifyIn(t, s, forged); !v.Valid() {
		t.Errorf("digests removed, nothing signed changed: %+v", v)
	}
	s, forged = w.tamper(id, confirm, func(_ *model.Envelope, p *DecidedPayload) {
		p.Signature.SignerName = "Mallory"
		p.Signature.Parts = nil
	})
	wantVoid(t, "signer's name with the digests removed", verifyIn(t, s, forged), flows.ReasonAltered)

	// A fact shown when signing, edited in the event that recorded it.
	s, _ = w.tamper(id, diagnosis, func(_ *model.Envelope, p *DecidedPayload) { p.Inputs["cause"] = "网络故障" })
	wantVoid(t, "the diagnosis's cause", verifyIn(t, s, confirm), ReasonFacts)

	// The request as the ticket's creation recorded it.
	created := w.Events[id][0].ID
	for _, c := range []struct {
		name string
		edit func(p *TicketCreatedPayload)
		want flows.VoidReason
	}{
		{"number", func(p *TicketCreatedPayload) { p.Number = "T-2026-Z" }, ReasonTicket},
		{"kind", func(p *TicketCreatedPayload) { p.Kind = model.KindBugFix }, ReasonTicket},
		{"contract", func(p *TicketCreatedPayload) { p.ContractID = other }, ReasonTicket},
		{"title", func(p *TicketCreatedPayload) { p.Title = "别的标题" }, ReasonTitle},
		{"description", func(p *TicketCreatedPayload) { p.Description = "别的描述" }, ReasonDescription},
		{"site", func(p *TicketCreatedPayload) { p.SiteID = other }, ReasonSite},
		{"system", func(p *TicketCreatedPayload) { p.SystemID = other }, ReasonSystem},
		{"requester", func(p *TicketCreatedPayload) { p.RequesterID = other }, ReasonRequester},
	} {
		s, _ := tamperWith(w, id, created, func(_ *model.Envelope, p *TicketCreatedPayload) { c.edit(p) })
		wantVoid(t, "created "+c.name, verifyIn(t, s, confirm), c.want)
	}
}

// Editing the request through the ticket's own edit voids the signatures
// that signed it, naming the field.
func TestLegitimateEditsOfTheRequestVoid(t *testing.T) {
	for _, c := range []struct {
		field string
		value func(w *world) string
		want  flows.VoidReason
	}{
		{"title", func(*world) string { return "新标题" }, ReasonTitle},
		{"description", func(*world) string { return "补充说明" }, ReasonDescription},
		{"site_id", func(w *world) string {
			site := w.NewID()
			w.Sites[site] = model.Site{ID: site, CustomerID: w.CustomerID, Name: "住院楼机房"}
			return site.String()
		}, ReasonSite},
		{"system_id", func(*world) string { return "" }, ReasonSystem},
		{"requester_id", func(w *world) string { return w.Requester2.String() }, ReasonRequester},
	} {
		w := newWorld(t)
		id := w.create(model.KindDataCorrection, "更正挂号")
		approval := w.signDecide(id, model.RoleDeptHead, "approve", "", nil)
		w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{c.field: c.value(w)}})
		wantVoid(t, c.field, VerifySignature(w.ticket(id), w.entry(id, approval.Event)), c.want)
	}
}
