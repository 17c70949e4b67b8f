package words

import (
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// The flow tables' labels read in both languages, the kind's own wording
// first where a flow words a label otherwise.
func TestFlowLabels(t *testing.T) {
	f := ticket.FlowFor(model.KindDataCorrection)
	if Flow(i18n.Zh, f) != "数据维护" || Flow(i18n.En, f) != "data correction" {
		t.Errorf("flow labels %q %q", Flow(i18n.Zh, f), Flow(i18n.En, f))
	}
	st := f.Step("review")
	if StepOf(i18n.Zh, f.Kind, st) != "技术负责人审核" || Decision(i18n.Zh, f.Kind, st.Decision("return")) != "退回修改方案" {
		t.Errorf("step labels %q %q", StepOf(i18n.Zh, f.Kind, st), Decision(i18n.Zh, f.Kind, st.Decision("return")))
	}
	if in := f.Step("plan").Decision("propose").Input("backup_needed"); Input(i18n.En, f.Kind, in) != "backup needed" {
		t.Errorf("input label %q", Input(i18n.En, f.Kind, in))
	}
	if model.KindStaffChange.Label("zh") != "人员变更" || model.KindOvertime.Label("en") != "overtime" {
		t.Errorf("notice kind labels")
	}
	// One English word, two Chinese ones: a change is 批准, a staff change
	// notice 同意 (seed §2.4).
	change := ticket.FlowFor(model.KindChange).Step("dept_approval").Decision("approve")
	notice := ticket.FlowFor(model.KindStaffChange).Step("customer_approval").Decision("approve")
	if Decision(i18n.Zh, model.KindChange, change) != "批准" || Decision(i18n.Zh, model.KindStaffChange, notice) != "同意" {
		t.Errorf("approve: %q and %q", Decision(i18n.Zh, model.KindChange, change), Decision(i18n.Zh, model.KindStaffChange, notice))
	}
	if Decision(i18n.En, model.KindStaffChange, notice) != "approve" {
		t.Errorf("the context shows in English: %q", Decision(i18n.En, model.KindStaffChange, notice))
	}
}

func TestStepAndHistory(t *testing.T) {
	if got := Step(i18n.Zh, model.KindChange, "leadership_approval"); got != "用户领导审批" {
		t.Errorf("Step = %q", got)
	}
	if got := Step(i18n.Zh, model.KindChange, "no_such_step"); got != "no_such_step" {
		t.Errorf("Step of an unknown step = %q", got)
	}
	h := ticket.HistoryEntry{Type: ticket.Decided, Kind: model.KindDataCorrection, Role: model.RoleDeptHead,
		Decision: "reject", From: "dept_approval", To: "closed"}
	if got := History(i18n.Zh, h); got != "使用部门主管：不批准（使用部门主管审批 → 已关闭）" {
		t.Errorf("zh: %q", got)
	}
	if got := History(i18n.En, h); got != "department head: reject (department head approval → closed)" {
		t.Errorf("en: %q", got)
	}
	if History(i18n.En, ticket.HistoryEntry{Type: ticket.Created}) != "" {
		t.Errorf("the creation is not a flow event")
	}
	conv := ticket.HistoryEntry{Type: ticket.Converted, Kind: model.KindEnhancement, Role: model.RoleEngineer,
		Decision: ticket.DecisionConvert, From: "estimate", To: "analysis"}
	if got := History(i18n.En, conv); got != "engineer: convert to a change request (estimate the effort → requirements analysis)" {
		t.Errorf("conversion: %q", got)
	}
	h.Rejected = "another decision came first"
	if got := History(i18n.En, h); !strings.HasSuffix(got, "⚠ not applied: another decision came first") {
		t.Errorf("rejected: %q", got)
	}
	if got := History(i18n.Zh, h); !strings.HasSuffix(got, "⚠ 未生效：another decision came first") {
		t.Errorf("rejected, zh: %q", got)
	}
}
