package ticket

import (
	"slices"
	"strings"
	"testing"
	"time"

	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// approveStaffChange announces and has the customer approve that out
// leaves and in joins the fixture's contract on date.
func (w *world) approveStaffChange(out, in model.ID, date string) model.ID {
	w.T.Helper()
	id := w.createNotice(model.KindStaffChange, "驻场工程师变更")
	w.mustDecide(id, model.RoleTechLead, "announce", "", map[string]string{"outgoing_id": out.String(), "incoming_id": in.String(), "change_date": date})
	w.mustDecide(id, model.RoleDeptHead, "approve", "同意", nil)
	return id
}

func (w *world) engineersOn(date string) []model.ID {
	w.T.Helper()
	got, err := ContractEngineersOn(w.Env(w.As(model.RoleAdmin)), w.Contracts[w.ContractID], date)
	if err != nil {
		w.T.Fatal(err)
	}
	return got
}

// seed §2.4: an approved staff change updates the contract's engineers
// from its date, not before; the contract's own record is not rewritten.
func TestApprovedStaffChangeUpdatesTheEngineersFromItsDate(t *testing.T) {
	w := newWorld(t)
	id := w.approveStaffChange(w.Eng, w.Dev, "2026-11-20")
	c, ok := ApprovedStaffChange(w.ticket(id))
	if !ok || c.Outgoing != w.Eng || c.Incoming != w.Dev || c.Date != "2026-11-20" || c.ContractID != w.ContractID {
		t.Fatalf("approved change: %+v %v", c, ok)
	}
	if got := w.engineersOn("2026-11-19"); !slices.Equal(got, []model.ID{w.Eng}) {
		t.Errorf("the day before: %v", got)
	}
	for _, day := range []string{"2026-11-20", "2026-12-31"} {
		if got := w.engineersOn(day); !slices.Equal(got, []model.ID{w.Dev}) {
			t.Errorf("on %s: %v", day, got)
		}
	}
	if got := w.Contracts[w.ContractID].Engineers; !slices.Equal(got, []model.ID{w.Eng}) {
		t.Errorf("the contract's record was changed: %v", got)
	}

	// A later notice counts who serves on its own date: 王工 has left by
	// 25 November, 赵开发 serves; before 20 November 王工 still does.
	next := w.createNotice(model.KindStaffChange, "再次变更")
	err := w.decide(next, model.RoleTechLead, "announce", "", map[string]string{"outgoing_id": w.Eng.String(), "incoming_id": w.TechLead.String(), "change_date": "2026-11-25"})
	flowtest.WantCode(t, err, model.EINVALID)
	err = w.decide(next, model.RoleTechLead, "announce", "", map[string]string{"outgoing_id": w.TechLead.String(), "incoming_id": w.Dev.String(), "change_date": "2026-11-25"})
	flowtest.WantCode(t, err, model.EINVALID) // 赵开发 serves already
	w.mustDecide(next, model.RoleTechLead, "announce", "", map[string]string{"outgoing_id": w.Dev.String(), "incoming_id": w.TechLead.String(), "change_date": "2026-11-25"})
	early := w.createNotice(model.KindStaffChange, "提前变更")
	w.mustDecide(early, model.RoleTechLead, "announce", "", map[string]string{"outgoing_id": w.Eng.String(), "incoming_id": w.TechLead.String(), "change_date": "2026-11-12"})
}

// Notices not approved change nothing: one waiting for the customer, one
// rejected and withdrawn.
func TestUnapprovedStaffChangesChangeNothing(t *testing.T) {
	w := newWorld(t)
	waiting := w.createNotice(model.KindStaffChange, "待审批")
	w.mustDecide(waiting, model.RoleTechLead, "announce", "", w.staffInputs("2026-11-20"))
	withdrawn := w.createNotice(model.KindStaffChange, "被拒绝后撤回")
	w.mustDecide(withdrawn, model.RoleTechLead, "announce", "", w.staffInputs("2026-11-20"))
	w.mustDecide(withdrawn, model.RoleDeptHead, "reject", "不同意更换", nil)
	w.mustDecide(withdrawn, model.RoleTechLead, "withdraw", "人员不变", nil)
	for _, id := range []model.ID{waiting, withdrawn} {
		if c, ok := ApprovedStaffChange(w.ticket(id)); ok {
			t.Errorf("%s counts as approved: %+v", w.ticket(id).Step, c)
		}
	}
	if got := w.engineersOn("2026-12-01"); !slices.Equal(got, []model.ID{w.Eng}) {
		t.Errorf("engineers: %v", got)
	}
}

// The fold keeps the order of the contract's engineers, applies changes
// by date whatever the order given, and skips a change whose engineer has
// left already.
func TestEngineersOnFold(t *testing.T) {
	a, b, c, d := model.ID{1}, model.ID{2}, model.ID{3}, model.ID{4}
	changes := []model.StaffChange{
		{Number: "N-3", Outgoing: a, Incoming: d, Date: "2026-12-01"}, // a left on 11-10
		{Number: "N-2", Outgoing: c, Incoming: a, Date: "2026-11-20"},
		{Number: "N-1", Outgoing: a, Incoming: c, Date: "2026-11-10"},
	}
	base := []model.ID{a, b}
	for _, tc := range []struct {
		date string
		want []model.ID
	}{
		{"2026-11-09", []model.ID{a, b}},
		{"2026-11-10", []model.ID{c, b}},
		{"2026-11-20", []model.ID{a, b}},
		{"2026-12-01", []model.ID{d, b}},
	} {
		if got := EngineersOn(base, changes, tc.date); !slices.Equal(got, tc.want) {
			t.Errorf("on %s: %v, want %v", tc.date, got, tc.want)
		}
	}
	if !slices.Equal(base, []model.ID{a, b}) || changes[0].Number != "N-3" {
		t.Error("EngineersOn modified its arguments")
	}
}

// seed §2.4: the owner confirms a person's overtime: the confirmation
// names who worked it, one of the contract's engineers that day.
func TestOvertimeNamesWhoWorkedIt(t *testing.T) {
	w := newWorld(t)
	id := w.createNotice(model.KindOvertime, "周末加班")
	in := map[string]string{"date": "2026-11-01", "minutes": "3h", "work": "系统升级割接"}
	err := w.decide(id, model.RoleEngineer, "record", "", in)
	flowtest.WantCode(t, err, model.EINVALID)
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "加班人员") {
		t.Errorf("zh: %s", zh)
	}
	in["worked_by"] = w.Dev.String() // a vendor engineer, not this contract's
	err = w.decide(id, model.RoleEngineer, "record", "", in)
	flowtest.WantCode(t, err, model.EINVALID)
	if en := model.ErrorText(err, i18n.En); !strings.Contains(en, "赵开发 did not serve contract HT-2026-001 on 2026-11-01") {
		t.Errorf("en: %s", en)
	}
	in["worked_by"] = w.Eng.String()
	s := w.mustDecide(id, model.RoleEngineer, "record", "", in)
	if s.Facts["worked_by"] != w.Eng.String() {
		t.Fatalf("facts %v", s.Facts)
	}
	if shown := DecisionContent(s, "confirm", "", nil).FactValues(); shown["worked_by"] != w.Eng.String() {
		t.Errorf("the owner signs without being shown who worked: %v", shown)
	}

	// After a staff change, the one who joined works the overtime.
	w.approveStaffChange(w.Eng, w.Dev, "2026-11-20")
	w.Now = time.Date(2026, 11, 24, 2, 0, 0, 0, time.UTC)
	late := w.createNotice(model.KindOvertime, "夜间加班")
	in = map[string]string{"worked_by": w.Eng.String(), "date": "2026-11-23", "minutes": "2h", "work": "割接"}
	flowtest.WantCode(t, w.decide(late, model.RoleEngineer, "record", "", in), model.EINVALID)
	in["worked_by"] = w.Dev.String()
	w.mustDecide(late, model.RoleEngineer, "record", "", in)
}
