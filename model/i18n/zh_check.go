package i18n

// Strings of yunwei check: where a finding is, what each kind means, and
// what to do (ui/cli/check_words.go).
func init() {
	add(map[string]string{
		"event #%d (device %d, seq %d, %s, %s…)": "事件 #%d（设备 %d，序号 %d，%s，%s…）",
		"event #%d (device %d, seq %d, %s…)":     "事件 #%d（设备 %d，序号 %d，%s…）",
		"table %s, row %s":                       "表 %s，行 %s",
		"none":                                   "无",
		"SQLite reports the file damaged: %s":    "SQLite 报告文件已损坏：%s",
		"its bytes no longer match its hash stored beside them: the event was edited":                                                                                                 "其字节与旁边保存的哈希值不再一致：该事件被修改过",
		"its bytes are not in the canonical form every event is written in: the event was edited":                                                                                     "其字节不是每条事件统一使用的规范格式：该事件被修改过",
		"its bytes are not a readable event: the event was edited or damaged":                                                                                                         "其字节不是可读的事件：该事件被修改过或已损坏",
		"its row's %s column holds %s, its envelope %s: the row was edited":                                                                                                           "其数据行的 %s 列为 %s，事件信封中为 %s：该行被修改过",
		"%s events name device number %s, which is not in the table of devices: they were added or changed by hand":                                                                   "%s 条事件标明的设备编号 %s 不在设备表中：这些事件是手工添加或修改的",
		"%s events come from device %s, and this version receives no events from other devices: they were added by hand":                                                              "%s 条事件来自设备 %s，而本版本不接收其他设备的事件：这些事件是手工添加的",
		"its device's sequence should continue with %s here, not %s: events before it were deleted, or its number was changed":                                                        "该设备的序号在此应为 %s，而不是 %s：之前的事件被删除，或其序号被修改",
		"it is its device's first event but links to an earlier one: events before it were deleted":                                                                                   "它是该设备的第一条事件，却链接到更早的事件：之前的事件被删除",
		"it links to another event than event #%d (seq %d) before it: that event was edited or replaced after this one was written":                                                   "它链接的不是它之前的事件 #%d（序号 %d）：那条事件在本事件写入之后被修改或替换",
		"it carries no link to the event before it, though its device's chain began earlier: it was edited or added by hand":                                                          "它没有链接到之前的事件，而该设备的哈希链早已开始：它被修改过，或是手工添加的",
		"this device recorded %s… as its newest event, but its log ends with %s…: the newest event was deleted, edited or added by hand":                                              "本设备记录的最新事件为 %s…，但其日志以 %s… 结尾：最新事件被删除、修改，或是手工添加的",
		"this device recorded %s as its last sequence number, but its newest event has %s: events were deleted or added by hand":                                                      "本设备记录的最后序号为 %s，但其最新事件的序号为 %s：有事件被删除或手工添加",
		"it names a parent %s… that is not among its entity's events: an event was deleted, or a parent changed":                                                                      "它引用的父事件 %s… 不在同一对象的事件中：有事件被删除，或父事件被修改",
		"it creates another entity with the number %s, which event #%d already gave: numbers must never repeat":                                                                       "它以编号 %s 创建了另一个对象，而事件 #%d 已用过该编号：编号绝不能重复",
		"the counter %s stands at %s, below %s, the highest number this device issued from it: it was set back":                                                                       "计数器 %s 的值为 %s，低于本设备由它发出的最大编号 %s：它被调低过",
		"the counter %s stands at %s, above %s, the highest number this device issued from it: it was changed by hand":                                                                "计数器 %s 的值为 %s，高于本设备由它发出的最大编号 %s：它被手工修改过",
		"rebuilding the projections from the event log failed: %s":                                                                                                                    "从事件日志重建投影失败：%s",
		"the table %s differs in its columns from a rebuild of the event log":                                                                                                         "表 %s 的列与事件日志重建的结果不同",
		"differs from a rebuild of the event log in %s":                                                                                                                               "与事件日志重建的结果在 %s 上不同",
		"is missing: a rebuild of the event log has it":                                                                                                                               "缺失：事件日志重建的结果中有这一行",
		"comes from no event: a rebuild of the event log does not have it":                                                                                                            "没有任何事件产生这一行：事件日志重建的结果中没有它",
		"the projections differ from a rebuild of the event log":                                                                                                                      "投影与事件日志重建的结果不同",
		"%s events of device %s were written before events were chained, by an older yunwei: each is checked only against the 8-byte prefix of its hash, which an edit can recompute": "设备 %[2]s 的 %[1]s 条事件由旧版 yunwei 在启用事件哈希链之前写入：每条只能用其哈希值的前 8 个字节校验，而修改者可以重新计算它",
		"a problem of a kind this version cannot word: %s":                                                                                                                            "本版本无法描述的一类问题：%s",
		"[%s] … and %d more of this kind":                                                                                                                                             "[%s] ……另有 %d 个同类问题",
		"Notes:":                                                                                                                                                                      "说明：",
		"The event log itself fails verification: it was changed outside yunwei, or the file is damaged. yunwei check --repair will not rebuild the projections from it. Restore the database from a backup that passes yunwei check, and keep this file as evidence.": "事件日志本身未通过校验：它在 yunwei 之外被修改过，或文件已损坏。yunwei check --repair 不会据此重建投影。请从通过 yunwei check 的备份恢复数据库，并保留此文件作为证据。",
		"The event log verifies; only the projections differ from a rebuild of it: yunwei check --repair rebuilds them from the log.":                                                                                                                                  "事件日志校验通过，只有投影与其重建结果不同：yunwei check --repair 会从日志重建投影。",
		"repair refused: the event log of %s fails verification (%d problems), and repair rebuilds the projections only from a log that verifies; nothing was changed. Restore the database from a backup that passes yunwei check, and keep this file as evidence":    "拒绝修复：%s 的事件日志未通过校验（%d 个问题），而修复只会从通过校验的日志重建投影；未做任何更改。请从通过 yunwei check 的备份恢复数据库，并保留此文件作为证据",
		"%s failed its check (%d problems)": "%s 未通过检查（%d 个问题）",
		"this device's newest event (seq %d) is missing from the log: run yunwei check to see what is wrong": "本设备的最新事件（序号 %d）不在日志中：请运行 yunwei check 查看问题",
	})
}
