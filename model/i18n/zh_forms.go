package i18n

// Strings of the decision form, the sign-off, the ticket detail's header
// and action bar, the short forms of kind and step names for narrow
// columns, and the wording of counts and efforts.
var _ = later(func() {
	// Short forms (ui/words.ShortKind, ShortStep): only where the full
	// Chinese name does not fit the queue's step column at 80 columns.
	add(map[string]string{
		In("short", "enhancement"):                     "小功能",
		In("short", "reported, awaiting response"):     "待响应",
		In("short", "owner's approval of the fix"):     "业主批准",
		In("short", "resolved, awaiting confirmation"): "待确认",
		In("short", "department head approval"):        "主管审批",
		In("short", "maintenance plan"):                "维护方案",
		In("short", "technical lead review"):           "技术审核",
		In("short", "simulated verification"):          "模拟验证",
		In("short", "requester feedback"):              "反馈评价",
		In("short", "develop and book the effort"):     "开发登记",
		In("short", "department head confirmation"):    "主管确认",
		In("short", "design and implementation plan"):  "实施方案",
		In("short", "technical lead confirmation"):     "技术确认",
		In("short", "customer leadership approval"):    "领导审批",
		In("short", "implement, test, deploy"):         "开发部署",
		In("short", "owner's sign-off"):                "业主签字",
	})
	// The decision form (ui/decide): its pages, leaving it, the comment it
	// needs, and the effort booked against the quota.
	add(map[string]string{
		"Required for %s.": "选择%s时必填。",
		"“%s” needs a comment: say why, so that the next person knows what to change.": "选择“%s”须在备注中说明原因：下一环节需要知道要修改什么。",
		"page %d of %d":                          "第 %d 页，共 %d 页",
		"%s (page %d of %d)":                     "%s（在第 %d 页，共 %d 页）",
		"More on page %d: tab or enter goes on.": "第 %d 页还有内容：按 tab 或 enter 继续。",
		"discard what was typed":                 "放弃已填写的内容",
		"keep editing":                           "继续填写",
		"Discard what you typed? y discards it; n or esc goes back to the form.":         "放弃已填写的内容吗？按 y 放弃；按 n 或 esc 返回继续填写。",
		"Booked on this ticket so far: %s. Left of this service year's quota: %s of %s.": "本工单已登记：%s。本服务年度额度剩余：%s（共 %s）。",
		"nothing yet":                "尚无",
		"%d minute (%s person-days)": "%d 分钟（%s 人天）",
		"%d minutes (%s person-day)": "%d 分钟（%s 人天）",
		"%s person-day":              "%s 人天",
		"%s person-days":             "%s 人天",
	})
	// The sign-off (ui/signoff): the whole content is read before signing.
	add(map[string]string{
		"Read to the end of what you are signing first: pgdn shows the rest.":     "请先阅读完要签字的全部内容：按 pgdn 查看其余部分。",
		"Scroll to the end to sign: pgdn shows the rest of what you are signing.": "翻到末尾后才能签字：按 pgdn 查看要签字内容的其余部分。",
	})
	// Words: counts in the singular, labels without the unit their values
	// carry, the rating scale as its options say it.
	add(map[string]string{
		"%d entry": "共 %d 条",
		"%d event kept but not applied: see the history":                     "%d 条事件已保留但未生效：见处理记录",
		"%d ticket mentions “%s” in its description, comments or decisions.": "%d 张工单的描述、备注或处理意见中含有“%s”。",
		"%d holiday":              "%d 个节假日",
		"%d holidays":             "%d 个节假日",
		"%d make-up working day":  "%d 个调休工作日",
		"%d make-up working days": "%d 个调休工作日",
		"Would import %s and %s into %s (nothing saved).": "将导入 %s和 %s到 %s（未保存）。",
		"Imported %s and %s into the calendar of %s.":     "已将 %s和 %s导入 %s 的工作日历。",
		"overtime worked":                        "加班时长",
		"estimated effort":                       "预计工作量",
		"actual effort":                          "实际工作量",
		"rating, 1 (very poor) to 5 (excellent)": "评分（1很差 至 5优）",
	})
})
