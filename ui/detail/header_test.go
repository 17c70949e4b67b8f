package detail

import (
	"context"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
	"yunwei/ui/text"
)

// A long title is read whole above the body at 80 columns, and the scroll
// position beside it never covers a character of it.
func TestLongTitleReadsWhole(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.En).User
	long := "门诊收费处 11 月 27 日上午误将 3 张已收费发票作废，患者已离院，需恢复为正常状态并补打发票，同时核对当日收费日报表 (invoice void reversal + daily report check)"
	if _, err := s.Execute(ctx, db.Acting{UserID: engineer.ID}, ticket.Edit{ID: id, Fields: map[string]string{"title": long}}); err != nil {
		t.Fatal(err)
	}
	for _, L := range screentest.Langs {
		m := open(t, s, id, engineer, L, 80, 24)
		v := m.View()
		screentest.Frame(t, v, 80, 24)
		lines := strings.Split(v, "\n")
		pos := L.Tf("lines %d–%d of %d", 1, m.bodyRows(), len(m.lines))
		if !strings.HasSuffix(lines[0], pos) {
			t.Fatalf("%s: the first line %q does not end with %q", L, lines[0], pos)
		}
		var head strings.Builder
		head.WriteString(strings.TrimSuffix(lines[0], pos))
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, L.T("Status")) {
				break
			}
			head.WriteString(l)
		}
		got := strings.Join(strings.Fields(head.String()), "")
		if want := strings.Join(strings.Fields(long), ""); !strings.Contains(got, want) {
			t.Errorf("%s: the title is not whole above the body:\n%s", L, v)
		}
		if first := lines[0]; text.Width(first) > 80 || !strings.HasPrefix(first, "TST-") {
			t.Errorf("%s: first line %q", L, first)
		}
	}
}

// The actions are never cut: at 80 columns a row of them that does not fit
// goes on to a second line, every key and label whole.
func TestActionsWrapInsteadOfBeingCut(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindEnhancement, "estimate")
	engineer := screentest.User(t, s, screentest.Engineer)
	for _, L := range screentest.Langs {
		m := open(t, s, id, engineer, L, 80, 24)
		v := m.View()
		screentest.Frame(t, v, 80, 24)
		acts := strings.Join(strings.Split(v, "\n")[18:], "\n")
		for _, want := range []string{"[e] " + L.T("edit"), "[c] " + L.T("comment"), "[A] " + L.T("assign")} {
			if !strings.Contains(acts, want) || !strings.Contains(v, want) {
				t.Errorf("%s: %q is not shown whole:\n%s", L, want, v)
			}
		}
		for _, a := range m.actions {
			if want := "[" + a.Key + "] " + a.Label(L); !strings.Contains(acts, want) {
				t.Errorf("%s: %q is not shown whole:\n%s", L, want, acts)
			}
		}
		if strings.Contains(acts, "…") {
			t.Errorf("%s: actions cut: %q", L, acts)
		}
	}
}
