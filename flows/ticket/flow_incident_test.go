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
		{"§2.1.2 remote, diagnosed → clear the fault", []act{remote}, inDiagnose, "fixing"},
		{"§2.1.1 on site, diagnosed → owner's approval", []act{onsite, arrive}, inDiagnose, "owner_approval"},
		{"§2.1.1 owner approves → clear the fault", []act{onsite, arrive, inDiagnose}, inApprove, "fixing"},
		{"§2.1.1 owner rejects → diagnose again", []act{onsite, arrive, inDiagnose}, act{model.RoleDeptHead, "reject", "业务高峰期不能停库", nil}, "diagnosis"},
		{"resolved → confirmation", []act{onsite, arrive, inDiagnose, inApprove}, inResolve, "resolved"},
		{"remote, resolved → confirmation", []act{remote, inDiagnose}, inResolve, "resolved"},
		{"confirmed → closed", []act{remote, inDiagnose, inResolve}, act{model.RoleRequester, "confirm", "", nil}, "closed"},
		{"department head may confirm", []act{remote, inDiagnose, inResolve}, act{model.RoleDeptHead, "confirm", "", map[string]string{"rating": "5"}}, "closed"},
		{"not fixed → diagnose again", []act{remote, inDiagnose, inResolve}, act{model.RoleRequester, "not_fixed", "下午又出现报错", nil}, "diagnosis"},
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

// incident records an incident of the given severity, on site or not.
func (w *world) incident(sev model.Severity, onSite bool) model.ID {
	w.T.Helper()
	id := w.NewID()
	w.must(w.As(model.RoleEngineer), Create{ID: id, Number: "T-2026-" + string(rune('A'+w.tickets())), Kind: model.KindIncident,
		Channel: model.ChannelPhone, Severity: sev, Title: "HIS 故障", ContractID: w.ContractID, SiteID: w.SiteID,
		RequesterID: w.Requester, AssigneeID: w.Eng, OnSite: onSite})
	return id
}

// seed §2.1.1: the fault of a major incident, one that stops the business
// (critical) or that the engineer goes on site for, is cleared only after
// the owner approves; the engineer cannot skip the approval.
func TestIncidentFixNeedsOwnerApproval(t *testing.T) {
	for _, c := range []struct {
		name   string
		sev    model.Severity
		onSite bool
	}{
		{"critical, served remotely", model.SeverityCritical, false},
		{"major, served on site", model.SeverityMajor, true},
		{"low, served on site", model.SeverityLow, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			id := w.incident(c.sev, c.onSite)
			w.mustDecide(id, model.RoleEngineer, "respond", "", nil)
			if c.onSite {
				w.mustDecide(id, model.RoleEngineer, "arrived", "", nil)
			}
			if s := w.mustDecide(id, inDiagnose.role, inDiagnose.decision, "", inDiagnose.inputs); s.Step != "owner_approval" {
				t.Fatalf("diagnosed: at %s, want the owner's approval", s.Step)
			}
			flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "resolved", "", inResolve.inputs), model.EINVALID)
			flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "approve", "", nil), model.EUNAUTHORIZED)
			if got := WaitingFor(w.ticket(id)); len(got) != 1 || got[0] != model.RoleDeptHead {
				t.Errorf("waiting for %v", got)
			}
			assertRefolds(t, w, id)
		})
	}
}

// seed §2.1.2: a fault that does not stop the business, handled remotely,
// goes from the diagnosis straight to the fix: the owner is not asked, and
// no customer step pauses its clocks.
func TestIncidentMinorRemoteGoesStraightToTheFix(t *testing.T) {
	for _, sev := range []model.Severity{model.SeverityMajor, model.SeverityMinor, model.SeverityLow} {
		w := newWorld(t)
		id := w.incident(sev, false)
		w.mustDecide(id, model.RoleEngineer, "respond", "", map[string]string{"on_site": "no"})
		s := w.mustDecide(id, inDiagnose.role, inDiagnose.decision, "", inDiagnose.inputs)
		if s.Step != "fixing" || len(s.Waits) != 0 {
			t.Fatalf("severity %d, remote: diagnosed → %s, waits %v; want the fix, no wait", sev, s.Step, s.Waits)
		}
		s = w.mustDecide(id, inResolve.role, inResolve.decision, "", inResolve.inputs)
		if s.Step != "resolved" {
			t.Fatalf("severity %d: fixed → %s", sev, s.Step)
		}
		assertRefolds(t, w, id)
	}
	// The severity counts as it stands when the diagnosis is given: raised
	// to critical before, the owner is asked.
	w := newWorld(t)
	id := w.incident(model.SeverityMinor, false)
	w.mustDecide(id, model.RoleEngineer, "respond", "", nil)
	w.must(w.As(model.RoleEngineer), Edit{ID: id, Fields: map[string]string{"severity": "1"}})
	if s := w.mustDecide(id, inDiagnose.role, inDiagnose.decision, "", inDiagnose.inputs); s.Step != "owner_approval" {
		t.Fatalf("raised to critical: diagnosed → %s", s.Step)
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
