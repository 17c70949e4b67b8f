package i18n

// Strings of the sign-off screen (ui/signoff). They live in their own file
// so the screen's work does not collide with edits to zh.go; a key zh.go
// already translates keeps zh.go's wording, so one English word never reads
// two ways across screens.
var _ = later(func() {
	add(map[string]string{
		// Layout and fields.
		"Sign-off":             "签字确认",
		"What you are signing": "签字内容",
		"Signer":               "签字人",
		"Name":                 "姓名",
		"Role":                 "身份",
		"full name":            "请输入姓名",
		"content SHA-256":      "内容 SHA-256",
		"lines %d–%d of %d":    "第 %d–%d 行，共 %d 行",
		// Status and errors.
		"Pen down: moving draws; space lifts the pen.":                                                   "落笔：移动即书写；空格键抬笔。",
		"Pen up: arrows move it, space puts it down; or draw with the mouse.":                            "抬笔：方向键移动，空格键落笔；也可以用鼠标书写。",
		"Sign in the box with the mouse, or tab to it and draw with the arrow keys.":                     "请用鼠标在框内签名，或按 Tab 进入签名框后用方向键书写。",
		"Draw the signature in the box first: with the mouse, or tab to the box and use the arrow keys.": "请先在框内签名：用鼠标，或按 Tab 进入签名框后用方向键书写。",
		"The signature box is full: undo or clear to draw more.":                                         "签名框已写满：撤销或清除后再写。",
		"The preset name held control characters, shown as symbols: check it before signing.":            "预填的姓名含控制字符（已显示为符号），签字前请核对。",
		"This content cannot be signed: it could not be hashed.":                                         "无法签字：内容无法计算摘要。",
		"The signature was not saved:":                                                                   "签字未保存：",
		"Type the signer's name.":                                                                        "请输入签字人姓名。",
		"The name is too long: 100 characters at most.":                                                  "姓名过长：最多 100 个字符。",
		"The name may not contain control characters.":                                                   "姓名不能包含控制字符。",
		"The sign-off screen needs a terminal of at least %d×%d; this one is %d×%d.":                     "签字界面需要至少 %d×%d 的终端，当前为 %d×%d。",
		"Enlarge the window, or press esc to go back.":                                                   "请放大窗口，或按 esc 返回。",
		// Badges.
		"signed": "已签字",
		"VOID":   "签字作废",
		// Keys.
		"next field":     "下一项",
		"next":           "下一项",
		"previous":       "上一项",
		"sign":           "签字",
		"cancel":         "取消",
		"scroll up":      "向上翻页",
		"scroll down":    "向下翻页",
		"previous role":  "上一个身份",
		"next role":      "下一个身份",
		"role":           "身份",
		"move":           "移动",
		"up one dot":     "上移一点",
		"down one dot":   "下移一点",
		"left one dot":   "左移一点",
		"right one dot":  "右移一点",
		"up one cell":    "上移一格",
		"down one cell":  "下移一格",
		"left one cell":  "左移一格",
		"right one cell": "右移一格",
		"pen":            "落笔/抬笔",
		"undo":           "撤销",
		"redo":           "重做",
		"clear":          "清除",
	})
})
