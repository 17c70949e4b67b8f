package i18n

// The seed's rules about who decides (seed §2.1.1, §2.4, §3 steps 2 and 4):
// the owner's approval of a major fault's fix, the second pair of eyes on a
// plan, the requester's own department head, the contract's staff on a
// date, and who worked the overtime.
var _ = later(func() {
	add(map[string]string{
		"who worked the overtime": "加班人员",
		"%s wrote this plan and cannot approve it too: another %s reviews it, a second pair of eyes":            "%s 是此方案的编写人，不能自己批准：须由另一位%s审核，由第二人把关",
		"the department of %s is not recorded: only the head of %s, requester %s's department, may decide here": "%[1]s 的部门未登记：此处只能由报告人 %[3]s 所在部门（%[2]s）的主管决定",
		"%s heads %s: only the head of %s, requester %s's department, may decide here":                          "%[1]s 是%[2]s的主管：此处只能由报告人 %[4]s 所在部门（%[3]s）的主管决定",
		"%s did not serve contract %s on %s: name the engineer of the contract who worked the overtime":         "%[3]s %[1]s 不在合同 %[2]s 的服务人员之列：请填写该合同实际加班的工程师",
	})
})

// The demo command kept or replaced (yunwei demo).
var _ = later(func() {
	add(map[string]string{
		"%s already holds demo data: kept as it is; --force replaces it. Start with: yunwei --db %s": "%s 已有演示数据：保持不变；--force 重新生成。启动：yunwei --db %s",
		"%s already holds demo data: --force replaces it":                                            "%s 已有演示数据：--force 重新生成",
		"replace the demo data the database holds already":                                           "重新生成数据库中已有的演示数据",
	})
})

// Who serves a contract on a day (contract list, seed §2.4).
var _ = later(func() {
	add(map[string]string{
		"engineers on %s: %s": "%s 驻场人员：%s",
		"who serves each contract on `DATE` (YYYY-MM-DD), after the staff changes approved (default: today)": "各合同在 `DATE`（YYYY-MM-DD）的驻场人员，计入已批准的人员变更（默认：今天）",
		"--on takes a date as YYYY-MM-DD, got %q":                                                            "--on 须为 YYYY-MM-DD 格式的日期，而不是 %q",
	})
})
