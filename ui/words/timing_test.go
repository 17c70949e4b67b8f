package words_test

import (
	"regexp"
	"strings"
	"testing"

	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/words"
)

// englishWord finds a run of Latin letters in a Chinese sentence; "SLA"
// and the seed's section mark are the only ones allowed.
var englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)

func chineseOnly(t *testing.T, what, s string) {
	t.Helper()
	for _, w := range englishWord.FindAllString(s, -1) {
		if w != "SLA" {
			t.Errorf("%s: English %q in the Chinese %q", what, w, s)
		}
	}
}

// Each clock's explanation starts by saying what its ticket's kind is timed
// by (seed §2.6): a request from when it was raised, planned work from its
// scheduled time; in both languages.
func TestExplanationSaysWhatTheKindIsTimedBy(t *testing.T) {
	cal := fixture(t)
	request := sla.Input{ReportedAt: at(t, "2026-03-09 10:00"), Kind: model.KindBugFix, Basis: ticket.Timing(model.KindBugFix), Targets: model.DefaultSLA(), Calendar: cal}
	c := clock(t, sla.Clocks(request, at(t, "2026-03-09 10:30")), sla.Response)
	for L, want := range map[i18n.Lang]string{
		i18n.En: "This bug fix ticket is the customer's request: its clocks count from when it was raised (seed §2.6).",
		i18n.Zh: "此缺陷修复工单是客户提出的请求，各项时限自请求提出时起算（服务方案 §2.6）。",
	} {
		if got := words.Explain(L, c)[0]; got != want {
			t.Errorf("%s: a bug fix's explanation starts %q, want %q", L, got, want)
		}
	}

	training := sla.Input{ReportedAt: at(t, "2026-12-01 10:00"), Kind: model.KindTraining, Basis: ticket.Timing(model.KindTraining), OnSite: true,
		Targets: model.DefaultSLA(), Calendar: cal}
	unscheduled := clock(t, sla.Clocks(training, at(t, "2026-12-01 10:30")), sla.Response)
	training.RespondedAt, training.ScheduledAt = at(t, "2026-12-01 11:00"), at(t, "2026-12-10 09:00")
	onSite := clock(t, sla.Clocks(training, at(t, "2026-12-01 16:00")), sla.OnSite)
	for _, tc := range []struct {
		c      sla.Clock
		en, zh []string
	}{
		{unscheduled,
			[]string{"This training ticket is planned work: the response counts from the request; arrival on site and resolution will count from the time it is scheduled for."},
			[]string{"此培训工单为计划工作：响应自请求提出时起算；到场和解决将自安排的时间起算。"}},
		{onSite,
			[]string{
				"This training ticket is planned work: the response counts from the request; arrival on site and resolution count from the time it is scheduled for, Thu 2026-12-10 09:00.",
				"On-site service is needed, so arrival on site is due within 4 h of the scheduled time.",
				"The clock counts from Thu 2026-12-10 09:00, the time the work is scheduled for.",
				"Due Thu 2026-12-10 13:00.",
			},
			[]string{
				"此培训工单为计划工作：响应自请求提出时起算；到场和解决自安排的时间 2026-12-10（周四）09:00 起算。",
				"需要现场服务，应在安排的时间起 4 小时内到达现场。",
				"自安排的时间 2026-12-10（周四）09:00 起计时。",
				"截止时间：2026-12-10（周四）13:00。",
			}},
	} {
		for L, want := range map[i18n.Lang][]string{i18n.En: tc.en, i18n.Zh: tc.zh} {
			got := words.Explain(L, tc.c)
			if got[0] != want[0] {
				t.Errorf("%s %s clock: starts %q, want %q", L, tc.c.Kind, got[0], want[0])
			}
			for _, w := range want[1:] {
				if !strings.Contains(strings.Join(got, "\n"), w) {
					t.Errorf("%s %s clock: %q lacks %q", L, tc.c.Kind, got, w)
				}
			}
			if L == i18n.Zh {
				for _, line := range got {
					chineseOnly(t, "training explanation", line)
				}
			}
		}
	}
}

// A kind the seed times by nothing says why it has no clock.
func TestNoClockSaysWhy(t *testing.T) {
	for _, tc := range []struct {
		kind   model.Kind
		en, zh string
	}{
		{model.KindStaffChange,
			"No SLA clock applies: a staff change notice is the vendor's own notice, not a customer request (seed §2.4, §2.6).",
			"不适用服务时限：人员变更通知是我方自己发出的通知，不是客户的请求（服务方案 §2.4、§2.6）。"},
		{model.KindOvertime,
			"No SLA clock applies: an overtime confirmation is the vendor's own record for the owner to sign, not a customer request (seed §2.4, §2.6).",
			"不适用服务时限：加班确认是我方请业主签字确认的记录，不是客户的请求（服务方案 §2.4、§2.6）。"},
		{model.KindIncident, "No SLA clock applies to this ticket.", "此工单没有适用的服务时限。"},
	} {
		if got := words.NoClocks(i18n.En, tc.kind); got != tc.en {
			t.Errorf("%s en: %q, want %q", tc.kind, got, tc.en)
		}
		if got := words.NoClocks(i18n.Zh, tc.kind); got != tc.zh {
			t.Errorf("%s zh: %q, want %q", tc.kind, got, tc.zh)
		}
	}
	// Every kind's sentence has its Chinese.
	for _, k := range ticket.FlowKinds() {
		for _, s := range []string{words.NoClocks(i18n.Zh, k), words.TimedBy(i18n.Zh, ticket.Timing(k), k, at(t, "2026-12-10 09:00")), words.TimedBy(i18n.Zh, ticket.Timing(k), k, at(t, ""))} {
			chineseOnly(t, string(k), s)
		}
	}
}
