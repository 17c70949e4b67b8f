package ticket

import "yunwei/model"

// The short flows: day-to-day support (seed §1.1 bug fixes, §1.4
// consultation) and training on request (seed §2.2.1).

// bugFixFlow fixes a defect of the system (seed §1.1). Inputs:
// fixing.fixed takes resolution; verification.confirm an optional rating.
var bugFixFlow = &Flow{
	Kind: model.KindBugFix, En: "bug fix", Zh: "缺陷修复", Seed: "§1.1",
	Steps: []Step{
		{Name: "reported", En: "reported, awaiting response", Zh: "已报告，待响应", Seed: "§2.6 response",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "accept", En: "confirm the defect", Zh: "确认缺陷", To: "fixing", Stamps: []string{"responded_at"}},
			}},
		{Name: "fixing", En: "fixing", Zh: "修复中", Seed: "§1.1 fix",
			Roles: []model.Role{model.RoleEngineer, model.RoleDeveloper},
			Decisions: []Decision{
				{Name: "fixed", En: "fixed", Zh: "已修复", To: "verification", Stamps: []string{"resolved_at"},
					Inputs: []Input{{Name: "resolution", En: "what was fixed", Zh: "修复内容", Type: InputText, Required: true}}},
			}},
		{Name: "verification", En: "requester verifies", Zh: "使用者验证", Seed: "§2.3 owner signs",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "confirm", En: "confirm the fix", Zh: "确认修复", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_fixed", En: "not fixed", Zh: "未修复", To: "fixing", NeedsComment: true},
			}},
		closedStep,
	},
}

// consultationFlow answers a business or technical question (seed §1.4).
// Inputs: received.answer takes answer.
var consultationFlow = &Flow{
	Kind: model.KindConsultation, En: "consultation", Zh: "征询", Seed: "§1.4",
	Steps: []Step{
		{Name: "received", En: "question received", Zh: "已收到咨询", Seed: "§1.4 answer",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "answer", En: "answer", Zh: "答复", To: "closed", Stamps: []string{"responded_at", "resolved_at"},
					Inputs: []Input{{Name: "answer", En: "the answer", Zh: "答复内容", Type: InputText, Required: true}}},
			}},
		closedStep,
	},
}

// trainingFlow is training of the owner's staff on request (seed §2.2.1).
// Inputs: requested.schedule takes scheduled_for (may lie ahead) and topic;
// scheduled.delivered takes attendees; confirmation an optional rating.
var trainingFlow = &Flow{
	Kind: model.KindTraining, En: "training", Zh: "培训", Seed: "§2.2.1",
	Steps: []Step{
		{Name: "requested", En: "requested", Zh: "已申请", Seed: "§2.2.1 on request",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "schedule", En: "schedule", Zh: "安排培训", To: "scheduled", Stamps: []string{"responded_at"},
					Inputs: []Input{
						{Name: "scheduled_for", En: "when", Zh: "培训时间", Type: InputTime, Required: true, Future: true},
						{Name: "topic", En: "topic", Zh: "培训内容", Type: InputText, Required: true},
					}},
			}},
		{Name: "scheduled", En: "scheduled", Zh: "已安排", Seed: "§2.2.1 training",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "delivered", En: "delivered", Zh: "已培训", To: "confirmation", Stamps: []string{"resolved_at"},
					Inputs: []Input{{Name: "attendees", En: "attendees", Zh: "参加人员", Type: InputText, Required: true}}},
				{Name: "reschedule", En: "reschedule", Zh: "改期", To: "requested", NeedsComment: true},
			}},
		{Name: "confirmation", En: "customer confirms", Zh: "客户确认", Seed: "§2.3 owner signs",
			Roles: []model.Role{model.RoleRequester, model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "confirm", En: "confirm", Zh: "确认", To: "closed", Inputs: []Input{ratingInput}},
			}},
		closedStep,
	},
}
