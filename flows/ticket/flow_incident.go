package ticket

import "yunwei/model"

// incidentFlow clears a sudden incident (seed §1.2, §2.1.1, §2.6): the
// engineer responds (the response clock stops), goes on site when on-site
// service is needed (the arrival clock stops), diagnoses and proposes a fix,
// and clears the fault; the customer then confirms. The owner approves the
// fix first only for a major fault that stops the business, served on site
// (seed §2.1.1: "only after the owner approves"): a critical incident
// (model.SeverityCritical) or one the engineer goes on site for. A minor
// fault handled remotely (seed §2.1.2) goes straight to the fix.
//
// Inputs: reported.respond takes an optional on_site (true when the engineer
// must go; it updates the ticket); on_site.arrived takes an optional
// arrived_at (default: now); diagnosis.diagnosed takes cause and fix;
// fixing.resolved takes resolution; resolved.confirm an optional rating.
var incidentFlow = &Flow{
	Kind: model.KindIncident, Label: "incident", Seed: "§2.1.1",
	Steps: []Step{
		{Name: "reported", Label: "reported, awaiting response", Seed: "§2.6 response",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "respond", Label: "respond", To: "on_site", Stamps: []string{"responded_at"},
					Inputs: []Input{{Name: "on_site", Label: "on-site service needed", Type: InputBool}}},
			}},
		{Name: "on_site", Label: "going on site", Seed: "§2.6 on site",
			Roles: []model.Role{model.RoleEngineer}, When: "on_site", Else: "diagnosis",
			Decisions: []Decision{
				{Name: "arrived", Label: "arrived on site", To: "diagnosis", Stamps: []string{"arrived_at"},
					Inputs: []Input{{Name: "arrived_at", Label: "arrival time", Type: InputTime}}},
			}},
		{Name: "diagnosis", Label: "diagnosis", Seed: "§2.1.1 analyse",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "diagnosed", Label: "diagnosed, fix proposed", To: "owner_approval",
					Inputs: []Input{
						{Name: "cause", Label: "cause", Type: InputText, Required: true},
						{Name: "fix", Label: "proposed fix", Type: InputText, Required: true},
					}},
			}},
		{Name: "owner_approval", Label: "owner's approval of the fix", Seed: "§2.1.1 owner approves",
			Roles: []model.Role{model.RoleDeptHead}, When: "major_fault", Else: "fixing",
			Decisions: []Decision{
				{Name: "approve", Label: "approve the fix", To: "fixing"},
				{Name: "reject", Label: "reject the fix", To: "diagnosis", NeedsComment: true},
			}},
		{Name: "fixing", Label: "clearing the fault", Seed: "§2.1.1 clear",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "resolved", Label: "fault cleared", To: "resolved", Stamps: []string{"resolved_at"},
					Inputs: []Input{{Name: "resolution", Label: "what was done", Type: InputText, Required: true}}},
			}},
		{Name: "resolved", Label: "resolved, awaiting confirmation", Seed: "§2.3 owner signs",
			Roles: []model.Role{model.RoleRequester, model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "confirm", Label: "confirm", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_fixed", Label: "not fixed", To: "diagnosis", NeedsComment: true},
			}},
		closedStep,
	},
}
