package ticket

import (
	"sort"

	"yunwei/flows"
	"yunwei/model"
)

// Seed §2.4: staff are kept fixed, and a change, announced a week ahead,
// takes effect once the customer approves it. The approval is a staff
// change ticket's decision, and one command changes one entity, so the
// contract is not rewritten: its engineers on a date are derived from its
// recorded engineers and its approved changes (EngineersOn).

// ApprovedStaffChange is the change a staff change ticket makes, and true,
// once the customer has approved it (the ticket closed by "approve" at
// "customer_approval"); false for any other ticket, and for a notice
// withdrawn, rejected or still waiting.
func ApprovedStaffChange(s *State) (model.StaffChange, bool) {
	if s == nil || s.Kind != model.KindStaffChange || s.Status != model.StatusClosed {
		return model.StaffChange{}, false
	}
	for i := len(s.History) - 1; i >= 0; i-- {
		h := &s.History[i]
		if h.Decision == "" || h.Rejected != "" {
			continue
		}
		if h.From != "customer_approval" || h.Decision != "approve" {
			return model.StaffChange{}, false
		}
		out, _ := model.ParseID(s.Facts["outgoing_id"])
		in, _ := model.ParseID(s.Facts["incoming_id"])
		if out.IsZero() || in.IsZero() || s.Facts["change_date"] == "" {
			return model.StaffChange{}, false
		}
		return model.StaffChange{TicketID: s.ID, Number: s.Number, ContractID: s.ContractID,
			Outgoing: out, Incoming: in, Date: s.Facts["change_date"], ApprovedAt: h.At}, true
	}
	return model.StaffChange{}, false
}

// EngineersOn is who serves a contract on date (YYYY-MM-DD): its recorded
// engineers with every approved change dated on or before date applied in
// date order (then in the order approved), the one joining taking the
// place of the one leaving. A change whose engineer leaving no longer
// serves by then changes nothing. base and changes are not modified.
func EngineersOn(base []model.ID, changes []model.StaffChange, date string) []model.ID {
	out := append([]model.ID(nil), base...)
	sorted := append([]model.StaffChange(nil), changes...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.ApprovedAt != b.ApprovedAt {
			return a.ApprovedAt < b.ApprovedAt
		}
		return a.Number < b.Number
	})
	for _, c := range sorted {
		if c.Date > date {
			break
		}
		at := indexOf(out, c.Outgoing)
		switch {
		case at < 0:
		case containsID(out, c.Incoming):
			out = append(out[:at], out[at+1:]...)
		default:
			out[at] = c.Incoming
		}
	}
	return out
}

// ContractEngineersOn is who serves contract c on date, by its approved
// staff changes.
func ContractEngineersOn(env flows.Env, c model.Contract, date string) ([]model.ID, error) {
	changes, err := env.Dir.StaffChanges(c.ID)
	if err != nil {
		return nil, err
	}
	return EngineersOn(c.Engineers, changes, date), nil
}

func indexOf(ids []model.ID, id model.ID) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}
