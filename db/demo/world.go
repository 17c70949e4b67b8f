// Package demo fills a database with realistic, deterministic demo data in
// Chinese: three customers with different systems, their contracts, sites
// and contacts, four vendor users, and tickets of every kind and channel in
// every step of their flows. The same seed and anchor give the same data.
package demo

import (
	"yunwei/model"
)

// customerPlan describes one demo customer and its world.
type customerPlan struct {
	name, short, address string
	contract             string
	sites                []sitePlan
	// contacts: each requester's department has its head, who approves
	// that department's requests (seed §3 step 2, §4 step 3).
	contacts []contactPlan
	// Words the ticket texts are made of: the customer's business terms,
	// how it names the people whose data it keeps (patients, water users,
	// students), and the date a change must be ready by.
	terms    []string
	people   string
	deadline string
}

type sitePlan struct {
	name, address string
	systems       []systemPlan
}

type systemPlan struct{ name, version string }

type contactPlan struct {
	name, department, phone string
	roles                   model.Roles
}

var customers = []customerPlan{
	{
		name: "江州市第一人民医院", short: "市一医院", address: "江州市解放路 88 号", contract: "YW-2026-HIS-001",
		sites: []sitePlan{
			{name: "门诊楼信息中心机房", address: "门诊楼 5 层", systems: []systemPlan{{"医院信息系统 HIS", "5.2.1"}, {"检验信息系统 LIS", "3.0.4"}}},
			{name: "住院部护士站", address: "住院部 2–12 层", systems: []systemPlan{{"电子病历系统 EMR", "4.1.0"}}},
		},
		contacts: []contactPlan{
			{"刘晓梅", "门诊收费处", "0571-8801 2201", model.Roles{model.RoleRequester}},
			{"周建华", "检验科", "0571-8801 2310", model.Roles{model.RoleRequester}},
			{"孙国强", "门诊收费处", "0571-8801 2200", model.Roles{model.RoleDeptHead}},
			{"钱文斌", "检验科", "0571-8801 2300", model.Roles{model.RoleDeptHead}},
			{"郑丽君", "院办", "0571-8801 2000", model.Roles{model.RoleLeadership}},
		},
		terms:    []string{"挂号", "收费", "发票打印", "医嘱", "检验报告", "处方", "住院结算", "医保接口"},
		people:   "患者",
		deadline: "医保结算新规执行前",
	},
	{
		name: "江州市自来水有限公司", short: "市水司", address: "江州市滨江大道 1 号", contract: "YW-2026-WAT-002",
		sites: []sitePlan{
			{name: "营业收费大厅", address: "滨江大道 1 号一楼", systems: []systemPlan{{"营业收费系统", "3.8.2"}}},
			{name: "调度中心", address: "滨江大道 1 号六楼", systems: []systemPlan{{"抄表管理系统", "2.4.0"}}},
		},
		contacts: []contactPlan{
			{"王芳", "营业厅", "0571-8602 1102", model.Roles{model.RoleRequester}},
			{"何志伟", "抄表班", "0571-8602 1230", model.Roles{model.RoleRequester}},
			{"马俊", "营业厅", "0571-8602 1100", model.Roles{model.RoleDeptHead}},
			{"李国栋", "抄表班", "0571-8602 1200", model.Roles{model.RoleDeptHead}},
			{"高云", "公司办公室", "0571-8602 1000", model.Roles{model.RoleLeadership, model.RoleDeptHead}},
		},
		terms:    []string{"水费账单", "抄表数据", "阶梯水价", "银行代扣", "发票", "用户档案", "欠费停水通知"},
		people:   "用水户",
		deadline: "新水价执行前",
	},
	{
		name: "江州大学", short: "江大", address: "江州市学府路 2 号", contract: "YW-2026-EDU-003",
		sites: []sitePlan{
			{name: "信息化办公室机房", address: "图书馆负一层", systems: []systemPlan{{"教务管理系统", "2.6.5"}}},
			{name: "教务处", address: "行政楼 3 层", systems: []systemPlan{{"排课选课系统", "1.9.3"}}},
		},
		contacts: []contactPlan{
			{"陈思远", "教务处", "0571-8890 3301", model.Roles{model.RoleRequester}},
			{"林雪", "计算机学院", "0571-8890 4102", model.Roles{model.RoleRequester}},
			{"黄立新", "教务处", "0571-8890 3300", model.Roles{model.RoleDeptHead}},
			{"许文博", "计算机学院", "0571-8890 4100", model.Roles{model.RoleDeptHead}},
			{"吴校长", "校长办公室", "0571-8890 1000", model.Roles{model.RoleLeadership}},
		},
		terms:    []string{"选课", "成绩录入", "排课", "学籍", "考试安排", "毕业审核", "教学评价"},
		people:   "学生",
		deadline: "新学期开学前",
	},
}

// Vendor users: the profile user first.
var users = []model.User{
	{Login: "wangjg", Name: "王建国", Phone: "138 0571 1001", Roles: model.Roles{model.RoleEngineer}},
	{Login: "lina", Name: "李娜", Phone: "138 0571 1002", Roles: model.Roles{model.RoleEngineer, model.RoleTechLead}},
	{Login: "chenming", Name: "陈明", Phone: "138 0571 1003", Roles: model.Roles{model.RoleDeveloper, model.RoleReqLead}},
	{Login: "zhaoli", Name: "赵丽", Phone: "138 0571 1004", Roles: model.Roles{model.RoleAdmin, model.RoleTechLead}},
}
