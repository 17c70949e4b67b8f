package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

func actingAs(user model.ID) db.Acting { return db.Acting{UserID: user} }

// usersWith lists the demo's vendor users holding a role.
func (g *generator) usersWith(r model.Role) []model.ID {
	var out []model.ID
	for _, u := range users {
		if u.Roles.Has(r) {
			out = append(out, g.w.users[u.Login])
		}
	}
	if r == model.RoleAdmin {
		out = []model.ID{g.w.admin}
	}
	return out
}

// advance carries a ticket through its flow the way the work goes: each
// step is taken by someone holding its role, after a realistic delay in
// working hours; the walk stops when the ticket closes or the next step
// would lie after the anchor, so old tickets are closed and recent ones
// wait at every step.
func (g *generator) advance(id model.ID, cw *customerWorld, requester model.ID, target string) error {
	st, err := g.state(id)
	if err != nil {
		return err
	}
	var toward map[string]int
	if target != "" {
		toward = distances(ticket.FlowFor(st.Kind), target)
	}
	for moves := 0; moves < 24 && st.Status != model.StatusClosed; moves++ {
		if target != "" && st.Step == target {
			return nil
		}
		step := ticket.CurrentStep(st)
		if step == nil || len(step.Roles) == 0 {
			return nil
		}
		role := step.Roles[g.rng.IntN(len(step.Roles))]
		acting, actor := g.actorFor(role, cw, requester, st)
		if acting.UserID.IsZero() {
			return nil
		}
		allowed := ticket.Allowed(st, actor)
		if len(allowed) == 0 {
			return nil
		}
		var d ticket.Decision
		if toward != nil {
			d = g.closest(allowed, toward)
		} else {
			d = g.chooseDecision(allowed)
		}
		next := g.when(st, step, role, &d, toward)
		if !next.Before(g.opt.Anchor) {
			return nil // still waiting today
		}
		g.at(next)
		cmd := ticket.Act{ID: id, Decision: d.Name, Inputs: g.inputs(d, st, cw, target)}
		if toward != nil {
			for _, name := range []string{"backup_needed", "verify_needed", "on_site"} {
				if _, ok := cmd.Inputs[name]; ok || d.Input(name) != nil {
					cmd.Inputs[name] = "true"
				}
			}
		}
		if d.NeedsComment {
			cmd.Comment = pick(g.rng, reasons)
		}
		if role.IsCustomer() {
			if cmd, err = g.sign(acting, cmd, st); err != nil {
				if model.ErrorCode(err) == model.EINVALID {
					return nil
				}
				return fmt.Errorf("%s at %s: %w", d.Name, step.Name, err)
			}
		}
		res, err := g.b.Execute(acting, cmd)
		if err != nil {
			if model.ErrorCode(err) == model.EINVALID {
				return nil // e.g. the yearly quota is used up: the ticket waits
			}
			return fmt.Errorf("%s at %s: %w", d.Name, step.Name, err)
		}
		st = res.State.(*ticket.State)
		if c, ok := ticket.ApprovedStaffChange(st); ok {
			g.staff[c.ContractID] = append(g.staff[c.ContractID], c)
		}
	}
	return nil
}

