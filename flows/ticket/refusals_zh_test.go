package ticket

import (
	"strings"
	"testing"
	"time"

	"yunwei/flows"
	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// refusals checks that each refusal it is given happened and reads in
// Chinese: with --lang zh no English sentence reaches the user.
type refusals struct {
	t     *testing.T
	typed []string // what a user types as it is: names and codes
	n     int
}

func newRefusals(t *testing.T) *refusals {
	// Codes typed on the command line: booleans, the fields ticket edit
	// takes, channels.
	typed := []string{"true", "false", "yes", "no", "title", "description", "severity", "channel", "site", "system", "requester"}
	for _, c := range model.Channels {
		typed = append(typed, string(c))
	}
	for _, k := range FlowKinds() {
		typed = append(typed, string(k))
		f := FlowFor(k)
		for _, st := range f.Steps {
			typed = append(typed, st.Name)
			for _, d := range st.Decisions {
				typed = append(typed, d.Name)
				for _, in := range d.Inputs {
					typed = append(typed, in.Name)
				}
			}
		}
	}
	for _, r := range allRoles() {
		typed = append(typed, string(r))
	}
	return &refusals{t: t, typed: typed}
}

// check fails unless err is a refusal worded in Chinese.
func (r *refusals) check(what string, err error) {
	r.t.Helper()
	if err == nil {
		r.t.Errorf("%s: not refused", what)
		return
	}
	r.n++
	msg := model.ErrorText(err, i18n.Zh)
	if bad := flowtest.English(msg, r.typed...); len(bad) > 0 {
		r.t.Errorf("%s: %q is not Chinese: %q", what, msg, bad)
	}
}

// badValues are values of each input type that a decision must refuse.
func (w *world) badValues(in Input) []string {
	switch in.Type {
	case InputText:
		return []string{"坏\x01字", strings.Repeat("长", flows.MaxText+1)}
	case InputBool:
		return []string{"也许"}
	case InputMinutes:
		bad := []string{"很久", "0.001", "0", "99999999"}
		if in.Max > 0 {
			bad = append(bad, "99999")
		}
		return bad
	case InputRating:
		return []string{"9", "好"}
	case InputTime:
		bad := []string{"昨天上午"}
		if !in.Future {
			bad = append(bad, model.FormatTime(w.Now.Add(48*time.Hour)), model.FormatTime(w.Now.Add(-72*time.Hour)))
		}
		return bad
	case InputDate:
		bad := []string{"下周一", "2026-13-45"}
		if !in.Future {
			bad = append(bad, w.Now.AddDate(0, 0, 30).Format(time.DateOnly))
		}
		return bad
	case InputUser:
		return []string{"某人", w.NewID().String()}
	}
	return nil
}

// Every refusal of every step of every flow reads in Chinese: a decision
// of another step, an unknown one, every wrong role, a contact of another
// customer, a missing comment, every missing input, an unknown input, bad
// values of every input type, a customer's decision without a signature,
// and every decision on a closed ticket.
func TestEveryRefusalOfEveryFlowIsChinese(t *testing.T) {
	r := newRefusals(t)
	for _, k := range FlowKinds() {
		f := FlowFor(k)
		for _, st := range f.Steps {
			if st.End {
				continue
			}
			w := newWorld(t)
			id := w.driveTo(k, st.Name)
			at := string(k) + "/" + st.Name
			for _, other := range f.Steps {
				for _, d := range other.Decisions {
					if st.Decision(d.Name) == nil {
						_, err := w.act(w.As(other.Roles[0]), Act{ID: id, Decision: d.Name, Comment: "跳步", Inputs: w.sampleInputs(&d)})
						r.check(at+": "+d.Name+" of "+other.Name, err)
					}
				}
			}
			_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: "teleport"})
			r.check(at+": an unknown decision", err)
			first := &st.Decisions[0]
			for _, role := range allRoles() {
				if !contains(st.Roles, role) {
					_, err := w.act(w.As(role), Act{ID: id, Decision: first.Name, Comment: "越权", Inputs: w.sampleInputs(first)})
					r.check(at+": as "+string(role), err)
				}
			}
			if st.Roles[0].IsCustomer() {
				_, err := w.act(w.WithContact(w.OtherHead), Act{ID: id, Decision: first.Name, Comment: "别家", Inputs: w.sampleInputs(first)})
				r.check(at+": a contact of another customer", err)
				_, err = w.Act(w.As(st.Roles[0]), Act{ID: id, Decision: first.Name, Comment: "未签字", Inputs: w.sampleInputs(first)}, Evolve)
				r.check(at+": unsigned", err)
			}
			for i := range st.Decisions {
				d := &st.Decisions[i]
				comment := ""
				if d.NeedsComment {
					comment = "原因"
					_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Inputs: w.sampleInputs(d)})
					r.check(at+": "+d.Name+" without a comment", err)
				}
				for _, in := range d.Inputs {
					if in.Required {
						inputs := w.sampleInputs(d)
						delete(inputs, in.Name)
						_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Comment: comment, Inputs: inputs})
						r.check(at+": "+d.Name+" without "+in.Name, err)
					}
					for _, v := range w.badValues(in) {
						inputs := w.sampleInputs(d)
						inputs[in.Name] = v
						_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Comment: comment, Inputs: inputs})
						r.check(at+": "+d.Name+" with "+in.Name+"="+v[:min(len(v), 20)], err)
					}
				}
				inputs := w.sampleInputs(d)
				inputs["mood"] = "开心"
				_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Comment: comment, Inputs: inputs})
				r.check(at+": "+d.Name+" with an unknown input", err)
			}
		}
		w := newWorld(t)
		id := w.driveTo(k, "closed")
		for _, st := range f.Steps {
			for i := range st.Decisions {
				_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: st.Decisions[i].Name, Comment: "再来", Inputs: w.sampleInputs(&st.Decisions[i])})
				r.check(string(k)+": "+st.Decisions[i].Name+" on a closed ticket", err)
			}
		}
	}
	if r.n < 500 {
		t.Errorf("only %d refusals were tried", r.n)
	}
}

