package ticket

import (
	"testing"

	"yunwei/flows/flowtest"
	"yunwei/model"
)

var (
	chAnalyse  = act{model.RoleReqLead, "analysed", "", map[string]string{"analysis": "可行：挂号模块增加预约渠道字段，影响 3 个报表"}}
	chDept     = act{model.RoleDeptHead, "approve", "", nil}
	chSolution = act{model.RoleDeveloper, "propose", "", map[string]string{"solution": "新增 channel 列，接口 v2 兼容旧客户端"}}
	chTech     = act{model.RoleTechLead, "approve", "", nil}
	chLeaders  = act{model.RoleLeadership, "approve", "", nil}
	chDeploy   = act{model.RoleDeveloper, "deployed", "", map[string]string{"upgrade_notes": "v3.2.0：挂号增加预约渠道；执行 upgrade_320.sql", "notice": "已邮件通知信息科"}}
)

// Every row of seed §4's table and every loop.
func TestChangeRows(t *testing.T) {
	cases := []struct {
		name   string
		before []act
		act    act
		want   string
	}{
		{"§4 step 2 analysis → 3", nil, chAnalyse, "dept_approval"},
		{"§4 step 3 approved → 4", []act{chAnalyse}, chDept, "solution"},
		{"§4 step 3 not approved → end", []act{chAnalyse}, act{model.RoleDeptHead, "reject", "本年度不做", nil}, "closed"},
		{"§4 step 3 not approved → revise (analysis)", []act{chAnalyse}, act{model.RoleDeptHead, "revise", "请先与财务科讨论", nil}, "analysis"},
		{"§4 step 4 solution → 5", []act{chAnalyse, chDept}, chSolution, "tech_review"},
		{"§4 step 5 approved → 6", []act{chAnalyse, chDept, chSolution}, chTech, "leadership_approval"},
		{"§4 step 5 needs change → back to 4", []act{chAnalyse, chDept, chSolution}, act{model.RoleTechLead, "revise", "缺少数据迁移方案", nil}, "solution"},
		{"§4 step 6 approved → 7", []act{chAnalyse, chDept, chSolution, chTech}, chLeaders, "implementation"},
		{"§4 step 6 not approved → revise (solution)", []act{chAnalyse, chDept, chSolution, chTech}, act{model.RoleLeadership, "revise", "上线时间改到周末", nil}, "solution"},
		{"§4 step 7 deployed → 8", []act{chAnalyse, chDept, chSolution, chTech, chLeaders}, chDeploy, "feedback"},
		{"§4 step 8 feedback → end", []act{chAnalyse, chDept, chSolution, chTech, chLeaders, chDeploy}, act{model.RoleRequester, "satisfied", "", map[string]string{"rating": "4"}}, "closed"},
		{"§4 step 8 unsatisfied feedback → end, recorded", []act{chAnalyse, chDept, chSolution, chTech, chLeaders, chDeploy}, act{model.RoleRequester, "not_satisfied", "界面字段顺序不便", map[string]string{"rating": "2"}}, "closed"},
		{"loop: revised requirement is analysed again", []act{chAnalyse, {model.RoleDeptHead, "revise", "范围缩小", nil}}, chAnalyse, "dept_approval"},
		{"loop: revise → solution twice (tech lead, then leadership) until it passes",
			[]act{chAnalyse, chDept, chSolution, {model.RoleTechLead, "revise", "第一次：补充回退", nil}, chSolution, chTech,
				{model.RoleLeadership, "revise", "第二次：改期", nil}, chSolution, chTech}, chLeaders, "implementation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			id := w.walk(model.KindChange, c.before...)
			s := w.mustDecide(id, c.act.role, c.act.decision, c.act.comment, c.act.inputs)
			if s.Step != c.want {
				t.Fatalf("step = %s, want %s", s.Step, c.want)
			}
			assertRefolds(t, w, id)
		})
	}
}

// Row 1: the change request starts with the requirements lead.
func TestChangeStartsAtAnalysis(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindChange, "挂号增加预约渠道")
	if s := w.ticket(id); s.Step != "analysis" || len(s.Waits) != 0 {
		t.Fatalf("new change at %s, waits %v", s.Step, s.Waits)
	}
	if got := WaitingFor(w.ticket(id)); len(got) != 1 || got[0] != model.RoleReqLead {
		t.Errorf("waiting for %v", got)
	}
}

// seed §4 step 7: no finishing without upgrade notes.
func TestChangeNeedsUpgradeNotes(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindChange, chAnalyse, chDept, chSolution, chTech, chLeaders)
	err := w.decide(id, model.RoleDeveloper, "deployed", "", map[string]string{"notice": "已通知"})
	flowtest.WantCode(t, err, model.EINVALID)
	s := w.mustDecide(id, chDeploy.role, chDeploy.decision, "", chDeploy.inputs)
	if s.UpgradeNotes != chDeploy.inputs["upgrade_notes"] || s.ResolvedAt == "" {
		t.Errorf("upgrade notes %q resolved %q", s.UpgradeNotes, s.ResolvedAt)
	}
	// The waits: department head, leadership, and now the feedback.
	steps := []string{}
	for _, wt := range s.Waits {
		steps = append(steps, wt.Step)
	}
	if len(steps) != 3 || steps[0] != "dept_approval" || steps[1] != "leadership_approval" || steps[2] != "feedback" {
		t.Errorf("waits at %v", steps)
	}
}
