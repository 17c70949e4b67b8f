package signoff

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// host embeds the sign-off as a screen would: it owns the window size and
// turns the component's messages into its own outcome.
type host struct {
	signoff   Model
	signed    *model.Signature
	cancelled bool
}

func (h host) Init() tea.Cmd { return h.signoff.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.signoff.SetSize(msg.Width, msg.Height)
		return h, nil
	case SignedMsg:
		h.signed = &msg.Signature
		return h, tea.Quit
	case CancelledMsg:
		h.cancelled = true
		return h, tea.Quit
	}
	var cmd tea.Cmd
	h.signoff, cmd = h.signoff.Update(msg)
	return h, cmd
}

func (h host) View() string { return h.signoff.View() }

// The whole interaction through a real Bubble Tea program: type a name, try
// to sign too early, draw with the mouse, sign.
func TestInteraction(t *testing.T) {
	tm := teatest.NewTestModel(t, host{signoff: New(testOptions(i18n.En))}, teatest.WithInitialTermSize(80, 24))
	waitFor := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("What you are signing")

	tm.Type("Han Meimei")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
	waitFor("Read to the end of what you are signing first")
	tm.Send(tea.KeyMsg{Type: tea.KeyPgDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyPgDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
	waitFor("Draw the signature in the box first")

	// At 80×24 with this summary the canvas's first inner cell is at
	// column 1, row 13 (see TestMouseDrawing for the mapping).
	at := func(action tea.MouseAction, x, y int) tea.Msg {
		return tea.MouseMsg{X: 1 + x, Y: 13 + y, Action: action, Button: tea.MouseButtonLeft}
	}
	tm.Send(at(tea.MouseActionPress, 2, 5))
	tm.Send(at(tea.MouseActionMotion, 8, 2))
	tm.Send(at(tea.MouseActionMotion, 14, 6))
	tm.Send(at(tea.MouseActionMotion, 24, 1))
	tm.Send(at(tea.MouseActionRelease, 24, 1))
	waitFor("Pen up")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlS})

	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
	if final.signed == nil {
		t.Fatal("no signature")
	}
	sig := *final.signed
	want := [][]model.Point{pts(4, 21, 16, 9, 28, 25, 48, 5)}
	if sig.SignerName != "Han Meimei" || sig.SignerRole != model.RoleRequester ||
		sig.SignedAt != "2026-11-27T03:04:05.000Z" || !reflect.DeepEqual(sig.Strokes, want) {
		t.Fatalf("signature %+v", sig)
	}
	if ok, err := flows.VerifySignature(sig, testSheet); !ok || err != nil {
		t.Fatalf("verify: %v %v", ok, err)
	}
}

func TestInteractionCancel(t *testing.T) {
	tm := teatest.NewTestModel(t, host{signoff: New(testOptions(i18n.Zh))}, teatest.WithInitialTermSize(80, 24))
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host)
	if !final.cancelled || final.signed != nil {
		t.Fatalf("cancel: %+v", final)
	}
}
