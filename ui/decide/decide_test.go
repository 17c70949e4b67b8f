package decide

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

func keyMsg(k tea.KeyType) tea.Msg { return tea.KeyMsg{Type: k} }

func runes(s string) tea.Msg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var space = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}

// open loads ticket id and opens the form as user at w×h.
func open(t *testing.T, s *db.Store, id model.ID, user model.User, L i18n.Lang, decision string, w, h int) Model {
	t.Helper()
	d := screentest.Deps(t, s, L)
	d.User = user
	c, err := Load(context.Background(), s, id, L)
	if err != nil {
		t.Fatal(err)
	}
	m := New(d, c, decision)
	m.SetSize(w, h)
	m = screentest.Start(t, m)
	return m
}

func golden(t *testing.T, name string, m Model, w, h int) {
	t.Helper()
	v := m.View()
	screentest.Frame(t, v, w, h)
	screentest.Golden(t, name, v)
}

// draw signs on the canvas with the keyboard: pen down, a zigzag, pen up.
func draw(t *testing.T, m Model) Model {
	t.Helper()
	msgs := []tea.Msg{space}
	for i := range 12 {
		msgs = append(msgs, keyMsg(tea.KeyRight))
		if i%4 < 2 {
			msgs = append(msgs, keyMsg(tea.KeyUp))
		} else {
			msgs = append(msgs, keyMsg(tea.KeyDown))
		}
	}
	msgs = append(msgs, space)
	m, _ = screentest.Drive(t, m, msgs...)
	return m
}

func TestGoldenViews(t *testing.T) {
	s := screentest.Store(t)
	head := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	plan := screentest.Ticket(t, s, model.KindDataCorrection, "plan")
	for _, L := range screentest.Langs {
		for _, size := range screentest.Sizes {
			w, h := size[0], size[1]
			suffix := fmt.Sprintf("%s_%dx%d", L, w, h)
			engineer := screentest.Deps(t, s, L).User

			// A vendor step: the engineer's plan, its inputs on the
			// first page, then the plan focused.
			m := open(t, s, plan, engineer, L, "", w, h)
			golden(t, "vendor_"+suffix, m, w, h)
			m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter))
			golden(t, "vendor_inputs_"+suffix, m, w, h)

			// A customer step: the department head approves, and signs.
			m = open(t, s, head, engineer, L, "approve", w, h)
			golden(t, "customer_"+suffix, m, w, h)
			m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter))
			if m.Stage() != StageSign {
				t.Fatalf("%s: stage %s, error %q", suffix, m.Stage(), m.Error())
			}
			golden(t, "sign_"+suffix, draw(t, m), w, h)
		}
	}
}

// The whole customer decision: pick the department head, sign with the
// keyboard, and the ticket moves on with the signature recorded.
func TestCustomerDecisionIsSignedAndRecorded(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "approve", 80, 24)
	// Decision: approve (preselected); who: the second department head.
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), keyMsg(tea.KeyDown), keyMsg(tea.KeyEnter),
		runes("同意，请按方案执行 👍"), keyMsg(tea.KeyEnter))
	if m.Stage() != StageSign {
		t.Fatalf("stage %s, error %q", m.Stage(), m.Error())
	}
	want, ok := m.contact(m.draft.Contact)
	if !ok || !want.Roles.Has(model.RoleDeptHead) {
		t.Fatalf("picked %+v", want)
	}
	if !strings.Contains(m.View(), want.Name) {
		t.Fatal("the sign-off does not show the contact's name")
	}
	// What is signed names the vendor user at the laptop, and the screen
	// shows them.
	shown := m.sign.Hash()
	if v := m.View(); strings.Contains(v, "Entered by") {
		t.Fatalf("the 80×24 sign-off shows all at once:\n%s", v)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyPgDown))
	if v := m.View(); !strings.Contains(v, "Entered by  "+engineer.Name) {
		t.Fatalf("the sign-off does not show who enters the decision:\n%s", v)
	}
	// Signing without a drawing is refused by the sign-off itself.
	m, out := screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if _, ok := screentest.Find[DecidedMsg](out); ok || m.Stage() != StageSign {
		t.Fatal("signed without a drawing")
	}
	m = draw(t, m)
	m, out = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	done, ok := screentest.Find[DecidedMsg](out)
	if !ok || done.ID != id || !strings.Contains(done.Status, "maintenance plan") {
		t.Fatalf("no decision: %v (stage %s, error %q)", out, m.Stage(), m.Error())
	}

	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	last := d.History[len(d.History)-1]
	if d.Step != "plan" || last.Decision != "approve" || last.Contact != want.ID || last.Actor != engineer.ID {
		t.Fatalf("step %s, last %+v", d.Step, last)
	}
	if last.Comment != "同意，请按方案执行 👍" {
		t.Fatalf("comment %q", last.Comment)
	}
	sig := last.Signature
	if sig == nil || sig.SignerName != want.Name || sig.SignerRole != model.RoleDeptHead || len(sig.Strokes) == 0 {
		t.Fatalf("signature %+v", sig)
	}
	if !ticket.SignatureValid(&d.State, last) || sig.Version != 2 || sig.ContactID != want.ID {
		t.Fatalf("the recorded signature is void or does not name its signer: %+v", sig)
	}
	if sig.ContentHash != shown {
		t.Fatalf("recorded content hash %s, the sign-off showed %s", sig.ContentHash, shown)
	}
}

