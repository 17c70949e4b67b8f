package words

import (
	"yunwei/flows/ticket"
	"yunwei/model/i18n"
)

// LateContact words the mark of a customer's decision taken by a contact
// added, or given the role they decided in, after the ticket was raised
// (ticket.LateCreated, ticket.LateRole), or "" when it has none.
func LateContact(L i18n.Lang, mark string) string {
	switch mark {
	case ticket.LateCreated:
		return L.T("⚠ contact added after the ticket was raised")
	case ticket.LateRole:
		return L.T("⚠ contact given this role after the ticket was raised")
	case "":
		return ""
	}
	return L.T("⚠ contact marked by a newer yunwei")
}

// Rejected words why an event was kept but not applied: the folds' reasons
// that are catalogue keys (a rule broken by the log) in L, others as
// recorded.
func Rejected(L i18n.Lang, reason string) string { return L.T(reason) }
