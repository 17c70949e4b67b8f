package decide

import (
	"context"
	"testing"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// seed §3 step 2: at the department head's approval only the head of the
// requester's own department is offered, not every head of the customer.
func TestDepartmentStepOffersTheRequestersHeadOnly(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	c, err := Load(context.Background(), s, id, i18n.En)
	if err != nil {
		t.Fatal(err)
	}
	var requester model.Contact
	heads := 0
	for _, ct := range c.Contacts {
		if ct.ID == c.Ticket.RequesterID {
			requester = ct
		}
		if ct.Roles.Has(model.RoleDeptHead) {
			heads++
		}
	}
	people := candidates(Actions(&c.Ticket.State, screentest.User(t, s, screentest.Engineer), c.Contacts))
	if heads < 2 || len(people) == 0 {
		t.Fatalf("%d heads, %d offered: the fixture shows nothing", heads, len(people))
	}
	for _, p := range people {
		if p.Department != requester.Department {
			t.Errorf("%s of %s is offered %s's (%s) approval", p.Name, p.Department, requester.Name, requester.Department)
		}
	}
}
