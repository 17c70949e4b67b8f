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
	Kind: model.KindEnhancement, En: "enhancement", Zh: "小功能开发", Seed: "§1.3",
	Steps: []Step{
		{Name: "estimate", En: "estimate the effort", Zh: "评估工作量", Seed: "§1.3 at most 1 person-day",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "estimate", En: "estimate", Zh: "提交评估", To: "dept_approval", Rule: "enhancement_estimate", Stamps: []string{"responded_at"},
					Inputs: []Input{estimateInput(true)}},
				{Name: DecisionConvert, En: "convert to a change request", Zh: "转为需求变更", To: "analysis", Convert: model.KindChange,
					NeedsComment: true, Stamps: []string{"responded_at"}, Inputs: []Input{estimateInput(false)}},
			}},
		{Name: "dept_approval", En: "department head approval", Zh: "使用部门主管审批", Seed: "§1.3 approval",
			Roles: []model.Role{model.RoleDeptHead},
			Decisions: []Decision{
				{Name: "approve", En: "approve", Zh: "批准", To: "implementation"},
				{Name: "reject", En: "reject", Zh: "不批准", To: "closed", NeedsComment: true},
			}},
		{Name: "implementation", En: "develop and book the effort", Zh: "开发并登记工时", Seed: "§1.3 quota",
			Roles: []model.Role{model.RoleEngineer, model.RoleDeveloper, model.RoleAdmin},
			Decisions: []Decision{
				{Name: "done", En: "done, effort booked", Zh: "完成并登记工时", To: "feedback", Rule: "quota", Stamps: []string{"resolved_at"},
					Inputs: []Input{
						{Name: "effort_minutes", En: "actual effort (minutes; 1d = 480)", Zh: "实际工作量（分钟；1人天=480）", Type: InputMinutes, Required: true},
						{Name: "override_reason", En: "admin's reason to book beyond a limit", Zh: "超额登记理由（管理员）", Type: InputText},
					}},
			}},
		{Name: "feedback", En: "requester feedback", Zh: "使用者反馈", Seed: "§1.3 feedback",
			Roles: []model.Role{model.RoleRequester},
			Decisions: []Decision{
				{Name: "satisfied", En: "satisfied", Zh: "满意", To: "closed", Inputs: []Input{ratingInput}},
				{Name: "not_satisfied", En: "not satisfied", Zh: "不满意", To: "implementation", NeedsComment: true},
			}},
		closedStep,
	},
}

func estimateInput(required bool) Input {
	return Input{Name: "estimate_minutes", En: "estimate (minutes; 1d = 480)", Zh: "预计工作量（分钟；1人天=480）", Type: InputMinutes, Required: required}
}

// checkEstimate refuses an enhancement estimated above 1 person-day: that
// is a change request, not an enhancement (seed §1.3).
func checkEstimate(dc *decision) error {
	m, _ := strconv.Atoi(dc.inputs["estimate_minutes"])
	if m > MinutesPerPersonDay {
		return model.Errorf(model.EINVALID,
			"an enhancement is at most 1 person-day (480 minutes, seed §1.3); %s was estimated at %s: convert it into a change request with the decision %q",
			dc.s.Number, FormatMinutes(m), DecisionConvert)
	}
	return nil
}
