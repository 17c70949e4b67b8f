package db

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"yunwei/model"
)

// asListRow is the row a decoded list row was encoded from.
func (r decodedRow) asListRow() listRow {
	ms := func(v sql.NullInt64) any {
		if !v.Valid {
			return nil
		}
		return v.Int64
	}
	return listRow{id: r.id, site: r.site, assignee: r.assignee, severity: r.severity, comments: r.comments,
		reported: ms(r.reported), updated: ms(r.updated), closed: ms(r.closed), due: ms(r.due),
		title: string(r.title), kind: r.kind, channel: r.channel, status: r.status, step: r.step,
		waiting: r.waiting, clock: r.clock, clockState: r.clockState}
}

// retitledRow is a ticket's stored list row with another title: a
// projection row changed outside yunwei.
func retitledRow(t *testing.T, q *sql.DB, id model.ID, title string) []byte {
	t.Helper()
	var b []byte
	if err := q.QueryRow("SELECT list_row FROM tickets WHERE id = ?", id).Scan(&b); err != nil {
		t.Fatal(err)
	}
	r, ok := decodeListRow(b)
	if !ok {
		t.Fatalf("list row %x unreadable", b)
	}
	l := r.asListRow()
	l.title = title
	return l.encode()
}

// Whatever a list row holds comes back as it was: codes listed or not
// (a step a later flow adds), times present or not, in any order.
func TestListRowsComeBackAsTheyWere(t *testing.T) {
	code := rapid.OneOf(rapid.SampledFrom(listCodes[:]), rapid.Just(""), rapid.String())
	millis := rapid.OneOf(rapid.Just[any](nil), rapid.Map(rapid.Int64(), func(v int64) any { return v }),
		rapid.Map(rapid.Int64Range(1_700_000_000_000, 1_900_000_000_000), func(v int64) any { return v }))
	id := rapid.Custom(func(t *rapid.T) (id model.ID) {
		copy(id[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "id"))
		return id
	})
	rapid.Check(t, func(t *rapid.T) {
		l := listRow{id: id.Draw(t, "id"), site: id.Draw(t, "site"), assignee: id.Draw(t, "assignee"),
			severity: rapid.Int64().Draw(t, "severity"), comments: rapid.Int64().Draw(t, "comments"),
			reported: millis.Draw(t, "reported"), updated: millis.Draw(t, "updated"), closed: millis.Draw(t, "closed"), due: millis.Draw(t, "due"),
			title: rapid.String().Draw(t, "title"), kind: code.Draw(t, "kind"), channel: code.Draw(t, "channel"), status: code.Draw(t, "status"),
			step: code.Draw(t, "step"), waiting: code.Draw(t, "waiting"), clock: code.Draw(t, "clock"), clockState: code.Draw(t, "state")}
		b := l.encode()
		r, ok := decodeListRow(b)
		if !ok {
			t.Fatalf("%x: unreadable", b)
		}
		if got := r.asListRow(); got != l {
			t.Fatalf("came back as\n%#v\nnot\n%#v", got, l)
		}
		for cut := 0; cut < len(b); cut++ {
			if _, ok := decodeListRow(b[:cut]); ok {
				t.Fatalf("cut at %d of %d: read", cut, len(b))
			}
		}
	})
}

// A ticket's list row is held twice (the table and the index that lists
// by update time): a typical one, open with a running clock, is small.
func TestAListRowIsSmall(t *testing.T) {
	l := listRow{id: model.NewID(), site: model.NewID(), assignee: model.NewID(), severity: 2, comments: 3,
		reported: int64(1_764_000_000_000), updated: int64(1_764_003_600_000), due: int64(1_764_007_200_000),
		title: "门诊收费处第3号窗口无法打印发票", kind: "incident", channel: "phone", status: "open", step: "diagnosis",
		waiting: "engineer,developer", clock: "resolution", clockState: "running"}
	if n, most := len(l.encode()), 48+len(l.title)+30; n > most {
		t.Errorf("a list row of %d bytes, more than %d", n, most)
	}
}

// The codes are part of list row format 2: rows written with them must
// read the same for as long as the format is read.
func TestListCodesNeverChange(t *testing.T) {
	sum := sha256.Sum256([]byte(strings.Join(listCodes[:], "\n")))
	if got := hex.EncodeToString(sum[:]); got != listCodesDigest {
		t.Fatalf("the list codes changed (SHA-256 %s): rows written with them would read as other codes; a new list is a new format", got)
	}
	seen := map[string]bool{}
	for _, c := range listCodes {
		if c == "" || seen[c] {
			t.Fatalf("code %q: empty or listed twice", c)
		}
		seen[c] = true
	}
}

const listCodesDigest = "81b5403262c6b936de1622078eb362d9bb3cd1854ca3cb1f114c55a479573d12"

// The times of a list row read as the JSON time text, whatever the year.
func TestListTimesReadAsTheirText(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ms := sql.NullInt64{Int64: rapid.Int64Range(-70_000_000_000_000, 300_000_000_000_000).Draw(t, "ms"), Valid: true}
		if got, want := string(appendMillis([]byte("x"), ms)), "x"+formatMillis(ms); got != want {
			t.Fatalf("%d: %q, not %q", ms.Int64, got, want)
		}
	})
	if got := appendMillis([]byte("x"), sql.NullInt64{}); string(got) != "x" {
		t.Fatalf("none: %q", got)
	}
}
