package words

import (
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/text"
)

func allKinds() []model.Kind {
	return append(append([]model.Kind{}, model.Kinds...), model.NoticeKinds...)
}

// Every kind and step name fits a narrow column whole, in its short form
// when the full one is too wide, and no two steps of a flow read the same:
// "data fix", not "data co…".
func TestShortFormsFitAndStayDistinct(t *testing.T) {
	for _, L := range []i18n.Lang{i18n.En, i18n.Zh} {
		kinds := map[string]model.Kind{}
		for _, k := range allKinds() {
			s := ShortKind(L, k)
			if text.Width(s) > 8 || strings.Contains(s, "…") {
				t.Errorf("%s: kind %s reads %q in a column of 8", L, k, s)
			}
			if other, dup := kinds[s]; dup {
				t.Errorf("%s: kinds %s and %s both read %q", L, k, other, s)
			}
			kinds[s] = k
			f := ticket.FlowFor(k)
			steps := map[string]string{}
			for _, st := range f.Steps {
				s := Fit(StepOf(L, k, &st), ShortStep(L, k, st.Name), ShortLimit)
				if text.Width(s) > ShortLimit || strings.Contains(s, "…") {
					t.Errorf("%s: step %s.%s reads %q in a column of %d", L, k, st.Name, s, ShortLimit)
				}
				if other, dup := steps[s]; dup {
					t.Errorf("%s: steps %s and %s of %s both read %q", L, st.Name, other, k, s)
				}
				steps[s] = st.Name
			}
		}
	}
}

// The examples people asked for read as asked, and a wide column keeps
// the whole name.
func TestShortFormsRead(t *testing.T) {
	cases := []struct{ got, want string }{
		{ShortKind(i18n.En, model.KindDataCorrection), "data fix"},
		{ShortKind(i18n.En, model.KindChange), "change"},
		{ShortKind(i18n.En, model.KindStaffChange), "staff"},
		{ShortKind(i18n.En, model.KindIncident), "incident"},
		{ShortKind(i18n.Zh, model.KindEnhancement), "小功能"},
		{ShortKind(i18n.Zh, model.KindDataCorrection), "数据维护"},
		{ShortStep(i18n.En, model.KindDataCorrection, "dept_approval"), "dept appr."},
		{ShortStep(i18n.Zh, model.KindDataCorrection, "dept_approval"), "主管审批"},
		{ShortStep(i18n.En, model.KindIncident, "closed"), "closed"},
		{ShortStep(i18n.En, model.KindIncident, "no_such_step"), "no_such_step"},
		{Fit("maintenance plan", "plan", 20), "maintenance plan"},
		{Fit("maintenance plan", "plan", 10), "plan"},
		{Fit("maintenance plan", "planning", 5), "plan…"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Every English short form is of a label the tables have: a renamed step
// would otherwise lose its short form without a word.
func TestShortFormsAreOfRealLabels(t *testing.T) {
	labels := map[string]bool{}
	for _, k := range allKinds() {
		labels[k.Label("en")] = true
		for _, st := range ticket.FlowFor(k).Steps {
			labels[st.Label] = true
		}
	}
	for en := range shortEn {
		if !labels[en] {
			t.Errorf("short form of %q, which no kind or step is called", en)
		}
	}
}
