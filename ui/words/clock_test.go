package words_test

import (
	"strings"
	"testing"
	"time"

	"yunwei/flows/sla"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/words"
)

// TestExplainRule: the explanation names the rule and the calendar fact
// that chose it (seed §2.6), in words a customer would accept, in both
// languages.
func TestExplainRule(t *testing.T) {
	cal := fixture(t)
	tests := []struct {
		reported string
		en, zh   string
	}{
		{"2026-03-07 10:15",
			"Raised Sat 2026-03-07 10:15, outside working hours (Saturday, a rest day), so the 1 h response target for requests raised outside working hours applies.",
			"请求于 2026-03-07（周六）10:15 提出，属非工作时间（周六，休息日），按合同适用“非工作时间 1 小时内响应”。"},
		{"2026-10-01 10:00",
			"Raised Thu 2026-10-01 10:00, outside working hours (public holiday: 国庆节), so the 1 h response target",
			"请求于 2026-10-01（周四）10:00 提出，属非工作时间（法定节假日：国庆节），按合同适用“非工作时间 1 小时内响应”。"},
		{"2026-09-20 10:00",
			"Raised Sun 2026-09-20 10:00, inside working hours (make-up working day: 国庆节调休; 09:00-12:00, 13:00-18:00), so the 2 h response target for requests raised in working hours applies.",
			"请求于 2026-09-20（周日）10:00 提出，属工作时间（调休上班日：国庆节调休，09:00-12:00、13:00-18:00），按合同适用“工作时间 2 小时内响应”。"},
		{"2026-09-20 08:30",
			"outside working hours (make-up working day: 国庆节调休; before work starts at 09:00)",
			"属非工作时间（调休上班日：国庆节调休，上班时间 09:00 之前）"},
		{"2026-03-09 08:59", "outside working hours (before work starts at 09:00)", "属非工作时间（上班时间 09:00 之前）"},
		{"2026-03-09 09:00", "inside working hours (09:00-12:00, 13:00-18:00)", "属工作时间（09:00-12:00、13:00-18:00）"},
		{"2026-03-09 12:30", "outside working hours (during the 12:00-13:00 break)", "属非工作时间（12:00-13:00 休息时段）"},
		{"2026-03-09 18:00", "outside working hours (after work ends at 18:00)", "属非工作时间（下班时间 18:00 之后）"},
	}
	for _, tt := range tests {
		reported := at(t, tt.reported)
		c := clock(t, sla.Clocks(sla.Input{ReportedAt: reported, Targets: model.DefaultSLA(), Calendar: cal}, reported), sla.Response)
		// The first line says what the ticket is timed by, the second the rule.
		if got := words.Explain(i18n.En, c)[1]; !strings.Contains(got, tt.en) {
			t.Errorf("%s en:\n got %s\nwant %s", tt.reported, got, tt.en)
		}
		if got := words.Explain(i18n.Zh, c)[1]; !strings.Contains(got, tt.zh) {
			t.Errorf("%s zh:\n got %s\nwant %s", tt.reported, got, tt.zh)
		}
	}
}

