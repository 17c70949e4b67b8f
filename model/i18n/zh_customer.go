package i18n

// A customer's decision and its authority: the signature it needs, the
// rules the log re-checks, the marks of a contact who came late (DESIGN §5,
// §4), and the command line's signature options.
var _ = later(func() {
	add(map[string]string{
		"%s decides as the customer's %s, so the decision needs their signature: in the terminal UI they sign on the screen; on the command line give --signature-typed with the name they type, or --signature-file with a file of their drawing": "%s 以客户的%s身份作决定，须由本人签字：在终端界面中由本人在屏幕上签字；在命令行中用 --signature-typed 给出本人输入的姓名，或用 --signature-file 给出本人手写签名的笔迹文件",
		"the typed signature %q is not %s's name: the person deciding types their own name, as the contact list has it":                                                                                                                            "输入的签名 %q 不是 %s 的姓名：作决定的人须输入本人姓名，与联系人名单一致",
		"contract %s requires drawn signatures: %s signs by drawing, in the terminal UI's sign-off or with --signature-file, not by typing a name":                                                                                                 "合同 %s 要求手写签名：%s 须在终端界面的签字页或用 --signature-file 手写签名，不能只输入姓名",
		"ticket contract": "工单所属合同",

		"rule broken: the user who decided is not in the log":                                                  "违反规则：事件日志中没有作出决定的用户",
		"rule broken: by the log, the user who decided did not hold the role they decided in":                  "违反规则：据事件日志，作出决定的用户当时并不担任其决定所用的角色",
		"rule broken: by the log, the user who booked beyond the quota was not an admin":                       "违反规则：据事件日志，超出额度登记工作量的用户当时不是管理员",
		"rule broken: the customer contact who decided is not in the log":                                      "违反规则：事件日志中没有作出决定的客户联系人",
		"rule broken: by the log, the customer contact who decided did not hold the role they decided in":      "违反规则：据事件日志，作出决定的客户联系人当时并不担任其决定所用的角色",
		"the log does not allow this: %s. The database's tables were changed outside yunwei: run yunwei check": "事件日志不允许此操作：%s。数据库中的表已在 yunwei 之外被修改：请运行 yunwei check",

		"⚠ contact added after the ticket was raised":           "⚠ 联系人在工单登记后才添加",
		"⚠ contact given this role after the ticket was raised": "⚠ 联系人在工单登记后才获得该角色",
		"⚠ contact marked by a newer yunwei":                    "⚠ 联系人带有新版 yunwei 的标记",

		"--signature-typed and --signature-file are the customer's: name who signs with --contact NAME": "--signature-typed 和 --signature-file 是客户的签名：请用 --contact 姓名 指明签字人",
		"give one signature: --signature-typed or --signature-file, not both":                           "只能给出一种签名：--signature-typed 或 --signature-file，不能同时给出",
		"cannot read %s: %v": "无法读取 %s：%v",
		"%s is larger than %d KiB: a signature's strokes file is a few KiB of JSON":                  "%s 超过 %d KiB：签名的笔迹文件通常只有几 KiB 的 JSON",
		`%s is not a strokes file: write the strokes as JSON, e.g. [[{"x":3,"y":10},{"x":9,"y":4}]]`: `%s 不是笔迹文件：请把笔画写成 JSON，例如 [[{"x":3,"y":10},{"x":9,"y":4}]]`,
		"%s has a point at (%d, %d): coordinates go from 0 to %d":                                    "%s 中有一点位于 (%d, %d)：坐标范围为 0 到 %d",
		"%s holds no drawing: a signature needs at least %d points":                                  "%s 中没有笔迹：签名至少需要 %d 个点",
		"the decision made %d events, not one":                                                       "该决定产生了 %d 个事件，而不是一个",
		"contact edit takes the contact's name or id":                                                "contact edit 需要联系人的姓名或 id",
		"drawn signatures only":                          "仅限手写签名",
		"%s must be yes or no (true/false, 是/否), not %q": "%s 须为是或否（true/false、是/否），不能是 %q",
	})
})
