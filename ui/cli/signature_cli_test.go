package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// signedApproval raises a data correction in the demo database and has its
// department head approve it, signed as the sign-off signs; it returns the
// ticket's number.
func signedApproval(t *testing.T, path string) string {
	t.Helper()
	var c db.TicketDetail
	json.Unmarshal([]byte(mustRun(t, path, "ticket", "new", "--kind", "data_correction", "--customer", "市一医院", "--site", "门诊楼",
		"--title", "更正重复挂号", "--requester", "刘晓梅", "--json")), &c)
	ctx := context.Background()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	user, _ := s.FindUser(ctx, "wangjg")
	contacts, _ := s.Contacts(ctx, c.CustomerID)
	var head model.Contact
	for _, ct := range contacts {
		if ct.Roles.Has(model.RoleDeptHead) && ct.Department == "门诊收费处" { // 刘晓梅's head
			head = ct
		}
	}
	sig := ticket.DecisionContent(&c.State, "approve", "", nil).
		By(flows.Signer{ContactID: head.ID, Name: head.Name, Role: model.RoleDeptHead}, user.ID).
		Sign([][]model.Point{{{X: 0, Y: 0}, {X: 12, Y: 3}}}, "", "2026-11-27T02:00:00.000Z")
	if _, err := s.Execute(ctx, db.Acting{UserID: user.ID, ContactID: head.ID}, ticket.Act{ID: c.ID, Decision: "approve", Signature: &sig}); err != nil {
		t.Fatal(err)
	}
	return c.Number
}

// lastSignature is the state `ticket show --json` gives the ticket's last
// signed decision.
func lastSignature(t *testing.T, path, number string) *signatureStateJSON {
	t.Helper()
	d := showJSON(t, path, number)
	var last *signatureStateJSON
	for _, h := range d.History {
		if (h.Signature == nil) != (h.SignatureState == nil) {
			t.Fatalf("entry %s: signature %v, state %v", h.Type, h.Signature != nil, h.SignatureState)
		}
		if h.SignatureState != nil {
			last = h.SignatureState
		}
	}
	if last == nil {
		t.Fatal("no signed entry")
	}
	return last
}

// A signed decision shows in ticket show, and shows as void once what was
// signed changes (DESIGN §5), in text and JSON, saying what changed.
func TestTicketShowMarksVoidSignatures(t *testing.T) {
	path := demoDB(t)
	n := signedApproval(t, path)
	if out := mustRun(t, path, "ticket", "show", n); !strings.Contains(out, "signed, valid") {
		t.Fatalf("no valid signature shown:\n%s", out)
	}
	if st := lastSignature(t, path, n); st.State != flows.ValidSignature || st.Version != 2 || len(st.Reasons) != 0 {
		t.Fatalf("fresh signature in JSON: %+v", st)
	}
	// The next step's plan is not what the department head signed.
	mustRun(t, path, "ticket", "act", n, "propose", "--input", "plan=测试库验证后执行", "--input", "backup_needed=yes", "--input", "verify_needed=yes")
	if st := lastSignature(t, path, n); st.State != flows.ValidSignature {
		t.Fatalf("the next step voided the approval: %+v", st)
	}
	mustRun(t, path, "ticket", "edit", n, "description=补充：共 3 条")
	out := mustRun(t, path, "ticket", "show", n)
	if !strings.Contains(out, "signature VOID: the description was changed after signing") {
		t.Fatalf("the signature is not shown void after the request changed:\n%s", out)
	}
	if zh := mustRun(t, path, "--lang", "zh", "ticket", "show", n); !strings.Contains(zh, "签字作废：签字后问题描述被修改") {
		t.Fatalf("zh:\n%s", zh)
	}
	st := lastSignature(t, path, n)
	if st.State != flows.VoidSignature || len(st.Reasons) != 1 || st.Reasons[0] != ticket.ReasonDescription ||
		len(st.Why) != 1 || !strings.Contains(st.Why[0], "description") {
		t.Fatalf("void signature in JSON: %+v", st)
	}
}

// Someone with the database file who edits the signer's name, the drawing
// or the vendor user of a signed decision, and recomputes the row's hash
// prefix so that check's re-hash passes, still leaves a VOID signature
// that names what they changed.
func TestEditedSignatureInTheDatabaseShowsVoid(t *testing.T) {
	path := demoDB(t)
	n := signedApproval(t, path)
	ctx := context.Background()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var row int64
	var body []byte
	if err := s.DB().QueryRow("SELECT n, body FROM events ORDER BY n DESC LIMIT 1").Scan(&row, &body); err != nil {
		t.Fatal(err)
	}
	body = openedBody(t, body)
	other, _ := s.FindUser(ctx, "lina")
	s.Close()
	cases := []struct {
		name string
		edit func(env *model.Envelope, sig *model.Signature)
		want flows.VoidReason
		text string
	}{
		{"signer's name", func(_ *model.Envelope, sig *model.Signature) { sig.SignerName = "Mallory" }, flows.ReasonSigner, "the signer's name, contact or role is not who signed"},
		{"strokes", func(_ *model.Envelope, sig *model.Signature) { sig.Strokes[0][1].X++ }, flows.ReasonDrawing, "the drawing or the typed signature is not what was signed"},
		{"actor", func(env *model.Envelope, _ *model.Signature) { env.Actor = other.ID }, flows.ReasonActor, "the vendor user who entered it"},
	}
	for _, c := range cases {
		rewriteEvent(t, path, row, body, func(env *model.Envelope) {
			var p ticket.DecidedPayload
			if err := json.Unmarshal(env.Payload, &p); err != nil {
				t.Fatal(err)
			}
			c.edit(env, p.Signature)
			env.Payload = model.MustCanonical(p)
		})
		if out := mustRun(t, path, "ticket", "show", n); !strings.Contains(out, "signature VOID: "+c.text) {
			t.Errorf("%s: not shown void:\n%s", c.name, out)
		}
		if st := lastSignature(t, path, n); st.State != flows.VoidSignature || len(st.Reasons) != 1 || st.Reasons[0] != c.want {
			t.Errorf("%s: JSON %+v, want void for %s", c.name, st, c.want)
		}
		rewriteEvent(t, path, row, body, nil)
		if st := lastSignature(t, path, n); st.State != flows.ValidSignature {
			t.Fatalf("restored event reads %+v", st)
		}
	}
}

// rewriteEvent stores event row of the database at path as orig with edit
// applied to its envelope (nil: orig itself), re-sealed and with the row's
// hash prefix recomputed as check computes it.
func rewriteEvent(t *testing.T, path string, row int64, orig []byte, edit func(env *model.Envelope)) {
	t.Helper()
	e, err := model.OpenEvent(orig)
	if err != nil {
		t.Fatal(err)
	}
	env := e.Envelope
	if edit != nil {
		edit(&env)
	}
	forged, err := model.SealEvent(env)
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil && string(forged.Raw) != string(orig) {
		t.Fatal("re-sealing changed the event")
	}
	s, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	setBody(t, s.DB(), row, forged.Raw, model.HashEvent(forged.Raw).Prefix())
}
