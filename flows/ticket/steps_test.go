package ticket

import (
	"slices"
	"strings"
	"testing"

	"yunwei/flows/flowtest"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Every kind runs a well-formed table: targets exist, every step is
// reachable, end steps offer nothing, an end is reachable from everywhere.
func TestFlowTablesAreWellFormed(t *testing.T) {
	for _, k := range FlowKinds() {
		f := FlowFor(k)
		if f == nil {
			t.Fatalf("kind %s has no flow", k)
		}
		if f.Kind != k {
			t.Errorf("FlowFor(%s) is the %s flow", k, f.Kind)
		}
		if err := f.Check(); err != nil {
			t.Errorf("%v", err)
		}
		ends := 0
		for _, st := range f.Steps {
			if st.End {
				ends++
			}
		}
		if ends == 0 {
			t.Errorf("flow %s has no end step", k)
		}
	}
	if FlowFor("no_such_kind") != nil {
		t.Errorf("an unknown kind has a flow")
	}
}

// Check catches each kind of malformed table.
func TestCheckRefusesMalformedTables(t *testing.T) {
	step := func(name string, ds ...Decision) Step {
		return Step{Name: name, Label: name, Seed: "§0", Roles: []model.Role{model.RoleEngineer}, Decisions: ds}
	}
	dec := func(name, to string) Decision { return Decision{Name: name, Label: name, To: to} }
	end := Step{Name: "closed", Label: "closed", Seed: "end", End: true}
	cases := map[string][]Step{
		"missing target":        {step("a", dec("go", "nowhere")), end},
		"unreachable step":      {step("a", dec("go", "closed")), step("island", dec("go", "closed")), end},
		"end with decisions":    {step("a", dec("go", "closed")), {Name: "closed", Label: "c", Seed: "end", End: true, Decisions: []Decision{dec("x", "a")}}},
		"no end reachable":      {step("a", dec("go", "b")), step("b", dec("back", "a")), end},
		"step without role":     {{Name: "a", Label: "a", Seed: "§0", Decisions: []Decision{dec("go", "closed")}}, end},
		"repeated step":         {step("a", dec("go", "closed")), step("a", dec("go", "closed")), end},
		"unknown condition":     {step("a", dec("go", "b")), {Name: "b", Label: "b", Seed: "§0", Roles: []model.Role{model.RoleEngineer}, When: "moon_full", Else: "closed", Decisions: []Decision{dec("go", "closed")}}, end},
		"missing label":         {{Name: "a", Seed: "§0", Roles: []model.Role{model.RoleEngineer}, Decisions: []Decision{dec("go", "closed")}}, end},
		"unknown rule":          {step("a", Decision{Name: "go", Label: "go", To: "closed", Rule: "vibes"}), end},
		"unknown role":          {{Name: "a", Label: "a", Seed: "§0", Roles: []model.Role{"boss"}, Decisions: []Decision{dec("go", "closed")}}, end},
		"starts at the end":     {end, step("a", dec("go", "closed"))},
		"input of unknown type": {step("a", Decision{Name: "go", Label: "go", To: "closed", Inputs: []Input{{Name: "x", Label: "x", Type: "float"}}}), end},
	}
	for name, steps := range cases {
		f := &Flow{Kind: "test", Label: "test", Seed: "§0", Steps: steps}
		if err := f.Check(); err == nil {
			t.Errorf("%s: Check accepted it", name)
		}
	}
}

// The table drives the deciders: at every step of every flow, each role
// the step names is offered exactly the step's decisions and every other
// role is refused every decision with EUNAUTHORIZED and no events.
func TestEveryWrongRoleIsRefusedAtEveryStep(t *testing.T) {
	for _, k := range FlowKinds() {
		f := FlowFor(k)
		for _, st := range f.Steps {
			if st.End {
				continue
			}
			t.Run(string(k)+"/"+st.Name, func(t *testing.T) {
				w := newWorld(t)
				id := w.driveTo(k, st.Name)
				s := w.ticket(id)
				if got := WaitingFor(s); !slices.Equal(got, st.Roles) {
					t.Errorf("WaitingFor = %v, want %v", got, st.Roles)
				}
				for _, r := range allRoles() {
					allowed := Allowed(s, w.As(r))
					if slices.Contains(st.Roles, r) {
						if !slices.Equal(decisionNames(allowed), decisionNames(st.Decisions)) {
							t.Errorf("%s is offered %v, want %v", r, decisionNames(allowed), decisionNames(st.Decisions))
						}
						continue
					}
					if len(allowed) != 0 {
						t.Errorf("%s is offered %v at %s", r, decisionNames(allowed), st.Name)
					}
					for _, d := range st.Decisions {
						evs, err := w.act(w.As(r), Act{ID: id, Decision: d.Name, Comment: "越权尝试", Inputs: w.sampleInputs(&d)})
						flowtest.WantCode(t, err, model.EUNAUTHORIZED)
						if len(evs) != 0 {
							t.Errorf("refused decision made events")
						}
					}
				}
				if w.ticket(id).Step != st.Name {
					t.Errorf("a refused decision moved the ticket to %s", w.ticket(id).Step)
				}
			})
		}
	}
}

// A decision of another step is refused as invalid, naming where the
// ticket is; an unknown decision is refused too.
func TestDecisionsOfOtherStepsAreRefused(t *testing.T) {
	for _, k := range FlowKinds() {
		f := FlowFor(k)
		for _, st := range f.Steps {
			if st.End {
				continue
			}
			w := newWorld(t)
			id := w.driveTo(k, st.Name)
			for _, other := range f.Steps {
				for _, d := range other.Decisions {
					if st.Decision(d.Name) != nil {
						continue
					}
					for _, r := range other.Roles {
						_, err := w.act(w.As(r), Act{ID: id, Decision: d.Name, Comment: "跳步", Inputs: w.sampleInputs(&d)})
						flowtest.WantCode(t, err, model.EINVALID)
					}
				}
			}
			_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: "teleport"})
			flowtest.WantCode(t, err, model.EINVALID)
			if !strings.Contains(model.ErrorMessage(err), "choose") {
				t.Errorf("the refusal does not say what to choose: %v", err)
			}
		}
	}
}

