package i18n

// What a user reads when something outside their input fails (model's
// generic texts for errors that are not theirs to fix), and the failures
// of opening a database, writing the demo and running the terminal UI.
var _ = later(func() {
	add(map[string]string{
		// model.ErrorText: the generic text and the causes a user can act on.
		"internal error: nothing was saved; details are in the debug log when DEBUG is set": "内部错误：操作未完成，未保存任何内容；设置 DEBUG 后详情会写入调试日志",
		"it does not exist":                     "不存在",
		"it exists already":                     "已存在",
		"it took too long: nothing was written": "耗时过长：未写入任何内容",
		"permission denied: check the file's and folder's permissions": "权限不足：请检查文件和文件夹的权限",

		// Opening a database (db).
		"no database path given: pass --db PATH":                                                        "没有给出数据库路径：请用 --db 路径 指定",
		"cannot create the database %s: the folder %s does not exist; create it or choose another --db": "无法创建数据库 %s：文件夹 %s 不存在；请先创建它，或用 --db 选择其他位置",
		"cannot create the database %s: %s is not a folder":                                             "无法创建数据库 %s：%s 不是文件夹",
		"cannot create the database %s: the folder %s is not writable; choose another --db":             "无法创建数据库 %s：文件夹 %s 不可写；请用 --db 选择其他位置",
		"cannot read %s: %s": "无法读取 %s：%s",
		"cannot open %s: %s": "无法打开 %s：%s",
		"%s is a folder, not a database file: pass a file path to --db":                                   "%s 是文件夹，不是数据库文件：请给 --db 一个文件路径",
		"%s is not a yunwei database (it is not a SQLite file); choose another --db":                      "%s 不是 yunwei 数据库（不是 SQLite 文件）；请用 --db 选择其他文件",
		"%s is damaged: restore it from a backup, or run yunwei check on a copy to see what is wrong":     "%s 已损坏：请从备份恢复，或对它的副本运行 yunwei check 查看问题所在",
		"cannot open %s for writing: check the file's and folder's permissions":                           "无法以写入方式打开 %s：请检查文件和文件夹的权限",
		"%s is locked by another program: close it and try again":                                         "%s 被另一个程序锁定：请关闭该程序后重试",
		"the device identity of a database that holds events cannot change":                               "已有事件的数据库不能更改设备标识",
		"%s was written by a newer yunwei (schema %d; this one knows up to %d): update yunwei to open it": "%s 由新版 yunwei 写入（结构版本 %d；本版本最高支持 %d）：请升级 yunwei 后再打开",

		// The demo (db/demo).
		"%s already holds %d events: demo data goes into a new database; pass --db with a new file name": "%s 已有 %d 条事件：演示数据只能写入新数据库；请用 --db 给出新的文件名",
		"cannot move the demo database into place: %s":                                                   "无法把演示数据库移到目标位置：%s",
		"--tickets %d is out of range: use 1 to 10000000":                                                "--tickets %d 超出范围：请用 1 到 10000000",

		// The terminal UI (ui/tui, ui/app, ui/queue).
		"the terminal UI could not run: start yunwei in a terminal, or use a command (yunwei --help)": "终端界面无法运行：请在终端中启动 yunwei，或使用命令（yunwei --help）",
		"--size %q: write the terminal size as WIDTHxHEIGHT, like 100x30":                             "--size %q：请把终端大小写成 宽x高，例如 100x30",
		"the headless run stopped before it was ready: nothing left to wait for":                      "无界面运行在就绪前停止：没有可等待的内容了",
		"the headless run did not finish: %v":                                                         "无界面运行没有完成：%v",
		"key script: a quote is not closed: %s":                                                       "按键脚本：引号没有闭合：%s",
		"Searching descriptions, comments and decisions…":                                             "正在搜索描述、备注和处理意见…",
	})
})
