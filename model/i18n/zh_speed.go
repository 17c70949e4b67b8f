package i18n

// Strings of the store's indexed reads: lists, lookups.
var _ = later(func() {
	add(map[string]string{
		"the ticket list of this database is damaged (ticket %s): run yunwei check": "此数据库的工单列表已损坏（工单 %s）：请运行 yunwei check",
	})
})