// Every required input, left out, is refused by name; every decision that
// needs a comment is refused without one; unknown inputs are refused.
func TestMissingInputsAndCommentsAreRefused(t *testing.T) {
	for _, k := range FlowKinds() {
		f := FlowFor(k)
		for _, st := range f.Steps {
			for _, d := range st.Decisions {
				w := newWorld(t)
				id := w.driveTo(k, st.Name)
				comment := ""
				if d.NeedsComment {
					comment = "原因"
				}
				for _, in := range d.Inputs {
					if !in.Required {
						continue
					}
					inputs := w.sampleInputs(&d)
					delete(inputs, in.Name)
					_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Comment: comment, Inputs: inputs})
					flowtest.WantCode(t, err, model.EINVALID)
					if !strings.Contains(model.ErrorMessage(err), in.Name) {
						t.Errorf("%s/%s: the refusal does not name %s: %v", k, d.Name, in.Name, err)
					}
					inputs[in.Name] = "   "
					_, err = w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Comment: comment, Inputs: inputs})
					flowtest.WantCode(t, err, model.EINVALID)
				}
				if d.NeedsComment {
					_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Comment: " \n ", Inputs: w.sampleInputs(&d)})
					flowtest.WantCode(t, err, model.EINVALID)
				}
				inputs := w.sampleInputs(&d)
				inputs["mood"] = "开心"
				_, err := w.act(w.As(st.Roles[0]), Act{ID: id, Decision: d.Name, Comment: comment, Inputs: inputs})
				flowtest.WantCode(t, err, model.EINVALID)
				if w.ticket(id).Step != st.Name || len(w.Events[id]) != len(w.ticket(id).History) {
					t.Errorf("%s/%s: a refused decision left a trace", k, d.Name)
				}
			}
		}
	}
}

