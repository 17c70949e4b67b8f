package ticket

import (
	"strings"
	"testing"

	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// addUser adds a vendor user to the world.
func (w *world) addUser(login, name string, roles ...model.Role) model.ID {
	id := w.NewID()
	w.Users[id] = model.User{ID: id, Login: login, Name: name, Roles: roles}
	return id
}

// addContact adds a contact of the fixture's customer.
func (w *world) addContact(name, dept string, roles ...model.Role) model.ID {
	id := w.NewID()
	w.Contacts[id] = model.Contact{ID: id, CustomerID: w.CustomerID, Name: name, Department: dept, Roles: roles}
	return id
}

// seed §3 step 4: the technical lead reviews the plan as a second pair of
// eyes. An engineer who is also a technical lead cannot approve a plan
// they wrote, in either language's words; another technical lead can, and
// the author may still send their own plan back.
func TestPlanAuthorDoesNotApproveTheirOwnPlan(t *testing.T) {
	w := newWorld(t)
	lina := w.addUser("lina", "李娜", model.RoleEngineer, model.RoleTechLead)
	id := w.walk(model.KindDataCorrection, dcApprove)
	w.must(w.UserActor(lina), Act{ID: id, Decision: "propose", Inputs: plan("false", "false")})
	_, err := w.act(w.UserActor(lina), Act{ID: id, Decision: "approve"})
	flowtest.WantCode(t, err, model.EUNAUTHORIZED)
	if en := model.ErrorText(err, i18n.En); !strings.Contains(en, "李娜 wrote this plan") || !strings.Contains(en, "another technical lead") {
		t.Errorf("en: %s", en)
	}
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "李娜 是此方案的编写人") || !strings.Contains(zh, "技术负责人") {
		t.Errorf("zh: %s", zh)
	}
	if s := w.ticket(id); s.Step != "review" {
		t.Fatalf("refused, yet at %s", s.Step)
	}
	if author, ok := StepAuthor(w.ticket(id)); !ok || author != lina {
		t.Errorf("StepAuthor = %v %v, want 李娜", author, ok)
	}
	// Screens offer her only the return; another lead both.
	if got := decisionNames(Offered(w.ticket(id), w.UserActor(lina), nil)); len(got) != 1 || got[0] != "return" {
		t.Errorf("offered to the author: %v", got)
	}
	if got := decisionNames(Offered(w.ticket(id), w.As(model.RoleTechLead), nil)); len(got) != 2 {
		t.Errorf("offered to another lead: %v", got)
	}
	// Another technical lead approves.
	if s := w.mustDecide(id, model.RoleTechLead, "approve", "", nil); s.Step != "execution" {
		t.Fatalf("approved by another lead: at %s", s.Step)
	}

	// The author may return their own plan; once someone else has written
	// the new one, she reviews it.
	id = w.walk(model.KindDataCorrection, dcApprove)
	w.must(w.UserActor(lina), Act{ID: id, Decision: "propose", Inputs: plan("false", "false")})
	w.must(w.UserActor(lina), Act{ID: id, Decision: "return", Comment: "回退步骤写错了"})
	w.mustDecide(id, model.RoleEngineer, "propose", "", plan("false", "false"))
	if _, err := w.act(w.UserActor(lina), Act{ID: id, Decision: "approve"}); err != nil {
		t.Fatalf("李娜 reviewing 王工's plan: %v", err)
	}
	assertRefolds(t, w, id)
}

// seed §4 step 5: the same for a change's design: its developer, also a
// technical lead, does not confirm it.
func TestSolutionAuthorDoesNotConfirmTheirOwnSolution(t *testing.T) {
	w := newWorld(t)
	both := w.addUser("qian", "钱工", model.RoleDeveloper, model.RoleTechLead)
	id := w.driveTo(model.KindChange, "solution")
	w.must(w.UserActor(both), Act{ID: id, Decision: "propose", Inputs: map[string]string{"solution": "新增接口"}})
	_, err := w.act(w.UserActor(both), Act{ID: id, Decision: "approve"})
	flowtest.WantCode(t, err, model.EUNAUTHORIZED)
	if s := w.mustDecide(id, model.RoleTechLead, "approve", "", nil); s.Step != "leadership_approval" {
		t.Fatalf("confirmed by another lead: at %s", s.Step)
	}
}

