package flowtest

import (
	"slices"
	"testing"
)

func TestEnglishFindsWhatIsNotChinese(t *testing.T) {
	cases := []struct {
		msg   string
		typed []string
		want  []string
	}{
		{`工单 DEM-2026-0501 当前在“制定维护方案”：现在不能作出 "approve" 决定；请选择 propose`, []string{"propose"}, nil},
		{`决定 "propose" 需要填写“是否需要备份”：请以 backup_needed=… 给出`, nil, nil},
		{`请用 --contact 姓名 作决定，或运行 yunwei ticket list；时区 Asia/Shanghai，UTF-8 的 SLA`, nil, nil},
		{`工单 T-1 当前在“maintenance plan”`, nil, []string{"maintenance", "plan"}},
		{`ticket T-1 is closed`, []string{"closed"}, []string{"ticket"}},
		{`内部错误：internal error: database is locked`, nil, []string{"internal", "error", "database", "locked"}},
	}
	for _, c := range cases {
		if got := English(c.msg, c.typed...); !slices.Equal(got, c.want) {
			t.Errorf("English(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}