// when is when decision d at step is taken. Decisions fall in working
// hours, a delay after the last. The vendor's first answer to a request
// comes within its response time (seed §2.6: 2 hours for a request raised
// in working hours, 1 hour for one raised outside them), on call when the
// working day is over, and so does the arrival on site, within the 4
// hours. A parked ticket spreads its decisions over the working time left
// before the anchor.
func (g *generator) when(st *ticket.State, step *ticket.Step, role model.Role, d *ticket.Decision, toward map[string]int) time.Time {
	left := time.Duration(0) // the working time left to a parked ticket per decision
	if toward != nil {
		left = g.wt.between(g.clock, g.lastWork) / time.Duration(max(toward[st.Step], 1)+1)
	}
	reported, _ := model.ParseTime(st.ReportedAt)
	switch {
	case !role.IsCustomer() && st.RespondedAt == "":
		quick := time.Duration(5+g.rng.IntN(60)) * time.Minute
		if !g.wt.working(g.clock) { // on call, within the response time
			due := reported.Add(responseTime(g.wt, reported))
			room := due.Sub(g.clock) - time.Minute
			if toward != nil {
				room = min(room, g.opt.Anchor.Sub(g.clock)/2)
			}
			if room < time.Minute {
				return g.wt.after(g.clock, quick) // too late: the next working day
			}
			return g.clock.Add(min(quick, room))
		}
		if toward == nil && g.rng.IntN(12) == 0 {
			return g.wt.after(g.clock, time.Duration(120+g.rng.IntN(120))*time.Minute) // missed now and then
		}
		if span := g.wt.spanLeft(g.clock) - time.Minute; quick > span {
			quick = max(span, 0)
		}
		if toward != nil && quick > left {
			quick = left
		}
		return g.clock.Add(max(quick, 30*time.Second))
	case stamps(d, "arrived_at"):
		room := reported.Add(4*time.Hour).Sub(g.clock) - 10*time.Minute
		if toward != nil {
			room = min(room, g.opt.Anchor.Sub(g.clock)/2)
		}
		return g.clock.Add(max(time.Duration(g.rng.Int64N(int64(max(room, time.Minute)))), time.Minute))
	}
	var next time.Time
	if toward != nil {
		wait := left
		if toward[st.Step] <= 1 { // the last decision: as late as the day allows
			wait = g.wt.between(g.clock, g.lastWork) - time.Duration(1+g.rng.IntN(20))*time.Minute
		}
		next = g.wt.after(g.clock, max(wait, time.Minute))
	} else {
		next = g.wt.after(g.clock, g.delay(step, role))
	}
	if step.Name == "scheduled" && d.Name == "delivered" {
		// Training is delivered when it was scheduled for.
		if at, err := model.ParseTime(st.Facts["scheduled_for"]); err == nil && next.Before(at) {
			next = g.wt.after(at, time.Duration(90+g.rng.IntN(60))*time.Minute)
		}
	}
	return next
}

// responseTime is the seed's response time for a request raised at t
// (seed §2.6): 2 hours inside working hours, 1 hour outside them.
func responseTime(wt workTime, t time.Time) time.Duration {
	if wt.working(t) {
		return 2 * time.Hour
	}
	return time.Hour
}

func stamps(d *ticket.Decision, stamp string) bool {
	for _, s := range d.Stamps {
		if s == stamp {
			return true
		}
	}
	return false
}

func (g *generator) state(id model.ID) (*ticket.State, error) {
	res, err := g.b.State(id)
	if err != nil {
		return nil, err
	}
	st, ok := res.(*ticket.State)
	if !ok {
		return nil, fmt.Errorf("ticket %s has no state", id)
	}
	return st, nil
}

// actorFor picks who takes a step: a vendor user with the role, or the
// profile engineer's laptop with the customer person present: the
// ticket's requester, a department head of the requester's department
// where the step is theirs (seed §3 step 2), and never the author of the
// plan being reviewed (seed §3 step 4).
func (g *generator) actorFor(role model.Role, cw *customerWorld, requester model.ID, st *ticket.State) (db.Acting, flows.Actor) {
	if role.IsCustomer() {
		var contact model.ID
		switch role {
		case model.RoleRequester:
			contact = requester
		case model.RoleDeptHead:
			var heads []model.ID
			req, known := g.contacts[requester]
			for _, h := range cw.heads {
				if !known || ticket.InRequesterDepartment(st, g.contacts[h], &req) {
					heads = append(heads, h)
				}
			}
			if len(heads) == 0 {
				heads = cw.heads
			}
			contact = pick(g.rng, heads)
		case model.RoleLeadership:
			contact = pick(g.rng, cw.leaders)
		}
		c := g.contacts[contact]
		return db.Acting{UserID: g.w.profile, ContactID: contact}, flows.Actor{User: g.userModels[g.w.profile], Contact: &c}
	}
	candidates := g.usersWith(role)
	author, reviewing := ticket.StepAuthor(st)
	if reviewing && secondEyes(ticket.CurrentStep(st)) {
		var others []model.ID
		for _, u := range candidates {
			if u != author {
				others = append(others, u)
			}
		}
		if len(others) > 0 {
			candidates = others
		}
	} else {
		reviewing = false
	}
	if len(candidates) == 0 {
		return db.Acting{}, flows.Actor{}
	}
	u := candidates[g.rng.IntN(len(candidates))]
	if !st.AssigneeID.IsZero() && g.userModels[st.AssigneeID].Roles.Has(role) && (!reviewing || st.AssigneeID != author) {
		u = st.AssigneeID // the assignee does their own steps
	}
	return db.Acting{UserID: u}, flows.Actor{User: g.userModels[u]}
}

