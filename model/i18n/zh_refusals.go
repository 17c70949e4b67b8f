package i18n

// The refusals of the flows (flows/, flows/ticket) and their command-line
// hints: what was wrong and what to do.
var _ = later(func() {
	add(map[string]string{
		"ticket %s is at “%s”, not at “%s”: %q cannot be decided now; %s": "工单 %s 当前在“%s”，不在“%s”：现在不能作出 %q 决定；%s",
		"%q is not a decision of the %s flow: at “%s” %s":                 "%q 不是%s流程的决定：在“%s”，%s",
		"choose %s": "请选择 %s",
		"ticket %s waits at “%s” for a %s: you do not hold that role":                                  "工单 %s 在“%s”等待%s处理：您没有该角色",
		"ticket %s waits at “%s” for the customer's %s: choose the contact who is present and decides": "工单 %s 在“%s”等待客户的%s决定：请选择在场作决定的联系人",
		"ticket %s waits at “%s” for the customer's %s, and %s is not one":                             "工单 %s 在“%s”等待客户的%s决定，而 %s 不担任该角色",
		"at “%s” only the ticket's own requester may decide, and %s is not them":                       "在“%s”只有本工单的报告人可以决定，%s 不是报告人",
		"the decision %q needs “%s”: give it as %s=…":                                                  "决定 %q 需要填写“%s”：请以 %s=… 给出",
		"to %s at “%s”, say why in a comment: the next person needs to know what to change":            "在“%[2]s”%[1]s须在备注中说明原因：下一位处理人需要知道要修改什么",
		"only a %s may %s":     "只有%s可以%s",
		"assign tickets":       "分派工单",
		"%s must not be empty": "%s不能为空",
		"ticket %s is closed: open a new ticket for further work":                               "工单 %s 已关闭：如需继续处理，请新建工单",
		"ticket %s is assigned to them already":                                                 "工单 %s 已分派给此人",
		"%s (you can: %s)":                                                                      "%s（可作的决定：%s）",
		"%s (at this step only a %s can decide)":                                                "%s（此步骤只有%s可以决定）",
		"%s (at this step only a %s can decide; a customer person decides with --contact NAME)": "%s（此步骤只有%s可以决定；客户人员用 --contact 姓名 作决定）",
		"title":       "标题",
		"description": "问题描述",
	})
})
