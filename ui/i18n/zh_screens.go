package i18n

// Strings of the ticket screens: the detail (ui/detail), the decision form
// (ui/decide), the Approvals tab (ui/approval), the new-ticket form
// (ui/ticketform) and what they share in ui/common. They live in their own
// file so that the screens' work does not collide with edits elsewhere; a
// key another file already translates keeps that wording.
func init() {
	for k, v := range map[string]string{
		// Shared wording.
		" or ":         " 或 ",
		"not applied:": "未生效：",
		"%d min":       "%d分钟",
		"%d h":         "%d小时",
		"%d d":         "%d天",
		"Loading…":     "加载中…",
		"Saving…":      "正在保存…",
		"waiting for":  "等待",
		"waits for %s": "等待%s",
		// Form keys.
		"next field":                           "下一项",
		"previous field":                       "上一项",
		"choose":                               "选择",
		"next choice":                          "下一个选项",
		"previous choice":                      "上一个选项",
		"toggle":                               "切换",
		"new line":                             "换行",
		"save":                                 "保存",
		"decide":                               "提交决定",
		"reload":                               "刷新",
		"top":                                  "顶部",
		"bottom":                               "底部",
		"Type here; ctrl+j starts a new line.": "在此输入；ctrl+j 换行。",
		"(required)":                           "（必填）",
		"— none —":                             "— 无 —",
		"— nobody —":                           "— 不分派 —",
		"— not given —":                        "— 不填 —",
		"e.g.":                                 "例如",
		"Nothing was changed.":                 "没有任何修改。",
		// Ticket detail.
		"now":                                  "当前",
		"edit":                                 "修改",
		"comment":                              "备注",
		"assign":                               "分派",
		"explain":                              "说明",
		"explain clocks":                       "时限说明",
		"x: explain":                           "x：显示说明",
		"x: hide explanations":                 "x：隐藏说明",
		"customer:":                            "客户：",
		"Recorded so far":                      "已记录内容",
		"No SLA clock applies to this ticket.": "此工单没有适用的服务时限。",
		"%d entries":                           "共 %d 条",
		"1 entry":                              "共 1 条",
		"entered by %s":                        "由 %s 录入",
		"%d events kept but not applied: see the history": "%d 条事件已保留但未生效：见处理记录",
		"Edit %s":             "修改工单 %s",
		"Comment on %s":       "备注工单 %s",
		"Assign %s":           "分派工单 %s",
		"Comment":             "备注",
		"Comment added to %s": "已为 %s 添加备注",
		"%s assigned to %s":   "%s 已分派给 %s",
		// Decision form.
		"Decision":              "决定",
		"Who decides":           "决定人",
		"What is being decided": "审批内容",
		"Request":               "申请内容",
		"Decision on ticket %s": "工单 %s 的审批决定",
		"(comment required)":    "（需填写意见）",
		"Required to %s.":       "选择“%s”时必填。",
		"Choose a decision.":    "请选择决定。",
		"Choose who decides.":   "请选择决定人。",
		"To %s, say why in a comment: the next person needs to know what to change.": "选择“%s”须在备注中说明原因：下一环节需要知道要修改什么。",
		"Fill in %s.":                                        "请填写%s。",
		"Checking the decision…":                             "正在核对决定…",
		"The customer's %s decides and signs":                "由客户%s决定并签字",
		"Your decision, as %s (%s)":                          "由你决定：%s（%s）",
		"This ticket is closed: there is nothing to decide.": "此工单已关闭，无需决定。",
		"It waits for a %s: you do not hold that role.":      "此步骤等待%s：你没有该身份。",
		"It waits for the customer's %s, and no contact of %s who may decide here is on file.": "此步骤等待客户%s，但%s没有可在此决定的联系人。",
		"%d minutes (%s person-days)": "%d 分钟（%s 人天）",
		"%s of 5":                     "%s 分（满分 5）",
		"excellent":                   "优",
		"good":                        "良",
		"fair":                        "中",
		"poor":                        "差",
		"very poor":                   "很差",
		"e.g. 90, 2h or 1d (1 person-day = 480 minutes)":                        "例如 90、2h 或 1d（1 人天 = 480 分钟）",
		"%s: write minutes (90), hours (2h) or person-days (1d = 480 minutes).": "%s：请填写分钟（90）、小时（2h）或人天（1d = 480 分钟）。",
		"%s must be more than 0 minutes.":                                       "%s必须大于 0 分钟。",
		"%s: at most %d minutes.":                                               "%s：最多 %d 分钟。",
		"%q is not a time: write it like 2026-11-27 14:30.":                     "%q 不是有效时间：请按 2026-11-27 14:30 的格式填写。",
		"%q is not a date: write it like 2026-11-27.":                           "%q 不是有效日期：请按 2026-11-27 的格式填写。",
		// Approvals.
		"%d for you · %d for the customer": "待你处理 %d · 待客户决定 %d",
		"For you · %d":                     "待你处理 · %d",
		"For the customer, decided and signed on this laptop · %d": "待客户决定（在本机签字）· %d",
		"Nothing waits for a decision by you or the customer.":     "没有等待你或客户决定的事项。",
		"open the decision":     "打开审批",
		"Opening the decision…": "正在打开审批…",
		// The fixed refusals of flows (the rest carry values and stay as
		// flows words them).
		"comment must not be empty": "备注不能为空",
		"title must not be empty":   "标题不能为空",
		// New ticket.
		"Give the ticket a title.":                               "请填写工单标题。",
		"When the customer raised it, e.g. 2026-11-27 09:30.":    "客户提出请求的时间，例如 2026-11-27 09:30。",
		"Is on-site service needed? (the on-site arrival clock)": "是否需要现场服务？（到场时限）",
		"— no contract —":                                        "— 无合同 —",
		"— none: it concerns the whole contract —":               "— 无：涉及整个合同 —",
		"The form cannot open:":                                  "无法打开表单：",
		"there is no customer yet. An admin adds customers, contracts and sites with yunwei customer add, yunwei contract add and yunwei site add (yunwei customer --help).": "还没有客户。请管理员用 yunwei customer add、yunwei contract add 和 yunwei site add 添加客户、合同和现场（见 yunwei customer --help）。",
	} {
		if _, ok := zhCatalog[k]; !ok {
			zhCatalog[k] = v
		}
	}
}
