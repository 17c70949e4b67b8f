package screentest

import "yunwei/model"

// The fixture's vendor users, by login. Tests look people up by what they
// do, not by who they happen to be.
const (
	// Engineer is the profile user at the keyboard: an engineer only.
	Engineer = "zhangwei"
	// TechLead is an engineer who is also the technical lead.
	TechLead = "liuyang"
	// Developer is a developer and the requirements lead: no role that
	// assigns tickets.
	Developer = "chenjing"
	// Admin is the administrator, also a technical lead.
	Admin = "zhaomin"
)

// DeviceCode is the fixture database's device code, so ticket numbers
// read TST-2026-0001 on every run.
const DeviceCode = "TST"

// NumberPrefix starts every fixture ticket's number.
const NumberPrefix = DeviceCode + "-2026-"

// users are the vendor users; the first creates itself and so must be the
// administrator.
var users = []model.User{
	{Login: Admin, Name: "赵敏", Phone: "139 0000 0004", Roles: model.Roles{model.RoleAdmin, model.RoleTechLead}},
	{Login: Engineer, Name: "张伟", Phone: "139 0000 0001", Roles: model.Roles{model.RoleEngineer}},
	{Login: TechLead, Name: "刘洋", Phone: "139 0000 0002", Roles: model.Roles{model.RoleEngineer, model.RoleTechLead}},
	{Login: Developer, Name: "陈静", Phone: "139 0000 0003", Roles: model.Roles{model.RoleDeveloper, model.RoleReqLead}},
}

// customerPlan is one customer with its contract, sites, systems and
// contacts. Tickets name it by key.
type customerPlan struct {
	key                  string
	name, short, address string
	contract             string
	sites                []sitePlan
	contacts             []model.Contact
}

type sitePlan struct {
	name, address string
	systems       []model.System
}

// customers: a hospital whose two requesters' departments each have their
// head (a department head approves for their own department only, seed §3
// step 2), a water company whose office head is also a department head,
// and a college with one site.
var customers = []customerPlan{
	{
		key: "hospital", name: "青川市中心医院", short: "中心医院", address: "青川市人民路 18 号", contract: "HT-2026-001",
		sites: []sitePlan{
			{name: "门诊楼机房", address: "门诊楼 4 层", systems: []model.System{{Name: "HIS 医院信息系统", Version: "6.1.0"}, {Name: "LIS 检验信息系统", Version: "3.2.4"}}},
			{name: "住院部", address: "住院部 1–9 层", systems: []model.System{{Name: "EMR 电子病历系统", Version: "4.0.2"}}},
		},
		contacts: []model.Contact{
			{Name: "刘敏", Department: "门诊收费处", Phone: "0571-8700 1201", Roles: model.Roles{model.RoleRequester}},
			{Name: "周强", Department: "检验科", Phone: "0571-8700 1310", Roles: model.Roles{model.RoleRequester}},
			{Name: "孙立", Department: "门诊收费处", Phone: "0571-8700 1001", Roles: model.Roles{model.RoleDeptHead}},
			{Name: "钱芳", Department: "检验科", Phone: "0571-8700 1002", Roles: model.Roles{model.RoleDeptHead}},
			{Name: "郑文", Department: "院长办公室", Phone: "0571-8700 1000", Roles: model.Roles{model.RoleLeadership}},
		},
	},
	{
		key: "water", name: "青川市自来水有限公司", short: "水务公司", address: "青川市滨江路 1 号", contract: "HT-2026-002",
		sites: []sitePlan{
			{name: "营业厅", address: "滨江路 1 号一楼", systems: []model.System{{Name: "营业收费系统", Version: "3.9.0"}}},
			{name: "调度中心", address: "滨江路 1 号六楼", systems: []model.System{{Name: "抄表管理系统", Version: "2.5.1"}}},
		},
		contacts: []model.Contact{
			{Name: "王丽", Department: "营业厅", Phone: "0571-8600 1102", Roles: model.Roles{model.RoleRequester}},
			{Name: "何伟", Department: "抄表班", Phone: "0571-8600 1230", Roles: model.Roles{model.RoleRequester}},
			{Name: "马骏", Department: "营业厅", Phone: "0571-8600 1001", Roles: model.Roles{model.RoleDeptHead}},
			{Name: "高远", Department: "总经理办公室", Phone: "0571-8600 1000", Roles: model.Roles{model.RoleLeadership, model.RoleDeptHead}},
			{Name: "孔军", Department: "抄表班", Phone: "0571-8600 1231", Roles: model.Roles{model.RoleDeptHead}},
		},
	},
	{
		key: "college", name: "青川职业技术学院", short: "职院", address: "青川市学院路 2 号", contract: "HT-2026-003",
		sites: []sitePlan{
			{name: "信息中心机房", address: "图书馆负一层", systems: []model.System{{Name: "教务管理系统", Version: "2.7.0"}}},
		},
		contacts: []model.Contact{
			{Name: "陈晨", Department: "教务处", Phone: "0571-8800 3301", Roles: model.Roles{model.RoleRequester}},
			{Name: "林静", Department: "教务处", Phone: "0571-8800 3300", Roles: model.Roles{model.RoleDeptHead}},
			{Name: "吴刚", Department: "校长办公室", Phone: "0571-8800 1000", Roles: model.Roles{model.RoleLeadership}},
		},
	},
}
