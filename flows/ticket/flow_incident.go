package ticket

import "yunwei/model"

// incidentFlow clears a sudden incident (seed §1.2, §2.1.1, §2.6): the
// engineer responds (the response clock stops), goes on site when on-site
// service is needed (the arrival clock stops), diagnoses and proposes a fix,
// and clears the fault only after the owner approves it (seed §2.1.1); the
// customer then confirms.
//
// Inputs: reported.respond takes an optional on_site (true when the engineer
// must go; it updates the ticket); on_site.arrived takes an optional
// arrived_at (default: now); diagnosis.diagnosed takes cause and fix;
// fixing.resolved takes resolution; resolved.confirm an optional rating.
var incidentFlow = &Flow{
	Kind: model.KindIncident, En: "incident", Zh: "突发事件", Seed: "§2.1.1",
	Steps: []Step{
		{Name: "reported", En: "reported, awaiting response", Zh: "已报告，待响应", Seed: "§2.6 response",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "respond", En: "respond", Zh: "响应", To: "on_site", Stamps: []string{"responded_at"},
					Inputs: []Input{{Name: "on_site", En: "on-site service needed", Zh: "需要现场服务", Type: InputBool}}},
			}},
		{Name: "on_site", En: "going on site", Zh: "赶赴现场", Seed: "§2.6 on site",
			Roles: []model.Role{model.RoleEngineer}, When: "on_site", Else: "diagnosis",
			Decisions: []Decision{
				{Name: "arrived", En: "arrived on site", Zh: "已到达现场", To: "diagnosis", Stamps: []string{"arrived_at"},
					Inputs: []Input{{Name: "arrived_at", En: "arrival time", Zh: "到达时间", Type: InputTime}}},
			}},
		{Name: "diagnosis", En: "diagnosis", Zh: "故障诊断", Seed: "§2.1.1 analyse",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "diagnosed", En: "diagnosed, fix proposed", Zh: "已诊断并提出方案", To: "owner_approval",
					Inputs: []Input{
						{Name: "cause", En: "cause", Zh: "故障原因", Type: InputText, Required: true},
						{Name: "fix", En: "proposed fix", Zh: "解决方案", Type: InputText, Required: true},
					}},
			}},
		{Name: "owner_approval", En: "owner's approval of the fix", Zh: "业主批准方案", Seed: "§2.1.1 owner approves",
			Roles: []model.Role{model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "approve", En: "approve the fix", Zh: "批准方案", To: "fixing"},
				{Name: "reject", En: "reject the fix", Zh: "不批准", To: "diagnosis", NeedsComment: true},
			}},
		{Name: "fixing", En: "clearing the fault", Zh: "排除故障", Seed: "§2.1.1 clear",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "resolved", En: "fault cleared", Zh: "故障已排除", To: "resolved", Stamps: []string{"resolved_at"},
					Inputs: []Input{{Name: "resolution", En: "what was done", Zh: "处理结果", Type: InputText, Required: true}}},
			}},
		{Name: "resolved", En: "resolved, awaiting confirmation", Zh: "已排除，待确认", Seed: "§2.3 owner signs",
			Roles: []model.Role{model.RoleRequester, model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "confirm", En: "confirm", Zh: "确认", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_fixed", En: "not fixed", Zh: "未解决", To: "diagnosis", NeedsComment: true},
			}},
		closedStep,
	},
}
