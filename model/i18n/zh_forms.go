package i18n

// Strings of the decision form, the sign-off, the ticket detail's header
// and action bar, the short forms of kind and step names for narrow
// columns, and the wording of counts and efforts.
func init() {
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
}