// seed §3 step 2, §4 step 3, §1.3: the department head who approves is the
// head of the requester's own department, not any head of the customer.
func TestDepartmentHeadOfTheRequestersOwnDepartment(t *testing.T) {
	for _, c := range []struct {
		kind model.Kind
		step string
	}{
		{model.KindDataCorrection, "dept_approval"},
		{model.KindChange, "dept_approval"},
		{model.KindEnhancement, "dept_approval"},
	} {
		t.Run(string(c.kind), func(t *testing.T) {
			w := newWorld(t)
			pharmacy := w.addContact("钱主任", "药剂科", model.RoleDeptHead)
			nowhere := w.addContact("无部门主管", "", model.RoleDeptHead)
			id := w.driveTo(c.kind, c.step)
			_, err := w.act(w.WithContact(pharmacy), Act{ID: id, Decision: "approve"})
			flowtest.WantCode(t, err, model.EUNAUTHORIZED)
			en, zh := model.ErrorText(err, i18n.En), model.ErrorText(err, i18n.Zh)
			if !strings.Contains(en, "钱主任 heads 药剂科") || !strings.Contains(en, "检验科") || !strings.Contains(en, "李护士") {
				t.Errorf("en: %s", en)
			}
			if !strings.Contains(zh, "钱主任 是药剂科的主管") || !strings.Contains(zh, "检验科") {
				t.Errorf("zh: %s", zh)
			}
			// Nor may the other head reject: the decision is not theirs.
			_, err = w.act(w.WithContact(pharmacy), Act{ID: id, Decision: "reject", Comment: "不同意"})
			flowtest.WantCode(t, err, model.EUNAUTHORIZED)
			_, err = w.act(w.WithContact(nowhere), Act{ID: id, Decision: "approve"})
			flowtest.WantCode(t, err, model.EUNAUTHORIZED)
			if !strings.Contains(model.ErrorText(err, i18n.Zh), "部门未登记") {
				t.Errorf("zh: %s", model.ErrorText(err, i18n.Zh))
			}
			if s := w.ticket(id); s.Step != c.step {
				t.Fatalf("refused, yet at %s", s.Step)
			}
			// The screens offer the decision to the requester's head only.
			requester := w.Contacts[w.Requester]
			if InRequesterDepartment(w.ticket(id), w.Contacts[pharmacy], &requester) {
				t.Error("the pharmacy's head is offered the decision")
			}
			if !InRequesterDepartment(w.ticket(id), w.Contacts[w.Head], &requester) {
				t.Error("the requester's head is not offered the decision")
			}
			if got := Offered(w.ticket(id), w.WithContact(pharmacy), &requester); len(got) != 0 {
				t.Errorf("offered to the pharmacy's head: %v", decisionNames(got))
			}
			if got := Offered(w.ticket(id), w.WithContact(w.Head), &requester); len(got) == 0 {
				t.Error("nothing offered to the requester's head")
			}
			// The department is compared as recorded, spaces and case aside.
			lab := w.addContact("检验科副主任", " 检验科 ", model.RoleDeptHead)
			if _, err := w.act(w.WithContact(lab), Act{ID: id, Decision: "approve"}); err != nil {
				t.Fatalf("the head of the requester's department: %v", err)
			}
			assertRefolds(t, w, id)
		})
	}
}

// A requester whose department is not recorded names none to compare:
// any department head of the customer decides, as before departments
// were kept; steps not about the requester's department (the owner's
// approval of an incident's fix) take any head.
func TestDepartmentRuleNeedsTheRequestersDepartment(t *testing.T) {
	w := newWorld(t)
	pharmacy := w.addContact("钱主任", "药剂科", model.RoleDeptHead)
	r := w.Contacts[w.Requester]
	r.Department = ""
	w.Contacts[w.Requester] = r
	id := w.create(model.KindDataCorrection, "更正数据")
	if _, err := w.act(w.WithContact(pharmacy), Act{ID: id, Decision: "approve"}); err != nil {
		t.Fatalf("no department to compare: %v", err)
	}
	r.Department = "检验科"
	w.Contacts[w.Requester] = r
	id = w.incident(model.SeverityCritical, false)
	w.mustDecide(id, model.RoleEngineer, "respond", "", nil)
	w.mustDecide(id, inDiagnose.role, inDiagnose.decision, "", inDiagnose.inputs)
	if _, err := w.act(w.WithContact(pharmacy), Act{ID: id, Decision: "approve"}); err != nil {
		t.Fatalf("the owner's approval of a fix by another department's head: %v", err)
	}
}