// The refusals of the rules some steps keep read in Chinese: an
// enhancement estimated above 1 person-day, bookings beyond the quota or
// outside the service year, and a staff change naming the wrong people or
// announced too late.
func TestRefusalsOfTheStepsRulesAreChinese(t *testing.T) {
	r := newRefusals(t)
	w := newWorld(t)
	id := w.create(model.KindEnhancement, "门诊日报增加科室汇总")
	r.check("estimate above 1 person-day", w.decide(id, model.RoleEngineer, "estimate", "", map[string]string{"estimate_minutes": "1.5d"}))
	_, err := w.act(w.As(model.RoleEngineer), ConvertToChange{ID: id})
	r.check("convert without a comment", err)
	bug := w.create(model.KindBugFix, "缺陷")
	_, err = w.act(w.As(model.RoleEngineer), ConvertToChange{ID: bug, Comment: "太大"})
	r.check("convert a bug fix", err)

	id = w.walk(model.KindEnhancement, enEstimate("300"), enApprove)
	r.check("beyond 1 person-day", w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "600"}))
	r.check("an override within the limits", w.decide(id, model.RoleAdmin, "done", "", map[string]string{"effort_minutes": "60", "override_reason": "以防万一"}))
	r.check("an override by an engineer", w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "600", "override_reason": "特批"}))
	r.check("beyond, by an admin without a reason", w.decide(id, model.RoleAdmin, "done", "", map[string]string{"effort_minutes": "600"}))
	c := w.Contracts[w.ContractID]
	c.QuotaDays = 0
	w.Contracts[w.ContractID] = c
	r.check("beyond the yearly quota", w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "60"}))
	c.StartDate, c.EndDate = "2025-01-01", "2025-12-31"
	w.Contracts[w.ContractID] = c
	r.check("outside the service year", w.decide(id, model.RoleEngineer, "done", "", map[string]string{"effort_minutes": "60"}))

	w = newWorld(t)
	id = w.create(model.KindStaffChange, "驻场人员调整")
	later := w.Now.AddDate(0, 0, 10).Format(time.DateOnly)
	notice := func(out, in model.ID, date string) error {
		return w.decide(id, model.RoleEngineer, "announce", "", map[string]string{
			"outgoing_id": out.String(), "incoming_id": in.String(), "change_date": date})
	}
	r.check("replacing themselves", notice(w.Eng, w.Eng, later))
	r.check("leaving but not assigned", notice(w.Dev, w.TechLead, later))
	r.check("joining without the engineer role", notice(w.Eng, w.ReqLead, later))
	r.check("announced too late", notice(w.Eng, w.Dev, w.Now.AddDate(0, 0, 2).Format(time.DateOnly)))
	c = w.Contracts[w.ContractID]
	c.Engineers = append(c.Engineers, w.Dev)
	w.Contracts[w.ContractID] = c
	r.check("joining but assigned already", notice(w.Eng, w.Dev, later))
}

