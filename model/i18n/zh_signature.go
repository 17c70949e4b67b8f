package i18n

// What a signature covers and why one is void (flows/ticket, ui/words,
// ui/detail, ui/cli), and the refusals of a signature that does not sign
// the decision it comes with.
var _ = later(func() {
	add(map[string]string{
		// Refusals.
		"signer's name":   "签字人姓名",
		"typed signature": "输入的签名",
		"only a customer's decision is signed on the laptop; %s decides here as a %s":                                "只有客户方的决定才在本机签字；%s 在此以%s身份决定",
		"the signature names %q, but %s is deciding: the signer signs under their own name, as the directory has it": "签字人姓名为 %q，但作决定的是 %s：签字人须以通讯录中登记的本人姓名签字",
		"the signature was made for another contact than %s: show the decision again and let %s sign":                "签字属于另一位联系人，而不是 %s：请重新显示该决定，由 %s 本人签字",
		"the signature is in the role of a %s, but %s decides here as a %s: sign again":                              "签字身份为%s，但 %s 在此以%s身份决定：请重新签字",
		"the signature was made for different content than this decision: show the decision again and sign anew":     "签字所对应的内容与本决定不符：请重新显示该决定后再签字",
		"the signature is empty: draw it, or type it":                                                                "签字为空：请手写签名，或输入签名",
		"the signature has %d points: the limit is %d; clear it and draw it again":                                   "签名共 %d 个点，上限为 %d：请清除后重新书写",
		"the signature's time %q is not a time":                                                                      "签字时间 %q 不是有效的时间",
		// Why a signature is void.
		"the ticket's number, kind or contract is not what was signed":                    "工单编号、类型或合同与签字时不符",
		"the title was changed after signing":                                             "签字后标题被修改",
		"the description was changed after signing":                                       "签字后问题描述被修改",
		"the site was changed after signing":                                              "签字后现场被修改",
		"the system was changed after signing":                                            "签字后系统被修改",
		"the requester was changed after signing":                                         "签字后报告人被修改",
		"the decision, its comment or its inputs are not what was signed":                 "决定、备注或填写内容与签字时不符",
		"a fact shown when signing (a plan, a cause, a result…) is not what was signed":   "签字时显示的信息（方案、原因、结果等）与签字时不符",
		"the signer's name, contact or role is not who signed":                            "签字人的姓名、联系人或身份与签字时不符",
		"the vendor user who entered it is not the one at the laptop when it was signed":  "录入人与签字时在场的厂商人员不符",
		"the drawing or the typed signature is not what was signed":                       "签名笔迹或输入的签名与签字时不符",
		"the time of signing is not what was recorded":                                    "签字时间与记录不符",
		"the hash stored with the signature was changed":                                  "签字记录中保存的摘要被修改",
		"the signature is in a format this version of yunwei cannot check: update yunwei": "此签字的格式本版本无法校验：请升级 yunwei",
		"signature VOID: %s": "签字作废：%s",
		"; ":                 "；",
		"an older signature: it covers the request and the decision, not the signer, the drawing or who entered it": "旧格式签字：只覆盖申请与决定，不覆盖签字人、签名笔迹和录入人",
		"Entered by": "录入人",
	})
})
