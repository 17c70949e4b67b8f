package i18n

// Strings of the screens kept current (the change feed, forms reloaded
// after a refusal) and of a decision refused because its ticket moved on.
var _ = later(func() {
	add(map[string]string{
		"ticket %s moved on from “%s” to “%s” while you were deciding: nothing was recorded; look at it again": "您作决定期间，工单 %s 已从“%s”进入“%s”：未作任何记录；请重新查看",
	})
})
