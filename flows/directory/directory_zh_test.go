package directory

import (
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Every refusal of the directory reads in Chinese: each kind of entity
// saved by the wrong role, and each field refused.
func TestEveryDirectoryRefusalIsChinese(t *testing.T) {
	w := flowtest.New(t)
	contract := w.Contracts[w.ContractID]
	contractWith := func(f func(*model.Contract)) model.Contract {
		c := contract
		c.ID = w.NewID()
		c.SLA.Resolution = map[string]int{}
		f(&c)
		return c
	}
	user := func(f func(*model.User)) SaveUser {
		u := model.User{ID: w.NewID(), Login: "li", Name: "李工", Roles: model.Roles{model.RoleEngineer}}
		f(&u)
		return SaveUser{User: u}
	}
	contact := func(f func(*model.Contact)) SaveContact {
		c := model.Contact{ID: w.NewID(), CustomerID: w.CustomerID, Name: "赵护士长", Roles: model.Roles{model.RoleRequester}}
		f(&c)
		return SaveContact{Contact: c}
	}
	site := model.Site{ID: w.NewID(), CustomerID: w.CustomerID, Name: "急诊楼"}
	system := model.System{ID: w.NewID(), CustomerID: w.CustomerID, SiteID: w.SiteID, Name: "PACS"}
	badCalendar := model.Default5x8(w.NewID(), "坏日历")
	badCalendar.Weekly[1] = []string{"18:00-09:00"}
	byRole := map[string]flows.Command{
		"customer": SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: "市妇幼保健院"}},
		"contract": SaveContract{Contract: contract},
		"calendar": SaveCalendar{Calendar: w.Calendars[w.CalendarID]},
		"site":     SaveSite{Site: site},
		"system":   SaveSystem{System: system},
		"contact":  contact(func(*model.Contact) {}),
		"user":     user(func(*model.User) {}),
	}
	type refusal struct {
		what  string
		actor flows.Actor
		state flows.State
		cmd   flows.Command
	}
	var cases []refusal
	for what, cmd := range byRole {
		cases = append(cases, refusal{what + " by a developer", w.As(model.RoleDeveloper), nil, cmd})
	}
	admin := w.As(model.RoleAdmin)
	for what, cmd := range map[string]flows.Command{
		"empty customer name":   SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: "  "}},
		"control character":     SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: "医院\x1b[31m"}},
		"long name":             SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: strings.Repeat("院", 101)}},
		"bad UTF-8 address":     SaveCustomer{Customer: model.Customer{ID: w.NewID(), Name: "医院", Address: "\xff"}},
		"empty contract number": SaveContract{Contract: contractWith(func(c *model.Contract) { c.Number = "" })},
		"unreal start":          SaveContract{Contract: contractWith(func(c *model.Contract) { c.StartDate = "2026-02-30" })},
		"words for a date":      SaveContract{Contract: contractWith(func(c *model.Contract) { c.EndDate = "next year" })},
		"end before start":      SaveContract{Contract: contractWith(func(c *model.Contract) { c.EndDate = "2025-12-31" })},
		"quota":                 SaveContract{Contract: contractWith(func(c *model.Contract) { c.QuotaDays = 400 })},
		"response in hours":     SaveContract{Contract: contractWith(func(c *model.Contract) { c.SLA.ResponseInHours = 0 })},
		"response out of hours": SaveContract{Contract: contractWith(func(c *model.Contract) { c.SLA.ResponseOutHours = 99999 })},
		"on-site target":        SaveContract{Contract: contractWith(func(c *model.Contract) { c.SLA.OnSite = -1 })},
		"resolution target":     SaveContract{Contract: contractWith(func(c *model.Contract) { c.SLA.Resolution["incident"] = -5 })},
		"resolution kind":       SaveContract{Contract: contractWith(func(c *model.Contract) { c.SLA.Resolution["picnic"] = 60 })},
		"unknown customer":      SaveContract{Contract: contractWith(func(c *model.Contract) { c.CustomerID = w.NewID() })},
		"unknown calendar":      SaveContract{Contract: contractWith(func(c *model.Contract) { c.CalendarID = w.NewID() })},
		"non-engineer assigned": SaveContract{Contract: contractWith(func(c *model.Contract) { c.Engineers = []model.ID{w.Admin} })},
		"engineer twice":        SaveContract{Contract: contractWith(func(c *model.Contract) { c.Engineers = []model.ID{w.Eng, w.Eng} })},
		"unknown engineer":      SaveContract{Contract: contractWith(func(c *model.Contract) { c.Engineers = []model.ID{w.NewID()} })},
		"empty site name":       SaveSite{Site: model.Site{ID: w.NewID(), CustomerID: w.CustomerID}},
		"site of nobody":        SaveSite{Site: model.Site{ID: w.NewID(), CustomerID: w.NewID(), Name: "机房"}},
		"system of nobody":      SaveSystem{System: model.System{ID: w.NewID(), CustomerID: w.NewID(), SiteID: w.SiteID, Name: "HIS"}},
		"system without site":   SaveSystem{System: model.System{ID: w.NewID(), CustomerID: w.CustomerID, SiteID: w.NewID(), Name: "HIS"}},
		"system at another's":   SaveSystem{System: model.System{ID: w.NewID(), CustomerID: w.OtherCustomer, SiteID: w.SiteID, Name: "HIS"}},
		"contact without roles": contact(func(c *model.Contact) { c.Roles = nil }),
		"contact vendor role":   contact(func(c *model.Contact) { c.Roles = model.Roles{model.RoleEngineer} }),
		"contact of nobody":     contact(func(c *model.Contact) { c.CustomerID = w.NewID() }),
		"contact department":    contact(func(c *model.Contact) { c.Department = "科\x00室" }),
		"user customer role":    user(func(u *model.User) { u.Roles = model.Roles{model.RoleDeptHead} }),
		"user without roles":    user(func(u *model.User) { u.Roles = nil }),
		"bad login":             user(func(u *model.User) { u.Login = "Wang Gong" }),
		"user without a name":   user(func(u *model.User) { u.Name = "" }),
		"calendar zone":         SaveCalendar{Calendar: model.Calendar{ID: w.NewID(), Name: "x", TimeZone: "Mars/Olympus", Weekly: model.Default5x8(model.NilID, "").Weekly}},
		"calendar span":         SaveCalendar{Calendar: badCalendar},
		"calendar without name": SaveCalendar{Calendar: model.Default5x8(w.NewID(), "")},
	} {
		cases = append(cases, refusal{what, admin, nil, cmd})
	}
	moved := contract
	moved.CustomerID = w.OtherCustomer
	cases = append(cases, refusal{"contract moved", admin, &contract, SaveContract{Contract: moved}})
	old := w.Users[w.Eng]
	renamed := old
	renamed.Login = "wang2"
	cases = append(cases, refusal{"login changed", admin, &old, SaveUser{User: renamed}})

	// Codes typed as they are: roles and kinds.
	typed := []string{"requester", "dept_head", "leadership", "engineer", "req_lead", "developer", "tech_lead", "admin"}
	for _, k := range model.Kinds {
		typed = append(typed, string(k))
	}
	for _, c := range cases {
		_, err := flows.Decide(w.Env(c.actor), c.state, c.cmd)
		if err == nil {
			t.Errorf("%s: not refused", c.what)
			continue
		}
		msg := model.ErrorText(err, i18n.Zh)
		if bad := flowtest.English(msg, typed...); len(bad) > 0 {
			t.Errorf("%s: %q is not Chinese: %q", c.what, msg, bad)
		}
	}
}
