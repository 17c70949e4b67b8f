package screentest

import (
	"fmt"
	"time"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// decide takes m at the ticket's step as someone holding the step's role;
// a customer's decision is signed, as on the laptop.
func (g *builder) decide(id model.ID, cw *customerWorld, m move) error {
	res, err := g.b.State(id)
	if err != nil {
		return err
	}
	st := res.(*ticket.State)
	step := ticket.CurrentStep(st)
	if step == nil {
		return fmt.Errorf("the ticket is closed")
	}
	d := step.Decision(m.decision)
	if d == nil {
		return fmt.Errorf("no such decision at %s", step.Name)
	}
	role := step.Roles[0]
	cmd := ticket.Act{ID: id, Decision: d.Name, Comment: m.comment, Inputs: g.inputs(d, st)}
	as := db.Acting{UserID: g.users[Engineer].ID}
	if role.IsCustomer() {
		contact, err := cw.decider(role, st)
		if err != nil {
			return err
		}
		as.ContactID = contact.ID
		content := ticket.DecisionContent(st, cmd.Decision, cmd.Comment, cmd.Inputs).
			By(flows.Signer{ContactID: contact.ID, Name: contact.Name, Role: role}, as.UserID)
		sig := content.Sign(signature, "", model.FormatTime(g.now))
		cmd.Signature = &sig
	} else {
		as.UserID = g.vendor(role, st.AssigneeID)
		if author, ok := ticket.StepAuthor(st); ok && d.NotByAuthor && author == as.UserID {
			as.UserID = g.users[Admin].ID // a second pair of eyes (seed §3 step 4)
		}
	}
	_, err = g.run(as, cmd)
	return err
}

// signature is every fixture signer's drawing: a short zigzag.
var signature = [][]model.Point{{{X: 4, Y: 12}, {X: 10, Y: 4}, {X: 16, Y: 14}, {X: 24, Y: 6}, {X: 30, Y: 10}}}

// vendor is who takes a vendor step: the assignee when they hold the
// role, else the fixture's user for it.
func (g *builder) vendor(role model.Role, assignee model.ID) model.ID {
	for _, u := range g.users {
		if u.ID == assignee && u.Roles.Has(role) {
			return u.ID
		}
	}
	login := map[model.Role]string{
		model.RoleEngineer: Engineer, model.RoleTechLead: TechLead, model.RoleDeveloper: Developer,
		model.RoleReqLead: Developer, model.RoleAdmin: Admin,
	}[role]
	return g.users[login].ID
}

// inputs fills every input of d the fixture has a value for.
func (g *builder) inputs(d *ticket.Decision, st *ticket.State) map[string]string {
	out := map[string]string{}
	for _, in := range d.Inputs {
		if v := g.input(in, st); v != "" {
			out[in.Name] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (g *builder) input(in ticket.Input, st *ticket.State) string {
	day := g.now.In(shanghai)
	switch in.Name {
	case "on_site":
		return fmt.Sprint(st.OnSite)
	case "arrived_at":
		return model.FormatTime(g.now)
	case "scheduled_for":
		return model.FormatTime(g.now.Add(72 * time.Hour))
	case "change_date":
		return day.AddDate(0, 0, 10).Format(time.DateOnly)
	case "date":
		return day.AddDate(0, 0, -1).Format(time.DateOnly)
	case "outgoing_id":
		return g.users[Engineer].ID.String()
	case "incoming_id":
		return g.users[Admin].ID.String()
	case "worked_by":
		if !st.AssigneeID.IsZero() {
			return st.AssigneeID.String()
		}
		return g.users[Engineer].ID.String()
	}
	return inputTexts[in.Name]
}

// inputTexts are the fixture's answers to the flows' inputs, by name.
var inputTexts = map[string]string{
	"cause":            "数据库连接池耗尽，应用服务无法获取连接。",
	"fix":              "调大连接池上限并重启应用服务。",
	"resolution":       "已修复，观察一小时运行正常。",
	"rating":           "5",
	"plan":             "先在测试库执行更正脚本并核对结果，再于午休时段在生产库执行。",
	"backup_needed":    "true",
	"verify_needed":    "true",
	"backup_what":      "涉及记录所在业务表的当日全部数据",
	"backup_where":     "信息中心 NAS 备份盘",
	"verify_result":    "测试库执行后数据一致，无副作用。",
	"result":           "已按方案完成更正，请报告人核对。",
	"notice":           "已电话通知报告人核对。",
	"answer":           "已电话讲解操作步骤，并发送操作手册。",
	"estimate_minutes": "240",
	"effort_minutes":   "240",
	"analysis":         "需求可行，涉及两个模块，影响范围可控。",
	"solution":         "新增配置项并改造规则引擎，附测试用例。",
	"upgrade_notes":    "升级说明：新增功能入口位于“统计报表”菜单；数据库新增两张表；可回滚。",
	"topic":            "系统日常操作与常见问题处理",
	"attendees":        "技术人员 3 人",
	"minutes":          "360",
	"work":             "配合上线切换及数据核对。",
}
