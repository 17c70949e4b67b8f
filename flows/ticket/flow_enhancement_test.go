package ticket

import (
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
)

var (
	enApprove = act{model.RoleDeptHead, "approve", "", nil}
	enDone    = func(minutes string) act {
		return act{model.RoleEngineer, "done", "", map[string]string{"effort_minutes": minutes}}
	}
)

func enEstimate(m string) act {
	return act{model.RoleEngineer, "estimate", "", map[string]string{"estimate_minutes": m}}
}

func TestEnhancementRows(t *testing.T) {
	cases := []struct {
		name   string
		before []act
		act    act
		want   string
	}{
		{"§1.3 estimated ≤ 1 person-day → department head", nil, enEstimate("1d"), "dept_approval"},
		{"§1.3 approved → implementation", []act{enEstimate("300")}, enApprove, "implementation"},
		{"§1.3 rejected → closed", []act{enEstimate("300")}, act{model.RoleDeptHead, "reject", "暂不需要", nil}, "closed"},
		{"§1.3 done, effort booked → feedback", []act{enEstimate("300"), enApprove}, enDone("4h"), "feedback"},
		{"satisfied → closed", []act{enEstimate("300"), enApprove, enDone("240")}, act{model.RoleRequester, "satisfied", "", nil}, "closed"},
		{"not satisfied → rework", []act{enEstimate("300"), enApprove, enDone("240")}, act{model.RoleRequester, "not_satisfied", "导出格式不对", nil}, "implementation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			id := w.walk(model.KindEnhancement, c.before...)
			s := w.mustDecide(id, c.act.role, c.act.decision, c.act.comment, c.act.inputs)
			if s.Step != c.want {
				t.Fatalf("step = %s, want %s", s.Step, c.want)
			}
			assertRefolds(t, w, id)
		})
	}
}

// seed §1.3: above 1 person-day it is refused as an enhancement, and the
// refusal says how to convert it.
func TestEnhancementAboveOnePersonDayIsRefused(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindEnhancement, "门诊日报增加科室汇总")
	for _, est := range []string{"481", "1.5d", "9h", "2人天"} {
		err := w.decide(id, model.RoleEngineer, "estimate", "", map[string]string{"estimate_minutes": est})
		flowtest.WantCode(t, err, model.EINVALID)
		if !strings.Contains(model.ErrorMessage(err), `"convert"`) {
			t.Errorf("refusal of %s does not say how to convert: %v", est, err)
		}
	}
	s := w.mustDecide(id, model.RoleEngineer, "estimate", "", map[string]string{"estimate_minutes": "480"})
	if s.EstimateMinutes != 480 || s.Step != "dept_approval" || s.RespondedAt == "" {
		t.Errorf("estimate %d at %s", s.EstimateMinutes, s.Step)
	}
}

// One action turns the enhancement into a change request: the kind changes
// in place, the ticket restarts at the change flow's first step, and the
// number and history stay.
func TestEnhancementConvertsToChangeInOneAction(t *testing.T) {
	for _, viaCommand := range []bool{true, false} {
		w := newWorld(t)
		id := w.create(model.KindEnhancement, "门诊日报增加科室汇总与同比")
		number := w.ticket(id).Number
		var cmd flows.Command = ConvertToChange{ID: id, Comment: "预计 3 人天，超过小功能上限"}
		if !viaCommand {
			cmd = Act{ID: id, Decision: DecisionConvert, Comment: "预计 3 人天", Inputs: map[string]string{"estimate_minutes": "3d"}}
		}
		evs := w.must(w.As(model.RoleEngineer), cmd)
		if len(evs) != 1 || evs[0].Type != Converted {
			t.Fatalf("conversion made %d events", len(evs))
		}
		s := w.ticket(id)
		if s.Kind != model.KindChange || s.ConvertedFrom != model.KindEnhancement || s.Step != "analysis" || s.Number != number || len(s.History) != 2 {
			t.Fatalf("converted: kind %s from %s at %s, number %s, %d history lines", s.Kind, s.ConvertedFrom, s.Step, s.Number, len(s.History))
		}
		if !viaCommand && s.EstimateMinutes != 3*MinutesPerPersonDay {
			t.Errorf("estimate %d", s.EstimateMinutes)
		}
		// It now runs the change flow.
		s = w.mustDecide(id, chAnalyse.role, chAnalyse.decision, "", chAnalyse.inputs)
		if s.Step != "dept_approval" {
			t.Errorf("after analysis at %s", s.Step)
		}
		assertRefolds(t, w, id)
	}
}

func TestConversionIsRefusedElsewhere(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindEnhancement, "小功能")
	_, err := w.act(w.As(model.RoleEngineer), ConvertToChange{ID: id})
	flowtest.WantCode(t, err, model.EINVALID) // a comment says why
	_, err = w.act(w.As(model.RoleDeptHead), ConvertToChange{ID: id, Comment: "太大"})
	flowtest.WantCode(t, err, model.EUNAUTHORIZED)
	w.mustDecide(id, model.RoleEngineer, "estimate", "", map[string]string{"estimate_minutes": "60"})
	_, err = w.act(w.As(model.RoleEngineer), ConvertToChange{ID: id, Comment: "太大"})
	flowtest.WantCode(t, err, model.EINVALID) // past the estimate step
	bug := w.create(model.KindBugFix, "缺陷")
	_, err = w.act(w.As(model.RoleEngineer), ConvertToChange{ID: bug, Comment: "太大"})
	flowtest.WantCode(t, err, model.EINVALID)
}

