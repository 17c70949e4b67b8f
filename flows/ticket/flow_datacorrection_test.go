package ticket

import (
	"testing"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
)

// act is one decision in a scripted walk through a flow.
type act struct {
	role     model.Role
	decision string
	comment  string
	inputs   map[string]string
}

// walk creates a ticket of kind k and takes the acts in order.
func (w *world) walk(k model.Kind, acts ...act) model.ID {
	w.T.Helper()
	id := w.create(k, "工单："+k.Label("zh"))
	for _, a := range acts {
		w.mustDecide(id, a.role, a.decision, a.comment, a.inputs)
	}
	return id
}

func plan(backup, verify string) map[string]string {
	return map[string]string{"plan": "核对并更正 2026-10 门诊收费记录中的错误数据", "backup_needed": backup, "verify_needed": verify}
}

var (
	dcApprove = act{model.RoleDeptHead, "approve", "同意更正", nil}
	dcPlanBV  = act{model.RoleEngineer, "propose", "", plan("true", "true")}
	dcReview  = act{model.RoleTechLead, "approve", "", nil}
	dcBackup  = act{model.RoleEngineer, "done", "", map[string]string{"backup_what": "门诊收费表 2026-10", "backup_where": "/backup/his/20261102.dmp"}}
	dcVerify  = act{model.RoleEngineer, "success", "", map[string]string{"verify_result": "测试库模拟更正无误"}}
	dcExecute = act{model.RoleEngineer, "done", "", map[string]string{"result": "已更正 12 条记录", "notice": "电话通知李护士核对"}}
)

// Every row of seed §3's table, and every loop, as a table: the acts that
// lead to the row, the act of the row, and the step it must lead to.
func TestDataCorrectionRows(t *testing.T) {
	cases := []struct {
		name   string
		before []act
		act    act
		want   string
	}{
		{"§3 step 2 approved → 3", nil, dcApprove, "plan"},
		{"§3 step 2 not approved → end", nil, act{model.RoleDeptHead, "reject", "不属于数据更正范围", nil}, "closed"},
		{"§3 step 3 plan → 4", []act{dcApprove}, dcPlanBV, "review"},
		{"§3 step 4 approved → 5 (backup planned)", []act{dcApprove, dcPlanBV}, dcReview, "backup"},
		{"§3 step 4 approved → 6 (verification only)", []act{dcApprove, {model.RoleEngineer, "propose", "", plan("false", "true")}}, dcReview, "verification"},
		{"§3 step 4 approved → 7 (neither)", []act{dcApprove, {model.RoleEngineer, "propose", "", plan("no", "no")}}, dcReview, "execution"},
		{"§3 step 4 not approved → back to 3", []act{dcApprove, dcPlanBV}, act{model.RoleTechLead, "return", "方案缺少回退步骤", nil}, "plan"},
		{"§3 step 5 backup → 6", []act{dcApprove, dcPlanBV, dcReview}, dcBackup, "verification"},
		{"§3 step 5 backup → 7 (no verification)", []act{dcApprove, {model.RoleEngineer, "propose", "", plan("true", "false")}, dcReview}, dcBackup, "execution"},
		{"§3 step 6 success → 7", []act{dcApprove, dcPlanBV, dcReview, dcBackup}, dcVerify, "execution"},
		{"§3 step 6 failure → back to 3", []act{dcApprove, dcPlanBV, dcReview, dcBackup}, act{model.RoleEngineer, "failure", "模拟更正后金额不平", nil}, "plan"},
		{"§3 step 7 execute → 8", []act{dcApprove, dcPlanBV, dcReview, dcBackup, dcVerify}, dcExecute, "feedback"},
		{"§3 step 8 satisfied → end", []act{dcApprove, dcPlanBV, dcReview, dcBackup, dcVerify, dcExecute}, act{model.RoleRequester, "satisfied", "", map[string]string{"rating": "5"}}, "closed"},
		{"§3 step 8 not satisfied → rework at 7", []act{dcApprove, dcPlanBV, dcReview, dcBackup, dcVerify, dcExecute}, act{model.RoleRequester, "not_satisfied", "还有 2 条未更正", nil}, "execution"},
		{"loop: returned plan is reviewed again", []act{dcApprove, dcPlanBV, {model.RoleTechLead, "return", "补充回退方案", nil}}, dcPlanBV, "review"},
		{"loop: failed verification, new plan, new backup", []act{dcApprove, dcPlanBV, dcReview, dcBackup, {model.RoleEngineer, "failure", "验证失败", nil}, dcPlanBV}, dcReview, "backup"},
		{"loop: rework after not satisfied goes back to feedback", []act{dcApprove, dcPlanBV, dcReview, dcBackup, dcVerify, dcExecute, {model.RoleRequester, "not_satisfied", "仍有错误", nil}}, dcExecute, "feedback"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			id := w.walk(model.KindDataCorrection, c.before...)
			s := w.mustDecide(id, c.act.role, c.act.decision, c.act.comment, c.act.inputs)
			if s.Step != c.want {
				t.Fatalf("step = %s, want %s", s.Step, c.want)
			}
			if closed := s.Status == model.StatusClosed; closed != (c.want == "closed") || closed != (s.ClosedAt != "") {
				t.Errorf("status %s closed at %q at step %s", s.Status, s.ClosedAt, s.Step)
			}
			assertRefolds(t, w, id)
		})
	}
}

