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
	Kind: model.KindDataCorrection, Label: "data correction", Seed: "§3",
	Steps: []Step{
		{Name: "dept_approval", Label: "department head approval", Seed: "§3 step 2",
			Roles: []model.Role{model.RoleDeptHead}, OwnDepartment: true,
			Decisions: []Decision{
				{Name: "approve", Label: "approve", To: "plan"},
				{Name: "reject", Label: "reject", To: "closed", NeedsComment: true},
			}},
		{Name: "plan", Label: "maintenance plan", Seed: "§3 step 3",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "propose", Label: "submit the plan", To: "review", Stamps: []string{"responded_at"},
					Inputs: []Input{
						{Name: "plan", Label: "the plan", Type: InputText, Required: true},
						{Name: "backup_needed", Label: "backup needed", Type: InputBool, Required: true},
						{Name: "verify_needed", Label: "simulated verification needed", Type: InputBool, Required: true},
					}},
			}},
		{Name: "review", Label: "technical lead review", Seed: "§3 step 4",
			Roles: []model.Role{model.RoleTechLead},
			Decisions: []Decision{
				{Name: "approve", Label: "approve the plan", To: "backup", NotByAuthor: true},
				{Name: "return", Label: "return to the plan", To: "plan", NeedsComment: true},
			}},
		{Name: "backup", Label: "data backup", Seed: "§3 step 5",
			Roles: []model.Role{model.RoleEngineer}, When: "backup_needed", Else: "verification",
			Decisions: []Decision{
				{Name: "done", Label: "backup done", To: "verification",
					Inputs: []Input{
						{Name: "backup_what", Label: "what was backed up", Type: InputText, Required: true},
						{Name: "backup_where", Label: "where the backup is kept", Type: InputText, Required: true},
					}},
			}},
		{Name: "verification", Label: "simulated verification", Seed: "§3 step 6",
			Roles: []model.Role{model.RoleEngineer}, When: "verify_needed", Else: "execution",
			Decisions: []Decision{
				{Name: "success", Label: "verification passed", To: "execution",
					Inputs: []Input{{Name: "verify_result", Label: "what was verified", Type: InputText}}},
				{Name: "failure", Label: "verification failed", To: "plan", NeedsComment: true},
			}},
		{Name: "execution", Label: "execute the plan", Seed: "§3 step 7",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "done", Label: "done, requester asked to verify", To: "feedback", Stamps: []string{"resolved_at"},
					Inputs: []Input{
						{Name: "result", Label: "what was done", Type: InputText, Required: true},
						{Name: "notice", Label: "how the requester was asked to verify", Type: InputText, Required: true},
					}},
			}},
		{Name: "feedback", Label: "requester feedback", Seed: "§3 step 8",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "satisfied", Label: "satisfied", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_satisfied", Label: "not satisfied", To: "execution", NeedsComment: true},
			}},
		closedStep,
	},
}
