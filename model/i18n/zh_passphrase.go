package i18n

// The words of passphrases: asking for one, setting one, refusing without
// one (DESIGN §5: acting as another vendor user needs their passphrase).
var _ = later(func() {
	add(map[string]string{
		// Prompts on the terminal.
		"Passphrase of %s (%s): ":     "%s（%s）的口令：",
		"New passphrase of %s (%s): ": "%s（%s）的新口令：",
		"Type it again: ":             "再输入一次：",
		// Refusals.
		"this needs the passphrase of %s: give it with YUNWEI_PASSPHRASE=… or --passphrase-file FILE, or run the command in a terminal to be asked": "此操作需要 %s 的口令：请用 YUNWEI_PASSPHRASE=… 或 --passphrase-file 文件 给出，或在终端中运行以便输入口令",
		"wrong passphrase for %s: nothing was done": "%s 的口令不对：未做任何操作",
		"%s has no passphrase on this laptop yet, so no one can act as them here: an admin sets one with yunwei user passphrase %s":              "%s 在这台电脑上还没有口令，因此不能以其身份操作：请管理员用 yunwei user passphrase %s 设置",
		"%s needs a passphrase: give it with YUNWEI_NEW_PASSPHRASE=… or --new-passphrase-file FILE, or run the command in a terminal to type it": "需要为 %s 设置口令：请用 YUNWEI_NEW_PASSPHRASE=… 或 --new-passphrase-file 文件 给出，或在终端中运行以便输入",
		"the two passphrases differ: nothing was saved":                                                            "两次输入的口令不一致：未保存",
		"cancelled at the passphrase: nothing was done":                                                            "已在输入口令时取消：未做任何操作",
		"cannot read the passphrase from the terminal: give it with YUNWEI_PASSPHRASE=… or --passphrase-file FILE": "无法从终端读取口令：请用 YUNWEI_PASSPHRASE=… 或 --passphrase-file 文件 给出",
		"the passphrase file %s does not exist":                                                                    "口令文件 %s 不存在",
		"cannot read the passphrase file %s: check its permissions":                                                "无法读取口令文件 %s：请检查其权限",
		"the passphrase file %s is empty: its first line is the passphrase":                                        "口令文件 %s 是空的：其第一行应为口令",
		"a passphrase needs at least %d characters":                                                                "口令至少需要 %d 个字符",
		"a passphrase may have at most %d bytes":                                                                   "口令最多 %d 个字节",
		"the passphrase is not valid text: type it again":                                                          "口令不是有效的文本：请重新输入",
		"only %s themselves or an admin may set the passphrase of %s":                                              "只有 %s 本人或管理员可以设置 %s 的口令",
		"set your own passphrase first (yunwei user passphrase %s): an admin confirms with it":                     "请先设置你自己的口令（yunwei user passphrase %s）：管理员要用它确认",
		// What was done.
		"Passphrase of %s saved.":           "已保存 %s 的口令。",
		"Passphrase of every demo user: %s": "所有演示用户的口令：%s",
		// The first-start form.
		"Your passphrase": "你的口令",
		"Asked when someone acts as you on this laptop (--as, user use). At least %d characters.": "在这台电脑上以你的身份操作时需要输入（--as、user use）。至少 %d 个字符。",
		"The passphrase again":                                 "再次输入口令",
		"The two passphrases differ: type the same one twice.": "两次输入的口令不一致：请输入相同的口令。",
	})
})
