package detail

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/common/screentest"
	"yunwei/ui/decide"
)

var space = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}

// signature is a keyboard drawing: pen down, a zigzag, pen up.
func signature() []tea.Msg {
	msgs := []tea.Msg{space}
	for i := range 14 {
		msgs = append(msgs, keyMsg(tea.KeyRight))
		if i%4 < 2 {
			msgs = append(msgs, keyMsg(tea.KeyUp))
		} else {
			msgs = append(msgs, keyMsg(tea.KeyDown))
		}
	}
	return append(msgs, space)
}

// approveAndSign takes the department head's approval on the detail:
// a, the decision (approve), who (the first department head), no comment,
// then the signature drawn and confirmed.
func approveAndSign(t *testing.T, m Model) Model {
	t.Helper()
	m, _ = screentest.Drive(t, m, runes("a"), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter))
	if dm, ok := m.Decide(); !ok || dm.Stage() != decide.StageSign {
		t.Fatalf("not signing: %q\n%s", dm.Error(), m.View())
	}
	m, _ = screentest.Drive(t, m, append(readToEnd(), signature()...)...)
	m, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if _, ok := screentest.Find[common.TicketChangedMsg](out); !ok || m.Capturing() {
		dm, _ := m.Decide()
		t.Fatalf("not decided: %v %q", out, dm.Error())
	}
	return m
}

// readToEnd pages the sign-off to the end of what is signed: signing
// waits for its last line.
func readToEnd() []tea.Msg {
	return []tea.Msg{keyMsg(tea.KeyPgDown), keyMsg(tea.KeyPgDown), keyMsg(tea.KeyPgDown), keyMsg(tea.KeyPgDown)}
}

func editDescription(id model.ID, d string) ticket.Edit {
	return ticket.Edit{ID: id, Fields: map[string]string{"description": d}}
}

// host runs the detail as the root would: it owns the size and quits when
// the test says so.
type host struct{ detail Model }

type quitMsg struct{}

func (h host) Init() tea.Cmd { return h.detail.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.detail.SetSize(msg.Width, msg.Height)
		return h, nil
	case quitMsg:
		return h, tea.Quit
	}
	var cmd tea.Cmd
	h.detail, cmd = h.detail.Update(msg)
	return h, cmd
}

func (h host) View() string { return h.detail.View() }

// End to end through a real Bubble Tea program: open a data correction
// waiting for its department head, approve, pick the department head,
// draw the signature with the keyboard, confirm; the step advances and
// the history shows the signed decision; the database agrees.
func TestApproveWithDrawnSignature(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	d := screentest.Deps(t, s, i18n.En)
	tm := teatest.NewTestModel(t, host{detail: New(d, id)}, teatest.WithInitialTermSize(80, 24))
	// waitFor reads the screen's output until all of what has shown: each
	// wait consumes what it read, so what one frame shows is waited for at
	// once.
	waitFor := func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	waitFor("▶ department head approval", "[a] approve")

	tm.Send(runes("a"))
	waitFor("What is being decided")
	tm.Send(keyMsg(tea.KeyEnter)) // the decision: approve
	tm.Send(keyMsg(tea.KeyEnter)) // who decides: the first department head
	tm.Send(keyMsg(tea.KeyEnter)) // no comment: decide
	waitFor("What you are signing")
	// The program handles messages in order: the drawing is done before
	// ctrl+s signs it.
	for _, msg := range append(readToEnd(), signature()...) {
		tm.Send(msg)
	}
	tm.Send(keyMsg(tea.KeyCtrlS))
	waitFor("▶ maintenance plan", "✓ department head approval")
	tm.Send(runes("G"))
	waitFor("department head: approve (department head approval → maintenance plan)", "✔ signed")
	tm.Send(quitMsg{})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(host)
	if final.detail.Capturing() {
		t.Fatal("the decision form is still open")
	}

	got, err := s.Ticket(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	last := got.History[len(got.History)-1]
	if got.Step != "plan" || last.Decision != "approve" || last.Role != model.RoleDeptHead || last.Actor != d.User.ID {
		t.Fatalf("step %s, last %+v", got.Step, last)
	}
	if last.Signature == nil || len(last.Signature.Strokes) == 0 || !ticket.SignatureValid(&got.State, last) {
		t.Fatalf("signature %+v", last.Signature)
	}
	if name := got.Names[last.Contact.String()]; name == "" || last.Signature.SignerName != name {
		t.Fatalf("signed by %q, decided by contact %q", last.Signature.SignerName, name)
	}
}

// The sign-off of a chosen contact does not let their name be changed:
// someone who tabs back and types "Mallory" still signs as the contact, and
// the history shows the contact's name under a valid signature.
func TestSignOffKeepsTheChosenContactsName(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	m := open(t, s, id, model.User{}, i18n.En, 80, 24)
	m, _ = screentest.Drive(t, m, runes("a"), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter))
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyShiftTab), keyMsg(tea.KeyShiftTab), keyMsg(tea.KeyBackspace), runes("Mallory"), keyMsg(tea.KeyTab), keyMsg(tea.KeyTab))
	if strings.Contains(m.View(), "Mallory") {
		t.Fatalf("the chosen contact's name took typing:\n%s", m.View())
	}
	m, _ = screentest.Drive(t, m, append(readToEnd(), signature()...)...)
	if _, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS)); len(out) == 0 {
		t.Fatal("not signed")
	}
	got, err := s.Ticket(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	last := got.History[len(got.History)-1]
	name := got.Names[last.Contact.String()]
	if last.Signature == nil || name == "" || last.Signature.SignerName != name || last.Signature.ContactID != last.Contact {
		t.Fatalf("signed as %+v, decided by %q", last.Signature, name)
	}
	if v := ticket.VerifySignature(&got.State, last); !v.Valid() || v.Version != 2 {
		t.Fatalf("signature reads %+v", v)
	}
}
