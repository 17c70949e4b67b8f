package ticket

import (
	"testing"
	"time"

	"yunwei/flows/flowtest"
	"yunwei/model"
)

var (
	inDiagnose = act{model.RoleEngineer, "diagnosed", "", map[string]string{"cause": "数据库表空间满", "fix": "扩容表空间并清理临时表"}}
	inApprove  = act{model.RoleDeptHead, "approve", "同意处理", nil}
	inResolve  = act{model.RoleEngineer, "resolved", "", map[string]string{"resolution": "扩容 20G，清理临时表 35 张"}}
)

func TestIncidentRows(t *testing.T) {
	remote := act{model.RoleEngineer, "respond", "", map[string]string{"on_site": "false"}}
	onsite := act{model.RoleEngineer, "respond", "", map[string]string{"on_site": "true"}}
	arrive := act{model.RoleEngineer, "arrived", "", nil}
	cases := []struct {
		name   string
		before []act
		act    act
		want   string
	}{
		{"respond, remote → diagnosis", nil, remote, "diagnosis"},
		{"respond, on site needed → on site", nil, onsite, "on_site"},
		{"arrived → diagnosis", []act{onsite}, arrive, "diagnosis"},
		{"diagnosed → owner's approval", []act{remote}, inDiagnose, "owner_approval"},
		{"§2.1.1 owner approves → clear the fault", []act{remote, inDiagnose}, inApprove, "fixing"},
		{"§2.1.1 owner rejects → diagnose again", []act{remote, inDiagnose}, act{model.RoleDeptHead, "reject", "业务高峰期不能停库", nil}, "diagnosis"},
		{"resolved → confirmation", []act{remote, inDiagnose, inApprove}, inResolve, "resolved"},
		{"confirmed → closed", []act{remote, inDiagnose, inApprove, inResolve}, act{model.RoleRequester, "confirm", "", nil}, "closed"},
		{"department head may confirm", []act{remote, inDiagnose, inApprove, inResolve}, act{model.RoleDeptHead, "confirm", "", map[string]string{"rating": "5"}}, "closed"},
		{"not fixed → diagnose again", []act{remote, inDiagnose, inApprove, inResolve}, act{model.RoleRequester, "not_fixed", "下午又出现报错", nil}, "diagnosis"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			id := w.walk(model.KindIncident, c.before...)
			s := w.mustDecide(id, c.act.role, c.act.decision, c.act.comment, c.act.inputs)
			if s.Step != c.want {
				t.Fatalf("step = %s, want %s", s.Step, c.want)
			}
			assertRefolds(t, w, id)
		})
	}
}

// The ticket's on-site flag decides when respond does not say; the SLA
// times are stamped (seed §2.6).
func TestIncidentStampsSLATimes(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindIncident, "HIS 全院无法登录")
	reported := w.ticket(id).ReportedAt
	w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{"on_site": "true"}})
	w.Now = w.Now.Add(40 * time.Minute)
	respondedAt := model.FormatTime(w.Now)
	s := w.mustDecide(id, model.RoleEngineer, "respond", "", nil)
	if s.Step != "on_site" || s.RespondedAt != respondedAt || s.ReportedAt != reported {
		t.Fatalf("step %s responded %s", s.Step, s.RespondedAt)
	}
	arrived := w.Now.Add(3 * time.Hour)
	w.Now = w.Now.Add(5 * time.Hour)
	s = w.mustDecide(id, model.RoleEngineer, "arrived", "", map[string]string{"arrived_at": arrived.In(time.FixedZone("CST", 8*3600)).Format(time.RFC3339)})
	if s.ArrivedAt != model.FormatTime(arrived) {
		t.Errorf("arrived at %s, want %s", s.ArrivedAt, model.FormatTime(arrived))
	}
	for _, a := range []act{inDiagnose, inApprove, inResolve} {
		s = w.mustDecide(id, a.role, a.decision, a.comment, a.inputs)
	}
	if s.ResolvedAt == "" || s.RespondedAt > s.ResolvedAt {
		t.Errorf("resolved at %q", s.ResolvedAt)
	}
	assertRefolds(t, w, id)
}

