package directory

import (
	"encoding/json"
	"reflect"
	"regexp"

	"yunwei/flows"
	"yunwei/flows/calendar"
	"yunwei/model"
	"yunwei/model/i18n"
)

// flows.Directory commands carry the whole new value of the entity: the decider
// validates it and records only what changed. Create and edit share a
// command; the state tells which it is.

// SaveCustomer creates or edits a customer.
type SaveCustomer struct{ Customer model.Customer }

// SaveContract creates or edits a contract.
type SaveContract struct{ Contract model.Contract }

// SaveSite creates or edits a site.
type SaveSite struct{ Site model.Site }

// SaveSystem creates or edits a system.
type SaveSystem struct{ System model.System }

// SaveContact creates or edits a customer contact.
type SaveContact struct{ Contact model.Contact }

// SaveUser creates or edits a vendor user. The first user of an empty DB
// creates itself and is made an admin, so that someone can add the rest.
type SaveUser struct{ User model.User }

// SaveCalendar creates or edits a business calendar.
type SaveCalendar struct{ Calendar model.Calendar }

// Target implements flows.Command.
func (c SaveCustomer) Target() (string, model.ID) { return model.EntityCustomer, c.Customer.ID }

// Target implements flows.Command.
func (c SaveContract) Target() (string, model.ID) { return model.EntityContract, c.Contract.ID }

// Target implements flows.Command.
func (c SaveSite) Target() (string, model.ID) { return model.EntitySite, c.Site.ID }

// Target implements flows.Command.
func (c SaveSystem) Target() (string, model.ID) { return model.EntitySystem, c.System.ID }

// Target implements flows.Command.
func (c SaveContact) Target() (string, model.ID) { return model.EntityContact, c.Contact.ID }

// Target implements flows.Command.
func (c SaveUser) Target() (string, model.ID) { return model.EntityUser, c.User.ID }

// Target implements flows.Command.
func (c SaveCalendar) Target() (string, model.ID) { return model.EntityCalendar, c.Calendar.ID }

// saveChanges emits "<entity>.created" with the whole value when the entity
// is new, else "<entity>.updated" with the changed fields, or nothing.
func saveChanges(entity string, old, updated any, exists bool) ([]model.Change, error) {
	if !exists {
		return []model.Change{{Type: entity + ".created", TypeVersion: 1, Payload: updated}}, nil
	}
	fields, err := diffFields(old, updated)
	if err != nil || fields == nil {
		return nil, err
	}
	return []model.Change{{Type: entity + ".updated", TypeVersion: 1, Payload: FieldsPayload{Fields: fields}}}, nil
}

func decideCustomer(env flows.Env, s *model.Customer, c SaveCustomer) ([]model.Change, error) {
	if !env.Actor.Has(model.RoleAdmin) {
		return nil, flows.NotAllowed("add or edit customers", model.RoleAdmin)
	}
	v := c.Customer
	var err error
	if v.Name, err = flows.CleanText("customer name", v.Name, flows.MaxName, true, false); err != nil {
		return nil, err
	}
	if v.ShortName, err = flows.CleanText("short name", v.ShortName, flows.MaxName, false, false); err != nil {
		return nil, err
	}
	if v.Address, err = flows.CleanText("address", v.Address, flows.MaxTitle, false, false); err != nil {
		return nil, err
	}
	return saveChanges(model.EntityCustomer, s, v, s != nil)
}

