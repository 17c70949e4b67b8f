package words

import (
	"time"

	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// noClock says why a kind timed by nothing has no clock (seed §2.4, §2.6).
var noClock = map[model.Kind]string{
	model.KindStaffChange: "No SLA clock applies: a staff change notice is the vendor's own notice, not a customer request (seed §2.4, §2.6).",
	model.KindOvertime:    "No SLA clock applies: an overtime confirmation is the vendor's own record for the owner to sign, not a customer request (seed §2.4, §2.6).",
}

// TimedBy says what a ticket of the kind is timed by, as the first line of
// each of its clocks' explanations: from the customer's request, or, for
// planned work, the response from the request and the work from the time
// it is scheduled for (scheduled; zero while it is not).
func TimedBy(L i18n.Lang, b sla.Basis, k model.Kind, scheduled time.Time) string {
	kind := k.Label(L.Code())
	switch b {
	case sla.BasisNone:
		return NoClocks(L, k)
	case sla.BasisSchedule:
		if scheduled.IsZero() {
			return L.Tf("This %[1]s ticket is planned work: the response counts from the request; arrival on site and resolution will count from the time it is scheduled for.", kind)
		}
		return L.Tf("This %[1]s ticket is planned work: the response counts from the request; arrival on site and resolution count from the time it is scheduled for, %[2]s.", kind, When(L, scheduled))
	}
	if k == "" {
		return L.T("This ticket is the customer's request: its clocks count from when it was raised (seed §2.6).")
	}
	return L.Tf("This %[1]s ticket is the customer's request: its clocks count from when it was raised (seed §2.6).", kind)
}

// NoClocks says why a ticket of kind k shows no SLA clock: for the
// vendor's own notices, that the seed times none; otherwise that none
// applies (its contract sets no targets, say).
func NoClocks(L i18n.Lang, k model.Kind) string {
	if ticket.Timing(k) == sla.BasisNone {
		if s, ok := noClock[k]; ok {
			return L.T(s)
		}
		return L.T("No SLA clock applies: this is the vendor's own notice, not a customer request (seed §2.6).")
	}
	return L.T("No SLA clock applies to this ticket.")
}
