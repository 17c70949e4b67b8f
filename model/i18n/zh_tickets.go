package i18n

// Recording, editing and deciding tickets (flows, flows/ticket, model):
// every refusal of the flows, the reasons an event in the log is kept but
// not applied, and the codes a command line is given.
var _ = later(func() {
	add(map[string]string{
		// Text fields and dates (flows).
		"%s is not valid UTF-8 text: retype it":                             "%s不是有效的 UTF-8 文本：请重新输入",
		"%s is %d characters long: the limit is %d":                         "%s长 %d 个字符：上限为 %d 个字符",
		"%s holds a control character (U+%04X) at character %d: remove it":  "%s含有控制字符（U+%04X），位于第 %d 个字符：请删除",
		"%s %q is not a date: write it as YYYY-MM-DD, e.g. 2026-01-01":      "%s %q 不是日期：请写成 YYYY-MM-DD，例如 2026-01-01",
		"%s %q is not a real date: write it as YYYY-MM-DD, e.g. 2026-01-01": "%s %q 不是真实的日期：请写成 YYYY-MM-DD，例如 2026-01-01",

		// Codes (model).
		"unknown role %q: use one of requester, dept_head, leadership, engineer, req_lead, developer, tech_lead, admin":      "未知的角色 %q：请用以下之一：requester、dept_head、leadership、engineer、req_lead、developer、tech_lead、admin",
		"unknown ticket kind %q: use one of incident, bug_fix, data_correction, consultation, enhancement, change, training": "未知的工单类型 %q：请用以下之一：incident、bug_fix、data_correction、consultation、enhancement、change、training",
		"unknown channel %q: use one of phone, email, fax, remote, on_site":                                                  "未知的渠道 %q：请用以下之一：phone、email、fax、remote、on_site",
		"unknown severity %q: use 1 (critical), 2 (major), 3 (minor) or 4 (low)":                                             "未知的级别 %q：请用 1（紧急）、2（重要）、3（一般）或 4（低）",
		"unknown kind %q: use one of %s":                            "未知的类型 %q：请用以下之一：%s",
		"%q is not a time: write it like 2026-11-27T09:30:00+08:00": "%q 不是时间：请写成 2026-11-27T09:30:00+08:00 这样的格式",
		"%q is not an id: expected 36 characters like 0193a1b2-…":   "%q 不是 id：应为 36 个字符，形如 0193a1b2-…",
		"an id must be a JSON string, got %s":                       "id 必须是 JSON 字符串，实际为 %s",
		"event id must be 64 hex digits, got %d characters":         "事件 id 必须是 64 位十六进制数字，实际为 %d 个字符",
		"event id %q is not hex":                                    "事件 id %q 不是十六进制数",

		// Recording and editing a ticket.
		"ticket %s exists already":                                                                "工单 %s 已存在",
		"only vendor staff may record tickets":                                                    "只有服务方人员可以登记工单",
		"only vendor staff may edit tickets":                                                      "只有服务方人员可以修改工单",
		"only vendor staff may comment":                                                           "只有服务方人员可以添加备注",
		"ticket number was not assigned":                                                          "没有分配工单编号",
		"ticket kind %q has no flow: use one of %s":                                               "工单类型 %q 没有流程：请用以下之一：%s",
		"severity %d is not valid: use 1 (critical) to 4 (low)":                                   "级别 %d 无效：请用 1（紧急）到 4（低）",
		"contract %s is %s's, not the chosen customer's":                                          "合同 %s 属于 %s，不属于所选客户",
		"the request cannot be raised in the future (%s): check the time and this laptop's clock": "请求的提出时间不能在将来（%s）：请检查时间和这台电脑的时钟",
		"choose the site of %s the request is about":                                              "请选择请求涉及的 %s 现场",
		"site %s is not %s's":                                                                     "现场 %s 不属于 %s",
		"system %s is not %s's":                                                                   "系统 %s 不属于 %s",
		"%s is a contact of another customer":                                                     "%s 是另一个客户的联系人",
		"%s cannot take tickets: give them the engineer role first":                               "%s 不能接工单：请先给其维护工程师角色",
		"nothing to change: name a field and its new value":                                       "没有要修改的内容：请给出字段和新值",
		"on_site must be true or false, not %q":                                                   "on_site 必须是 true 或 false，不能是 %q",
		"field %q cannot be edited: editable are title, description, severity, channel, site_id, system_id, requester_id, on_site": "字段 %q 不能修改：可修改的有 title、description、severity、channel、site_id、system_id、requester_id、on_site",
		"nothing changed: the new values equal the current ones":                                                                   "没有任何变化：新值与当前值相同",

		// Deciding.
		"%s is a contact of another customer: only the customer of contract %s decides on ticket %s":  "%s 是另一个客户的联系人：只有合同 %s 的客户可以对工单 %s 作决定",
		"ticket %s is a %s, not an enhancement: only enhancements are converted into change requests": "工单 %s 是%s，不是小功能开发：只有小功能开发可以转为需求变更",
		"ticket %s is of kind %q, which this version of yunwei has no flow for: update yunwei":        "工单 %s 的类型为 %q，本版本 yunwei 没有它的流程：请升级 yunwei",
		"ticket %s is at step %q, which the %s flow does not have: an admin must resolve it":          "工单 %s 处于步骤 %q，而%s流程中没有这个步骤：须由管理员处理",
		"%s or %s":                     "%s 或 %s",
		"%s, %s or %s":                 "%s、%s 或 %s",
		"%s, %s, %s or %s":             "%s、%s、%s 或 %s",
		"%s, %s, %s, %s or %s":         "%s、%s、%s、%s 或 %s",
		"%s, %s, %s, %s, %s or %s":     "%s、%s、%s、%s、%s 或 %s",
		"%s, %s, %s, %s, %s, %s or %s": "%s、%s、%s、%s、%s、%s 或 %s",

		// Inputs of a decision.
		"%q is not an input of the decision %q: %s":                                              "%q 不是决定 %q 的填写项：%s",
		"it takes no inputs":                                                                     "它没有填写项",
		"it takes %s":                                                                            "它的填写项为 %s",
		"%s must be more than 0 minutes":                                                         "%s必须大于 0 分钟",
		"%s of %s is more than the limit of %s":                                                  "%s %s 超过了上限 %s",
		"%s must be a whole number from 1 to 5, not %q":                                          "%s必须是 1 到 5 的整数，不能是 %q",
		"%s %s lies in the future (today is %s): record it once it has happened":                 "%s %s 在将来（今天是 %s）：请在发生后再记录",
		"%s %s lies in the future: check the time and this laptop's clock":                       "%s %s 在将来：请检查时间和这台电脑的时钟",
		"%s %s is before the request was raised (%s)":                                            "%s %s 早于请求的提出时间（%s）",
		"%q is not a duration: write minutes (90), hours (2h) or person-days (1d = 480 minutes)": "%q 不是时长：请写分钟（90）、小时（2h）或人天（1d = 480 分钟）",
		"%q does not come to whole minutes: give minutes instead":                                "%q 不是整分钟：请改用分钟填写",
		"%q is too long a duration":                                                              "时长 %q 太长",
		"%s%d minutes (%s%s person-day)":                                                         "%s%d 分钟（%s%s 人天）",
		"%s%d minutes (%s%s person-days)":                                                        "%s%d 分钟（%s%s 人天）",

		// The rules of some steps (seed §1.3, §2.4).
		"an enhancement is at most 1 person-day (480 minutes, seed §1.3); %s was estimated at %s: convert it into a change request with the decision %q":             "小功能开发最多 1 人天（480 分钟，运维服务方案 §1.3）；%s 评估为 %s：请用决定 %q 转为需求变更",
		"a staff change must be announced at least %d days ahead (seed §2.4): announced on %s, the change on %s is %d days away; set the change date to %s or later": "人员变更须至少提前 %d 天通知（运维服务方案 §2.4）：通知日期为 %s，变更日期 %s 只相隔 %d 天；请把变更日期设为 %s 或之后",
		"%s cannot replace themselves: name the engineer joining":                                                               "%s 不能接替自己：请指定接替人员",
		"%s is not assigned to contract %s: name one of its engineers as the one leaving":                                       "%s 不是合同 %s 的指派人员：请从该合同的维护工程师中选择调离人员",
		"%s is assigned to contract %s already: name someone new as the one joining":                                            "%s 已是合同 %s 的指派人员：请指定一位新的接替人员",
		"today (%s) is outside contract %s's service year %s..%s: an admin must renew the contract before effort can be booked": "今天（%s）不在合同 %s 的服务年度 %s..%s 内：须由管理员续签合同后才能登记工时",
		"contract %s's yearly enhancement quota of %d person-days (seed §1.3): %s used, %s left":                                "合同 %s 每年 %d 人天的小功能开发额度（运维服务方案 §1.3）：已用 %s，剩余 %s",
		"1 person-day per enhancement (seed §1.3): %s would total %s":                                                           "每项小功能开发 1 人天的上限（运维服务方案 §1.3）：%s 合计将达 %s",
		"booking %s stays within the limits: there is nothing to override, remove override_reason":                              "登记 %s 未超出限额：无需超额批准，请去掉 override_reason",
		"only an admin may book beyond %s":                                                                                      "只有管理员可以超出限额登记（%s）",
		"booking %s would go beyond %s: book less, or ask an admin to book it with an override reason":                          "登记 %s 将超出限额（%s）：请减少登记，或请管理员填写超额理由后登记",
		"booking %s would go beyond %s: give override_reason to book it anyway":                                                 "登记 %s 将超出限额（%s）：如仍要登记，请给出 override_reason",

		// Why an event in the log is kept but not applied.
		"its payload cannot be read":                                                       "事件内容无法读取",
		"the value of %s cannot be read":                                                   "%s 的值无法读取",
		"the ticket was created already":                                                   "工单已经登记过",
		"kind %q has no flow in this version of yunwei":                                    "本版本 yunwei 没有类型 %q 的流程",
		"the ticket was closed already":                                                    "工单已经关闭",
		"it was decided at step %q, but the ticket was at %q: another decision came first": "该决定在步骤 %q 作出，但工单当时处于 %q：另一个决定在先",
		"step %q offers no decisions":                                                      "步骤 %q 没有可作的决定",
		"step %q has no decision %q":                                                       "步骤 %q 没有决定 %q",
		"decision %q does not convert the ticket that way":                                 "决定 %q 不能这样转换工单",
		"a %s may not decide at step %q":                                                   "%s不能在步骤 %q 作决定",
		"a customer's decision must name the contact who took it":                          "客户的决定必须注明作出决定的联系人",
		"only the ticket's own requester decides here":                                     "此步骤只能由本工单的报告人决定",
		"decision %q needs a comment":                                                      "决定 %q 需要填写意见",
		"decision %q must book effort exactly when the table says so":                      "决定 %q 是否登记工时须与流程表一致",
		"decision %q lacks the required input %s":                                          "决定 %q 缺少必填项 %s",
		"decision %q leads to %q, not %q":                                                  "决定 %q 应转到 %q，而不是 %q",
	})
})
