package i18n

// The words of times read in the contract's zone, responses logged as of
// when they happened, corrected report times, closed tickets, and the
// command line's consistency: kinds, logins, short ids, yes/no, repeated
// inputs.
var _ = later(func() {
	add(map[string]string{
		// Times typed, read in the contract calendar's zone.
		"response time": "响应时间",
		"%q is not a time: write it like 2026-11-27 09:30 (in the contract's time zone) or 2026-11-27T09:30:00+08:00": "%q 不是时间：请写成 2026-11-27 09:30（合同所在时区）或 2026-11-27T09:30:00+08:00",
		"time zone %q is unknown: use an IANA name such as %s":                                                        "时区 %q 无法识别：请使用 IANA 时区名，例如 %s",
		// When the request was raised.
		"the request is dated %s, before contract %s began: the contract runs from %s to %s; check the date, or record the request under the contract in force then": "请求时间为 %s，早于合同 %s 的开始日期：合同期为 %s 至 %s；请核对日期，或将请求登记在当时有效的合同下",
		"the request cannot have been raised after it was recorded (%s): give a time before that":                                                                    "请求的提出时间不能晚于登记时间（%s）：请填写此前的时间",
		"the request cannot have been raised after it was first acted on (%s): give a time before that":                                                              "请求的提出时间不能晚于首次处理时间（%s）：请填写此前的时间",
		"%s has no contract in force on %s: name one with --contract":                                                                                                "%s 在 %s 没有有效合同：请用 --contract 指定合同",
		// A closed ticket: when, and by whose decision at which step.
		"ticket %s was closed on %s, when %s decided “%s” at “%s”: open a new ticket for further work": "工单 %s 已于 %s 关闭（%s 作出决定“%s”，步骤“%s”）：如需继续处理，请新建工单",
		// The command line.
		"%s takes yes or no (true/false, 是/否), not %q":                                                           "%s 须为是或否（true/false、是/否），不能是 %q",
		"--input %s is given twice: give each input once":                                                        "--input %s 给了两次：每项输入只给一次",
		"the decision %q records no time of its own: --at gives the time of a response or of an arrival on site": "决定 %q 不记录时间：--at 只用于给出响应或到达现场的时间",
		"--at and --input %s both give the time: give it once":                                                   "--at 和 --input %s 都给出了时间：只给一次",
		// A short id or the start of an id naming several things.
		"%q matches several %s: %s; %s":      "%q 对应多个%s：%s；%s",
		In("matches", "tickets"):             "工单",
		In("matches", "customers"):           "客户",
		In("matches", "contracts"):           "合同",
		In("matches", "site"):                "现场",
		In("matches", "system"):              "系统",
		In("matches", "contact"):             "联系人",
		In("matches", "contract"):            "合同",
		"type more of the id, or the number": "请多输入几位 ID，或改用编号",
		"type more of the id, or the name":   "请多输入几位 ID，或改用名称",
	})
})
