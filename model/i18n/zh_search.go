package i18n

// Search: `ticket list --search`.
var _ = later(func() {
	add(map[string]string{
		"only the tickets whose number, title, customer, assignee, description, comments or decision texts contain `TEXT` (any case)": "只列出编号、标题、客户、处理人、描述、备注或决定内容包含 `TEXT` 的工单（不分大小写）",
	})
})
