package decide

import (
	"strconv"
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/words"
)

// eachInput calls f with every input of every flow table.
func eachInput(f func(k model.Kind, d *ticket.Decision, in ticket.Input)) {
	for _, k := range ticket.FlowKinds() {
		for _, st := range ticket.FlowFor(k).Steps {
			for i := range st.Decisions {
				for _, in := range st.Decisions[i].Inputs {
					f(k, &st.Decisions[i], in)
				}
			}
		}
	}
}

// A rating's title names its ends with the words its options use.
func TestRatingScaleReadsTheSameInTitleAndOptions(t *testing.T) {
	eachInput(func(k model.Kind, _ *ticket.Decision, in ticket.Input) {
		if in.Type != ticket.InputRating {
			return
		}
		for _, L := range []i18n.Lang{i18n.En, i18n.Zh} {
			title := words.Input(L, k, &in)
			for _, n := range []int{1, 5} {
				if w := strconv.Itoa(n) + L.T(ratingWords[n]); !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(title, " (", ""), "（", ""), w) {
					t.Errorf("%s %s: title %q does not call %d %q", L, k, title, n, L.T(ratingWords[n]))
				}
			}
		}
	})
}

// A label does not say the unit its value says: "overtime worked  300
// minutes (0.63 person-days)", not "overtime (minutes)  300 minutes".
func TestMinutesLabelsLeaveTheUnitToTheValue(t *testing.T) {
	eachInput(func(k model.Kind, _ *ticket.Decision, in ticket.Input) {
		if in.Type != ticket.InputMinutes {
			return
		}
		for _, L := range []i18n.Lang{i18n.En, i18n.Zh} {
			if label := words.Input(L, k, &in); strings.Contains(label, "minutes") || strings.Contains(label, "分钟") {
				t.Errorf("%s %s.%s: %q", L, k, in.Name, label)
			}
		}
	})
}

// A decision that needs a comment says so by its name, in a sentence:
// "“verification failed” needs a comment", not "To verification failed".
func TestNeedsCommentNamesTheDecision(t *testing.T) {
	for _, k := range ticket.FlowKinds() {
		for _, st := range ticket.FlowFor(k).Steps {
			for _, d := range st.Decisions {
				if !d.NeedsComment {
					continue
				}
				a := Action{Kind: k, Decision: d}
				en := needsComment(a, i18n.En)
				if !strings.HasPrefix(en, "“"+a.Label(i18n.En)+"” needs a comment") {
					t.Errorf("%s.%s: %q", k, d.Name, en)
				}
				if zh := needsComment(a, i18n.Zh); !strings.Contains(zh, a.Label(i18n.Zh)) || strings.Contains(zh, "needs") {
					t.Errorf("%s.%s zh: %q", k, d.Name, zh)
				}
			}
		}
	}
}

// An effort's person-days read the same in the form, the history and the
// command line: rounded half up, singular at one.
func TestPersonDaysReadTheSameEverywhere(t *testing.T) {
	for _, m := range []int{1, 30, 90, 240, 300, 330, 480, 600, 720, 1440} {
		form := Minutes(m, i18n.En)
		if cli := ticket.FormatMinutes(m); form != cli {
			t.Errorf("%d: the form says %q, the command line %q", m, form, cli)
		}
	}
	if got := Minutes(480, i18n.En); got != "480 minutes (1 person-day)" {
		t.Errorf("480: %q", got)
	}
	if got := Minutes(90, i18n.Zh); got != "90 分钟（0.19 人天）" {
		t.Errorf("zh 90: %q", got)
	}
}
