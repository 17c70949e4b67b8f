package ticket

import (
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// DESIGN §5: no customer decision without the customer. An unsigned
// decision in a customer role is refused, with how to sign, and nothing
// is written; checked before signing (a preview), it goes through.
func TestCustomerDecisionNeedsTheirSignature(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正门诊重复挂号记录")
	_, err := w.Act(w.As(model.RoleDeptHead), Act{ID: id, Decision: "approve", Comment: "同意"}, Evolve)
	flowtest.WantCode(t, err, model.EINVALID)
	for _, want := range []string{"张主任", "signature", "--signature-typed", "--signature-file"} {
		if !strings.Contains(model.ErrorText(err, i18n.En), want) {
			t.Errorf("refusal %q lacks %q", model.ErrorText(err, i18n.En), want)
		}
	}
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "须由本人签字") || !strings.Contains(zh, "使用部门主管") {
		t.Errorf("refusal in Chinese: %q", zh)
	}
	if s := w.ticket(id); s.Step != "dept_approval" || len(s.History) != 1 {
		t.Fatalf("an unsigned decision moved the ticket to %s", s.Step)
	}
	env := w.Env(w.As(model.RoleDeptHead))
	env.Preview = true
	if _, err := flows.Decide(env, w.ticket(id), Act{ID: id, Decision: "approve"}); err != nil {
		t.Fatalf("a preview asks for the signature it is there to prepare: %v", err)
	}
	// A vendor decision needs none.
	w.mustDecide(id, model.RoleDeptHead, "approve", "同意", nil)
	w.mustDecide(id, model.RoleEngineer, "propose", "", map[string]string{"plan": "测试库验证后执行", "backup_needed": "no", "verify_needed": "no"})
}

// typed is act signed by the contact of a with a typed name.
func (w *world) typed(a flows.Actor, act Act, name string) Act {
	act = w.sign(a, act, nil)
	act.Signature.Typed = name
	return act
}

func TestTypedSignatureIsTheContactsOwnName(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正数据")
	head := w.As(model.RoleDeptHead)
	_, err := w.Act(head, w.typed(head, Act{ID: id, Decision: "approve"}, "Mallory"), Evolve)
	flowtest.WantCode(t, err, model.EINVALID)
	if !strings.Contains(model.ErrorText(err, i18n.En), `"Mallory" is not 张主任's name`) {
		t.Errorf("refusal: %v", err)
	}
	if w.ticket(id).Step != "dept_approval" {
		t.Fatal("a signature in another name moved the ticket")
	}
	// The contact's own name, however spaced, signs; the signature verifies.
	w.must(head, w.typed(head, Act{ID: id, Decision: "approve", Comment: "同意"}, " 张主任 "))
	s := w.ticket(id)
	last := s.History[len(s.History)-1]
	if s.Step != "plan" || last.Signature == nil || last.Signature.Typed != "张主任" || len(last.Signature.Strokes) != 0 {
		t.Fatalf("at %s, signed %+v", s.Step, last.Signature)
	}
	if !SignatureValid(s, last) {
		t.Fatal("a typed signature of exactly the decision reads as void")
	}
}

// A contract may require drawn signatures: a typed name is refused for its
// tickets, a drawing accepted.
func TestContractRequiringDrawnSignaturesRefusesTyped(t *testing.T) {
	w := newWorld(t)
	c := w.Contracts[w.ContractID]
	c.RequireDrawnSignature = true
	w.Contracts[w.ContractID] = c
	id := w.create(model.KindDataCorrection, "更正数据")
	head := w.As(model.RoleDeptHead)
	_, err := w.Act(head, w.typed(head, Act{ID: id, Decision: "approve"}, "张主任"), Evolve)
	flowtest.WantCode(t, err, model.EINVALID)
	if !strings.Contains(model.ErrorText(err, i18n.En), "contract HT-2026-001 requires drawn signatures") {
		t.Errorf("refusal: %v", err)
	}
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "要求手写签名") {
		t.Errorf("refusal in Chinese: %q", zh)
	}
	if w.ticket(id).Step != "dept_approval" {
		t.Fatal("a typed signature moved a ticket whose contract wants drawings")
	}
	if s := w.mustDecide(id, model.RoleDeptHead, "approve", "", nil); s.Step != "plan" {
		t.Fatalf("a drawn signature left the ticket at %s", s.Step)
	}
}