// Row 1: the requester's request is the ticket; it then waits for the
// department head, and the wait on the customer starts when it was raised.
func TestDataCorrectionStartsAtDepartmentHead(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正住院号 2026-0815 的出生日期")
	s := w.ticket(id)
	if s.Step != "dept_approval" || s.Status != model.StatusOpen || s.RequesterID != w.Requester {
		t.Fatalf("new data correction at %s (%s)", s.Step, s.Status)
	}
	if got := WaitingFor(s); len(got) != 1 || got[0] != model.RoleDeptHead {
		t.Errorf("waiting for %v", got)
	}
	if len(s.Waits) != 1 || s.Waits[0].From != s.ReportedAt || s.Waits[0].To != "" {
		t.Errorf("waits = %+v", s.Waits)
	}
	s = w.mustDecide(id, model.RoleDeptHead, "approve", "", nil)
	if s.Waits[0].To == "" {
		t.Errorf("the wait did not end when the department head decided")
	}
}

// The plan must say whether backup and verification are needed; the
// backup records what and where; execution tells the requester.
func TestDataCorrectionRecordsPlanBackupAndNotice(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindDataCorrection, dcApprove)
	for _, missing := range []string{"backup_needed", "verify_needed", "plan"} {
		in := plan("true", "true")
		delete(in, missing)
		if err := w.decide(id, model.RoleEngineer, "propose", "", in); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("plan without %s: %v", missing, err)
		}
	}
	if err := w.decide(id, model.RoleEngineer, "propose", "", plan("maybe", "true")); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("backup_needed=maybe accepted: %v", err)
	}
	for _, a := range []act{dcPlanBV, dcReview, dcBackup, dcVerify, dcExecute} {
		w.mustDecide(id, a.role, a.decision, a.comment, a.inputs)
	}
	s := w.ticket(id)
	if s.Backup == nil || s.Backup.What != "门诊收费表 2026-10" || s.Backup.Where != "/backup/his/20261102.dmp" || s.Backup.By != w.Eng {
		t.Errorf("backup = %+v", s.Backup)
	}
	if s.Facts["notice"] != "电话通知李护士核对" || s.Facts["result"] != "已更正 12 条记录" || s.ResolvedAt == "" || s.RespondedAt == "" {
		t.Errorf("facts %v resolved %q responded %q", s.Facts, s.ResolvedAt, s.RespondedAt)
	}
	// seed §3 step 8: the requesting user, not another requester.
	_, err := w.act(w.WithContact(w.Requester2), Act{ID: id, Decision: "satisfied"})
	flowtest.WantCode(t, err, model.EUNAUTHORIZED)
	if len(s.Waits) != 2 || s.Waits[1].Step != "feedback" || s.Waits[1].To != "" {
		t.Errorf("waits = %+v", s.Waits)
	}
}

// assertRefolds checks that folding the ticket's stored events again
// gives the state built one event at a time.
func assertRefolds(t flowtest.TB, w *world, id model.ID) {
	t.Helper()
	st, err := flows.Fold(w.Events[id], Evolve)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := flowtest.Snapshot(st), flowtest.Snapshot(w.ticket(id)); got != want {
		t.Fatalf("fold differs:\n got %s\nwant %s", got, want)
	}
	if len(w.ticket(id).Rejected) != 0 {
		t.Fatalf("decided events were marked: %+v", w.ticket(id).Rejected)
	}
}
