package ticket

import (
	"testing"

	"yunwei/model"
)

// The ledger lists each booking per service year with the total used and
// what remains; overrides are counted and may leave a negative remainder.
func TestQuotaLedgerFromEvents(t *testing.T) {
	w := newWorld(t)
	c := w.Contracts[w.ContractID]
	c.QuotaDays = 1
	w.Contracts[w.ContractID] = c
	a := w.walk(model.KindEnhancement, enEstimate("300"), enApprove, enDone("300"))
	b := w.walk(model.KindEnhancement, enEstimate("240"), enApprove)
	w.mustDecide(b, model.RoleAdmin, "done", "", map[string]string{"effort_minutes": "240", "override_reason": "信息科主任书面同意"})
	// A ticket of the same contract without bookings, and another
	// contract's booking, do not count.
	w.walk(model.KindIncident)
	var events []model.Event
	for _, id := range []model.ID{a, b} {
		events = append(events, w.Events[id]...)
	}
	other := c
	other.ID = w.NewID()
	ledger, err := QuotaLedgerFromEvents(c, events)
	if err != nil {
		t.Fatal(err)
	}
	if len(ledger.Years) != 1 {
		t.Fatalf("years %+v", ledger.Years)
	}
	y := ledger.Year("2026-01-01..2026-12-31")
	if y.LimitMinutes != 480 || y.UsedMinutes != 540 || y.RemainingMinutes != -60 || y.Overrides != 1 || len(y.Bookings) != 2 {
		t.Fatalf("year %+v", y)
	}
	if y.Bookings[0].TicketID != a || y.Bookings[1].TicketID != b || !y.Bookings[1].Override || y.Bookings[1].Reason != "信息科主任书面同意" {
		t.Errorf("bookings %+v", y.Bookings)
	}
	if l, _ := QuotaLedgerFromEvents(other, events); l.Year(ServiceYear(other)).UsedMinutes != 0 {
		t.Errorf("another contract's ledger counts these bookings")
	}
}

// Past service years keep the limit their bookings recorded; the current
// year is always listed.
func TestQuotaLedgerYears(t *testing.T) {
	c := model.Contract{ID: model.NewID(), StartDate: "2026-01-01", EndDate: "2026-12-31", QuotaDays: 30}
	past := "2025-01-01..2025-12-31"
	bookings := []Booking{
		{ContractID: c.ID, ServiceYear: past, Minutes: 400, LimitMinutes: 20 * 480, At: "2025-03-01T00:00:00.000Z"},
		{ContractID: c.ID, ServiceYear: past, Minutes: 100, LimitMinutes: 20 * 480, At: "2025-02-01T00:00:00.000Z"},
	}
	l := NewQuotaLedger(c, bookings)
	if len(l.Years) != 2 || l.Years[0].ServiceYear != past || l.Years[1].ServiceYear != ServiceYear(c) {
		t.Fatalf("years %+v", l.Years)
	}
	if y := l.Years[0]; y.LimitMinutes != 9600 || y.UsedMinutes != 500 || y.RemainingMinutes != 9100 || y.Bookings[0].Minutes != 100 {
		t.Errorf("past year %+v", y)
	}
	if y := l.Years[1]; y.LimitMinutes != 14400 || y.UsedMinutes != 0 || y.RemainingMinutes != 14400 {
		t.Errorf("current year %+v", y)
	}
	if QuotaUsedBy(bookings, c.ID, past) != 500 || QuotaUsedBy(bookings, c.ID, ServiceYear(c)) != 0 {
		t.Errorf("QuotaUsedBy")
	}
}