func decideContract(env flows.Env, s *model.Contract, c SaveContract) ([]model.Change, error) {
	if !env.Actor.Has(model.RoleAdmin) {
		return nil, flows.NotAllowed("add or edit contracts", model.RoleAdmin)
	}
	v := c.Contract
	var err error
	if v.Number, err = flows.CleanText("contract number", v.Number, flows.MaxName, true, false); err != nil {
		return nil, err
	}
	if err := flows.MustExist(errOnly(env.Dir.Customer(v.CustomerID)), "contract customer"); err != nil {
		return nil, err
	}
	if s != nil && s.CustomerID != v.CustomerID {
		return nil, model.Errorf(model.EINVALID, "a contract cannot move to another customer: make a new contract")
	}
	start, err := flows.CheckDate("service year start", v.StartDate)
	if err != nil {
		return nil, err
	}
	end, err := flows.CheckDate("service year end", v.EndDate)
	if err != nil {
		return nil, err
	}
	if end.Before(start) {
		return nil, model.Errorf(model.EINVALID, "the service year ends (%s) before it starts (%s)", v.EndDate, v.StartDate)
	}
	if v.SupportHours == "" {
		v.SupportHours = "5x8"
	}
	if v.SupportHours, err = flows.CleanText("support hours", v.SupportHours, 20, true, false); err != nil {
		return nil, err
	}
	if err := flows.MustExist(errOnly(env.Dir.Calendar(v.CalendarID)), "contract calendar"); err != nil {
		return nil, err
	}
	if err := checkSLA(v.SLA); err != nil {
		return nil, err
	}
	if v.QuotaDays < 0 || v.QuotaDays > 366 {
		return nil, model.Errorf(model.EINVALID, "enhancement quota %d person-days is out of range: use 0 to 366 (the seed's is 30)", v.QuotaDays)
	}
	seen := map[model.ID]bool{}
	for _, id := range v.Engineers {
		u, err := env.Dir.User(id)
		if err := flows.MustExist(err, "assigned engineer"); err != nil {
			return nil, err
		}
		if !u.Roles.HasAny(model.RoleEngineer, model.RoleDeveloper, model.RoleTechLead) {
			return nil, model.Errorf(model.EINVALID, "%s is not an engineer: give them the engineer role first", u.Name)
		}
		if seen[id] {
			return nil, model.Errorf(model.EINVALID, "%s is assigned twice", u.Name)
		}
		seen[id] = true
	}
	return saveChanges(model.EntityContract, s, v, s != nil)
}

// maxTarget bounds SLA targets: a week, in minutes.
const maxTarget = 7 * 24 * 60

func checkSLA(t model.SLATargets) error {
	for name, m := range map[i18n.Text]int{"response target inside working hours": t.ResponseInHours, "response target outside working hours": t.ResponseOutHours, "on-site target": t.OnSite} {
		if m <= 0 || m > maxTarget {
			return model.Errorf(model.EINVALID, "%s of %d minutes is out of range: use 1 to %d (the seed's are 120, 60 and 240)", name, m, maxTarget)
		}
	}
	for kind, m := range t.Resolution {
		k, err := model.ParseKind(kind)
		if err != nil {
			return err
		}
		if m < 0 || m > 366*24*60 {
			return model.Errorf(model.EINVALID, "resolution target for %s of %d minutes is out of range", k.Word(), m)
		}
	}
	return nil
}

func decideSite(env flows.Env, s *model.Site, c SaveSite) ([]model.Change, error) {
	if !env.Actor.HasAny(model.RoleAdmin, model.RoleEngineer) {
		return nil, flows.NotAllowed("add or edit sites", model.RoleAdmin, model.RoleEngineer)
	}
	v := c.Site
	var err error
	if v.Name, err = flows.CleanText("site name", v.Name, flows.MaxName, true, false); err != nil {
		return nil, err
	}
	if v.Address, err = flows.CleanText("address", v.Address, flows.MaxTitle, false, false); err != nil {
		return nil, err
	}
	if err := flows.MustExist(errOnly(env.Dir.Customer(v.CustomerID)), "site customer"); err != nil {
		return nil, err
	}
	return saveChanges(model.EntitySite, s, v, s != nil)
}

func decideSystem(env flows.Env, s *model.System, c SaveSystem) ([]model.Change, error) {
	if !env.Actor.HasAny(model.RoleAdmin, model.RoleEngineer) {
		return nil, flows.NotAllowed("add or edit systems", model.RoleAdmin, model.RoleEngineer)
	}
	v := c.System
	var err error
	if v.Name, err = flows.CleanText("system name", v.Name, flows.MaxName, true, false); err != nil {
		return nil, err
	}
	if v.Version, err = flows.CleanText("version", v.Version, flows.MaxName, false, false); err != nil {
		return nil, err
	}
	if err := flows.MustExist(errOnly(env.Dir.Customer(v.CustomerID)), "system customer"); err != nil {
		return nil, err
	}
	site, err := env.Dir.Site(v.SiteID)
	if err := flows.MustExist(err, "system site"); err != nil {
		return nil, err
	}
	if site.CustomerID != v.CustomerID {
		return nil, model.Errorf(model.EINVALID, "site %s belongs to another customer", site.Name)
	}
	return saveChanges(model.EntitySystem, s, v, s != nil)
}

