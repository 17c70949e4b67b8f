package ticket

import (
	"strings"

	"yunwei/flows"
	"yunwei/model"
)

// The checks of who, beyond the role: the seed names the person, not only
// the part they play.

// checkOwnDepartment: at a step marked OwnDepartment, the department head
// deciding heads the requester's department (seed §3 step 2, §4 step 3:
// "the user's department head"), so the head of the pharmacy does not
// approve the cashier's correction. A ticket without a requester, or whose
// requester's department is not recorded, names no department to compare:
// any of the customer's department heads decides, as before departments
// were kept.
func checkOwnDepartment(env flows.Env, s *State, st *Step, role model.Role) error {
	if !st.OwnDepartment || role != model.RoleDeptHead || s.RequesterID.IsZero() || env.Actor.Contact == nil {
		return nil
	}
	requester, err := env.Dir.Contact(s.RequesterID)
	if err := flows.MustExist(err, "requester"); err != nil {
		return err
	}
	return departmentRefusal(*env.Actor.Contact, requester)
}

// departmentRefusal is why head may not decide for requester's
// department, or nil.
func departmentRefusal(head, requester model.Contact) error {
	want := strings.TrimSpace(requester.Department)
	if want == "" {
		return nil
	}
	switch have := strings.TrimSpace(head.Department); {
	case have == "":
		return model.Errorf(model.EUNAUTHORIZED, "the department of %s is not recorded: only the head of %s, requester %s's department, may decide here",
			head.Name, want, requester.Name)
	case !strings.EqualFold(have, want):
		return model.Errorf(model.EUNAUTHORIZED, "%s heads %s: only the head of %s, requester %s's department, may decide here",
			head.Name, have, want, requester.Name)
	}
	return nil
}

// InRequesterDepartment reports whether contact passes the own-department
// rule at the ticket's current step (checkOwnDepartment): always, unless
// the step is marked OwnDepartment, contact would decide there as a
// department head and requester, the ticket's requester (nil when not
// known), heads a recorded department other than contact's. Screens offer
// a customer decision only to the contacts it lets through.
func InRequesterDepartment(s *State, contact model.Contact, requester *model.Contact) bool {
	st := currentStep(s)
	if st == nil || !st.OwnDepartment || requester == nil {
		return true
	}
	if actingRole(st, s, flows.Actor{Contact: &contact}) != model.RoleDeptHead {
		return true
	}
	return departmentRefusal(contact, *requester) == nil
}

// checkNotAuthor: a decision marked NotByAuthor is not taken by whoever
// brought the ticket to the step: the technical lead who reviews a plan is
// not the one who wrote it (seed §3 step 4, and §4 step 5 for a change's
// solution: a second pair of eyes), even when they hold both roles.
func checkNotAuthor(env flows.Env, s *State, st *Step, d *Decision) error {
	if !d.NotByAuthor {
		return nil
	}
	author, ok := StepAuthor(s)
	if !ok || author != env.Actor.User.ID {
		return nil
	}
	return model.Errorf(model.EUNAUTHORIZED, "%s wrote this plan and cannot approve it too: another %s reviews it, a second pair of eyes",
		env.Actor.User.Name, roleNames(st.Roles))
}

// StepAuthor is the vendor user whose decision brought the ticket to its
// current step (the plan's author at a review), and false when no applied
// decision did (a new ticket, or one that arrived by a customer's
// decision).
func StepAuthor(s *State) (model.ID, bool) {
	for i := len(s.History) - 1; i >= 0; i-- {
		h := &s.History[i]
		if h.Decision == "" || h.Rejected != "" {
			continue
		}
		if h.To != s.Step || h.Role.IsCustomer() {
			return model.NilID, false
		}
		return h.Actor, true
	}
	return model.NilID, false
}

// Offered is what actor a is offered at the ticket's current step: the
// decisions Allowed by role, less those the seed's rules about the person
// refuse them: a decision the plan's author may not take (NotByAuthor),
// and every decision of a department's step to the head of another
// department than the requester's (requester: the ticket's requester, nil
// when not known). Decide checks the same and more.
func Offered(s *State, a flows.Actor, requester *model.Contact) []Decision {
	allowed := Allowed(s, a)
	if len(allowed) == 0 {
		return nil
	}
	if a.Contact != nil && !InRequesterDepartment(s, *a.Contact, requester) {
		return nil
	}
	author, ok := StepAuthor(s)
	out := allowed[:0]
	for _, d := range allowed {
		if d.NotByAuthor && ok && author == a.User.ID && a.Contact == nil {
			continue
		}
		out = append(out, d)
	}
	return out
}
