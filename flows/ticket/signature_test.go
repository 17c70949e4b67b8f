package ticket

import (
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// drawing is every test signer's signature: a short zigzag.
var drawing = [][]model.Point{{{X: 1, Y: 1}, {X: 9, Y: 4}, {X: 14, Y: 1}}}

// signedAct is decision taken by the contact holding role r, signed as the
// sign-off signs it: the content shown at the ticket's current step, by
// that contact, entered at the clerk's laptop.
func (w *world) signedAct(id model.ID, r model.Role, decision, comment string, inputs map[string]string) (flows.Actor, Act) {
	w.T.Helper()
	a := w.As(r)
	content := DecisionContent(w.ticket(id), decision, comment, inputs).
		By(flows.Signer{ContactID: a.Contact.ID, Name: a.Contact.Name, Role: r}, a.User.ID)
	sig := content.Sign(drawing, "", model.FormatTime(w.Now))
	return a, Act{ID: id, Decision: decision, Comment: comment, Inputs: inputs, Signature: &sig}
}

// signDecide takes a signed decision and returns the history entry it made.
func (w *world) signDecide(id model.ID, r model.Role, decision, comment string, inputs map[string]string) HistoryEntry {
	w.T.Helper()
	a, act := w.signedAct(id, r, decision, comment, inputs)
	evs := w.must(a, act)
	return w.entry(id, evs[0].ID)
}

// entry is the history entry of event e of ticket id, as folded now.
func (w *world) entry(id model.ID, e model.EventID) HistoryEntry {
	w.T.Helper()
	for _, h := range w.ticket(id).History {
		if h.Event == e {
			return h
		}
	}
	w.T.Fatalf("no history entry for event %s", e.Short())
	return HistoryEntry{}
}

// wantValid fails unless the signature of the entry made by event e is
// valid in the ticket as it is now.
func (w *world) wantValid(id model.ID, e model.EventID, after string) {
	w.T.Helper()
	if v := VerifySignature(w.ticket(id), w.entry(id, e)); !v.Valid() || v.Version != flows.SignatureVersion {
		w.T.Fatalf("after %s the signature reads %+v, want valid", after, v)
	}
}

// wantVoid fails unless v is void for exactly the reasons given.
func wantVoid(t *testing.T, what string, v flows.Verdict, reasons ...flows.VoidReason) {
	t.Helper()
	if v.State != flows.VoidSignature || len(v.Reasons) != len(reasons) {
		t.Errorf("%s: %+v, want void for %v", what, v, reasons)
		return
	}
	for i := range reasons {
		if v.Reasons[i] != reasons[i] {
			t.Errorf("%s: %+v, want void for %v", what, v, reasons)
			return
		}
	}
}

// DESIGN §5: a customer's decision can be signed; the signature carries
// the hash of exactly what was decided and turns void when that changes.
func TestSignedDepartmentApprovalAndVoidAfterEdit(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正门诊重复挂号记录")
	a, act := w.signedAct(id, model.RoleDeptHead, "approve", "同意更正", nil)

	// A signature made for other content is refused, and nothing written.
	_, other := w.signedAct(id, model.RoleDeptHead, "approve", "别的意见", nil)
	bad := act
	bad.Signature = other.Signature
	_, err := w.act(a, bad)
	flowtest.WantCode(t, err, model.EINVALID)
	if w.ticket(id).Step != "dept_approval" {
		t.Fatal("a refused signature moved the ticket")
	}

	evs := w.must(a, act)
	last := w.entry(id, evs[0].ID)
	if sig := last.Signature; sig == nil || sig.SignerName != "张主任" || sig.ContactID != w.Head || sig.Version != 2 ||
		sig.Seal == "" || len(sig.Parts) == 0 {
		t.Fatalf("signature not recorded with its signer and seal: %+v", last.Signature)
	}
	w.wantValid(id, evs[0].ID, "signing")
	// Moving on in the flow does not void it: later facts are not signed.
	w.mustDecide(id, model.RoleEngineer, "propose", "", map[string]string{"plan": "测试库验证后执行", "backup_needed": "yes", "verify_needed": "no"})
	w.wantValid(id, evs[0].ID, "the next step's plan")
	// Changing the request that was signed voids it, and says what changed.
	w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{"title": "更正门诊重复挂号记录（共 3 条）"}})
	wantVoid(t, "title edited", VerifySignature(w.ticket(id), w.entry(id, evs[0].ID)), ReasonTitle)
	w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{"description": "补充：共 3 条"}})
	wantVoid(t, "title and description edited", VerifySignature(w.ticket(id), w.entry(id, evs[0].ID)), ReasonTitle, ReasonDescription)
	if SignatureValid(w.ticket(id), w.entry(id, evs[0].ID)) {
		t.Fatal("SignatureValid disagrees with VerifySignature")
	}
}