func decideContact(env flows.Env, s *model.Contact, c SaveContact) ([]model.Change, error) {
	if !env.Actor.HasAny(model.RoleAdmin, model.RoleEngineer) {
		return nil, flows.NotAllowed("add or edit customer contacts", model.RoleAdmin, model.RoleEngineer)
	}
	v := c.Contact
	var err error
	if v.Name, err = flows.CleanText("contact name", v.Name, flows.MaxName, true, false); err != nil {
		return nil, err
	}
	if v.Department, err = flows.CleanText("department", v.Department, flows.MaxName, false, false); err != nil {
		return nil, err
	}
	if v.Phone, err = flows.CleanText("phone", v.Phone, 40, false, false); err != nil {
		return nil, err
	}
	if v.Email, err = flows.CleanText("e-mail", v.Email, flows.MaxName, false, false); err != nil {
		return nil, err
	}
	if err := flows.MustExist(errOnly(env.Dir.Customer(v.CustomerID)), "contact customer"); err != nil {
		return nil, err
	}
	if len(v.Roles) == 0 {
		return nil, model.Errorf(model.EINVALID, "give %s at least one role: requester, dept_head or leadership", v.Name)
	}
	for _, r := range v.Roles {
		if !r.IsCustomer() {
			return nil, model.Errorf(model.EINVALID, "%q is not a customer role: use requester, dept_head or leadership", r)
		}
	}
	return saveChanges(model.EntityContact, s, v, s != nil)
}

var loginRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,31}$`)

func decideUser(env flows.Env, s *model.User, c SaveUser) ([]model.Change, error) {
	v := c.User
	n, err := env.Dir.UserCount()
	if err != nil {
		return nil, err
	}
	bootstrap := n == 0 && s == nil
	if !bootstrap && !env.Actor.Has(model.RoleAdmin) {
		return nil, flows.NotAllowed("add or edit vendor users", model.RoleAdmin)
	}
	if v.Name, err = flows.CleanText("name", v.Name, flows.MaxName, true, false); err != nil {
		return nil, err
	}
	if !loginRE.MatchString(v.Login) {
		return nil, model.Errorf(model.EINVALID, "login %q is not valid: use 1 to 32 lower-case letters, digits, dots, dashes or underscores", v.Login)
	}
	if s != nil && s.Login != v.Login {
		return nil, model.Errorf(model.EINVALID, "a login cannot change: it names the user on every device")
	}
	if v.Phone, err = flows.CleanText("phone", v.Phone, 40, false, false); err != nil {
		return nil, err
	}
	if v.Email, err = flows.CleanText("e-mail", v.Email, flows.MaxName, false, false); err != nil {
		return nil, err
	}
	if bootstrap && !v.Roles.Has(model.RoleAdmin) {
		v.Roles = append(v.Roles, model.RoleAdmin)
	}
	if len(v.Roles) == 0 {
		return nil, model.Errorf(model.EINVALID, "give %s at least one role: engineer, req_lead, developer, tech_lead or admin", v.Name)
	}
	for _, r := range v.Roles {
		if !r.IsVendor() {
			return nil, model.Errorf(model.EINVALID, "%q is not a vendor role: use engineer, req_lead, developer, tech_lead or admin", r)
		}
	}
	return saveChanges(model.EntityUser, s, v, s != nil)
}

func decideCalendar(env flows.Env, s *model.Calendar, c SaveCalendar) ([]model.Change, error) {
	if !env.Actor.Has(model.RoleAdmin) {
		return nil, flows.NotAllowed("add or edit business calendars", model.RoleAdmin)
	}
	v := c.Calendar
	var err error
	if v.Name, err = flows.CleanText("calendar name", v.Name, flows.MaxName, true, false); err != nil {
		return nil, err
	}
	if v.TimeZone == "" {
		v.TimeZone = model.DefaultZoneName
	}
	// One rule for what a calendar may hold: the compiler the SLA clocks use.
	if _, err := calendar.New(v); err != nil {
		return nil, err
	}
	return saveChanges(model.EntityCalendar, s, v, s != nil)
}

func errOnly[T any](_ T, err error) error { return err }

// evolveDirectory folds a created/updated event into a directory entity.
func evolveDirectory[T any](s *T, e model.Event) (*T, error) {
	switch e.Type {
	case e.Entity + ".created":
		var v T
		if err := e.Decode(&v); err != nil {
			return nil, err
		}
		return &v, nil
	case e.Entity + ".updated":
		if s == nil { // an edit that arrived before its create: keep it visible
			s = new(T)
			reflect.ValueOf(s).Elem().FieldByName("ID").Set(reflect.ValueOf(e.EntityID))
		}
		var p FieldsPayload
		if err := e.Decode(&p); err != nil {
			return nil, err
		}
		next := *s
		if err := applyFields(&next, p.Fields); err != nil {
			return nil, err
		}
		return &next, nil
	}
	return s, nil // unknown types are kept in the log and ignored here
}

func resetAndUnmarshal(raw []byte, dst any) error {
	v := reflect.ValueOf(dst).Elem()
	v.Set(reflect.Zero(v.Type()))
	return json.Unmarshal(raw, dst)
}
