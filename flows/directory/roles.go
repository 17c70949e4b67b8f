package directory

import (
	"slices"

	"yunwei/flows"
	"yunwei/model"
)

// RoleHistory is one person's roles over time, folded from their events:
// a vendor user's or a customer contact's. Folds of other entities ask it
// what the person held when an event was made (flows.Authority), so that a
// role given by editing a projection row never counts (DESIGN §4).
type RoleHistory struct {
	events  []model.Event // the person's events, in fold order
	steps   []roleStep    // the roles after each event, in fold order
	ordered bool          // clocks rise along the fold order
	created model.HLC
}

// roleStep is the roles a person held from one event's clock on.
type roleStep struct {
	hlc   model.HLC
	roles model.Roles
}

// NewRoleHistory folds a person's events (those of one user or one
// contact; any others are ignored) into their history of roles.
func NewRoleHistory(events []model.Event) RoleHistory {
	var own []model.Event
	for _, e := range events {
		if e.Entity == model.EntityUser || e.Entity == model.EntityContact {
			own = append(own, e)
		}
	}
	h := RoleHistory{events: flows.Order(own), ordered: true}
	h.steps = foldRoles(h.events)
	for i, st := range h.steps {
		if i > 0 && st.hlc <= h.steps[i-1].hlc {
			h.ordered = false // concurrent edits from several devices
		}
	}
	for _, e := range h.events {
		if e.Type == e.Entity+".created" {
			h.created = e.HLC
			break
		}
	}
	return h
}

// foldRoles folds events in order and records the roles after each. An
// event that cannot be read leaves the roles as they were.
func foldRoles(events []model.Event) []roleStep {
	var user *model.User
	var contact *model.Contact
	steps := make([]roleStep, 0, len(events))
	for _, e := range events {
		var roles model.Roles
		if e.Entity == model.EntityUser {
			if next, err := evolveDirectory(user, e); err == nil {
				user = next
			}
			if user != nil {
				roles = user.Roles
			}
		} else {
			if next, err := evolveDirectory(contact, e); err == nil {
				contact = next
			}
			if contact != nil {
				roles = contact.Roles
			}
		}
		steps = append(steps, roleStep{hlc: e.HLC, roles: roles})
	}
	return steps
}

// Holding is what the person held just before clock at: their events with
// lower clocks, folded (flows.Authority).
func (h RoleHistory) Holding(at model.HLC) flows.Holding {
	steps := h.steps
	if h.ordered {
		n, _ := slices.BinarySearchFunc(steps, at, func(s roleStep, at model.HLC) int {
			if s.hlc < at {
				return -1
			}
			return 1
		})
		steps = steps[:n]
	} else {
		// Events made concurrently on several devices: fold exactly those
		// that came before at.
		var before []model.Event
		for _, e := range h.events {
			if e.HLC < at {
				before = append(before, e)
			}
		}
		steps = foldRoles(before)
	}
	if len(steps) == 0 {
		return flows.Holding{}
	}
	out := flows.Holding{Known: true, Roles: steps[len(steps)-1].roles}
	if h.created < at {
		out.Created = h.created
	}
	out.Since = make([]model.HLC, len(out.Roles))
	for i, r := range out.Roles {
		j := len(steps) - 1
		for j > 0 && steps[j-1].roles.Has(r) {
			j--
		}
		out.Since[i] = steps[j].hlc
	}
	return out
}
