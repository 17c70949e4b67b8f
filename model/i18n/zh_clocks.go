package i18n

// What each kind of ticket is timed by (seed §2.6, §2.4), as the SLA
// clocks' explanations and the detail say it.
var _ = later(func() {
	add(map[string]string{
		"This ticket is the customer's request: its clocks count from when it was raised (seed §2.6).":                                                            "此工单是客户提出的请求，各项时限自请求提出时起算（服务方案 §2.6）。",
		"This %[1]s ticket is the customer's request: its clocks count from when it was raised (seed §2.6).":                                                      "此%[1]s工单是客户提出的请求，各项时限自请求提出时起算（服务方案 §2.6）。",
		"This %[1]s ticket is planned work: the response counts from the request; arrival on site and resolution will count from the time it is scheduled for.":   "此%[1]s工单为计划工作：响应自请求提出时起算；到场和解决将自安排的时间起算。",
		"This %[1]s ticket is planned work: the response counts from the request; arrival on site and resolution count from the time it is scheduled for, %[2]s.": "此%[1]s工单为计划工作：响应自请求提出时起算；到场和解决自安排的时间 %[2]s 起算。",
		"No SLA clock applies: a staff change notice is the vendor's own notice, not a customer request (seed §2.4, §2.6).":                                       "不适用服务时限：人员变更通知是我方自己发出的通知，不是客户的请求（服务方案 §2.4、§2.6）。",
		"No SLA clock applies: an overtime confirmation is the vendor's own record for the owner to sign, not a customer request (seed §2.4, §2.6).":              "不适用服务时限：加班确认是我方请业主签字确认的记录，不是客户的请求（服务方案 §2.4、§2.6）。",
		"No SLA clock applies: this is the vendor's own notice, not a customer request (seed §2.6).":                                                              "不适用服务时限：这是我方自己的通知，不是客户的请求（服务方案 §2.6）。",
		"On-site service is needed, so arrival on site is due within %[3]s of the scheduled time.":                                                                "需要现场服务，应在安排的时间起 %[3]s内到达现场。",
		"The contract sets a resolution target of %[3]s for %[4]s tickets, counted from the scheduled time.":                                                      "合同约定%[4]s类工单须在 %[3]s内解决，自安排的时间起算。",
		"The clock counts from %[1]s, the time the work is scheduled for.":                                                                                        "自安排的时间 %[1]s 起计时。",
		"The clock counts from %[1]s, the time the work is scheduled for; working time counts from %[2]s.":                                                        "自安排的时间 %[1]s 起计时，工作时间从 %[2]s 起算。",
	})
})
