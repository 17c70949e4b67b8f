package ticket

import (
	"testing"

	"yunwei/flows"
	"yunwei/model"
)

// VOID means what was signed changed, nothing else: the owner's signed
// "reject the fix" stays valid when the engineer diagnoses again (seed
// §2.1.1), and so does every signature of the incident through a second
// round, comments and a reassignment.
func TestSignedRejectStaysValidAfterANewDiagnosis(t *testing.T) {
	w := newWorld(t)
	id := w.driveTo(model.KindIncident, "diagnosis")
	w.mustDecide(id, model.RoleEngineer, "diagnosed", "", map[string]string{"cause": "网络抖动", "fix": "重启交换机"})
	reject := w.signDecide(id, model.RoleDeptHead, "reject", "原因分析不充分，请再查数据库", nil)
	if reject.Signature.Shown["cause"] == (model.EventID{}) {
		t.Fatalf("the rejection did not pin the cause it rejected: %v", reject.Signature.Shown)
	}
	w.wantValid(id, reject.Event, "signing")

	signed := []model.EventID{reject.Event}
	check := func(after string) {
		t.Helper()
		for _, e := range signed {
			w.wantValid(id, e, after)
		}
	}
	w.mustDecide(id, model.RoleEngineer, "diagnosed", "", map[string]string{"cause": "数据库连接池耗尽", "fix": "调大连接池并重启"})
	check("a new diagnosis")
	w.must(w.As(model.RoleEngineer), Comment{ID: id, Text: "已与信息科确认"})
	w.must(w.As(model.RoleEngineer), Assign{ID: id, AssigneeID: w.Dev})
	check("a comment and a reassignment")
	signed = append(signed, w.signDecide(id, model.RoleDeptHead, "approve", "同意", nil).Event)
	check("the approval of the new fix")
	w.mustDecide(id, model.RoleEngineer, "resolved", "", map[string]string{"resolution": "已调整，观察中"})
	signed = append(signed, w.signDecide(id, model.RoleRequester, "not_fixed", "仍然很慢", nil).Event)
	w.mustDecide(id, model.RoleEngineer, "diagnosed", "", map[string]string{"cause": "慢查询", "fix": "增加索引"})
	check("a third diagnosis")
	signed = append(signed, w.signDecide(id, model.RoleDeptHead, "approve", "", nil).Event)
	w.mustDecide(id, model.RoleEngineer, "resolved", "", map[string]string{"resolution": "已增加索引，响应正常"})
	check("a new resolution")
	signed = append(signed, w.signDecide(id, model.RoleRequester, "confirm", "", map[string]string{"rating": "4"}).Event)
	check("closing")
	if w.ticket(id).Status != model.StatusClosed {
		t.Fatal("the incident did not close")
	}
}

// The requester's signed "not satisfied" stays valid when the work is done
// again and booked anew (seed §1.3), and the later "satisfied" is valid
// beside it.
func TestSignedNotSatisfiedStaysValidAfterReExecution(t *testing.T) {
	w := newWorld(t)
	id := w.driveTo(model.KindEnhancement, "dept_approval")
	approve := w.signDecide(id, model.RoleDeptHead, "approve", "", nil)
	w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "120"})
	unhappy := w.signDecide(id, model.RoleRequester, "not_satisfied", "报表合计行位置不对", nil)
	if unhappy.Signature.Shown["effort_minutes"] == (model.EventID{}) {
		t.Fatalf("not satisfied did not pin the effort it judged: %v", unhappy.Signature.Shown)
	}
	w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "60"})
	w.wantValid(id, unhappy.Event, "re-execution")
	w.wantValid(id, approve.Event, "re-execution")
	happy := w.signDecide(id, model.RoleRequester, "satisfied", "", map[string]string{"rating": "5"})
	for _, e := range []model.EventID{approve.Event, unhappy.Event, happy.Event} {
		w.wantValid(id, e, "closing")
	}
}

// A data correction signed at every customer step stays valid as the plan
// is returned, redone, executed and accepted.
func TestDataCorrectionSignaturesThroughTheFlow(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正门诊重复挂号记录")
	approve := w.signDecide(id, model.RoleDeptHead, "approve", "同意", nil)
	plan := func(text string) {
		w.mustDecide(id, model.RoleEngineer, "propose", "", map[string]string{"plan": text, "backup_needed": "yes", "verify_needed": "no"})
	}
	plan("直接执行")
	w.mustDecide(id, model.RoleTechLead, "return", "请先备份", nil)
	plan("备份后执行")
	w.mustDecide(id, model.RoleTechLead, "approve", "", nil)
	w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"backup_what": "挂号表", "backup_where": "NAS"})
	for w.ticket(id).Step != "feedback" {
		st := CurrentStep(w.ticket(id))
		d := &st.Decisions[0]
		w.mustDecide(id, st.Roles[0], d.Name, "", w.sampleInputs(d))
	}
	feedback := w.signDecide(id, model.RoleRequester, "satisfied", "", map[string]string{"rating": "5"})
	if feedback.Signature.Shown["plan"] == (model.EventID{}) {
		t.Fatalf("the feedback did not pin the plan: %v", feedback.Signature.Shown)
	}
	w.wantValid(id, approve.Event, "closing")
	w.wantValid(id, feedback.Event, "closing")
}

// Signatures of the first format (no version) are checked by what they
// hashed, against the facts they saw: a new diagnosis leaves them valid,
// an edited title voids them; they say they cover less.
func TestFirstFormatSignatures(t *testing.T) {
	w := newWorld(t)
	id := w.driveTo(model.KindIncident, "diagnosis")
	w.mustDecide(id, model.RoleEngineer, "diagnosed", "", map[string]string{"cause": "网络抖动", "fix": "重启交换机"})
	s := w.ticket(id)
	old := firstFormat{Ticket: s.Number, Kind: s.Kind, Title: s.Title, Description: s.Description, ContractID: s.ContractID,
		SiteID: s.SiteID, SystemID: s.SystemID, RequesterID: s.RequesterID, Step: s.Step, Decision: "reject",
		Comment: "请再查", Inputs: map[string]string{}, Facts: map[string]string{}}
	for _, name := range shownInputs(s.Kind, s.Step) {
		if v, ok := s.Facts[name]; ok {
			old.Facts[name] = v
		}
	}
	reject := w.signDecide(id, model.RoleDeptHead, "reject", "请再查", nil)
	st, e := w.tamper(id, reject.Event, func(_ *model.Envelope, p *DecidedPayload) {
		p.Signature = &model.Signature{SignerName: "张主任", SignerRole: model.RoleDeptHead, ContactID: w.Head,
			ContentHash: flows.CanonicalHash(model.MustCanonical(old)), Strokes: drawing, SignedAt: p.Signature.SignedAt}
	})
	w.keepForgery(id, st)
	if v := verifyIn(t, w.ticket(id), e); !v.Valid() || v.Version != 1 {
		t.Fatalf("a first-format signature reads %+v", v)
	}
	w.mustDecide(id, model.RoleEngineer, "diagnosed", "", map[string]string{"cause": "数据库连接池耗尽", "fix": "调大连接池"})
	if v := verifyIn(t, w.ticket(id), e); !v.Valid() {
		t.Fatalf("a new diagnosis voided a first-format signature: %+v", v)
	}
	w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{"title": "别的标题"}})
	wantVoid(t, "first format, title edited", verifyIn(t, w.ticket(id), e), ReasonTitle)
}