// secondEyes reports whether a decision of the step may not be taken by
// the one who brought the ticket there.
func secondEyes(st *ticket.Step) bool {
	if st == nil {
		return false
	}
	for _, d := range st.Decisions {
		if d.NotByAuthor {
			return true
		}
	}
	return false
}

// chooseDecision mostly moves forward; now and then a step is rejected,
// returned or revised, as in real work.
func (g *generator) chooseDecision(allowed []ticket.Decision) ticket.Decision {
	var forward, back []ticket.Decision
	for _, d := range allowed {
		if d.NeedsComment || d.Convert != "" {
			back = append(back, d)
		} else {
			forward = append(forward, d)
		}
	}
	if len(back) > 0 && (len(forward) == 0 || g.rng.IntN(100) < 9) {
		return back[g.rng.IntN(len(back))]
	}
	return forward[g.rng.IntN(len(forward))]
}

// delay is how long a step takes, in working time: engineers answer within
// hours, customers approve within a day or two, development takes days.
func (g *generator) delay(step *ticket.Step, role model.Role) time.Duration {
	switch {
	case role.IsCustomer():
		return time.Duration(30+g.rng.IntN(2*8*60)) * time.Minute
	case step.Name == "implementation" || step.Name == "solution" || step.Name == "fixing":
		return time.Duration(4*60+g.rng.IntN(4*8*60)) * time.Minute
	default:
		return time.Duration(5+g.rng.IntN(150)) * time.Minute
	}
}

// inputs fills a decision's inputs with plausible values.
func (g *generator) inputs(d ticket.Decision, st *ticket.State, cw *customerWorld, target string) map[string]string {
	out := map[string]string{}
	for _, in := range d.Inputs {
		if in.Name == "responded_at" {
			continue // the demo responds as it records: the decision's time
		}
		if !in.Required && (g.rng.IntN(3) == 0 || in.Name == "override_reason") {
			continue
		}
		switch in.Type {
		case ticket.InputBool:
			out[in.Name] = fmt.Sprint(g.rng.IntN(3) > 0)
			if in.Name == "on_site" {
				out[in.Name] = fmt.Sprint(st.OnSite)
			}
		case ticket.InputMinutes:
			max := in.Max
			if max <= 0 || max > 8*60 {
				max = 8 * 60
			}
			if in.Name == "effort_minutes" {
				// Rework after "not satisfied" stays within the
				// enhancement's 1 person-day (seed §1.3).
				max = min(max, 8*60-st.EffortMinutes)
			}
			if max < 30 {
				max = 30
			}
			out[in.Name] = fmt.Sprint(30 + 30*g.rng.IntN(max/30))
		case ticket.InputTime:
			out[in.Name] = model.FormatTime(g.clock)
			if in.Future {
				out[in.Name] = model.FormatTime(g.sessionTime(target))
			}
		case ticket.InputDate:
			day := g.clock.In(shanghai)
			if in.Future || in.Name == "change_date" {
				day = day.AddDate(0, 0, 8+g.rng.IntN(20))
			} else {
				day = day.AddDate(0, 0, -g.rng.IntN(3)) // overtime is confirmed in the days after
			}
			out[in.Name] = day.Format(time.DateOnly)
		case ticket.InputRating:
			out[in.Name] = fmt.Sprint(3 + g.rng.IntN(3))
		case ticket.InputUser:
		default:
			out[in.Name] = inputText(g.rng, in.Name)
		}
	}
	if d.Input("outgoing_id") != nil {
		out["outgoing_id"], out["incoming_id"] = g.staffChange(cw, out["change_date"])
	}
	if d.Input("worked_by") != nil {
		out["worked_by"] = g.overtimeBy(cw, st, out["date"]).String()
	}
	return out
}

