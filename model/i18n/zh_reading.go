package i18n

// The limits on what is read from a file (calendar import): sizes that
// no genuine file reaches.
var _ = later(func() {
	add(map[string]string{
		"the file is larger than 1 MiB, far more than a calendar needs: check that it is the right file":               "文件超过 1 MiB，远大于一份日历所需：请确认选对了文件",
		"line %d is longer than 64 KiB once unfolded, far more than a calendar needs: check that it is the right file": "第 %d 行展开折行后超过 64 KiB，远大于一份日历所需：请确认选对了文件",
	})
})
