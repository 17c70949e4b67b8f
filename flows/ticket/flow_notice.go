package ticket

import (
	"time"

	"yunwei/flows"
	"yunwei/model"
)

// The seed §2.4 obligations run as ticket-like flows of their own kinds, so
// they share the queue, the approvals screen, history and sync.

// StaffNoticeDays is how far ahead a staff change must be announced: one
// week (seed §2.4).
const StaffNoticeDays = 7

// staffChangeFlow announces a change of the assigned staff (seed §2.4:
// staff are kept fixed; a change is announced one week ahead and needs the
// customer's approval). Inputs: draft.announce takes outgoing_id (an
// engineer assigned to the contract), incoming_id (a vendor engineer not
// yet assigned) and change_date (at least 7 days after the announcement).
var staffChangeFlow = &Flow{
	Kind: model.KindStaffChange, Label: "staff change notice", Seed: "§2.4",
	Steps: []Step{
		{Name: "draft", Label: "notice being prepared", Seed: "§2.4 announce a week ahead",
			Roles: []model.Role{model.RoleAdmin, model.RoleTechLead},
			Decisions: []Decision{
				{Name: "announce", Label: "announce to the customer", To: "customer_approval", Rule: "staff_change",
					Inputs: []Input{
						{Name: "outgoing_id", Label: "engineer leaving", Type: InputUser, Required: true},
						{Name: "incoming_id", Label: "engineer joining", Type: InputUser, Required: true},
						{Name: "change_date", Label: "date of the change", Type: InputDate, Required: true, Future: true},
					}},
				{Name: "withdraw", Label: "withdraw", To: "closed", NeedsComment: true},
			}},
		{Name: "customer_approval", Label: "customer approval", Seed: "§2.4 customer approves",
			Roles: []model.Role{model.RoleDeptHead, model.RoleLeadership},
			Decisions: []Decision{
				{Name: "approve", Label: "approve", To: "closed"},
				{Name: "reject", Label: "reject", To: "draft", NeedsComment: true},
			}},
		closedStep,
	},
}

// overtimeFlow records on-site overtime for the owner's signed confirmation
// (seed §2.4). Inputs: draft.record takes worked_by (the engineer who
// worked it: the owner confirms a person's hours), date (not in the
// future: it is confirmed after it was worked), minutes (at most a day)
// and work.
var overtimeFlow = &Flow{
	Kind: model.KindOvertime, Label: "overtime confirmation", Seed: "§2.4",
	Steps: []Step{
		{Name: "draft", Label: "overtime being recorded", Seed: "§2.4 overtime",
			Roles: []model.Role{model.RoleEngineer},
			Decisions: []Decision{
				{Name: "record", Label: "ask for sign-off", To: "customer_signoff", Rule: "overtime",
					Inputs: []Input{
						{Name: "worked_by", Label: "who worked the overtime", Type: InputUser, Required: true},
						{Name: "date", Label: "date worked", Type: InputDate, Required: true},
						{Name: "minutes", Label: "overtime worked", Type: InputMinutes, Required: true, Max: 24 * 60},
						{Name: "work", Label: "work done", Type: InputText, Required: true},
					}},
				{Name: "withdraw", Label: "withdraw", To: "closed", NeedsComment: true},
			}},
		{Name: "customer_signoff", Label: "owner's sign-off", Seed: "§2.4 owner signs",
			Roles: []model.Role{model.RoleDeptHead, model.RoleLeadership},
			Decisions: []Decision{
				{Name: "confirm", Label: "sign off", To: "closed"},
				{Name: "dispute", Label: "dispute", To: "draft", NeedsComment: true},
			}},
		closedStep,
	},
}

// checkStaffChange: the outgoing engineer is one of the contract's fixed
// staff, the incoming one is a vendor engineer not yet assigned, and the
// change is announced at least 7 days ahead (seed §2.4).
func checkStaffChange(dc *decision) error {
	contract, err := dc.env.Dir.Contract(dc.s.ContractID)
	if err := flows.MustExist(err, "contract"); err != nil {
		return err
	}
	outID, _ := model.ParseID(dc.inputs["outgoing_id"])
	inID, _ := model.ParseID(dc.inputs["incoming_id"])
	out, err := dc.env.Dir.User(outID)
	if err := flows.MustExist(err, "engineer leaving"); err != nil {
		return err
	}
	in, err := dc.env.Dir.User(inID)
	if err := flows.MustExist(err, "engineer joining"); err != nil {
		return err
	}
	if outID == inID {
		return model.Errorf(model.EINVALID, "%s cannot replace themselves: name the engineer joining", out.Name)
	}
	// Who serves on the change date, after the changes approved before it.
	serving, err := ContractEngineersOn(dc.env, contract, dc.inputs["change_date"])
	if err != nil {
		return err
	}
	if !containsID(serving, outID) {
		return model.Errorf(model.EINVALID, "%s is not assigned to contract %s: name one of its engineers as the one leaving", out.Name, contract.Number)
	}
	if containsID(serving, inID) {
		return model.Errorf(model.EINVALID, "%s is assigned to contract %s already: name someone new as the one joining", in.Name, contract.Number)
	}
	if !in.Roles.HasAny(model.RoleEngineer, model.RoleDeveloper, model.RoleTechLead) {
		return model.Errorf(model.EINVALID, "%s is not an engineer: give them the engineer role first", in.Name)
	}
	loc := contractLocation(dc.env, contract)
	today := civilDate(dc.env.Now.In(loc))
	change, _ := time.Parse(time.DateOnly, dc.inputs["change_date"])
	earliest := today.AddDate(0, 0, StaffNoticeDays)
	if change.Before(earliest) {
		return model.Errorf(model.EINVALID,
			"a staff change must be announced at least %d days ahead (seed §2.4): announced on %s, the change on %s is %d days away; set the change date to %s or later",
			StaffNoticeDays, today.Format(time.DateOnly), dc.inputs["change_date"], int(change.Sub(today).Hours()/24), earliest.Format(time.DateOnly))
	}
	return nil
}

// checkOvertime: the overtime was worked by one of the engineers serving
// the contract on that day (seed §2.4: the fixed, assigned staff; a staff
// change approved by then counts).
func checkOvertime(dc *decision) error {
	contract, err := dc.env.Dir.Contract(dc.s.ContractID)
	if err := flows.MustExist(err, "contract"); err != nil {
		return err
	}
	who, _ := model.ParseID(dc.inputs["worked_by"])
	u, err := dc.env.Dir.User(who)
	if err := flows.MustExist(err, "who worked the overtime"); err != nil {
		return err
	}
	serving, err := ContractEngineersOn(dc.env, contract, dc.inputs["date"])
	if err != nil {
		return err
	}
	if !containsID(serving, who) {
		return model.Errorf(model.EINVALID, "%s did not serve contract %s on %s: name the engineer of the contract who worked the overtime",
			u.Name, contract.Number, dc.inputs["date"])
	}
	return nil
}

// contractLocation is the time zone of the contract's business calendar;
// the default zone (model.DefaultZone) when the calendar is missing or
// names an unknown zone.
func contractLocation(env flows.Env, c model.Contract) *time.Location {
	if cal, err := env.Dir.Calendar(c.CalendarID); err == nil {
		return model.Zone(cal.TimeZone)
	}
	return model.DefaultZone()
}

// civilDate is t's calendar date as midnight UTC, so dates compare and
// subtract in whole days.
func civilDate(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func containsID(ids []model.ID, id model.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
