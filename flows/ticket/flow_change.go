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
	Kind: model.KindChange, Label: "change / upgrade", Seed: "§4",
	Steps: []Step{
		{Name: "analysis", Label: "requirements analysis", Seed: "§4 step 2",
			Roles: []model.Role{model.RoleReqLead},
			Decisions: []Decision{
				{Name: "analysed", Label: "analysis done", To: "dept_approval", Stamps: []string{"responded_at"},
					Inputs: []Input{{Name: "analysis", Label: "feasibility and reasonableness", Type: InputText, Required: true}}},
			}},
		{Name: "dept_approval", Label: "department head confirmation", Seed: "§4 step 3",
			Roles: []model.Role{model.RoleDeptHead}, OwnDepartment: true,
			Decisions: []Decision{
				{Name: "approve", Label: "approve", To: "solution"},
				{Name: "reject", Label: "reject", To: "closed", NeedsComment: true},
				{Name: "revise", Label: "revise the requirement", To: "analysis", NeedsComment: true},
			}},
		{Name: "solution", Label: "design and implementation plan", Seed: "§4 step 4",
			Roles: []model.Role{model.RoleDeveloper},
			Decisions: []Decision{
				{Name: "propose", Label: "submit the solution", To: "tech_review",
					Inputs: []Input{{Name: "solution", Label: "design and implementation plan", Type: InputText, Required: true}}},
			}},
		{Name: "tech_review", Label: "technical lead confirmation", Seed: "§4 step 5",
			Roles: []model.Role{model.RoleTechLead},
			Decisions: []Decision{
				{Name: "approve", Label: "approve the solution", To: "leadership_approval", NotByAuthor: true},
				{Name: "revise", Label: "revise the solution", To: "solution", NeedsComment: true},
			}},
		{Name: "leadership_approval", Label: "customer leadership approval", Seed: "§4 step 6",
			Roles: []model.Role{model.RoleLeadership},
			Decisions: []Decision{
				{Name: "approve", Label: "approve", To: "implementation"},
				{Name: "revise", Label: "revise the solution", To: "solution", NeedsComment: true},
			}},
		{Name: "implementation", Label: "implement, test, deploy", Seed: "§4 step 7",
			Roles: []model.Role{model.RoleDeveloper},
			Decisions: []Decision{
				{Name: "deployed", Label: "deployed, user told", To: "feedback", Stamps: []string{"resolved_at"},
					Inputs: []Input{
						{Name: "upgrade_notes", Label: "upgrade notes", Type: InputText, Required: true},
						noticeInput,
					}},
			}},
		{Name: "feedback", Label: "requester feedback", Seed: "§4 step 8",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "satisfied", Label: "satisfied", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_satisfied", Label: "not satisfied", To: "closed", NeedsComment: true, Inputs: []Input{ratingInput}},
			}},
		closedStep,
	},
}