// Every decision records who (user, contact, role), when, what and why.
func TestDecisionsRecordActorRoleTimeAndComment(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正患者出生日期")
	at := model.FormatTime(w.Now)
	w.mustDecide(id, model.RoleDeptHead, "reject", "不属于数据更正范围，请走需求变更", nil)
	s := w.ticket(id)
	h := s.History[len(s.History)-1]
	if h.Type != Decided || h.Actor != w.Clerk || h.Contact != w.Head || h.Role != model.RoleDeptHead ||
		h.Decision != "reject" || h.From != "dept_approval" || h.To != "closed" || h.At != at ||
		h.Comment != "不属于数据更正范围，请走需求变更" {
		t.Errorf("history entry = %+v", h)
	}
	var p DecidedPayload
	if err := w.Events[id][1].Decode(&p); err != nil {
		t.Fatal(err)
	}
	if p.Step != "dept_approval" || p.Decision != "reject" || p.To != "closed" || p.Role != model.RoleDeptHead || p.ContactID != w.Head {
		t.Errorf("payload = %+v", p)
	}
	if s.Status != model.StatusClosed || s.ClosedAt != h.At {
		t.Errorf("rejected ticket: status %s closed at %q", s.Status, s.ClosedAt)
	}
}

// A closed ticket offers nothing and refuses every decision.
func TestClosedTicketsRefuseDecisions(t *testing.T) {
	w := newWorld(t)
	id := w.driveTo(model.KindConsultation, "closed")
	s := w.ticket(id)
	if s.Status != model.StatusClosed || WaitingFor(s) != nil || Allowed(s, w.As(model.RoleEngineer)) != nil {
		t.Fatalf("closed ticket: status %s, waiting for %v", s.Status, WaitingFor(s))
	}
	_, err := w.act(w.As(model.RoleEngineer), Act{ID: id, Decision: "answer", Inputs: map[string]string{"answer": "再答一次"}})
	flowtest.WantCode(t, err, model.EINVALID)
	_, err = w.act(w.As(model.RoleEngineer), Act{ID: w.NewID(), Decision: "answer"})
	flowtest.WantCode(t, err, model.ENOTFOUND)
}

// A customer decision needs a contact of the ticket's own customer.
func TestCustomerDecisionsNeedTheTicketsCustomer(t *testing.T) {
	w := newWorld(t)
	id := w.create(model.KindDataCorrection, "更正药品编码")
	_, err := w.act(w.WithContact(w.OtherHead), Act{ID: id, Decision: "approve"})
	flowtest.WantCode(t, err, model.EUNAUTHORIZED)
	if !strings.Contains(model.ErrorMessage(err), "another customer") {
		t.Errorf("message: %v", err)
	}
	// The engineer cannot approve for the department head.
	_, err = w.act(w.As(model.RoleEngineer), Act{ID: id, Decision: "approve"})
	flowtest.WantCode(t, err, model.EUNAUTHORIZED)
	if !strings.Contains(model.ErrorMessage(err), "choose the contact") {
		t.Errorf("message: %v", err)
	}
}

// Every label of every flow table has its Chinese in the catalogue, in
// the flow's context or plainly (the interfaces word them from there).
func TestEveryLabelIsTranslated(t *testing.T) {
	for _, k := range FlowKinds() {
		f := FlowFor(k)
		check := func(what, label string) {
			if !i18n.Has(label) && !i18n.Has(i18n.In(string(k), label)) {
				t.Errorf("%s %s %q has no Chinese in the catalogue", k, what, label)
			}
		}
		check("flow", f.Label)
		for _, st := range f.Steps {
			check("step", st.Label)
			for _, d := range st.Decisions {
				check("decision", d.Label)
				for _, in := range d.Inputs {
					check("input", in.Label)
				}
			}
		}
	}
}