// Arrival cannot lie in the future nor before the report.
func TestIncidentArrivalTimeIsChecked(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindIncident, act{model.RoleEngineer, "respond", "", map[string]string{"on_site": "yes"}})
	for _, at := range []time.Time{w.Now.Add(time.Hour), w.Now.Add(-48 * time.Hour)} {
		err := w.decide(id, model.RoleEngineer, "arrived", "", map[string]string{"arrived_at": model.FormatTime(at)})
		flowtest.WantCode(t, err, model.EINVALID)
	}
	err := w.decide(id, model.RoleEngineer, "arrived", "", map[string]string{"arrived_at": "下午三点"})
	flowtest.WantCode(t, err, model.EINVALID)
}

// seed §2.1.1: the fault is cleared only after the owner approves; the
// engineer cannot skip the approval.
func TestIncidentFixNeedsOwnerApproval(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindIncident, act{model.RoleEngineer, "respond", "", nil}, inDiagnose)
	flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "resolved", "", inResolve.inputs), model.EINVALID)
	flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "approve", "", nil), model.EUNAUTHORIZED)
	if got := WaitingFor(w.ticket(id)); len(got) != 1 || got[0] != model.RoleDeptHead {
		t.Errorf("waiting for %v", got)
	}
}

// The short flows, row by row.
func TestShortFlowRows(t *testing.T) {
	cases := []struct {
		kind   model.Kind
		before []act
		act    act
		want   string
	}{
		{model.KindBugFix, nil, act{model.RoleEngineer, "accept", "", nil}, "fixing"},
		{model.KindBugFix, []act{{model.RoleEngineer, "accept", "", nil}}, act{model.RoleDeveloper, "fixed", "", map[string]string{"resolution": "修正发票金额四舍五入"}}, "verification"},
		{model.KindBugFix, []act{{model.RoleEngineer, "accept", "", nil}, {model.RoleEngineer, "fixed", "", map[string]string{"resolution": "修正"}}}, act{model.RoleRequester, "not_fixed", "金额仍差一分", nil}, "fixing"},
		{model.KindBugFix, []act{{model.RoleEngineer, "accept", "", nil}, {model.RoleEngineer, "fixed", "", map[string]string{"resolution": "修正"}}}, act{model.RoleRequester, "confirm", "", nil}, "closed"},
		{model.KindConsultation, nil, act{model.RoleEngineer, "answer", "", map[string]string{"answer": "月结前请先执行日结"}}, "closed"},
		{model.KindTraining, nil, act{model.RoleEngineer, "schedule", "", map[string]string{"scheduled_for": "2026-11-20T14:00:00+08:00", "topic": "新版医保结算操作"}}, "scheduled"},
		{model.KindTraining, []act{{model.RoleEngineer, "schedule", "", map[string]string{"scheduled_for": "2026-11-20T14:00:00+08:00", "topic": "医保"}}}, act{model.RoleEngineer, "reschedule", "会议室冲突", nil}, "requested"},
		{model.KindTraining, []act{{model.RoleEngineer, "schedule", "", map[string]string{"scheduled_for": "2026-11-20T14:00:00+08:00", "topic": "医保"}}}, act{model.RoleEngineer, "delivered", "", map[string]string{"attendees": "收费处 8 人"}}, "confirmation"},
		{model.KindTraining, []act{{model.RoleEngineer, "schedule", "", map[string]string{"scheduled_for": "2026-11-20T14:00:00+08:00", "topic": "医保"}}, {model.RoleEngineer, "delivered", "", map[string]string{"attendees": "8 人"}}}, act{model.RoleDeptHead, "confirm", "", nil}, "closed"},
	}
	for _, c := range cases {
		t.Run(string(c.kind)+"/"+c.act.decision, func(t *testing.T) {
			w := newWorld(t)
			id := w.walk(c.kind, c.before...)
			s := w.mustDecide(id, c.act.role, c.act.decision, c.act.comment, c.act.inputs)
			if s.Step != c.want {
				t.Fatalf("step = %s, want %s", s.Step, c.want)
			}
			assertRefolds(t, w, id)
		})
	}
}

// A consultation answered at once responds and resolves together.
func TestConsultationStampsBoth(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindConsultation, act{model.RoleEngineer, "answer", "", map[string]string{"answer": "可以，在系统设置中开启"}})
	s := w.ticket(id)
	if s.RespondedAt == "" || s.RespondedAt != s.ResolvedAt || s.ClosedAt != s.ResolvedAt {
		t.Errorf("responded %q resolved %q closed %q", s.RespondedAt, s.ResolvedAt, s.ClosedAt)
	}
}
