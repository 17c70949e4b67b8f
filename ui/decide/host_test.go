package decide

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
)

// screen hosts a decision as Approvals and the ticket detail do, noting
// each outcome.
type screen struct {
	host     Host
	outcomes []Outcome
}

func (s screen) Update(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	var o Outcome
	s.host, cmd, o = s.host.Update(msg)
	if o != Pending {
		s.outcomes = append(s.outcomes, o)
	}
	return s, cmd
}

// The host runs the form from the summary to the signature and closes it
// when the decision is left or recorded, telling the root what changed.
func TestHostOpensSignsAndCloses(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	d := screentest.Deps(t, s, i18n.En)
	c, err := Load(context.Background(), s, id, i18n.En)
	if err != nil {
		t.Fatal(err)
	}
	sc := screen{host: NewHost(d)}
	sc.host.SetSize(80, 24)
	if sc.host.Active() || sc.host.FullScreen() || sc.host.View() != "" {
		t.Fatal("a new host is open")
	}
	if _, out := screentest.Drive(t, sc, keyMsg(tea.KeyEsc)); len(out) != 0 {
		t.Fatalf("a closed host acted: %v", out)
	}

	open := func() {
		t.Helper()
		sc, _ = screentest.Drive(t, sc, screentest.Run(t, sc.host.Open(c, "approve"))...)
		screentest.Frame(t, sc.host.View(), 80, 24)
		if !sc.host.Active() || sc.host.FullScreen() {
			t.Fatal("the form did not open on its summary")
		}
	}
	toSign := []tea.Msg{keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter)}

	open()
	sc, _ = screentest.Drive(t, sc, toSign...)
	if f, _ := sc.host.Form(); !sc.host.FullScreen() || f.Stage() != StageSign {
		t.Fatalf("not signing: stage %s, error %q", f.Stage(), f.Error())
	}
	// esc on the sign-off goes back to the form; esc there leaves.
	sc, _ = screentest.Drive(t, sc, keyMsg(tea.KeyEsc))
	if !sc.host.Active() || sc.host.FullScreen() {
		t.Fatal("esc on the sign-off closed the form")
	}
	sc, _ = screentest.Drive(t, sc, keyMsg(tea.KeyEsc))
	if sc.host.Active() || len(sc.outcomes) != 1 || sc.outcomes[0] != Abandoned {
		t.Fatalf("esc on the form: open %v, outcomes %v", sc.host.Active(), sc.outcomes)
	}

	open()
	sc, _ = screentest.Drive(t, sc, toSign...)
	msgs := []tea.Msg{keyMsg(tea.KeyPgDown), keyMsg(tea.KeyPgDown), keyMsg(tea.KeyPgDown), space}
	for i := range 12 {
		msgs = append(msgs, keyMsg(tea.KeyRight), keyMsg([]tea.KeyType{tea.KeyUp, tea.KeyDown}[i/3%2]))
	}
	sc, out := screentest.Drive(t, sc, append(msgs, space, keyMsg(tea.KeyCtrlS))...)
	if sc.host.Active() || sc.host.FullScreen() || len(sc.outcomes) != 2 || sc.outcomes[1] != Recorded {
		f, _ := sc.host.Form()
		t.Fatalf("not recorded: outcomes %v, error %q", sc.outcomes, f.Error())
	}
	changed, ok := screentest.Find[common.TicketChangedMsg](out)
	st, _ := screentest.Find[common.StatusMsg](out)
	if !ok || changed.ID != id || st.Text == "" {
		t.Fatalf("the root was not told: %v", out)
	}
}
