package ticket

import (
	"strings"
	"testing"
	"time"

	"yunwei/flows/flowtest"
	"yunwei/model"
)

func (w *world) createNotice(k model.Kind, title string) model.ID {
	w.T.Helper()
	id := w.NewID()
	w.must(w.As(model.RoleEngineer), Create{ID: id, Number: "N-2026-0001", Kind: k, Channel: model.ChannelOnSite,
		Severity: model.SeverityLow, Title: title, ContractID: w.ContractID})
	return id
}

func (w *world) staffInputs(changeDate string) map[string]string {
	return map[string]string{"outgoing_id": w.Eng.String(), "incoming_id": w.Dev.String(), "change_date": changeDate}
}

// seed §2.4: a staff change is announced at least 7 days ahead. Today is
// 2026-11-02 in Beijing.
func TestStaffChangeSevenDayRule(t *testing.T) {
	cases := []struct {
		date string
		ok   bool
	}{
		{"2026-11-08", false}, // 6 days
		{"2026-11-02", false}, // today
		{"2026-10-30", false}, // past
		{"2026-11-09", true},  // exactly 7 days
		{"2026-12-01", true},
	}
	for _, c := range cases {
		w := newWorld(t)
		id := w.createNotice(model.KindStaffChange, "驻场工程师变更：王工 → 赵开发")
		err := w.decide(id, model.RoleTechLead, "announce", "王工调往新项目", w.staffInputs(c.date))
		if c.ok != (err == nil) {
			t.Errorf("change on %s: %v", c.date, err)
		}
		if err != nil {
			flowtest.WantCode(t, err, model.EINVALID)
			if !strings.Contains(model.ErrorMessage(err), "2026-11-09") {
				t.Errorf("refusal does not name the earliest date: %v", err)
			}
		} else if s := w.ticket(id); s.Step != "customer_approval" || s.Facts["change_date"] != c.date {
			t.Errorf("announced: at %s, facts %v", s.Step, s.Facts)
		}
	}
}

// The 7 days count in the contract's time zone: late on 2026-11-01 UTC is
// already 2026-11-02 in Beijing.
func TestStaffChangeCountsDaysInTheContractsZone(t *testing.T) {
	w := newWorld(t)
	w.Now = time.Date(2026, 11, 1, 17, 0, 0, 0, time.UTC) // 01:00 on 2 November in Beijing
	id := w.createNotice(model.KindStaffChange, "人员变更")
	flowtest.WantCode(t, w.decide(id, model.RoleAdmin, "announce", "", w.staffInputs("2026-11-08")), model.EINVALID)
	if err := w.decide(id, model.RoleAdmin, "announce", "", w.staffInputs("2026-11-09")); err != nil {
		t.Fatal(err)
	}
}

func TestStaffChangeRows(t *testing.T) {
	w := newWorld(t)
	id := w.createNotice(model.KindStaffChange, "驻场工程师变更")
	s := w.ticket(id)
	if s.Step != "draft" || s.SiteID != model.NilID {
		t.Fatalf("new staff change at %s", s.Step)
	}
	// Only staff assigned to the contract can leave; only new engineers join.
	bad := w.staffInputs("2026-11-20")
	bad["outgoing_id"] = w.Dev.String()
	flowtest.WantCode(t, w.decide(id, model.RoleTechLead, "announce", "", bad), model.EINVALID)
	bad = w.staffInputs("2026-11-20")
	bad["incoming_id"] = w.Eng.String()
	flowtest.WantCode(t, w.decide(id, model.RoleTechLead, "announce", "", bad), model.EINVALID)
	bad["incoming_id"] = w.ReqLead.String()
	flowtest.WantCode(t, w.decide(id, model.RoleTechLead, "announce", "", bad), model.EINVALID)
	bad["incoming_id"] = "not-an-id"
	flowtest.WantCode(t, w.decide(id, model.RoleTechLead, "announce", "", bad), model.EINVALID)
	// An engineer cannot announce; the customer must approve (seed §2.4).
	flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "announce", "", w.staffInputs("2026-11-20")), model.EUNAUTHORIZED)
	s = w.mustDecide(id, model.RoleTechLead, "announce", "", w.staffInputs("2026-11-20"))
	if got := WaitingFor(s); len(got) != 2 || len(s.Waits) != 1 || s.Waits[0].To != "" {
		t.Errorf("waiting for %v, waits %v", got, s.Waits)
	}
	flowtest.WantCode(t, w.decide(id, model.RoleTechLead, "approve", "", nil), model.EUNAUTHORIZED)
	s = w.mustDecide(id, model.RoleDeptHead, "reject", "请换一位熟悉医保接口的工程师", nil)
	if s.Step != "draft" {
		t.Fatalf("rejected notice at %s", s.Step)
	}
	s = w.mustDecide(id, model.RoleTechLead, "announce", "", w.staffInputs("2026-11-25"))
	s = w.mustDecide(id, model.RoleLeadership, "approve", "同意", nil)
	if s.Step != "closed" || s.Status != model.StatusClosed {
		t.Errorf("approved notice at %s (%s)", s.Step, s.Status)
	}
	assertRefolds(t, w, id)
	// A notice may be withdrawn before it is approved.
	id = w.createNotice(model.KindStaffChange, "撤回的变更")
	if s := w.mustDecide(id, model.RoleAdmin, "withdraw", "人员不变", nil); s.Status != model.StatusClosed {
		t.Errorf("withdrawn notice is %s", s.Status)
	}
}

// seed §2.4: overtime needs the owner's signed confirmation.
func TestOvertimeSignOff(t *testing.T) {
	w := newWorld(t)
	id := w.createNotice(model.KindOvertime, "11月1日 周日 现场加班")
	in := map[string]string{"worked_by": w.Eng.String(), "date": "2026-11-01", "minutes": "3h", "work": "医保结算系统升级割接"}
	flowtest.WantCode(t, w.decide(id, model.RoleDeptHead, "record", "", in), model.EUNAUTHORIZED)
	future := map[string]string{"worked_by": w.Eng.String(), "date": "2026-11-03", "minutes": "3h", "work": "割接"}
	flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "record", "", future), model.EINVALID)
	tooLong := map[string]string{"worked_by": w.Eng.String(), "date": "2026-11-01", "minutes": "25h", "work": "割接"}
	flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "record", "", tooLong), model.EINVALID)
	s := w.mustDecide(id, model.RoleEngineer, "record", "", in)
	if s.Step != "customer_signoff" || s.Facts["minutes"] != "180" {
		t.Fatalf("recorded overtime at %s, facts %v", s.Step, s.Facts)
	}
	// The engineer cannot sign for the owner, nor can a requester.
	flowtest.WantCode(t, w.decide(id, model.RoleEngineer, "confirm", "", nil), model.EUNAUTHORIZED)
	flowtest.WantCode(t, w.decide(id, model.RoleRequester, "confirm", "", nil), model.EUNAUTHORIZED)
	s = w.mustDecide(id, model.RoleDeptHead, "dispute", "实际加班 2 小时", nil)
	if s.Step != "draft" {
		t.Fatalf("disputed overtime at %s", s.Step)
	}
	in["minutes"] = "2h"
	w.mustDecide(id, model.RoleEngineer, "record", "", in)
	s = w.mustDecide(id, model.RoleDeptHead, "confirm", "", nil)
	if s.Status != model.StatusClosed || s.Facts["minutes"] != "120" {
		t.Errorf("signed overtime: %s, facts %v", s.Status, s.Facts)
	}
	assertRefolds(t, w, id)
}
