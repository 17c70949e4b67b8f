package detail

import (
	"strings"
	"testing"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// A staff change notice is the vendor's own (seed §2.4): the detail shows
// no clock and says why, in both languages, wrapped to the screen.
func TestANoticeSaysWhyItHasNoClock(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindStaffChange, "customer_approval")
	for L, want := range map[i18n.Lang]string{
		i18n.En: "No SLA clock applies: a staff change notice is the vendor's own notice, not a customer request (seed §2.4, §2.6).",
		i18n.Zh: "不适用服务时限：人员变更通知是我方自己发出的通知，不是客户的请求（服务方案 §2.4、§2.6）。",
	} {
		m := open(t, s, id, model.User{}, L, 120, 60)
		view := m.View()
		screentest.Frame(t, view, 120, 60)
		if !strings.Contains(view, want) {
			t.Errorf("%s: the detail does not say %q:\n%s", L, want, view)
		}
		if strings.Contains(view, "✗") {
			t.Errorf("%s: the detail shows a breached clock:\n%s", L, view)
		}
	}
}
