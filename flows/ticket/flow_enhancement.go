package ticket

import (
	"strconv"

	"yunwei/model"
)

// MinutesPerPersonDay converts person-days to minutes: one person-day is
// eight working hours (seed §2.5, 5×8). Effort is kept in whole minutes
// because canonical JSON has no floats.
const MinutesPerPersonDay = 480

// DecisionConvert is the enhancement decision that turns the ticket into a
// change request (seed §1.3); ConvertToChange takes it.
const DecisionConvert = "convert"

// enhancementFlow is a small enhancement (seed §1.3): estimated, at most 1
// person-day (else converted into a change request in one action), approved
// by the department head, and its actual effort booked against the
// contract's yearly quota of 30 person-days.
//
// Inputs: estimate.estimate takes estimate_minutes (≤ 480); estimate.convert
// an optional estimate_minutes; implementation.done takes effort_minutes
// and, for an admin booking beyond a limit, override_reason; feedback an
// optional rating.
var enhancementFlow = &Flow{
	Kind: model.KindEnhancement, Label: "enhancement", Seed: "§1.3",
	Steps: []Step{
		{Name: "estimate", Label: "estimate the effort", Seed: "§1.3 at most 1 person-day",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "estimate", Label: "estimate", To: "dept_approval", Rule: "enhancement_estimate", Stamps: []string{"responded_at"},
					Inputs: []Input{estimateInput(true)}},
				{Name: DecisionConvert, Label: "convert to a change request", To: "analysis", Convert: model.KindChange,
					NeedsComment: true, Stamps: []string{"responded_at"}, Inputs: []Input{estimateInput(false)}},
			}},
		{Name: "dept_approval", Label: "department head approval", Seed: "§1.3 approval",
			Roles: []model.Role{model.RoleDeptHead}, OwnDepartment: true,
			Decisions: []Decision{
				{Name: "approve", Label: "approve", To: "implementation"},
				{Name: "reject", Label: "reject", To: "closed", NeedsComment: true},
			}},
		{Name: "implementation", Label: "develop and book the effort", Seed: "§1.3 quota",
			Roles: []model.Role{model.RoleEngineer, model.RoleDeveloper, model.RoleAdmin},
			Decisions: []Decision{
				{Name: "done", Label: "done, effort booked", To: "feedback", Rule: "quota", Stamps: []string{"resolved_at"},
					Inputs: []Input{
						{Name: "effort_minutes", Label: "actual effort", Type: InputMinutes, Required: true},
						{Name: "override_reason", Label: "admin's reason to book beyond a limit", Type: InputText},
					}},
			}},
		{Name: "feedback", Label: "requester feedback", Seed: "§1.3 feedback",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "satisfied", Label: "satisfied", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_satisfied", Label: "not satisfied", To: "implementation", NeedsComment: true},
			}},
		closedStep,
	},
}

func estimateInput(required bool) Input {
	return Input{Name: "estimate_minutes", Label: "estimated effort", Type: InputMinutes, Required: required}
}

// checkEstimate refuses an enhancement estimated above 1 person-day: that
// is a change request, not an enhancement (seed §1.3).
func checkEstimate(dc *decision) error {
	m, _ := strconv.Atoi(dc.inputs["estimate_minutes"])
	if m > MinutesPerPersonDay {
		return model.Errorf(model.EINVALID,
			"an enhancement is at most 1 person-day (480 minutes, seed §1.3); %s was estimated at %s: convert it into a change request with the decision %q",
			dc.s.Number, Minutes(m), DecisionConvert)
	}
	return nil
}