// sessionTime is when a training is scheduled for: a working morning or
// afternoon in the days ahead, or, for a ticket parked after it was given,
// during the working time left before the anchor.
func (g *generator) sessionTime(target string) time.Time {
	if target == "confirmation" {
		return g.wt.after(g.clock, g.wt.between(g.clock, g.lastWork)/3)
	}
	day := g.clock.In(shanghai).AddDate(0, 0, 2+g.rng.IntN(9))
	at := time.Date(day.Year(), day.Month(), day.Day(), []int{9, 14}[g.rng.IntN(2)], 30, 0, 0, shanghai)
	return g.wt.after(at, 0)
}

// staffChange picks who leaves and who joins a contract on date (seed
// §2.4): of the two who take turns on it, the one serving then leaves and
// the other joins, so the profile engineer and the technical lead stay.
func (g *generator) staffChange(cw *customerWorld, date string) (outgoing, incoming string) {
	serving := ticket.EngineersOn(g.w.base, g.staff[cw.contract], date)
	pair := []model.ID{g.w.users["chenming"], g.w.users["zhaoli"]}
	out, in := pair[0], pair[1]
	if containsID(serving, in) {
		out, in = in, out
	}
	return out.String(), in.String()
}

// overtimeBy is who worked an overtime: the ticket's assignee when they
// served the contract that day, else the profile engineer, who always
// does.
func (g *generator) overtimeBy(cw *customerWorld, st *ticket.State, date string) model.ID {
	serving := ticket.EngineersOn(g.w.base, g.staff[cw.contract], date)
	if a := st.AssigneeID; !a.IsZero() && containsID(serving, a) {
		return a
	}
	return g.w.profile
}

