package i18n

// yunwei check as it streams the log: its progress line, --quick, and what
// a full disk means for its rebuild.
var _ = later(func() {
	add(map[string]string{
		"Runs SQLite's integrity check; verifies every event's bytes, its row, and each device's hash chain up to the newest event this device recorded; checks that every parent exists, that no number was given twice and that counters match the log; and rebuilds the projections in a temporary file to compare them row by row with the database's. --quick verifies in a moment what the log shows without reading every event: each device's numbering (no event deleted or added), this device's newest event against what it recorded, and the newest 20,000 events of each device byte by byte; an edit of an older event, the chain over all events, parents, numbers, the projections and SQLite's pages are left to the full check. --repair rebuilds the projections, and refuses while the log itself fails.": "运行 SQLite 的完整性检查；校验每个事件的字节、其所在行，以及每台设备直到本设备记录的最新事件为止的哈希链；检查每个父事件都存在、没有重复发出的编号、计数器与日志一致；并在临时文件中重建投影，与数据库中的投影逐行比较。--quick 不逐一读取全部事件，片刻即可校验日志能说明的内容：每台设备的事件编号（没有被删除或添加的事件）、本设备的最新事件与其记录是否一致，以及每台设备最新的 20,000 个事件的字节；更早事件的改动、全部事件的哈希链、父事件、编号、投影和 SQLite 的页面留给完整检查。--repair 重建投影；日志本身未通过校验时拒绝修复。",
		"verify each device's numbering, its newest event and its newest 20,000 events only: no projection rebuild":                                                                                                           "只校验每台设备的事件编号、其最新事件和最新的 20,000 个事件：不重建投影",
		"--quick and --repair cannot be used together: repair runs the full check":                                                                                                                                            "--quick 与 --repair 不能同时使用：修复会运行完整检查",
		"Quick check passed: %d events from %d devices numbered without a gap, this device's newest event as it recorded, the newest %d events of each device intact. yunwei check verifies every event and the projections.": "快速检查通过：%d 个事件（来自 %d 台设备）编号连续无缺，本设备的最新事件与其记录一致，每台设备最新的 %d 个事件完好。yunwei check 会校验每个事件和投影。",
		"checking: %d / %d events read, verified and folded":                                                                                                                                                                  "正在检查：已读取、校验并重放 %d / %d 个事件",
		"checking: projection tables compared with their rebuild, %d / %d":                                                                                                                                                    "正在检查：投影表与重建结果比对，%d / %d",
		"checking: waiting for SQLite's integrity check of the file":                                                                                                                                                          "正在检查：等待 SQLite 完成文件完整性检查",
		"the disk is full: check rebuilds the projections in a temporary file, in TMPDIR or else /var/tmp; free space there (or set TMPDIR to a folder with room) and try again":                                              "磁盘已满：检查会在临时文件中重建投影，临时文件位于 TMPDIR，未设置时位于 /var/tmp；请在那里释放空间（或将 TMPDIR 设为有空间的文件夹）后重试",
	})
})