// The booking's event carries the contract, the service year and the
// minutes; the state sums them.
func TestEffortIsBookedAgainstTheServiceYear(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindEnhancement, enEstimate("300"), enApprove)
	evs := w.must(w.As(model.RoleEngineer), Act{ID: id, Decision: "done", Inputs: map[string]string{"effort_minutes": "4h"}})
	var p DecidedPayload
	if err := evs[0].Decode(&p); err != nil {
		t.Fatal(err)
	}
	if p.Booking == nil || p.Booking.Minutes != 240 || p.Booking.ServiceYear != "2026-01-01..2026-12-31" || p.Booking.ContractID != w.ContractID ||
		p.Booking.Override || p.Booking.LimitMinutes != 30*480 || p.Booking.UsedBefore != 0 {
		t.Fatalf("booking = %+v", p.Booking)
	}
	s := w.ticket(id)
	if s.EffortMinutes != 240 || len(s.Bookings) != 1 || s.Bookings[0].Event != evs[0].ID || s.Bookings[0].By != w.Eng {
		t.Errorf("bookings = %+v", s.Bookings)
	}
	// Rework books more.
	w.mustDecide(id, model.RoleRequester, "not_satisfied", "缺少导出按钮", nil)
	s = w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "240"})
	if s.EffortMinutes != 480 {
		t.Errorf("effort %d", s.EffortMinutes)
	}
	assertRefolds(t, w, id)
}

// seed §1.3: an enhancement booked at its 1 person-day and found wanting
// can still be finished: the rework is booked within the yearly quota. A
// single booking above 1 person-day stays refused, and so does rework
// beyond what the year has left.
func TestReworkAtTheLimitCanBeFinished(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindEnhancement, enEstimate("1d"), enApprove)
	err := w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "481"})
	flowtest.WantCode(t, err, model.EINVALID)
	if msg := model.ErrorMessage(err); !strings.Contains(msg, "1 person-day per enhancement") {
		t.Errorf("refusal: %s", msg)
	}
	w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "1d"})
	for round := range 2 {
		w.mustDecide(id, model.RoleRequester, "not_satisfied", "导出格式不对", nil)
		s := w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "2h"})
		if s.Step != "feedback" || s.EffortMinutes != 480+120*(round+1) || len(s.Bookings) != round+2 || s.Bookings[round+1].Override {
			t.Fatalf("round %d: step %s, effort %d, bookings %+v", round, s.Step, s.EffortMinutes, s.Bookings)
		}
	}
	// The year's quota still bounds rework.
	c := w.Contracts[w.ContractID]
	c.QuotaDays = 2
	w.Contracts[w.ContractID] = c
	w.mustDecide(id, model.RoleRequester, "not_satisfied", "还是不对", nil)
	err = w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "1d"})
	flowtest.WantCode(t, err, model.EINVALID)
	if msg := model.ErrorMessage(err); !strings.Contains(msg, "yearly enhancement quota") {
		t.Errorf("refusal: %s", msg)
	}
	w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "240"})
	assertRefolds(t, w, id)
}

// seed §1.3: the 30 person-day quota spans tickets; an over-run is refused
// unless an admin books it with a reason, which the event keeps.
func TestQuotaOverrunRefusedAdminOverrideAccepted(t *testing.T) {
	w := newWorld(t)
	c := w.Contracts[w.ContractID]
	c.QuotaDays = 2
	w.Contracts[w.ContractID] = c
	for range 2 {
		id := w.walk(model.KindEnhancement, enEstimate("1d"), enApprove)
		w.mustDecide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "1d"})
	}
	id := w.walk(model.KindEnhancement, enEstimate("60"), enApprove)
	err := w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "30"})
	flowtest.WantCode(t, err, model.EINVALID)
	if msg := model.ErrorMessage(err); !strings.Contains(msg, "quota") || !strings.Contains(msg, "admin") {
		t.Errorf("refusal: %s", msg)
	}
	err = w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "30", "override_reason": "院长特批"})
	flowtest.WantCode(t, err, model.EUNAUTHORIZED)
	err = w.decide(id, model.RoleAdmin, "done", "", map[string]string{"effort_minutes": "30"})
	flowtest.WantCode(t, err, model.EINVALID)
	evs := w.must(w.As(model.RoleAdmin), Act{ID: id, Decision: "done", Inputs: map[string]string{"effort_minutes": "30", "override_reason": "院长特批：医保接口紧急调整"}})
	var p DecidedPayload
	if err := evs[0].Decode(&p); err != nil {
		t.Fatal(err)
	}
	if p.Booking == nil || !p.Booking.Override || p.Booking.Reason != "院长特批：医保接口紧急调整" || p.Booking.UsedBefore != 960 || p.Role != model.RoleAdmin {
		t.Fatalf("override booking = %+v", p.Booking)
	}
	used, _ := w.QuotaUsed(w.ContractID, "2026-01-01..2026-12-31")
	if used != 990 {
		t.Errorf("used %d", used)
	}
}

// An override reason without an over-run is refused: nothing to override.
func TestOverrideReasonWithoutOverrunIsRefused(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindEnhancement, enEstimate("60"), enApprove)
	err := w.decide(id, model.RoleAdmin, "done", "", map[string]string{"effort_minutes": "60", "override_reason": "以防万一"})
	flowtest.WantCode(t, err, model.EINVALID)
}

// Booking outside the contract's service year is refused.
func TestBookingOutsideTheServiceYearIsRefused(t *testing.T) {
	w := newWorld(t)
	id := w.walk(model.KindEnhancement, enEstimate("60"), enApprove)
	c := w.Contracts[w.ContractID]
	c.StartDate, c.EndDate = "2025-01-01", "2025-12-31"
	w.Contracts[w.ContractID] = c
	err := w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "60"})
	flowtest.WantCode(t, err, model.EINVALID)
	if !strings.Contains(model.ErrorMessage(err), "renew") {
		t.Errorf("refusal: %v", err)
	}
}