func containsID(ids []model.ID, id model.ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

var inputTexts = map[string][]string{
	"plan":          {"先在测试库执行更正脚本并核对结果，再于中午休息时段在生产库执行。", "按申请单逐条核对后手工更正，执行前后各导出一次数据。"},
	"backup_what":   {"相关业务表当日全部记录", "涉及的 126 条记录及其关联明细"},
	"backup_where":  {"备份服务器 /backup/yunwei/ 目录", "信息科机房 NAS 备份盘"},
	"verify_result": {"测试库执行后数据一致，无副作用。"},
	"result":        {"已按方案完成更正，请报告人核对。", "数据已恢复正确。"},
	"notice":        {"已电话通知报告人核对。", "已在工作群通知科室。"},
	"cause":         {"数据库连接池耗尽。", "打印驱动升级后与旧版控件冲突。", "网络交换机端口故障。"},
	"fix":           {"重启应用服务并调大连接池上限。", "回退打印驱动版本。", "更换交换机端口并观察。"},
	"resolution":    {"已修复并观察一小时，运行正常。", "已恢复业务。"},
	"analysis":      {"需求可行，涉及两个模块，预计影响范围可控。", "与现行业务规则一致，建议实施。"},
	"solution":      {"新增配置项并改造计费规则引擎，附测试用例。", "新增报表模块，复用现有查询接口。"},
	"upgrade_notes": {"升级说明：新增功能入口位于“统计报表”菜单；数据库新增两张表；可回滚。"},
	"answer":        {"已电话讲解操作步骤，并发送操作手册。", "统计口径以结算日期为准，已邮件说明。"},
	"topic":         {"系统日常操作与常见问题处理", "新功能使用说明"},
	"attendees":     {"科室 12 人", "技术人员 5 人"},
	"work":          {"夜间配合上线切换及数据核对。", "周末巡检及补丁安装。"},
}

var reasons = []string{
	"方案未说明回退措施，请补充。",
	"影响范围需进一步确认。",
	"结果与预期不符，请重新处理。",
	"需与业务科室再次确认需求。",
}

func inputText(r *rand.Rand, name string) string {
	if list, ok := inputTexts[name]; ok {
		return pick(r, list)
	}
	return "已处理。"
}

// distances is, for every step of a flow, the number of decisions to the
// target step (breadth first over the table's edges, backwards).
func distances(f *ticket.Flow, target string) map[string]int {
	dist := map[string]int{target: 0}
	for changed := true; changed; {
		changed = false
		for _, st := range f.Steps {
			for _, d := range st.Decisions {
				to := d.To
				if next := f.Step(to); next != nil && next.When != "" && next.Name != target {
					// a conditional step may be skipped to Else; the demo
					// asks for it, so count it as reached.
					to = next.Name
				}
				if dt, ok := dist[to]; ok && d.Convert == "" {
					if cur, ok := dist[st.Name]; !ok || dt+1 < cur {
						dist[st.Name] = dt + 1
						changed = true
					}
				}
			}
		}
	}
	return dist
}

// closest picks the allowed decision that leads nearest to the target.
func (g *generator) closest(allowed []ticket.Decision, dist map[string]int) ticket.Decision {
	best, bestDist := allowed[0], 1<<30
	for _, d := range allowed {
		if dd, ok := dist[d.To]; ok && d.Convert == "" && dd < bestDist {
			best, bestDist = d, dd
		}
	}
	return best
}

// parkingTargets are the (kind, step) pairs the newest tickets are parked
// at, so that a demo holds a ticket in every step of every flow.
func parkingTargets() [][2]string {
	var out [][2]string
	for _, k := range ticket.FlowKinds() {
		for _, st := range ticket.FlowFor(k).Steps {
			if !st.End {
				out = append(out, [2]string{string(k), st.Name})
			}
		}
	}
	return out
}

// sign gives a customer's decision the contact's drawn signature of
// exactly what it decides (DESIGN §5), as the sign-off on the laptop
// does: the decision is previewed for its normalised comment and inputs,
// and the signature carries what the sign-off's does (the signer, the
// content hash, the drawing and the time), the decider sealing it.
func (g *generator) sign(acting db.Acting, cmd ticket.Act, st *ticket.State) (ticket.Act, error) {
	changes, err := g.b.Preview(acting, cmd)
	if err != nil {
		return cmd, err
	}
	p, ok := changes[0].Payload.(ticket.DecidedPayload)
	if !ok {
		return cmd, fmt.Errorf("a decision's preview is a %T", changes[0].Payload)
	}
	c := g.contacts[acting.ContactID]
	signer := flows.Signer{ContactID: c.ID, Name: c.Name, Role: p.Role}
	content := ticket.DecisionContent(st, p.Decision, p.Comment, p.Inputs).By(signer, acting.UserID)
	cmd.Signature = &model.Signature{
		SignerName: c.Name, SignerRole: p.Role, ContactID: c.ID, ContentHash: ticket.DecisionHash(content),
		Strokes: signatureOf(c.Name), SignedAt: model.FormatTime(g.clock),
	}
	return cmd, nil
}

// signatureOf is a person's drawn signature in the demo: a zigzag whose
// shape follows their name, the same every time they sign.
func signatureOf(name string) [][]model.Point {
	var stroke []model.Point
	x := 2
	for i, r := range []rune(name) {
		stroke = append(stroke, model.Point{X: x, Y: 4 + int(r)%9}, model.Point{X: x + 3, Y: 2 + (i*5)%11})
		x += 6
	}
	return [][]model.Point{stroke}
}
