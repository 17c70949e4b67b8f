package ticket

import "yunwei/model"

// changeFlow is the system change / upgrade process of seed §4. Step 1, the
// user's requirement change form (需求变更单), is the ticket's creation (or
// an enhancement's conversion, seed §1.3); the ticket then waits for the
// requirements lead.
//
// Inputs: analysis.analysed takes analysis; solution.propose takes
// solution; implementation.deployed takes upgrade_notes (required: the
// seed's output, 升级说明) and an optional notice; feedback takes an
// optional rating.
var changeFlow = &Flow{
	Kind: model.KindChange, En: "change / upgrade", Zh: "需求变更", Seed: "§4",
	Steps: []Step{
		{Name: "analysis", En: "requirements analysis", Zh: "需求分析", Seed: "§4 step 2",
			Roles: []model.Role{model.RoleReqLead},
			Decisions: []Decision{
				{Name: "analysed", En: "analysis done", Zh: "分析完成", To: "dept_approval", Stamps: []string{"responded_at"},
					Inputs: []Input{{Name: "analysis", En: "feasibility and reasonableness", Zh: "可行性与合理性分析", Type: InputText, Required: true}}},
			}},
		{Name: "dept_approval", En: "department head confirmation", Zh: "使用部门主管确认", Seed: "§4 step 3",
			Roles: []model.Role{model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "approve", En: "approve", Zh: "批准", To: "solution"},
				{Name: "reject", En: "reject", Zh: "不批准", To: "closed", NeedsComment: true},
				{Name: "revise", En: "revise the requirement", Zh: "修改需求", To: "analysis", NeedsComment: true},
			}},
		{Name: "solution", En: "design and implementation plan", Zh: "设计与实施方案", Seed: "§4 step 4",
			Roles: []model.Role{model.RoleDeveloper},
			Decisions: []Decision{
				{Name: "propose", En: "submit the solution", Zh: "提交方案", To: "tech_review",
					Inputs: []Input{{Name: "solution", En: "design and implementation plan", Zh: "设计与实施方案", Type: InputText, Required: true}}},
			}},
		{Name: "tech_review", En: "technical lead confirmation", Zh: "技术负责人确认", Seed: "§4 step 5",
			Roles: []model.Role{model.RoleTechLead},
			Decisions: []Decision{
				{Name: "approve", En: "approve the solution", Zh: "方案通过", To: "leadership_approval"},
				{Name: "revise", En: "revise the solution", Zh: "修改方案", To: "solution", NeedsComment: true},
			}},
		{Name: "leadership_approval", En: "customer leadership approval", Zh: "用户领导审批", Seed: "§4 step 6",
			Roles: []model.Role{model.RoleLeadership},
			Decisions: []Decision{
				{Name: "approve", En: "approve", Zh: "批准", To: "implementation"},
				{Name: "revise", En: "revise the solution", Zh: "修改方案", To: "solution", NeedsComment: true},
			}},
		{Name: "implementation", En: "implement, test, deploy", Zh: "开发、测试、部署", Seed: "§4 step 7",
			Roles: []model.Role{model.RoleDeveloper},
			Decisions: []Decision{
				{Name: "deployed", En: "deployed, user told", Zh: "已部署并通知用户", To: "feedback", Stamps: []string{"resolved_at"},
					Inputs: []Input{
						{Name: "upgrade_notes", En: "upgrade notes", Zh: "升级说明", Type: InputText, Required: true},
						noticeInput,
					}},
			}},
		{Name: "feedback", En: "requester feedback", Zh: "使用者反馈", Seed: "§4 step 8",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "satisfied", En: "satisfied", Zh: "满意", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_satisfied", En: "not satisfied", Zh: "不满意", To: "closed", NeedsComment: true, Inputs: []Input{ratingInput}},
			}},
		closedStep,
	},
}
