package ticket

import "yunwei/model"

// Waits is how a ticket's step waits for one vendor user, before the
// ticket's assignee is known: not at all, only when the ticket is theirs
// or nobody's, or by their roles alone.
type Waits uint8

// How a step waits for a user (WaitsOn).
const (
	// WaitsNot: the user holds none of the step's vendor roles.
	WaitsNot Waits = iota
	// WaitsIfFree: the user is an engineer at an engineer's step. The
	// engineer assigned carries the ticket (seed §1 point 4: experienced
	// engineers are assigned), so the step waits for them, or for every
	// engineer while nobody is assigned.
	WaitsIfFree
	// WaitsYes: the step waits for another vendor role the user holds
	// (developer, requirements lead, technical lead, admin). Those are not
	// the assignee's to take: a developer implements the engineer's
	// change, a technical lead is the second pair of eyes on the engineer's
	// plan (seed §3 step 4), so such a step waits for everyone holding the
	// role, whoever is assigned.
	WaitsYes
)

// WaitsOn says how a step waiting for roles waits for a vendor user who
// holds mine. Customer roles count for no vendor user: a customer's step
// waits for the customer person present, who decides and signs on the
// engineer's laptop (DESIGN §5), and the Approvals tab lists it apart.
func WaitsOn(waiting []model.Role, mine model.Roles) Waits {
	w := WaitsNot
	for _, r := range waiting {
		switch {
		case !r.IsVendor() || !mine.Has(r):
		case r == model.RoleEngineer:
			w = WaitsIfFree
		default:
			return WaitsYes
		}
	}
	return w
}

// For reports whether the step waits for the user, given whether the
// ticket is assigned to somebody else.
func (w Waits) For(assignedToOther bool) bool {
	return w == WaitsYes || w == WaitsIfFree && !assignedToOther
}

// WaitsFor reports whether a ticket whose step waits for roles waiting,
// assigned to assignee (zero: nobody), waits for the vendor user user
// holding roles. It is the one meaning of "waiting for me": the queue's
// filter and the "for you" part of the Approvals tab both ask it.
func WaitsFor(waiting []model.Role, assignee, user model.ID, roles model.Roles) bool {
	return WaitsOn(waiting, roles).For(!assignee.IsZero() && assignee != user)
}
