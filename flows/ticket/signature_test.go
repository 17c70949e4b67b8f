package ticket

import (
	"testing"

	"yunwei/flows/flowtest"
	"yunwei/model"
)

// DESIGN §5: a customer's decision can be signed; the signature carries
// the hash of exactly what was decided and turns void when that changes.
func TestSignedDepartmentApprovalAndVoidAfterEdit(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正门诊重复挂号记录")
	s := w.ticket(id)
	content := DecisionContent(s, "approve", "同意更正", nil)
	sig := &model.Signature{SignerName: "张主任", SignerRole: model.RoleDeptHead, ContentHash: DecisionHash(content),
		Strokes: [][]model.Point{{{X: 1, Y: 1}, {X: 9, Y: 4}}}, SignedAt: "2026-11-27T02:00:00.000Z"}

	// A signature made for other content is refused, and nothing written.
	bad := *sig
	bad.ContentHash = DecisionHash(DecisionContent(s, "approve", "别的意见", nil))
	_, err := w.act(w.As(model.RoleDeptHead), Act{ID: id, Decision: "approve", Comment: "同意更正", Signature: &bad})
	flowtest.WantCode(t, err, model.EINVALID)
	if w.ticket(id).Step != "dept_approval" {
		t.Fatal("a refused signature moved the ticket")
	}

	w.must(w.As(model.RoleDeptHead), Act{ID: id, Decision: "approve", Comment: "同意更正", Signature: sig})
	s = w.ticket(id)
	last := s.History[len(s.History)-1]
	if last.Signature == nil || last.Signature.SignerName != "张主任" || last.Signature.ContactID != w.Head {
		t.Fatalf("signature not recorded with its contact: %+v", last.Signature)
	}
	if !SignatureValid(s, last) {
		t.Fatal("a fresh signature reads as void")
	}
	// Moving on in the flow does not void it: later facts are not signed.
	w.must(w.As(model.RoleEngineer), Act{ID: id, Decision: "propose", Inputs: map[string]string{"plan": "测试库验证后执行", "backup_needed": "yes", "verify_needed": "no"}})
	if !SignatureValid(w.ticket(id), last) {
		t.Fatal("the next step's plan voided the department head's approval of the request")
	}
	// Changing the request that was signed voids it.
	w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{"title": "更正门诊重复挂号记录（共 3 条）"}})
	if SignatureValid(w.ticket(id), last) {
		t.Fatal("editing the signed request left the signature valid")
	}
}

func TestEmptyOrOversizedSignatureRefused(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正数据")
	s := w.ticket(id)
	hash := DecisionHash(DecisionContent(s, "approve", "", nil))
	for name, sig := range map[string]model.Signature{
		"empty":   {SignerName: "张主任", ContentHash: hash, SignedAt: "2026-11-27T02:00:00Z"},
		"no name": {SignerName: " ", ContentHash: hash, Strokes: [][]model.Point{{{X: 1, Y: 1}}}, SignedAt: "2026-11-27T02:00:00Z"},
		"control": {SignerName: "张\x1b主任", ContentHash: hash, Strokes: [][]model.Point{{{X: 1, Y: 1}}}, SignedAt: "2026-11-27T02:00:00Z"},
		"huge":    {SignerName: "张主任", ContentHash: hash, Strokes: [][]model.Point{make([]model.Point, 5000)}, SignedAt: "2026-11-27T02:00:00Z"},
		"no time": {SignerName: "张主任", ContentHash: hash, Strokes: [][]model.Point{{{X: 1, Y: 1}}}, SignedAt: "tomorrow"},
	} {
		sig := sig
		_, err := w.act(w.As(model.RoleDeptHead), Act{ID: id, Decision: "approve", Signature: &sig})
		if model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%s signature: %v", name, err)
		}
	}
}
