package i18n

// Strings of the packed event bodies (db/eventbody) and of yunwei compact.
var _ = later(func() {
	add(map[string]string{
		"a stored event body is empty": "一条已存储的事件内容为空",
		"a stored event body has the unknown format %d: it was written by a newer yunwei, or changed outside yunwei": "一条已存储的事件内容采用未知格式 %d：它由更新版本的 yunwei 写入，或在 yunwei 之外被修改过",
		"a stored event body of format %d does not unpack: it was changed outside yunwei":                            "一条格式为 %d 的已存储事件内容无法解包：它在 yunwei 之外被修改过",
		"event #%d: its packed body does not unpack to its bytes; nothing of this batch was written":                 "事件 #%d：打包后的内容解包后与原内容不一致；本批次未写入任何内容",
		"pack the event bodies stored before they were packed, and give the space back":                              "打包旧版本未打包存储的事件内容，并释放磁盘空间",
		"Event bodies are stored packed as they are written. A database made by an earlier yunwei keeps its older bodies as raw JSON, which read the same: compact packs them, a batch at a time (an interruption loses nothing), then gives the freed space back to the disk, which needs free space for a copy of the database while it runs. Events keep their bytes, ids and hash chains.": "事件内容在写入时即打包存储。由旧版 yunwei 建立的数据库，其较早的事件内容仍以原始 JSON 保存，读取结果完全相同：compact 按批次将其打包（中途中断不会丢失任何内容），然后把释放出的空间归还磁盘；运行期间需要能容纳一份数据库副本的空闲空间。事件的字节、标识和哈希链均保持不变。",
		"compact takes no arguments, got %q": "compact 不接受参数，收到了 %q",
		"compact: %d / %d events":            "压缩：%d / %d 条事件",
		"Packed %d of %d event bodies; the database went from %.1f MiB to %.1f MiB.": "已打包 %d / %d 条事件内容；数据库由 %.1f MiB 变为 %.1f MiB。",
	})
})
