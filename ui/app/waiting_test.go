package app

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/approval"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// The queue's "waiting for me" and the Approvals tab's "for you" are the
// same tickets, for every user of the fixture: each asks ticket.WaitsFor.
func TestWaitingForMeIsForYou(t *testing.T) {
	s := screentest.Store(t)
	users, err := s.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	someone := false
	for _, u := range users {
		d := screentest.Deps(t, s, i18n.En)
		d.User = u
		h := startWith(t, Options{Deps: d, DBPath: "/data/yunwei.db", Headless: true}, 120, 40)
		h.keys("2 1 w")
		queue := h.m().queue().Rows()
		a, _ := common.Unwrap[approval.Model](h.m().live[common.ScreenApprovals])
		var forYou []model.ID
		for _, r := range a.Rows() {
			if !r.ForCustomer {
				forYou = append(forYou, r.ID)
			}
		}
		slices.SortFunc(queue, func(a, b model.ID) int { return bytes.Compare(a[:], b[:]) })
		slices.SortFunc(forYou, func(a, b model.ID) int { return bytes.Compare(a[:], b[:]) })
		if !slices.Equal(queue, forYou) {
			t.Errorf("%s: waiting for me %d tickets, for you in Approvals %d", u.Login, len(queue), len(forYou))
		}
		someone = someone || len(queue) > 0
	}
	if !someone {
		t.Fatal("the fixture has nothing waiting for anyone")
	}
}
