package ticket

import "yunwei/model"

// dataCorrectionFlow is the maintenance (data-correction) process of seed §3.
// Step 1, the user's maintenance request (维护申请单), is the ticket's
// creation; the ticket then waits for the department head.
//
// Inputs: plan.propose takes plan, backup_needed, verify_needed (all
// required); backup.done takes backup_what and backup_where; verification
// takes an optional verify_result; execution.done takes result and notice;
// feedback.satisfied takes an optional rating.
var dataCorrectionFlow = &Flow{
	Kind: model.KindDataCorrection, En: "data correction", Zh: "数据维护", Seed: "§3",
	Steps: []Step{
		{Name: "dept_approval", En: "department head approval", Zh: "使用部门主管审批", Seed: "§3 step 2",
			Roles: []model.Role{model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "approve", En: "approve", Zh: "批准", To: "plan"},
				{Name: "reject", En: "reject", Zh: "不批准", To: "closed", NeedsComment: true},
			}},
		{Name: "plan", En: "maintenance plan", Zh: "制定维护方案", Seed: "§3 step 3",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "propose", En: "submit the plan", Zh: "提交方案", To: "review", Stamps: []string{"responded_at"},
					Inputs: []Input{
						{Name: "plan", En: "the plan", Zh: "方案内容", Type: InputText, Required: true},
						{Name: "backup_needed", En: "backup needed", Zh: "是否需要备份", Type: InputBool, Required: true},
						{Name: "verify_needed", En: "simulated verification needed", Zh: "是否需要模拟验证", Type: InputBool, Required: true},
					}},
			}},
		{Name: "review", En: "technical lead review", Zh: "技术负责人审核", Seed: "§3 step 4",
			Roles: []model.Role{model.RoleTechLead},
			Decisions: []Decision{
				{Name: "approve", En: "approve the plan", Zh: "审核通过", To: "backup"},
				{Name: "return", En: "return to the plan", Zh: "退回修改方案", To: "plan", NeedsComment: true},
			}},
		{Name: "backup", En: "data backup", Zh: "数据备份", Seed: "§3 step 5",
			Roles: []model.Role{model.RoleEngineer}, When: "backup_needed", Else: "verification",
			Decisions: []Decision{
				{Name: "done", En: "backup done", Zh: "备份完成", To: "verification",
					Inputs: []Input{
						{Name: "backup_what", En: "what was backed up", Zh: "备份内容", Type: InputText, Required: true},
						{Name: "backup_where", En: "where the backup is kept", Zh: "备份位置", Type: InputText, Required: true},
					}},
			}},
		{Name: "verification", En: "simulated verification", Zh: "模拟验证测试", Seed: "§3 step 6",
			Roles: []model.Role{model.RoleEngineer}, When: "verify_needed", Else: "execution",
			Decisions: []Decision{
				{Name: "success", En: "verification passed", Zh: "验证成功", To: "execution",
					Inputs: []Input{{Name: "verify_result", En: "what was verified", Zh: "验证情况", Type: InputText}}},
				{Name: "failure", En: "verification failed", Zh: "验证失败", To: "plan", NeedsComment: true},
			}},
		{Name: "execution", En: "execute the plan", Zh: "执行维护", Seed: "§3 step 7",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "done", En: "done, requester asked to verify", Zh: "完成并通知使用者验证", To: "feedback", Stamps: []string{"resolved_at"},
					Inputs: []Input{
						{Name: "result", En: "what was done", Zh: "执行结果", Type: InputText, Required: true},
						{Name: "notice", En: "how the requester was asked to verify", Zh: "通知使用者方式", Type: InputText, Required: true},
					}},
			}},
		{Name: "feedback", En: "requester feedback", Zh: "使用者反馈评价", Seed: "§3 step 8",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "satisfied", En: "satisfied", Zh: "满意", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_satisfied", En: "not satisfied", Zh: "不满意", To: "execution", NeedsComment: true},
			}},
		closedStep,
	},
}