// A vendor decision with inputs of several types is recorded at once, as
// the user.
func TestVendorDecisionWithInputs(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindDataCorrection, "plan")
	engineer := screentest.Deps(t, s, i18n.Zh).User
	m := open(t, s, id, engineer, i18n.Zh, "", 80, 24)
	// Page 1: the decision (the only one), the plan, backup needed (yes),
	// verification needed (no), then the comment (none); page 2: the
	// optional response time (now).
	m, out := screentest.Drive(t, m, keyMsg(tea.KeyEnter),
		runes("先备份 reg_visit 表，再删除重复记录"), keyMsg(tea.KeyEnter),
		keyMsg(tea.KeyEnter), keyMsg(tea.KeyDown), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter))
	if _, ok := screentest.Find[DecidedMsg](out); !ok {
		t.Fatalf("not decided: stage %s, error %q\n%s", m.Stage(), m.Error(), m.View())
	}
	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Step != "review" || d.Facts["plan"] != "先备份 reg_visit 表，再删除重复记录" || d.Facts["backup_needed"] != "true" || d.Facts["verify_needed"] != "false" {
		t.Fatalf("step %s, facts %v", d.Step, d.Facts)
	}
	if last := d.History[len(d.History)-1]; last.Role != model.RoleEngineer || last.Signature != nil {
		t.Fatalf("last %+v", last)
	}
}

// Rejecting needs a comment: the form says so at the field and, saved
// from anywhere with ctrl+s, above the keys.
func TestRejectNeedsAComment(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "reject", 80, 24)
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter))
	if m.Stage() != StageForm || !strings.Contains(m.View(), "“reject” needs a comment: say why") {
		t.Fatalf("stage %s:\n%s", m.Stage(), m.View())
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if m.Stage() != StageForm || !strings.Contains(m.Error(), "“reject” needs a comment: say why") {
		t.Fatalf("stage %s, error %q", m.Stage(), m.Error())
	}
	d, _ := s.Ticket(context.Background(), id)
	if d.Step != "dept_approval" {
		t.Fatal("rejected without a comment")
	}
}

// Control characters in a comment are refused by flows before anyone
// signs, and the message shows safely.
func TestControlCharactersAreRefusedInline(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "approve", 80, 24)
	// Fields drop control characters as they are typed; one pasted into
	// the draft by other means still reaches flows, which refuses it.
	m.draft.Comment = "ok\x1b[2J\x07"
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyCtrlS))
	if m.Stage() != StageForm || !strings.Contains(m.Error(), "control character") {
		t.Fatalf("stage %s, error %q", m.Stage(), m.Error())
	}
	v := m.View()
	if strings.ContainsAny(v, "\x1b\x07") || !strings.Contains(v, "control character") {
		t.Fatalf("view:\n%q", v)
	}
}

// Only the roles of the step are offered: an engineer has nothing to
// decide at the technical lead's review; the technical lead has.
func TestWrongRoleIsNotOffered(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "review")
	engineer := screentest.User(t, s, screentest.Engineer)
	m := open(t, s, id, engineer, i18n.En, "approve", 80, 24)
	if len(m.actions) != 0 || m.form != nil || !strings.Contains(m.View(), "you do not hold that role") {
		t.Fatalf("engineer offered %v:\n%s", m.actions, m.View())
	}
	if _, out := screentest.Drive(t, m, keyMsg(tea.KeyEsc)); len(out) != 1 {
		t.Fatalf("esc: %v", out)
	}
	lead := screentest.User(t, s, screentest.TechLead)
	m = open(t, s, id, lead, i18n.En, "", 80, 24)
	var names []string
	for _, a := range m.actions {
		names = append(names, a.Decision.Name)
	}
	if strings.Join(names, ",") != "approve,return" || m.customer || m.role != model.RoleTechLead {
		t.Fatalf("technical lead offered %v as %s", names, m.role)
	}
}

// At the requester's step only the ticket's own requester may decide.
func TestRequesterStepOffersOnlyTheRequester(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "feedback")
	c, err := Load(context.Background(), s, id, i18n.En)
	if err != nil {
		t.Fatal(err)
	}
	acts := Actions(&c.Ticket.State, screentest.User(t, s, screentest.Engineer), c.Contacts)
	people := candidates(acts)
	if len(acts) != 2 || len(people) != 1 || people[0].ID != c.Ticket.RequesterID {
		t.Fatalf("actions %v, people %v (requester %s)", acts, people, c.Ticket.RequesterID)
	}
}