func TestEmptyOrOversizedSignatureRefused(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正数据")
	a, act := w.signedAct(id, model.RoleDeptHead, "approve", "", nil)
	for name, edit := range map[string]func(*model.Signature){
		"empty":         func(s *model.Signature) { s.Strokes = nil },
		"no name":       func(s *model.Signature) { s.SignerName = " " },
		"control":       func(s *model.Signature) { s.SignerName = "张\x1b主任" },
		"huge":          func(s *model.Signature) { s.Strokes = [][]model.Point{make([]model.Point, 5000)} },
		"no time":       func(s *model.Signature) { s.SignedAt = "tomorrow" },
		"control typed": func(s *model.Signature) { s.Typed = "张\a主任" },
	} {
		sig := *act.Signature
		edit(&sig)
		bad := act
		bad.Signature = &sig
		if _, err := w.act(a, bad); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%s signature: %v", name, err)
		}
	}
}

// The signature covers the signer: a name other than the deciding
// contact's, another contact, another role, or a signature on a vendor's
// decision is refused, with the reason in both languages.
func TestSignerMustBeTheDecidingContact(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正数据")
	a := w.As(model.RoleDeptHead)
	sign := func(s flows.Signer) *model.Signature {
		sig := DecisionContent(w.ticket(id), "approve", "", nil).By(s, a.User.ID).Sign(drawing, "", model.FormatTime(w.Now))
		return &sig
	}
	cases := []struct {
		name   string
		actor  flows.Actor
		signer flows.Signer
		zh     string
	}{
		{"Mallory", a, flows.Signer{ContactID: w.Head, Name: "Mallory", Role: model.RoleDeptHead}, `签字人姓名为 "Mallory"`},
		{"another contact", a, flows.Signer{ContactID: w.Boss, Name: "张主任", Role: model.RoleDeptHead}, "另一位联系人"},
		{"another role", a, flows.Signer{ContactID: w.Head, Name: "张主任", Role: model.RoleLeadership}, "用户领导"},
		{"a vendor's decision", w.As(model.RoleEngineer), flows.Signer{ContactID: w.Head, Name: "张主任", Role: model.RoleDeptHead}, ""},
	}
	for _, c := range cases {
		_, err := w.act(c.actor, Act{ID: id, Decision: "approve", Signature: sign(c.signer)})
		if c.name == "a vendor's decision" {
			// The engineer may not take the department head's decision at all.
			if err == nil {
				t.Errorf("%s: accepted", c.name)
			}
			continue
		}
		if model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%s: %v, want EINVALID", c.name, err)
			continue
		}
		if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, c.zh) {
			t.Errorf("%s: zh %q lacks %q", c.name, zh, c.zh)
		}
	}
	if w.ticket(id).Step != "dept_approval" {
		t.Fatal("a refused signature moved the ticket")
	}
	// A signature on a vendor step is refused even where the role fits.
	id2 := w.driveTo(model.KindDataCorrection, "plan")
	sig := DecisionContent(w.ticket(id2), "propose", "", nil).By(flows.Signer{ContactID: w.Head, Name: "张主任", Role: model.RoleEngineer}, w.Eng).
		Sign(drawing, "", model.FormatTime(w.Now))
	_, err := w.act(w.As(model.RoleEngineer), Act{ID: id2, Decision: "propose", Signature: &sig,
		Inputs: map[string]string{"plan": "x", "backup_needed": "yes", "verify_needed": "yes"}})
	flowtest.WantCode(t, err, model.EINVALID)
}
