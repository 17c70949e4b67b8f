package ticket

import (
	"sort"

	"yunwei/flows"
	"yunwei/model"
)

// QuotaLedger is a contract's enhancement quota per service year (seed
// §1.3): every booking, the total used and what remains. `yunwei quota`
// and the O&M summary report (seed §1.6) show it.
type QuotaLedger struct {
	ContractID model.ID    `json:"contract_id"`
	Years      []QuotaYear `json:"years"` // oldest first; the current year always present
}

// QuotaYear is one service year of a ledger.
type QuotaYear struct {
	ServiceYear  string `json:"service_year"`
	LimitMinutes int    `json:"limit_minutes"`
	UsedMinutes  int    `json:"used_minutes"`
	// RemainingMinutes is negative when admins booked beyond the quota.
	RemainingMinutes int       `json:"remaining_minutes"`
	Overrides        int       `json:"overrides"` // bookings an admin forced through
	Bookings         []Booking `json:"bookings"`
}

// NewQuotaLedger sums the contract's bookings per service year. The current
// year's limit is the contract's quota; a past year's is the limit its
// latest booking recorded.
func NewQuotaLedger(c model.Contract, bookings []Booking) QuotaLedger {
	byYear := map[string]*QuotaYear{}
	current := ServiceYear(c)
	byYear[current] = &QuotaYear{ServiceYear: current}
	for _, b := range bookings {
		if b.ContractID != c.ID {
			continue
		}
		y := byYear[b.ServiceYear]
		if y == nil {
			y = &QuotaYear{ServiceYear: b.ServiceYear}
			byYear[b.ServiceYear] = y
		}
		y.Bookings = append(y.Bookings, b)
	}
	l := QuotaLedger{ContractID: c.ID}
	for _, y := range byYear {
		sort.Slice(y.Bookings, func(i, j int) bool {
			a, b := y.Bookings[i], y.Bookings[j]
			if a.At != b.At {
				return a.At < b.At
			}
			return a.Event.String() < b.Event.String()
		})
		for _, b := range y.Bookings {
			y.UsedMinutes += b.Minutes
			y.LimitMinutes = b.LimitMinutes
			if b.Override {
				y.Overrides++
			}
		}
		if y.ServiceYear == current {
			y.LimitMinutes = QuotaLimit(c)
		}
		y.RemainingMinutes = y.LimitMinutes - y.UsedMinutes
		l.Years = append(l.Years, *y)
	}
	sort.Slice(l.Years, func(i, j int) bool { return l.Years[i].ServiceYear < l.Years[j].ServiceYear })
	return l
}

// QuotaLedgerFromEvents folds the given ticket events (of any tickets; other
// entities' events are ignored) and builds the contract's ledger from the
// bookings the folds hold. A booking whose event was marked as breaking its
// flow does not count.
func QuotaLedgerFromEvents(c model.Contract, events []model.Event) (QuotaLedger, error) {
	byTicket := map[model.ID][]model.Event{}
	var order []model.ID
	for _, e := range events {
		if e.Entity != model.EntityTicket {
			continue
		}
		if _, ok := byTicket[e.EntityID]; !ok {
			order = append(order, e.EntityID)
		}
		byTicket[e.EntityID] = append(byTicket[e.EntityID], e)
	}
	var bookings []Booking
	for _, id := range order {
		st, err := flows.Fold(byTicket[id], Evolve)
		if err != nil {
			return QuotaLedger{}, err
		}
		if t, ok := st.(*State); ok && t != nil {
			bookings = append(bookings, t.Bookings...)
		}
	}
	return NewQuotaLedger(c, bookings), nil
}

// Year returns the ledger's entry for a service year (zero if none).
func (l QuotaLedger) Year(serviceYear string) QuotaYear {
	for _, y := range l.Years {
		if y.ServiceYear == serviceYear {
			return y
		}
	}
	return QuotaYear{ServiceYear: serviceYear}
}

// QuotaUsedBy sums the minutes of the bookings of a contract in a service
// year: what flows.Directory.QuotaUsed returns over a store's bookings.
func QuotaUsedBy(bookings []Booking, contractID model.ID, serviceYear string) int {
	n := 0
	for _, b := range bookings {
		if b.ContractID == contractID && b.ServiceYear == serviceYear {
			n += b.Minutes
		}
	}
	return n
}
