package screentest

import "yunwei/model"

// ticketPlan is one fixture ticket: what was reported, and the moves made
// on it since, in order.
type ticketPlan struct {
	kind     model.Kind
	customer string // a customerPlan key
	// system is the system's name; "" is the customer's first. Notices,
	// which concern the whole contract, get none.
	system string
	// requester is a contact's name; "" is the customer's first requester.
	requester   string
	severity    model.Severity
	channel     model.Channel
	onSite      bool
	title       string
	description string
	reported    string // "MM-DD hh:mm" in 2026, Shanghai time
	assignee    string // a login; "" is nobody
	moves       []move
}

// move is a decision at the ticket's step, taken by whoever holds the
// step's first role with the fixture's inputs (see builder.decide), or,
// without a decision, a comment.
type move struct{ decision, comment string }

func do(decision string) move           { return move{decision: decision} }
func why(decision, comment string) move { return move{decision: decision, comment: comment} }
func note(text string) move             { return move{comment: text} }

// LogPhrase is written only into comments and decision texts, never into
// a title: the queue finds it in the log, not in its table.
const LogPhrase = "远程查看日志"

// tickets: one ticket at every open step of every flow, a few closed ones,
// an old incident nobody answered (its response clock breached), a fresh
// critical one, CJK and mixed-script titles, a long one, loops back with
// reasons, and signed customer decisions. Numbers follow the report time.
var tickets = []ticketPlan{
	// Incidents. The owner approves the fix of a critical or on-site one
	// only (seed §2.1.1).
	{kind: model.KindIncident, customer: "hospital", severity: model.SeverityCritical, channel: model.ChannelPhone,
		title: "HIS 门诊挂号模块无法登录，收费窗口全部停止办理", description: "下午 4 点 50 分起所有收费窗口登录报错，患者排队。",
		reported: "11-27 16:50", assignee: Engineer},
	{kind: model.KindIncident, customer: "water", system: "营业收费系统", requester: "王丽", severity: model.SeverityMajor, channel: model.ChannelPhone,
		title: "营业收费系统响应极慢，营业厅排队积压", description: "上午开始每笔收费要等一分钟以上。",
		reported: "11-26 10:12"},
	{kind: model.KindIncident, customer: "hospital", system: "LIS 检验信息系统", requester: "周强", severity: model.SeverityCritical, channel: model.ChannelOnSite, onSite: true,
		title: "LIS 与生化分析仪通讯中断，急诊报告无法出具", description: "急诊检验结果无法回传，需到现场处理。",
		reported: "11-27 16:20", assignee: Engineer, moves: []move{do("respond")}},
	{kind: model.KindIncident, customer: "water", system: "抄表管理系统", requester: "何伟", severity: model.SeverityMajor, channel: model.ChannelRemote,
		title: "抄表管理系统数据库连接中断（ORA-12541: TNS:no listener）", description: "抄表数据无法上传。",
		reported: "11-27 14:05", assignee: TechLead, moves: []move{do("respond"), note("已" + LogPhrase + "，监听服务未启动。")}},
	{kind: model.KindIncident, customer: "college", severity: model.SeverityCritical, channel: model.ChannelPhone,
		title: "教务管理系统选课页面报错，学生无法提交", description: "选课高峰期间页面提示 500 错误。",
		reported: "11-26 09:30", assignee: Engineer, moves: []move{do("respond"), do("diagnosed")}},
	{kind: model.KindIncident, customer: "hospital", system: "EMR 电子病历系统", severity: model.SeverityCritical, channel: model.ChannelPhone,
		title: "住院部护士站打印机无法打印医嘱单", description: "三个病区的护士站都无法出单。",
		reported: "11-25 10:40", assignee: Engineer, moves: []move{do("respond"), do("diagnosed"), do("approve")}},
	{kind: model.KindIncident, customer: "water", system: "营业收费系统", severity: model.SeverityMajor, channel: model.ChannelPhone,
		title: "营业厅发票打印机卡纸后无法出票", description: "更换纸卷后仍提示缺纸。",
		reported: "11-24 15:20", assignee: TechLead, moves: []move{do("respond"), do("diagnosed"), do("resolved")}}, // remote, not critical: no owner's approval
	{kind: model.KindIncident, customer: "hospital", severity: model.SeverityCritical, channel: model.ChannelPhone,
		title: "HIS 服务器磁盘空间不足告警", description: "数据库服务器 D 盘剩余不足 5%。",
		reported: "11-18 08:50", assignee: Engineer, moves: []move{do("respond"), do("diagnosed"), do("approve"), do("resolved"), do("confirm")}},

	// Bug fixes.
	{kind: model.KindBugFix, customer: "hospital", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "门诊发票打印金额与实际收费不符", description: "打印的发票比收费记录多一角，仅部分窗口出现。",
		reported: "11-27 11:15"},
	{kind: model.KindBugFix, customer: "water", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "阶梯水价账单导出 Excel 后中文乱码", description: "导出的账单用 Excel 打开后户名乱码。",
		reported: "11-25 14:00", assignee: Developer, moves: []move{do("accept"), note("已在测试环境复现，" + LogPhrase + "未见报错。")}},
	{kind: model.KindBugFix, customer: "college", severity: model.SeverityMajor, channel: model.ChannelPhone,
		title: "成绩录入页面点击保存后无反应", description: "期中成绩录入时点保存没有提示。",
		reported: "11-24 09:50", assignee: Engineer, moves: []move{do("accept"), do("fixed")}},
	{kind: model.KindBugFix, customer: "hospital", system: "LIS 检验信息系统", severity: model.SeverityLow, channel: model.ChannelEmail,
		title: "检验报告日期显示错一天", description: "夜间出具的报告日期显示为前一天。",
		reported: "11-17 10:20", assignee: Developer, moves: []move{do("accept"), do("fixed"), do("confirm")}},

	// Data corrections. The one at the department head's approval is the
	// screens' usual subject: commented, assigned, waiting on the customer.
	{kind: model.KindDataCorrection, customer: "hospital", requester: "刘敏", severity: model.SeverityMajor, channel: model.ChannelPhone,
		title:       "撤销收费处误作废的 3 张门诊发票",
		description: "收费处 11 月 27 日上午误将 3 张已收费发票作废，患者已离院，需恢复为正常状态。\n发票号见附件截图。",
		reported:    "11-27 09:40", assignee: TechLead, moves: []move{note("已电话联系刘敏，确认发票号和作废时间。"), note("需门诊收费处主任审批后处理。")}},
	{kind: model.KindDataCorrection, customer: "hospital", requester: "刘敏", severity: model.SeverityMinor, channel: model.ChannelPhone,
		title: "挂号数据重复，申请删除重复挂号记录", description: "挂号接口超时重试，同一患者同一时段生成了两条挂号记录。",
		reported: "11-26 15:30", assignee: Engineer, moves: []move{do("approve")}},
	{kind: model.KindDataCorrection, customer: "water", system: "抄表管理系统", requester: "何伟", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "抄表数据批量导入有误，需修正 126 户读数", description: "导入时列顺序错位，126 户的本期读数写成了上期读数。",
		reported: "11-26 10:00", assignee: Engineer, moves: []move{do("approve"), do("propose")}},
	{kind: model.KindDataCorrection, customer: "college", severity: model.SeverityMinor, channel: model.ChannelPhone,
		title: "更正教务处重复提交的补考成绩", description: "补考成绩提交了两次，学生成绩单显示两条记录。",
		reported: "11-25 16:10", assignee: Engineer,
		moves: []move{do("approve"), do("propose"), why("return", "方案未说明回退措施，请补充。"), do("propose"), do("approve")}},
	{kind: model.KindDataCorrection, customer: "water", system: "营业收费系统", severity: model.SeverityMajor, channel: model.ChannelPhone,
		title: "银行代扣数据重复扣款，需冲正", description: "11 月批次有 8 户被重复代扣。",
		reported: "11-25 09:20", assignee: TechLead, moves: []move{do("approve"), do("propose"), do("approve"), do("done")}},
	{kind: model.KindDataCorrection, customer: "hospital", requester: "周强", severity: model.SeverityMinor, channel: model.ChannelFax,
		title: "药剂科处方录入错误，申请数据维护", description: "两张处方的药品剂量录错，需更正后重新打印。",
		reported: "11-24 14:30", assignee: Engineer, moves: []move{do("approve"), do("propose"), do("approve"), do("done"), do("success")}},
	{kind: model.KindDataCorrection, customer: "college", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "学籍信息录入错误，需更正 12 名学生的专业", description: "新生入学时 12 名学生的专业录成了相近专业。",
		reported: "11-23 10:15", assignee: Engineer, moves: []move{do("approve"), do("propose"), do("approve"), do("done"), do("success"), do("done")}},
	{kind: model.KindDataCorrection, customer: "hospital", requester: "刘敏", severity: model.SeverityMinor, channel: model.ChannelPhone,
		title: "更正住院结算中重复的医保记录", description: "一名患者出院结算时医保记录重复上传。",
		reported: "11-16 11:00", assignee: Engineer, moves: []move{do("approve"), do("propose"), do("approve"), do("done"), do("success"), do("done"), do("satisfied")}},

	// Consultations.
	{kind: model.KindConsultation, customer: "hospital", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "咨询如何在 HIS 中补打上月的住院发票", description: "患者要求补开上月的住院发票。",
		reported: "11-27 10:05", assignee: Engineer},
	{kind: model.KindConsultation, customer: "water", requester: "王丽", severity: model.SeverityLow, channel: model.ChannelEmail,
		title:       "请问营业收费系统中阶梯水价的统计口径是按抄表日期还是按结算日期计算，月底对账时两张报表的合计数不一致，应以哪一张为准",
		description: "财务部月底对账发现差异，请给出书面答复。",
		reported:    "11-26 13:40"},
	{kind: model.KindConsultation, customer: "college", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "新教师如何开通教务管理系统账号", description: "教务处询问新入职教师的开户流程。",
		reported: "11-19 15:00", assignee: Engineer, moves: []move{do("answer")}},

	// Enhancements.
	{kind: model.KindEnhancement, customer: "hospital", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "收费日报表增加按窗口合计行", description: "财务科希望日报表每个收费窗口有一行合计。",
		reported: "11-26 11:00", assignee: Engineer},
	{kind: model.KindEnhancement, customer: "water", system: "抄表管理系统", requester: "何伟", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "用户档案列表增加按抄表班筛选", description: "抄表班希望只看本班负责的用户。",
		reported: "11-25 11:30", assignee: Engineer, moves: []move{do("estimate")}},
	{kind: model.KindEnhancement, customer: "college", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "课表查询增加导出按钮", description: "教师希望把个人课表导出为 Excel。",
		reported: "11-24 10:30", assignee: Developer, moves: []move{do("estimate"), do("approve")}},
	{kind: model.KindEnhancement, customer: "hospital", system: "LIS 检验信息系统", requester: "周强", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "检验报告支持批量打印", description: "检验科希望一次打印一个病区的全部报告。",
		reported: "11-23 14:00", assignee: Engineer, moves: []move{do("estimate"), do("approve"), do("done")}},
	{kind: model.KindEnhancement, customer: "water", severity: model.SeverityLow, channel: model.ChannelEmail,
		title: "欠费用户列表增加按欠费月数排序", description: "稽查科希望先看欠费最久的用户。",
		reported: "11-10 10:00", assignee: Engineer, moves: []move{do("estimate"), do("approve"), do("done"), do("satisfied")}},

	// Change requests.
	{kind: model.KindChange, customer: "hospital", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "医保接口升级，需适配新版结算规则", description: "医保局 12 月起启用新版结算接口。",
		reported: "11-27 09:10", assignee: Developer},
	{kind: model.KindChange, customer: "water", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "新增欠费停水通知短信模块", description: "欠费超过两个月的用户自动发送停水提醒短信。",
		reported: "11-26 14:20", assignee: Developer, moves: []move{do("analysed")}},
	{kind: model.KindChange, customer: "college", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "排课规则调整：同一教师每天不超过 6 节", description: "教务处新学期起执行新的排课规则。",
		reported: "11-25 15:00", assignee: Developer, moves: []move{do("analysed"), do("approve")}},
	{kind: model.KindChange, customer: "hospital", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "门诊收费流程再造，支持先诊疗后付费", description: "医院推行信用就医，门诊可先诊疗后统一付费。",
		reported: "11-24 11:20", assignee: Developer, moves: []move{do("analysed"), do("approve"), do("propose")}},
	{kind: model.KindChange, customer: "water", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "营业收费系统升级以适配新的水价政策", description: "物价局批复的新水价 1 月 1 日起执行。",
		reported: "11-23 09:45", assignee: Developer, moves: []move{do("analysed"), do("approve"), do("propose"), do("approve")}},
	{kind: model.KindChange, customer: "college", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "新增毕业审核模块", description: "按培养方案自动审核学生的毕业学分。",
		reported: "11-20 10:00", assignee: Developer,
		moves: []move{do("analysed"), do("approve"), do("propose"), do("approve"), why("revise", "请补充与学籍模块的接口说明。"), do("propose"), do("approve"), do("approve")}},
	{kind: model.KindChange, customer: "hospital", system: "EMR 电子病历系统", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "电子病历增加护理评估单", description: "护理部要求入院 24 小时内完成护理评估。",
		reported: "11-18 14:00", assignee: Developer, moves: []move{do("analysed"), do("approve"), do("propose"), do("approve"), do("approve"), do("deployed")}},
	{kind: model.KindChange, customer: "college", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "考试安排增加监考冲突检查", description: "同一教师同一时段不得安排两场监考。",
		reported: "11-09 14:30", assignee: Developer,
		moves: []move{do("analysed"), do("approve"), do("propose"), do("approve"), do("approve"), do("deployed"), do("satisfied")}},

	// Training.
	{kind: model.KindTraining, customer: "hospital", system: "LIS 检验信息系统", requester: "周强", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "检验科新员工 LIS 操作培训", description: "检验科 5 名新员工下月上岗。",
		reported: "11-26 16:00", assignee: Engineer},
	{kind: model.KindTraining, customer: "water", severity: model.SeverityLow, channel: model.ChannelEmail,
		title: "营业收费系统新功能使用培训", description: "新版收费界面上线前培训营业厅人员。",
		reported: "11-25 10:00", assignee: TechLead, moves: []move{do("schedule")}},
	{kind: model.KindTraining, customer: "college", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "教务管理系统日常维护培训（技术人员）", description: "信息中心 3 名技术人员。",
		reported: "11-20 15:00", assignee: Engineer, moves: []move{do("schedule"), do("delivered")}},
	{kind: model.KindTraining, customer: "hospital", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "门诊收费处 HIS 收费操作培训", description: "收费处新员工 4 人。",
		reported: "11-11 09:30", assignee: Engineer, moves: []move{do("schedule"), do("delivered"), do("confirm")}},

	// Staff change notices.
	{kind: model.KindStaffChange, customer: "college", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "驻场工程师变更：张伟调往新项目，由赵敏接替", description: "12 月中旬起由赵敏驻场。",
		reported: "11-26 17:00"},
	{kind: model.KindStaffChange, customer: "hospital", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "驻场工程师变更（中心医院）", description: "张伟调往新项目，由赵敏接替。",
		reported: "11-24 16:30", moves: []move{do("announce")}},
	{kind: model.KindStaffChange, customer: "water", severity: model.SeverityMinor, channel: model.ChannelEmail,
		title: "驻场工程师变更（水务公司）", description: "张伟调往新项目，由赵敏接替。",
		reported: "11-12 10:00", moves: []move{do("announce"), do("approve")}},

	// Overtime confirmations.
	{kind: model.KindOvertime, customer: "water", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "月底结账夜间加班确认（营业收费系统）", description: "11 月 30 日晚配合月结。",
		reported: "11-27 08:30", assignee: TechLead},
	{kind: model.KindOvertime, customer: "hospital", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "配合医保接口上线周末加班确认", description: "11 月 22 日周六全天配合上线。",
		reported: "11-23 09:00", assignee: Engineer, moves: []move{do("record")}},
	{kind: model.KindOvertime, customer: "college", severity: model.SeverityLow, channel: model.ChannelPhone,
		title: "期中考试成绩发布周末加班确认", description: "11 月 8 日周日配合期中考试成绩发布。",
		reported: "11-09 09:00", assignee: Engineer, moves: []move{do("record"), do("confirm")}},
}
