package detail

import (
	"context"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// A department head added on this laptop after the ticket was raised
// approves it: the history says so beside their decision, in both
// languages (DESIGN §5: no customer decision without the customer).
func TestHistoryMarksAContactAddedAfterTheTicket(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	engineer := screentest.Deps(t, s, i18n.En).User
	fake := model.Contact{ID: model.NewID(), CustomerID: d.CustomerID, Name: "假主管", Department: "门诊收费处", Roles: model.Roles{model.RoleDeptHead}}
	if _, err := s.Execute(ctx, db.Acting{UserID: engineer.ID}, directory.SaveContact{Contact: fake}); err != nil {
		t.Fatal(err)
	}
	as := db.Acting{UserID: engineer.ID, ContactID: fake.ID}
	act := ticket.Act{ID: id, Decision: "approve"}
	signer := flows.Signer{ContactID: fake.ID, Name: fake.Name, Role: model.RoleDeptHead}
	sig := ticket.DecisionContent(&d.State, "approve", "", nil).By(signer, engineer.ID).Sign(nil, fake.Name, model.FormatTime(screentest.Now))
	act.Signature = &sig
	if _, err := s.Execute(ctx, as, act); err != nil {
		t.Fatal(err)
	}
	for L, want := range map[i18n.Lang]string{i18n.En: "⚠ contact added after the ticket was raised", i18n.Zh: "⚠ 联系人在工单登记后才添加"} {
		m := open(t, s, id, model.User{}, L, 100, 30)
		m, _ = screentest.Drive(t, m, runes("G"))
		v := m.View()
		if !strings.Contains(v, want) || !strings.Contains(v, "假主管") {
			t.Errorf("%s history lacks %q:\n%s", L, want, v)
		}
	}
}
