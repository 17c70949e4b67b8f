package i18n

var _ = later(func() {
	add(map[string]string{
		"help":         "帮助",
		"back":         "返回",
		"quit":         "退出",
		"next tab":     "下一页",
		"previous tab": "上一页",
		"Queue":        "工单",
		"Approvals":    "审批",
		"Records":      "维护记录",
		"Inspections":  "巡检",
		"Reports":      "报告",
	})
})
