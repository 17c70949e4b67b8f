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

// Rejected words why history entry h was kept but not applied, in L: the
// fold's reason as the catalogue knows it, or, for an entry folded
// without one, its recorded reason when that is a catalogue key.
func Rejected(L i18n.Lang, h ticket.HistoryEntry) string {
	if h.Why.Format != "" {
		return h.Why.Label(L.Code())
	}
	return L.T(h.Rejected)
}
