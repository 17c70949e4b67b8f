package db

import (
	"encoding/json"
	"testing"

	"pgregory.net/rapid"

	"yunwei/model"
)

// The hand-written JSON of a ticket row is encoding/json's, byte for byte,
// whatever the text holds: CJK, emoji, controls, bidi, HTML characters,
// invalid UTF-8, line separators (README "JSON output").
func TestTicketRowJSONIsEncodingJSON(t *testing.T) {
	tricky := []rune("打印机<>&\"\\\n\t\x00\x1f\u2028\u2029\u202e😀é")
	text := rapid.OneOf(rapid.String(), rapid.StringOf(rapid.RuneFrom(tricky)),
		rapid.Map(rapid.SliceOf(rapid.Byte()), func(b []byte) string { return string(b) }))
	id := rapid.Custom(func(t *rapid.T) model.ID {
		var id model.ID
		if rapid.Bool().Draw(t, "none") {
			return id
		}
		copy(id[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "id"))
		return id
	})
	rapid.Check(t, func(t *rapid.T) {
		r := TicketRow{ID: id.Draw(t, "id"), Number: text.Draw(t, "number"), Kind: model.Kind(text.Draw(t, "kind")),
			Channel: model.Channel(text.Draw(t, "channel")), Severity: model.Severity(rapid.IntRange(-5, 9).Draw(t, "sev")),
			Title: text.Draw(t, "title"), Customer: CustomerRef{ID: id.Draw(t, "cust"), Name: text.Draw(t, "cn"), ShortName: text.Draw(t, "cs")},
			Site: Ref{ID: id.Draw(t, "site"), Name: text.Draw(t, "sn")}, Status: text.Draw(t, "status"), Step: text.Draw(t, "step"),
			ReportedAt: text.Draw(t, "rep"), UpdatedAt: text.Draw(t, "upd"), ClosedAt: text.Draw(t, "closed"),
			Comments: rapid.IntRange(0, 1<<20).Draw(t, "comments")}
		if rapid.Bool().Draw(t, "assignee") {
			r.Assignee = &UserRef{ID: id.Draw(t, "aid"), Login: text.Draw(t, "login"), Name: text.Draw(t, "an")}
		}
		if rapid.Bool().Draw(t, "waiting") {
			for _, s := range rapid.SliceOf(text).Draw(t, "roles") {
				r.WaitingFor = append(r.WaitingFor, model.Role(s))
			}
			if r.WaitingFor == nil {
				r.WaitingFor = model.Roles{}
			}
		}
		if rapid.Bool().Draw(t, "sla") {
			r.SLA = &SLARef{Clock: text.Draw(t, "clock"), Due: text.Draw(t, "due"), State: text.Draw(t, "state")}
		}
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.AppendJSON(nil); string(got) != string(want) {
			t.Fatalf("AppendJSON\n got %s\nwant %s", got, want)
		}
	})
}
