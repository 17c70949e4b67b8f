package i18n

// The names of model's codes: kinds, channels, severities and roles.
var _ = later(func() {
	add(map[string]string{
		// Ticket kinds (seed §1, §2.4).
		"consultation":    "征询",
		"bug fix":         "缺陷修复",
		"data correction": "数据维护",
		"incident":        "突发事件",
		"enhancement":     "小功能开发",
		"change/upgrade":  "需求变更",
		"training":        "培训",
		"staff change":    "人员变更",
		"overtime":        "加班确认",
		// Channels (seed §2.1.2).
		"phone":         "电话",
		"e-mail":        "邮件",
		"fax":           "传真",
		"remote access": "远程",
		"on site":       "现场",
		// Severities.
		"critical": "紧急",
		"major":    "重要",
		"minor":    "一般",
		"low":      "低",
		// Roles (DESIGN §1).
		"requester":           "使用者",
		"department head":     "使用部门主管",
		"customer leadership": "用户领导",
		"engineer":            "维护工程师",
		"requirements lead":   "需求负责人",
		"developer":           "开发工程师",
		"technical lead":      "技术负责人",
		"admin":               "管理员",
	})
})
