package i18n

// Strings of the root (ui/app), the queue (ui/queue) and the first-start
// form (ui/setup), in their own file so that the screens' work does not
// collide with edits to zh.go. A key another file already translates keeps
// that wording.
func init() {
	for k, v := range map[string]string{
		// Root: header, tabs, help, size.
		"first start":  "首次启动",
		"DB":           "数据库",
		", ":           "、",
		"Ticket":       "工单详情",
		"New ticket":   "新建工单",
		"Keys":         "按键",
		"Everywhere":   "全局",
		"Welcome, %s.": "欢迎，%s。",
		"ctrl+c quits": "ctrl+c 退出",
		"yunwei needs a terminal of at least %d×%d.":                      "yunwei 需要至少 %d×%d 的终端。",
		"This one is %d×%d: enlarge the window or make the font smaller.": "当前为 %d×%d：请放大窗口或调小字号。",
		// Tabs still to come.
		"Maintenance records": "维护记录单",
		"Monthly inspections": "月度巡检",
		"This tab will hold the maintenance record sheets: the list of sheets, and their entry as a multi-part form saved as a draft while you type, then the customer's sign-off on this screen and the printable PDF.":                       "此页将用于维护记录单：记录单列表、分步填写（边填边自动保存草稿）、客户在本屏幕上签字确认，以及可打印的 PDF。",
		"Until then, the work done on a ticket is in its history: open the ticket from the queue.":                                                                                                                                             "在此之前，工单上所做的工作都在它的处理记录里：在工单页打开该工单即可查看。",
		"This tab will hold this month's due inspections by site and the checklist runner: quick keys for pass, abnormal and n.a., readings checked against thresholds, progress, findings turned into tickets, then the customer's sign-off.": "此页将按现场列出本月应做的巡检，并提供检查单执行：正常、异常、不适用快捷键，读数按阈值校验，进度显示，发现的问题转为工单，最后由客户签字确认。",
		"Until then, a problem found on site becomes a ticket: n in the queue opens a new one.":                                                                                                                                                "在此之前，现场发现的问题请登记为工单：在工单页按 n 新建工单。",
		"This tab will hold the O&M summary report for a period: work done by kind, SLA compliance, problems, service quality, rectification plans and quota used, shown here and exported.":                                                   "此页将提供某一期间的运维总结报告：按类型统计的工作量、服务时限达成情况、问题、服务质量、整改计划和已用额度，可在此查看并导出。",
		"Until then, the queue's filters show the tickets that are yours, those waiting for you and those breaching their SLA.":                                                                                                                "在此之前，可用工单页的筛选查看我的工单、待我处理的工单和超时预警的工单。",
		// Queue: filters, sorts, columns.
		"All":                          "全部",
		"Mine":                         "我的",
		"Waiting for me":               "待我处理",
		"Breaching":                    "超时预警",
		"sort: %s":                     "排序：%s",
		"SLA due":                      "时限",
		"updated":                      "更新时间",
		"severity":                     "级别",
		"S":                            "级",
		"SLA":                          "时限",
		"%s of %s":                     "%s / 共 %s",
		"first %d · loading…":          "前 %d 张 · 加载中…",
		"loading…":                     "加载中…",
		"Loading the queue…":           "正在加载工单…",
		"Loaded %s tickets in %.1f s.": "已加载 %s 张工单，用时 %.1f 秒。",
		"Still loading: until every ticket is in, this covers only the first %d.": "仍在加载：全部加载前，仅在前 %d 张中筛选。",
		"The queue could not be read: %s":                                         "无法读取工单：%s",
		"No ticket matches the search: esc clears it.":                            "没有符合搜索的工单：按 esc 清除搜索。",
		"No open ticket is assigned to you.":                                      "没有分派给你的未关闭工单。",
		"Nothing is waiting for you.":                                             "没有等待你处理的工单。",
		"No ticket is past due or due within 30 minutes.":                         "没有已超时或 30 分钟内到期的工单。",
		"No tickets yet: n creates one.":                                          "还没有工单：按 n 新建。",
		"number, title, customer, assignee or text":                               "编号、标题、客户、处理人或正文",
		"%d tickets mention “%s” in their descriptions, comments or decisions.":   "%d 张工单的描述、备注或处理意见中含有“%s”。",
		"on hold": "暂停",
		"resp.":   "响应",
		"on-site": "到场",
		"resol.":  "解决",
		// Queue keys.
		"up":             "上移",
		"down":           "下移",
		"page up":        "向上翻页",
		"page down":      "向下翻页",
		"first":          "第一行",
		"last":           "最后一行",
		"open ticket":    "打开工单",
		"new ticket":     "新建工单",
		"search":         "搜索",
		"clear search":   "清除搜索",
		"mine":           "我的",
		"waiting for me": "待我处理",
		"breaching":      "超时预警",
		"all":            "全部",
		"sort":           "排序",
		"done":           "完成",
		"cancel search":  "取消搜索",
		// First start.
		"Welcome to yunwei": "欢迎使用 yunwei",
		"This database has no user yet. Tell it who you are; you can add colleagues later.": "此数据库还没有用户。请先登记你自己，以后可以再添加同事。",
		"Your name": "你的姓名",
		"As it appears on tickets and record sheets.": "显示在工单和维护记录单上。",
		"Login": "登录名",
		"Lower-case letters, digits, dots, dashes or underscores; it names you on every device.": "小写字母、数字、点、连字符或下划线；在所有设备上都用它识别你。",
		"Your roles": "你的角色",
		"The first user is also made an admin, to add everyone else.": "第一个用户同时成为管理员，以便添加其他人。",
		"Type your name.":           "请输入姓名。",
		"Choose a login.":           "请输入登录名。",
		"Choose at least one role.": "请至少选择一个角色。",
		"quit without saving":       "不保存并退出",
		"Saving…":                   "正在保存…",
	} {
		if _, ok := zhCatalog[k]; !ok {
			zhCatalog[k] = v
		}
	}
}
