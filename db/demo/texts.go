package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"yunwei/model"
)

// Ticket texts per kind: %[1]s a department, %[2]s a business term, %[3]s
// the system's name. Written the way a customer reports on the phone.
var titles = map[model.Kind][]string{
	model.KindIncident: {
		"%[3]s无法登录，%[1]s全部窗口停止办理", "%[3]s响应极慢，%[1]s排队积压", "%[1]s%[2]s功能报错，业务中断",
		"%[3]s数据库连接中断", "%[1]s打印机无法出单，影响%[2]s",
	},
	model.KindBugFix: {
		"%[2]s金额计算与实际不符", "%[1]s%[2]s页面点击保存后无反应", "%[2]s导出 Excel 乱码",
		"%[3]s%[2]s查询结果重复", "%[2]s日期显示错一天",
	},
	model.KindDataCorrection: {
		"%[1]s误操作，需更正%[2]s记录", "%[2]s录入错误，申请数据维护", "更正%[1]s重复提交的%[2]s",
		"撤销%[1]s误作废的%[2]s", "%[2]s数据批量导入有误，需修正",
	},
	model.KindConsultation: {
		"咨询%[2]s的操作方法", "%[1]s询问%[2]s统计口径", "如何在%[3]s中补打%[2]s",
		"%[2]s权限如何分配", "新员工如何开通%[3]s账号",
	},
	model.KindEnhancement: {
		"%[2]s列表增加按%[1]s筛选", "%[2]s报表增加合计行", "%[1]s希望%[2]s支持批量打印",
		"%[2]s查询增加导出按钮",
	},
	model.KindChange: {
		"%[2]s业务规则调整，需系统变更", "新增%[2]s模块", "%[3]s升级以适配新%[2]s政策",
		"%[1]s流程再造，%[2]s功能改造",
	},
	model.KindStaffChange: {
		"驻场工程师变更（%[3]s）：王建国调往新项目，由赵丽接替", "%[3]s维护人员调整通知",
	},
	model.KindOvertime: {
		"%[1]s配合%[2]s上线夜间加班确认", "周末%[3]s巡检加班确认", "%[2]s月底结账加班支持",
	},
	model.KindTraining: {
		"%[1]s新员工%[3]s操作培训", "%[2]s新功能使用培训", "%[3]s日常维护培训（技术人员）",
	},
}

var details = []string{
	"今天上午开始出现，重启电脑后依旧。",
	"影响面较大，请尽快安排。",
	"已截图发到邮箱，联系人电话见工单。",
	"只在部分电脑上出现，其他窗口正常。",
	"上周也出现过一次，当时自行恢复。",
	"需在月底结账前处理完毕。",
	"请先电话联系科室负责人确认。",
	"涉及患者／用户信息，请注意保密。",
}

var comments = []string{
	"已电话联系报告人，了解现场情况。",
	"远程查看日志，初步判断为配置问题。",
	"已通知科室稍后到场处理。",
	"客户确认问题复现步骤，已记录。",
	"等待客户提供更多截图。",
	"已在测试环境复现。",
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func ticketTexts(r *rand.Rand, k model.Kind, c customerPlan, system string) (title, description string) {
	dept, term := pick(r, c.departments), pick(r, c.terms)
	title = fmt.Sprintf(pick(r, titles[k]), dept, term, system)
	description = fmt.Sprintf("%s反映：%s。%s", dept, strings.TrimRight(title, "。！"), pick(r, details))
	return title, description
}
