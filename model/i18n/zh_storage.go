package i18n

// Strings of the store's own failures and of yunwei check and demo: a
// full disk, an interrupted command, read-only files, other programs'
// files, scratch copies.
var _ = later(func() {
	add(map[string]string{
		"the disk is full: free space and try again; nothing was saved":                                                                 "磁盘已满：请释放空间后重试；未保存任何内容",
		"cancelled: nothing was written":                                                                                                "已取消：未写入任何内容",
		"the database cannot be written (it is read-only): nothing was saved; work on a writable copy to change it":                     "数据库无法写入（只读）：未保存任何内容；如需修改，请在可写的副本上操作",
		"%s is read-only (a backup, or a file this user may not change): nothing was saved; work on a writable copy to change it":       "%s 是只读的（备份，或当前用户无权修改的文件）：未保存任何内容；如需修改，请在可写的副本上操作",
		"%s is read-only and holds no yunwei data yet: choose another --db":                                                             "%s 是只读的，且还没有 yunwei 数据：请用 --db 选择其他文件",
		"%s is read-only and was written by an older yunwei (schema %d; this one needs %d): copy it to a writable folder to upgrade it": "%s 是只读的，且由旧版 yunwei 写入（结构版本 %d；本版本需要 %d）：请复制到可写的文件夹后再打开，以便升级",
		"cannot read %s: its -wal file needs a writable folder; copy the database and its -wal file to a writable folder":               "无法读取 %s：它的 -wal 文件需要可写的文件夹；请把数据库和它的 -wal 文件一起复制到可写的文件夹",
		"%s is a SQLite database of another program, not yunwei's; choose another --db":                                                 "%s 是其他程序的 SQLite 数据库，不是 yunwei 的；请用 --db 选择其他文件",
		"nothing was saved: %s": "未保存任何内容：%s",
		"the -wal file beside the database belongs to another database (its page size differs): move it away, then run yunwei check again":          "数据库旁的 -wal 文件属于另一个数据库（页大小不同）：请把它移走，然后再次运行 yunwei check",
		"the -wal file beside the database belongs to another database (it names another device): move it away, then run yunwei check again":        "数据库旁的 -wal 文件属于另一个数据库（记录的是另一台设备）：请把它移走，然后再次运行 yunwei check",
		"the -wal file beside the database is older than the database (it would undo events): move it away, then run yunwei check again":            "数据库旁的 -wal 文件比数据库旧（会撤销已有事件）：请把它移走，然后再次运行 yunwei check",
		"the disk is full: check needs room for a copy of the database in %s; free space there (or set TMPDIR to a folder with room) and try again": "磁盘已满：检查需要在 %s 中存放一份数据库副本；请在那里释放空间（或将 TMPDIR 设为有空间的文件夹）后重试",
	})
})