// TestExplainTimeline reads a whole explanation: working-time counting
// across 国庆 with a pause, met exactly at the due time.
func TestExplainTimeline(t *testing.T) {
	targets := model.DefaultSLA()
	targets.BusinessDurations = true
	in := sla.Input{ReportedAt: at(t, "2026-09-30 17:00"), Targets: targets, Calendar: fixture(t),
		Pauses:      []sla.Interval{{Start: at(t, "2026-09-30 17:30"), End: at(t, "2026-10-08 09:30")}},
		RespondedAt: at(t, "2026-10-08 11:00")}
	c := clock(t, sla.Clocks(in, at(t, "2026-10-08 12:00")), sla.Response)
	want := map[string][]string{
		"en": {
			"This ticket is the customer's request: its clocks count from when it was raised (seed §2.6).",
			"Raised Wed 2026-09-30 17:00, inside working hours (09:00-12:00, 13:00-18:00), so the 2 h response target for requests raised in working hours applies.",
			"The target counts working time only: nights, rest days and public holidays do not count.",
			"Thu 2026-10-01 to Wed 2026-10-07 (public holiday: 国庆节): not counted.",
			"The clock started at Wed 2026-09-30 17:00, when the request was raised.",
			"Paused at Wed 2026-09-30 17:30: waiting on the customer.",
			"Resumed at Thu 2026-10-08 09:30; the pause took 1 h of working time, and the due time moves later by as much.",
			"Due Thu 2026-10-08 11:00.",
			"Responded at Thu 2026-10-08 11:00.",
			"Met, exactly at the due time.",
		},
		"zh": {
			"此工单是客户提出的请求，各项时限自请求提出时起算（服务方案 §2.6）。",
			"请求于 2026-09-30（周三）17:00 提出，属工作时间（09:00-12:00、13:00-18:00），按合同适用“工作时间 2 小时内响应”。",
			"仅计工作时间，夜间、休息日和法定节假日不计。",
			"2026-10-01（周四）至2026-10-07（周三）为法定节假日：国庆节，不计时。",
			"自 2026-09-30（周三）17:00 接到请求起计时。",
			"2026-09-30（周三）17:30 起等待客户，暂停计时。",
			"2026-10-08（周四）09:30 恢复计时，暂停占用工作时间 1 小时，截止时间相应顺延。",
			"截止时间：2026-10-08（周四）11:00。",
			"于 2026-10-08（周四）11:00 响应。",
			"达标，恰在截止时间完成。",
		},
	}
	for lang, lines := range want {
		got := words.Explain(i18n.Lang(lang), c)
		if strings.Join(got, "\n") != strings.Join(lines, "\n") {
			t.Errorf("%s explanation:\n%s\nwant:\n%s", lang, strings.Join(got, "\n"), strings.Join(lines, "\n"))
		}
	}
}

