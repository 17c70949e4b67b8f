package ticket

import "yunwei/model"

// The short flows: day-to-day support (seed §1.1 bug fixes, §1.4
// consultation) and training on request (seed §2.2.1).

// bugFixFlow fixes a defect of the system (seed §1.1). Inputs:
// fixing.fixed takes resolution; verification.confirm an optional rating.
var bugFixFlow = &Flow{
	Kind: model.KindBugFix, Label: "bug fix", Seed: "§1.1",
	Steps: []Step{
		{Name: "reported", Label: "reported, awaiting response", Seed: "§2.6 response",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "accept", Label: "confirm the defect", To: "fixing", Stamps: []string{"responded_at"}},
			}},
		{Name: "fixing", Label: "fixing", Seed: "§1.1 fix",
			Roles: []model.Role{model.RoleEngineer, model.RoleDeveloper},
			Decisions: []Decision{
				{Name: "fixed", Label: "fixed", To: "verification", Stamps: []string{"resolved_at"},
					Inputs: []Input{{Name: "resolution", Label: "what was fixed", Type: InputText, Required: true}}},
			}},
		{Name: "verification", Label: "requester verifies", Seed: "§2.3 owner signs",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "confirm", Label: "confirm the fix", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_fixed", Label: "not fixed", To: "fixing", NeedsComment: true},
			}},
		closedStep,
	},
}

// consultationFlow answers a business or technical question (seed §1.4).
// Inputs: received.answer takes answer.
var consultationFlow = &Flow{
	Kind: model.KindConsultation, Label: "consultation", Seed: "§1.4",
	Steps: []Step{
		{Name: "received", Label: "question received", Seed: "§1.4 answer",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "answer", Label: "answer", To: "closed", Stamps: []string{"responded_at", "resolved_at"},
					Inputs: []Input{{Name: "answer", Label: "the answer", Type: InputText, Required: true}}},
			}},
		closedStep,
	},
}

// trainingFlow is training of the owner's staff on request (seed §2.2.1).
// Inputs: requested.schedule takes scheduled_for (may lie ahead) and topic;
// scheduled.delivered takes attendees; confirmation an optional rating.
var trainingFlow = &Flow{
	Kind: model.KindTraining, Label: "training", Seed: "§2.2.1",
	Steps: []Step{
		{Name: "requested", Label: "requested", Seed: "§2.2.1 on request",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "schedule", Label: "schedule", To: "scheduled", Stamps: []string{"responded_at"},
					Inputs: []Input{
						{Name: "scheduled_for", Label: "when", Type: InputTime, Required: true, Future: true},
						{Name: "topic", Label: "topic", Type: InputText, Required: true},
					}},
			}},
		{Name: "scheduled", Label: "scheduled", Seed: "§2.2.1 training",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "delivered", Label: "delivered", To: "confirmation", Stamps: []string{"resolved_at"},
					Inputs: []Input{{Name: "attendees", Label: "attendees", Type: InputText, Required: true}}},
				{Name: "reschedule", Label: "reschedule", To: "requested", NeedsComment: true},
			}},
		{Name: "confirmation", Label: "customer confirms", Seed: "§2.3 owner signs",
			Roles: []model.Role{model.RoleRequester, model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "confirm", Label: "confirm", To: "closed", Inputs: []Input{ratingInput}},
			}},
		closedStep,
	},
}