// esc leaves the form; esc on the sign-off goes back to the form with
// everything typed kept.
func TestEscape(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "approve", 80, 24)
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), runes("已核实"), keyMsg(tea.KeyEnter))
	if m.Stage() != StageSign {
		t.Fatalf("stage %s, error %q", m.Stage(), m.Error())
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEsc))
	if m.Stage() != StageForm || m.draft.Comment != "已核实" || !strings.Contains(m.View(), "已核实") {
		t.Fatalf("back from the sign-off: stage %s, comment %q", m.Stage(), m.draft.Comment)
	}
	// What was typed is not dropped on one key: esc asks, and only y
	// discards.
	m, out := screentest.Drive(t, m, keyMsg(tea.KeyEsc))
	if _, ok := screentest.Find[CancelledMsg](out); ok || !strings.Contains(m.View(), "Discard what you typed?") {
		t.Fatalf("esc with a typed comment left at once: %v\n%s", out, m.View())
	}
	screentest.UniqueKeys(t, "asking", m.KeyMap())
	m, out = screentest.Drive(t, m, runes("n"))
	if _, ok := screentest.Find[CancelledMsg](out); ok || m.draft.Comment != "已核实" || strings.Contains(m.View(), "Discard what you typed?") {
		t.Fatalf("n did not go back to the form: %v, comment %q", out, m.draft.Comment)
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEsc), keyMsg(tea.KeyEsc))
	if m.draft.Comment != "已核实" || strings.Contains(m.View(), "Discard what you typed?") {
		t.Fatalf("esc twice did not keep the comment: %q", m.draft.Comment)
	}
	_, out = screentest.Drive(t, m, keyMsg(tea.KeyEsc), runes("y"))
	if _, ok := screentest.Find[CancelledMsg](out); !ok {
		t.Fatalf("esc, y: %v", out)
	}
	// Nothing typed: esc leaves at once.
	m = open(t, s, id, engineer, i18n.Zh, "approve", 80, 24)
	_, out = screentest.Drive(t, m, keyMsg(tea.KeyEsc))
	if _, ok := screentest.Find[CancelledMsg](out); !ok {
		t.Fatalf("esc on an untouched form: %v", out)
	}
}

// No two live bindings share a key, in every stage and focus.
func TestNoKeyBoundTwice(t *testing.T) {
	s := screentest.Store(t)
	id := screentest.Ticket(t, s, model.KindDataCorrection, "dept_approval")
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "approve", 80, 24)
	for step := range 3 {
		screentest.UniqueKeys(t, fmt.Sprintf("form field %d", step), m.KeyMap())
		m, _ = screentest.Drive(t, m, keyMsg(tea.KeyTab))
	}
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter))
	if m.Stage() != StageSign {
		t.Fatalf("stage %s", m.Stage())
	}
	for step := range 3 {
		screentest.UniqueKeys(t, fmt.Sprintf("sign-off focus %d", step), m.KeyMap())
		m, _ = screentest.Drive(t, m, keyMsg(tea.KeyTab))
	}
}

// unique fails when two enabled bindings of km share a key.

// seed §2.6: the respond form has the response time, typed in the
// contract's zone; the response clock stops then, not when it was
// recorded.
func TestRespondIsLoggedAsOfWhenItHappened(t *testing.T) {
	s := screentest.Store(t)
	ctx := context.Background()
	id := screentest.Ticket(t, s, model.KindIncident, "reported")
	before, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	reported, _ := model.ParseTime(before.ReportedAt)
	at := reported.Add(20 * time.Minute)
	engineer := screentest.Deps(t, s, i18n.En).User
	m := open(t, s, id, engineer, i18n.En, "", 80, 24)
	// Page 1: the decision, a comment; page 2: on site (not given), the
	// response time.
	m, _ = screentest.Drive(t, m, keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter), keyMsg(tea.KeyEnter))
	if v := m.View(); !strings.Contains(v, "response time") {
		t.Fatalf("no response time on the form:\n%s", v)
	}
	m, out := screentest.Drive(t, m, runes(model.LocalClock(at, model.DefaultZone())), keyMsg(tea.KeyEnter))
	if _, ok := screentest.Find[DecidedMsg](out); !ok {
		t.Fatalf("not decided: stage %s, error %q\n%s", m.Stage(), m.Error(), m.View())
	}
	d, err := s.Ticket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.RespondedAt != model.FormatTime(at) {
		t.Fatalf("responded at %s, want %s (typed %s in Beijing)", d.RespondedAt, model.FormatTime(at), model.LocalClock(at, model.DefaultZone()))
	}
}