func TestParseFlowKind(t *testing.T) {
	for in, want := range map[string]model.Kind{"staff_change": model.KindStaffChange, "加班确认": model.KindOvertime, "Incident": model.KindIncident, "数据维护": model.KindDataCorrection} {
		if got, err := ParseFlowKind(in); err != nil || got != want {
			t.Errorf("ParseFlowKind(%q) = %s, %v", in, got, err)
		}
	}
	if _, err := ParseFlowKind("holiday"); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("unknown kind: %v", err)
	}
}

func TestParseMinutes(t *testing.T) {
	good := map[string]int{"90": 90, "90m": 90, "45 min": 45, "2h": 120, "1d": 480, "1.5d": 720, "0.25d": 120, "1人天": 480, "3小时": 180, "30分钟": 30, "2D": 960}
	for in, want := range good {
		if got, err := ParseMinutes(in); err != nil || got != want {
			t.Errorf("ParseMinutes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "1.d", "-5", "1e3", "abc", "0.001d", "1.2345h", "999999999d"} {
		if _, err := ParseMinutes(in); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("ParseMinutes(%q) accepted: %v", in, err)
		}
	}
	if got := FormatMinutes(720); got != "720 minutes (1.5 person-days)" {
		t.Errorf("FormatMinutes(720) = %q", got)
	}
	if got := FormatMinutes(480); got != "480 minutes (1 person-day)" {
		t.Errorf("FormatMinutes(480) = %q", got)
	}
}

// Inputs are normalised before they are stored.
func TestInputsAreNormalised(t *testing.T) {
	w := newWorld(t)
	id := w.driveTo(model.KindDataCorrection, "plan")
	s := w.mustDecide(id, model.RoleEngineer, "propose", "", map[string]string{"plan": "  UPDATE 患者表 SET 出生日期 …  ", "backup_needed": "是", "verify_needed": "No"})
	if s.Facts["backup_needed"] != "true" || s.Facts["verify_needed"] != "false" || s.Facts["plan"] != "UPDATE 患者表 SET 出生日期 …" {
		t.Errorf("facts = %v", s.Facts)
	}
	if !s.BackupNeeded || s.VerifyNeeded {
		t.Errorf("plan flags %v %v", s.BackupNeeded, s.VerifyNeeded)
	}
	_, err := w.act(w.As(model.RoleTechLead), Act{ID: id, Decision: "approve", Inputs: map[string]string{"plan": "x"}})
	flowtest.WantCode(t, err, model.EINVALID)
}

// Tickets are created only of kinds that run a flow; the notices need no site.
func TestCreateTicketKinds(t *testing.T) {
	w := newWorld(t)
	for _, k := range []model.Kind{"数据维护", "holiday", ""} {
		_, err := w.act(w.As(model.RoleEngineer), Create{ID: w.NewID(), Number: "X-1", Kind: k, Channel: model.ChannelPhone,
			Severity: model.SeverityLow, Title: "标题", ContractID: w.ContractID, SiteID: w.SiteID})
		flowtest.WantCode(t, err, model.EINVALID)
	}
	_, err := w.act(w.As(model.RoleEngineer), Create{ID: w.NewID(), Number: "X-2", Kind: model.KindIncident, Channel: model.ChannelPhone,
		Severity: model.SeverityLow, Title: "无现场", ContractID: w.ContractID})
	flowtest.WantCode(t, err, model.EINVALID)
	for _, k := range FlowKinds() {
		id := w.create(k, "新建："+k.Label("zh"))
		if s := w.ticket(id); s.Step != FlowFor(k).Start() || s.Status != model.StatusOpen {
			t.Errorf("%s starts at %s (%s)", k, s.Step, s.Status)
		}
	}
}
