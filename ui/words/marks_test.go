package words

import (
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// A decision the log does not authorise reads as a broken rule in both
// languages, on every screen that words history (DESIGN §4); a late
// contact's mark reads in both.
func TestRuleBrokenAndLateContactMarks(t *testing.T) {
	h := ticket.HistoryEntry{Type: ticket.Decided, Kind: model.KindDataCorrection, Role: model.RoleTechLead, Decision: "approve",
		From: "review", To: "backup", Rejected: ticket.BrokenUserRole, RuleBroken: true}
	if got := History(i18n.Zh, h); !strings.Contains(got, "⚠ 未生效：违反规则：据事件日志，作出决定的用户当时并不担任其决定所用的角色") {
		t.Errorf("zh: %q", got)
	}
	if got := History(i18n.En, h); !strings.Contains(got, "⚠ not applied: rule broken: by the log") {
		t.Errorf("en: %q", got)
	}
	for _, reason := range []string{ticket.BrokenUnknownUser, ticket.BrokenUserRole, ticket.BrokenOverride, ticket.BrokenUnknownContact, ticket.BrokenContactRole} {
		if !i18n.Has(reason) {
			t.Errorf("%q has no Chinese", reason)
		}
	}
	if LateContact(i18n.Zh, ticket.LateRole) != "⚠ 联系人在工单登记后才获得该角色" || LateContact(i18n.En, "") != "" ||
		LateContact(i18n.En, "something_new") == "" {
		t.Error("late contact marks")
	}
}
