package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"yunwei/model"
)

// Ticket texts per kind: %[1]s the requester's department, %[2]s a
// business term, %[3]s the system's name, %[4]s the customer's short name.
// Requests read the way a customer reports on the phone; the seed §2.4
// notices are the vendor's own and read as its letters do.
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
		"撤销%[1]s误作废的%[2]s", "批量导入的%[2]s有误，需修正",
	},
	model.KindConsultation: {
		"咨询%[2]s的操作方法", "%[1]s询问%[2]s统计口径", "如何在%[3]s中补打%[2]s",
		"%[2]s权限如何分配", "%[1]s新员工如何开通%[3]s账号",
	},
	model.KindEnhancement: {
		"%[2]s列表增加按日期筛选", "%[2]s报表增加合计行", "%[1]s希望%[2]s支持批量打印",
		"%[2]s查询增加导出按钮",
	},
	model.KindChange: {
		"%[2]s业务规则调整，需系统变更", "新增%[2]s模块", "%[3]s升级以适配新%[2]s政策",
		"%[1]s流程再造，%[2]s功能改造",
	},
	model.KindStaffChange: {
		"关于调整%[4]s驻场运维人员的通知", "%[4]s运维项目维护人员变更告知",
	},
	model.KindOvertime: {
		"%[1]s配合%[2]s上线夜间加班确认", "周末%[3]s巡检加班确认", "%[2]s月底结账加班支持",
	},
	model.KindTraining: {
		"%[1]s新员工%[3]s操作培训", "%[2]s新功能使用培训", "%[3]s日常维护培训（技术人员）",
	},
}

// details are what a customer adds to a request of each kind, after
// saying what is wrong; %[5]s names the people whose data the customer
// keeps, %[6]s the date a change must be ready by.
var details = map[model.Kind][]string{
	model.KindIncident: {
		"今天上午开始出现，重启电脑后依旧。", "影响面较大，请尽快安排。", "窗口已改为手工登记，请尽快恢复。",
	},
	model.KindBugFix: {
		"只在部分电脑上出现，其他窗口正常。", "上周也出现过一次，当时自行恢复。", "已截图发到邮箱，联系人电话见工单。",
	},
	model.KindDataCorrection: {
		"需更正的记录清单已附在维护申请单中。涉及%[5]s信息，请注意保密。", "已核对原始单据，请按申请单更正。涉及%[5]s信息，请注意保密。",
	},
	model.KindConsultation: {
		"请电话或邮件答复。", "月底对账要用，请尽快答复。",
	},
	model.KindEnhancement: {
		"工作量不大，请评估后安排。", "希望在下次版本更新时一并处理。",
	},
	model.KindChange: {
		"需求说明已发邮箱，请评估可行性，需在%[6]s上线。", "请先评估影响范围，需在%[6]s上线。",
	},
	model.KindTraining: {
		"参加人数约 10 人，请提前一周通知时间和地点。", "希望安排在工作日下午，请提前一周通知。",
	},
}

// noticeTexts are the descriptions of the vendor's seed §2.4 notices.
var noticeTexts = map[model.Kind][]string{
	model.KindStaffChange: {
		"按合同约定提前一周告知：因公司项目安排，拟调整驻场维护工程师，调离和接替人员及日期见通知。交接期间服务不中断，请贵方审批。",
	},
	model.KindOvertime: {
		"应%[1]s要求，工程师在非工作时间到现场配合%[2]s相关工作。加班人员、日期和时长见确认单，请业主签字确认。",
	},
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

// ticketTexts writes a ticket of kind k for customer c, raised by dept (the
// requester's department) about system: the title, and a description that
// says who reports what, in the customer's own words for its kind.
func ticketTexts(r *rand.Rand, k model.Kind, c customerPlan, dept, system string) (title, description string) {
	args := []any{dept, pick(r, c.terms), system, c.short, c.people, c.deadline}
	title = fill(pick(r, titles[k]), args)
	if notice, ok := noticeTexts[k]; ok {
		return title, fill(pick(r, notice), args)
	}
	detail := fill(pick(r, details[k]), args)
	return title, fmt.Sprintf("%s反映：%s。%s", dept, strings.TrimRight(title, "。！"), detail)
}

// fill puts args into a text's %[n]s places; a text without any is
// itself (Sprintf would add the arguments it did not use).
func fill(text string, args []any) string {
	if !strings.Contains(text, "%") {
		return text
	}
	return fmt.Sprintf(text, args...)
}