// Recording, editing, assigning and commenting on a ticket are refused in
// Chinese: by the wrong person, with a bad kind, channel, severity, title,
// site, system, requester, assignee or time, and with edits that change
// nothing or name no field.
func TestRefusalsOfTicketsAreChinese(t *testing.T) {
	r := newRefusals(t)
	w := newWorld(t)
	good := func() Create {
		return Create{ID: w.NewID(), Number: "T-2026-Z", Kind: model.KindIncident, Channel: model.ChannelPhone,
			Severity: model.SeverityMajor, Title: "打印机故障", ContractID: w.ContractID, SiteID: w.SiteID,
			SystemID: w.SystemID, RequesterID: w.Requester, AssigneeID: w.Eng}
	}
	otherSite, otherSystem := w.NewID(), w.NewID()
	w.Sites[otherSite] = model.Site{ID: otherSite, CustomerID: w.OtherCustomer, Name: "中医院机房"}
	w.Systems[otherSystem] = model.System{ID: otherSystem, CustomerID: w.OtherCustomer, SiteID: otherSite, Name: "中医院收费系统"}
	bad := map[string]func(*Create){
		"kind":                 func(c *Create) { c.Kind = "picnic" },
		"channel":              func(c *Create) { c.Channel = "pigeon" },
		"severity":             func(c *Create) { c.Severity = 9 },
		"empty title":          func(c *Create) { c.Title = " " },
		"long title":           func(c *Create) { c.Title = strings.Repeat("长", flows.MaxTitle+1) },
		"control character":    func(c *Create) { c.Title = "打印\x07机" },
		"bad UTF-8":            func(c *Create) { c.Description = "\xff\xfe" },
		"no contract":          func(c *Create) { c.ContractID = w.NewID() },
		"other customer":       func(c *Create) { c.CustomerID = w.OtherCustomer },
		"no site":              func(c *Create) { c.SiteID = model.NilID },
		"unknown site":         func(c *Create) { c.SiteID = w.NewID() },
		"other's site":         func(c *Create) { c.SiteID = otherSite },
		"other's system":       func(c *Create) { c.SystemID = otherSystem },
		"other's requester":    func(c *Create) { c.RequesterID = w.OtherHead },
		"assignee no engineer": func(c *Create) { c.AssigneeID = w.Admin },
		"in the future":        func(c *Create) { c.ReportedAt = w.Now.Add(24 * time.Hour) },
	}
	for what, spoil := range bad {
		c := good()
		spoil(&c)
		_, err := w.act(w.As(model.RoleEngineer), c)
		r.check("create: "+what, err)
	}
	_, err := w.act(w.UserActor(w.Clerk), good())
	r.check("create by no vendor staff", err)
	id := w.create(model.KindIncident, "打印机故障")
	c := good()
	c.ID = id
	_, err = w.act(w.As(model.RoleEngineer), c)
	r.check("create twice", err)

	edits := []map[string]string{
		{}, {"colour": "红"}, {"title": w.ticket(id).Title}, {"on_site": "也许"}, {"severity": "9"},
		{"channel": "pigeon"}, {"requester_id": w.OtherHead.String()}, {"site_id": otherSite.String()},
		{"title": ""}, {"system_id": "某系统"},
	}
	for _, f := range edits {
		_, err := w.act(w.As(model.RoleEngineer), Edit{ID: id, Fields: f})
		r.check("edit "+strings.Join(keys(f), ","), err)
	}
	_, err = w.act(w.WithContact(w.Requester), Edit{ID: id, Fields: map[string]string{"title": "新标题"}})
	r.check("edit by a contact", err)
	_, err = w.act(w.As(model.RoleEngineer), Comment{ID: id, Text: "  "})
	r.check("an empty comment", err)
	_, err = w.act(w.WithContact(w.Requester), Comment{ID: id, Text: "催一下"})
	r.check("a comment by a contact", err)
	_, err = w.act(w.As(model.RoleEngineer), Assign{ID: id, AssigneeID: w.Admin})
	r.check("assign to no engineer", err)
	_, err = w.act(w.As(model.RoleEngineer), Assign{ID: id, AssigneeID: w.Eng})
	r.check("assign to the assignee", err)
	_, err = w.act(w.As(model.RoleEngineer), Assign{ID: id, AssigneeID: w.NewID()})
	r.check("assign to nobody known", err)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The reasons an event in the log is kept but not applied are worded in
// Chinese in the history: a decision taken at a step the ticket had left.
func TestRejectedEventsAreWordedInChinese(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正挂号记录")
	st := w.ticket(id)
	evs := w.must(w.As(model.RoleDeptHead), Act{ID: id, Decision: "approve"})
	// The same decision again, as a second laptop took it before syncing.
	next, err := Evolve(w.ticket(id), evs[0])
	if err != nil {
		t.Fatal(err)
	}
	h := next.(*State).History[len(next.(*State).History)-1]
	if h.Rejected == "" || h.Why.Format == "" {
		t.Fatalf("the second approval was applied: %+v (state was %s)", h, st.Step)
	}
	zh := h.Why.Label("zh")
	if bad := flowtest.English(zh, newRefusals(t).typed...); len(bad) > 0 || !strings.Contains(zh, "使用部门主管审批") {
		t.Errorf("reason %q is not Chinese (%q)", zh, bad)
	}
}

// The decisions a refusal offers are named as the command line takes
// them, in every language: "approve", never 批准, which it would not take.
func TestOfferedDecisionsKeepTheirNames(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正挂号记录")
	_, err := w.act(w.As(model.RoleDeptHead), Act{ID: id, Decision: "teleport"})
	zh := model.ErrorText(err, i18n.Zh)
	if !strings.Contains(zh, "请选择 approve 或 reject") {
		t.Errorf("zh: %q", zh)
	}
	if en := model.ErrorText(err, i18n.En); !strings.Contains(en, "choose approve or reject") {
		t.Errorf("en: %q", en)
	}
}
