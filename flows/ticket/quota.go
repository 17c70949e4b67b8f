package ticket

import (
	"fmt"
	"strconv"
	"time"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// The enhancement quota (seed §1.3, DESIGN §3): each enhancement at most 1
// person-day, all of them at most 30 person-days (contract.QuotaDays) per
// service year. Actual effort is booked when an enhancement is done: each
// booking at most 1 person-day, the work as estimated, and rework after
// "not satisfied" booked again within the yearly quota. A booking beyond
// either limit is refused unless an admin books it with a reason, which the
// event keeps (override, reason).

// BookingPayload is the booking carried by the ticket.decided event of an
// enhancement's "done" decision.
type BookingPayload struct {
	ContractID  model.ID `json:"contract_id"`
	ServiceYear string   `json:"service_year"` // ServiceYear(contract) when booked
	Minutes     int      `json:"minutes"`
	Override    bool     `json:"override,omitempty"`
	Reason      string   `json:"reason,omitempty"`
	// LimitMinutes and UsedBefore are the quota and the use the author's
	// device knew when booking: the audit trail of an override.
	LimitMinutes int `json:"limit_minutes"`
	UsedBefore   int `json:"used_before"`
}

// Booking is one booking of actual effort as folded into its ticket.
type Booking struct {
	Event        model.EventID `json:"event"`
	TicketID     model.ID      `json:"ticket_id"`
	Number       string        `json:"number"`
	ContractID   model.ID      `json:"contract_id"`
	ServiceYear  string        `json:"service_year"`
	Minutes      int           `json:"minutes"`
	Override     bool          `json:"override,omitempty"`
	Reason       string        `json:"reason,omitempty"`
	LimitMinutes int           `json:"limit_minutes"`
	At           string        `json:"at"`
	By           model.ID      `json:"by"`
}

// ServiceYear names a contract's service year: "StartDate..EndDate".
func ServiceYear(c model.Contract) string { return c.StartDate + ".." + c.EndDate }

// QuotaLimit is a contract's yearly enhancement allowance in minutes.
func QuotaLimit(c model.Contract) int { return c.QuotaDays * MinutesPerPersonDay }

// bookEffort books an enhancement's actual effort against the quota.
func bookEffort(dc *decision) error {
	minutes, _ := strconv.Atoi(dc.inputs["effort_minutes"])
	reason := dc.inputs["override_reason"]
	contract, err := dc.env.Dir.Contract(dc.s.ContractID)
	if err := flows.MustExist(err, "contract"); err != nil {
		return err
	}
	today := civilDate(dc.env.Now.In(contractLocation(dc.env, contract))).Format(time.DateOnly)
	if today < contract.StartDate || today > contract.EndDate {
		return model.Errorf(model.EINVALID, "today (%s) is outside contract %s's service year %s..%s: an admin must renew the contract before effort can be booked",
			today, contract.Number, contract.StartDate, contract.EndDate)
	}
	year := ServiceYear(contract)
	used, err := dc.env.Dir.QuotaUsed(contract.ID, year)
	if err != nil {
		return fmt.Errorf("count the enhancement quota used: %w", err)
	}
	limit := QuotaLimit(contract)
	var beyond i18n.Phrase // the limit the booking passes, if any
	if used+minutes > limit {
		beyond = i18n.Phrase{Format: "contract %s's yearly enhancement quota of %d person-days (seed §1.3): %s used, %s left",
			Args: []any{contract.Number, contract.QuotaDays, Minutes(used), Minutes(max(limit-used, 0))}}
	} else if minutes > MinutesPerPersonDay {
		// seed §1.3 bounds the work of an enhancement, as estimated, at 1
		// person-day; rework after "not satisfied" is booked as it comes,
		// within the yearly quota, so an enhancement at its limit can still
		// be finished.
		beyond = i18n.Phrase{Format: "1 person-day per enhancement (seed §1.3): %s would book %s at once", Args: []any{dc.s.Number, Minutes(minutes)}}
	}
	admin := dc.env.Actor.Has(model.RoleAdmin)
	switch {
	case beyond.Format == "" && reason != "":
		return model.Errorf(model.EINVALID, "booking %s stays within the limits: there is nothing to override, remove override_reason", Minutes(minutes))
	case beyond.Format != "" && !admin && reason != "":
		return model.Errorf(model.EUNAUTHORIZED, "only an admin may book beyond %s", beyond)
	case beyond.Format != "" && !admin:
		return model.Errorf(model.EINVALID, "booking %s would go beyond %s: book less, or ask an admin to book it with an override reason", Minutes(minutes), beyond)
	case beyond.Format != "" && reason == "":
		return model.Errorf(model.EINVALID, "booking %s would go beyond %s: give override_reason to book it anyway", Minutes(minutes), beyond)
	}
	dc.booking = &BookingPayload{ContractID: contract.ID, ServiceYear: year, Minutes: minutes, Override: beyond.Format != "", Reason: reason,
		LimitMinutes: limit, UsedBefore: used}
	return nil
}