// TestExplainSentences checks the other sentences an explanation can hold.
func TestExplainSentences(t *testing.T) {
	cal := fixture(t)
	biz := model.DefaultSLA()
	biz.BusinessDurations = true
	tests := []struct {
		name   string
		in     sla.Input
		now    string
		kind   sla.ClockKind
		en, zh []string
	}{
		{"paused", sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), Targets: model.DefaultSLA(), Calendar: cal,
			Pauses: []sla.Interval{{Start: at(t, "2026-03-09 10:30")}}}, "2026-03-09 11:00", sla.Response,
			[]string{"The target counts elapsed time around the clock", "Paused at Mon 2026-03-09 10:30: waiting on the customer.", "Due Mon 2026-03-09 12:30 if the clock resumes now.", "Paused: 1 h 30 min left when the clock resumes."},
			[]string{"按自然时间连续计时", "2026-03-09（周一）10:30 起等待客户，暂停计时。", "如现在恢复计时，截止时间为 2026-03-09（周一）12:30。", "已暂停：恢复计时后剩余 1 小时 30 分钟。"}},
		{"resumed", sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), Targets: model.DefaultSLA(), Calendar: cal,
			Pauses: []sla.Interval{{Start: at(t, "2026-03-09 10:30"), End: at(t, "2026-03-09 11:15")}}}, "2026-03-09 11:20", sla.Response,
			[]string{"Resumed at Mon 2026-03-09 11:15; the due time moves later by the 45 min pause.", "Running: 1 h 25 min left."},
			[]string{"2026-03-09（周一）11:15 恢复计时，截止时间顺延暂停的 45 分钟。", "计时中：剩余 1 小时 25 分钟。"}},
		{"late pause, still open", sla.Input{ReportedAt: at(t, "2026-03-07 10:15"), Targets: model.DefaultSLA(), Calendar: cal,
			Pauses: []sla.Interval{{Start: at(t, "2026-03-07 11:30")}}}, "2026-03-07 12:00", sla.Response,
			[]string{"Waiting on the customer from Sat 2026-03-07 11:30 did not pause the clock: it began after the due time.", "Breached: 45 min overdue and not yet done."},
			[]string{"2026-03-07（周六）11:30 起等待客户，但已过截止时间，不暂停计时。", "超时：已超时 45 分钟，尚未完成。"}},
		{"arrival is the response", sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), OnSite: true, Targets: model.DefaultSLA(), Calendar: cal,
			ArrivedAt: at(t, "2026-03-09 11:00")}, "2026-03-09 12:00", sla.Response,
			[]string{"Arrived on site at Mon 2026-03-09 11:00, which is the response.", "Met, 1 h before the due time."},
			[]string{"于 2026-03-09（周一）11:00 到达现场，视为已响应。", "达标，比截止时间提前 1 小时。"}},
		{"on site, late", sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), OnSite: true, Targets: model.DefaultSLA(), Calendar: cal,
			ArrivedAt: at(t, "2026-03-09 14:05")}, "2026-03-09 15:00", sla.OnSite,
			[]string{"On-site service is needed, so arrival on site is due within 4 h of the request.", "Arrived on site at Mon 2026-03-09 14:05.", "Breached: 5 min after the due time."},
			[]string{"需要现场服务，应在接到请求后 4 小时内到达现场。", "于 2026-03-09（周一）14:05 到达现场。", "超时：晚于截止时间 5 分钟。"}},
		{"on site, resolved remotely", sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), OnSite: true, Targets: model.DefaultSLA(), Calendar: cal,
			ResolvedAt: at(t, "2026-03-09 11:00")}, "2026-03-09 15:00", sla.OnSite,
			[]string{"Resolved at Mon 2026-03-09 11:00 without an on-site visit, which ends the on-site clock."},
			[]string{"于 2026-03-09（周一）11:00 解决，无需再到现场，到场计时结束。"}},
		{"resolution", sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), Kind: model.KindIncident, Calendar: cal,
			Targets: model.SLATargets{Resolution: map[string]int{"incident": 480}}, ResolvedAt: at(t, "2026-03-09 17:00")}, "2026-03-09 18:00", sla.Resolution,
			[]string{"The contract sets a resolution target of 8 h for incident tickets.", "Resolved at Mon 2026-03-09 17:00.", "Met, 1 h before the due time."},
			[]string{"合同约定突发事件类工单须在 8 小时内解决。", "于 2026-03-09（周一）17:00 解决。"}},
		{"working time from the next start, make-up day", sla.Input{ReportedAt: at(t, "2026-09-19 10:00"), Targets: biz, Calendar: cal}, "2026-09-19 12:00", sla.Response,
			[]string{"The clock started at Sat 2026-09-19 10:00, when the request was raised; working time counts from Sun 2026-09-20 09:00.",
				"Sun 2026-09-20 (make-up working day: 国庆节调休): counted as working time.", "Due Sun 2026-09-20 10:00.", "Running: 1 h of working time left."},
			[]string{"自 2026-09-19（周六）10:00 接到请求起计时，工作时间从 2026-09-20（周日）09:00 起算。",
				"2026-09-20（周日）为调休上班日：国庆节调休，计入工作时间。", "计时中：剩余 1 小时（工作时间）。"}},
		{"no calendar", sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), Targets: model.DefaultSLA()}, "2026-03-09 10:00", sla.Response,
			[]string{"No business calendar is set for this contract, so the standard 5×8 calendar was used"},
			[]string{"该合同未设置工作日历，按标准 5×8 日历计算"}},
	}
	for _, tt := range tests {
		c := clock(t, sla.Clocks(tt.in, at(t, tt.now)), tt.kind)
		for lang, wants := range map[string][]string{"en": tt.en, "zh": tt.zh} {
			got := strings.Join(words.Explain(i18n.Lang(lang), c), "\n")
			for _, w := range wants {
				if !strings.Contains(got, w) {
					t.Errorf("%s (%s): explanation\n%s\ndoes not say %q", tt.name, lang, got, w)
				}
			}
		}
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		d      time.Duration
		en, zh string
	}{
		{30 * time.Second, "less than 1 min", "不到 1 分钟"},
		{45 * time.Minute, "45 min", "45 分钟"},
		{time.Hour, "1 h", "1 小时"},
		{90*time.Minute + 59*time.Second, "1 h 30 min", "1 小时 30 分钟"},
		{47 * time.Hour, "47 h", "47 小时"},
		{74*time.Hour + 5*time.Minute, "3 d 2 h 5 min", "3 天 2 小时 5 分钟"},
		{-2 * time.Hour, "2 h", "2 小时"},
	}
	for _, tt := range tests {
		if got := words.Duration(i18n.En, tt.d); got != tt.en {
			t.Errorf("Duration(%s, en) = %q, want %q", tt.d, got, tt.en)
		}
		if got := words.Duration(i18n.Zh, tt.d); got != tt.zh {
			t.Errorf("Duration(%s, zh) = %q, want %q", tt.d, got, tt.zh)
		}
	}
}

func TestLabels(t *testing.T) {
	if words.ClockKind(i18n.Zh, sla.OnSite) != "到场" || words.ClockState(i18n.En, sla.Breached) != "breached" || words.ClockState(i18n.Zh, sla.Paused) != "已暂停" {
		t.Error("labels are wrong")
	}
}
