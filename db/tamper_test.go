package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// The tamper suite: an attacker with the laptop edits the database file
// with SQLite (recomputing the stored hash prefix where that hides an
// edit), and yunwei check must name every kind of edit by kind and event;
// repair must refuse while the log itself fails, and repair the
// projections when only they differ.

// tamperWorld is the database every edit starts from: the fixture's
// directory, an incident with comments, and a data correction approved
// by the customer's department head with a drawn signature, then more
// events so that the edited ones are in the middle of the chain.
type tamperWorld struct {
	path                           string
	incident, correction           model.ID
	create, comment1, comment2     int64 // event row numbers
	decided, newest, correctionNew int64
}

func buildTamperWorld(t *testing.T) tamperWorld {
	t.Helper()
	f := newFixture(t)
	ctx := context.Background()
	inc := f.newTicket("门诊收费处无法打印发票")
	inc.Description = "收费员反映：打印发票时提示打印机错误。"
	f.must(t, f.engineer, inc)
	f.must(t, f.engineer, ticket.Comment{ID: inc.ID, Text: "已电话联系，稍后到场"})
	corr := f.newTicket("更正门诊重复挂号记录")
	corr.Kind = model.KindDataCorrection
	f.must(t, f.engineer, corr)
	head := Acting{UserID: f.engineer, ContactID: f.head}
	if _, err := f.s.Execute(ctx, head, f.signed(t, head, ticket.Act{ID: corr.ID, Decision: "approve", Comment: "同意更正"})); err != nil {
		t.Fatal(err)
	}
	f.must(t, f.engineer, ticket.Comment{ID: inc.ID, Text: "已到现场，更换打印机驱动"})
	f.must(t, f.engineer, ticket.Assign{ID: inc.ID, AssigneeID: f.engineer})
	f.must(t, f.engineer, ticket.Comment{ID: inc.ID, Text: "客户确认恢复正常"})
	w := tamperWorld{path: f.s.Path(), incident: inc.ID, correction: corr.ID}
	q := f.s.DB()
	nth := func(typ string, entity model.ID, i int) int64 {
		var ns []int64
		rows, err := q.Query("SELECT n, body FROM events WHERE entity_id = ? ORDER BY n", entity)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var n int64
			var body []byte
			rows.Scan(&n, &body)
			if bytes.Contains(opened(t, body), []byte(`"type":"`+typ+`"`)) {
				ns = append(ns, n)
			}
		}
		if i >= len(ns) {
			t.Fatalf("no %s #%d", typ, i)
		}
		return ns[i]
	}
	w.create = nth(ticket.Created, inc.ID, 0)
	w.comment1 = nth(ticket.Commented, inc.ID, 0)
	w.comment2 = nth(ticket.Commented, inc.ID, 1)
	w.newest = nth(ticket.Commented, inc.ID, 2)
	w.decided = nth(ticket.Decided, corr.ID, 0)
	w.correctionNew = nth(ticket.Created, corr.ID, 0)
	if r, err := f.s.Check(ctx); err != nil || len(r.Problems) > 0 || len(r.Notes) > 0 {
		t.Fatalf("the untouched world fails its check: %+v, %v", r, err)
	}
	if _, err := q.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	return w
}

// attacker edits a copy of the world's file as sqlite3 would: no foreign
// keys, no yunwei.
type attacker struct {
	t  *testing.T
	db *sql.DB
	w  tamperWorld
}

func (a attacker) exec(query string, args ...any) {
	a.t.Helper()
	if _, err := a.db.Exec(query, args...); err != nil {
		a.t.Fatalf("%s: %v", query, err)
	}
}

func (a attacker) body(n int64) []byte {
	a.t.Helper()
	var body []byte
	if err := a.db.QueryRow("SELECT body FROM events WHERE n = ?", n).Scan(&body); err != nil {
		a.t.Fatalf("event %d: %v", n, err)
	}
	return opened(a.t, body)
}

// setBody writes new bytes for an event and, as the attacker of the issue
// did, the 8-byte prefix of their hash that the log stored beside events
// before they were chained.
func (a attacker) setBody(n int64, body []byte) {
	a.exec("UPDATE events SET body = ?, id8 = ? WHERE n = ?", storeBody(body), model.HashEvent(body).Prefix(), n)
}

// relink recomputes the stored link of event n, as an attacker who has
// read db/chain.go would.
func (a attacker) relink(n int64) {
	a.t.Helper()
	var prev model.EventID
	var body []byte
	if err := a.db.QueryRow("SELECT body FROM events WHERE origin = 1 AND origin_seq < (SELECT origin_seq FROM events WHERE n = ?) ORDER BY origin_seq DESC LIMIT 1", n).Scan(&body); err == nil {
		prev = model.HashEvent(opened(a.t, body))
	}
	a.exec("UPDATE events SET id8 = ? WHERE n = ?", link(prev, model.HashEvent(a.body(n))), n)
}

// edit rewrites an event's envelope canonically, hash prefix recomputed.
func (a attacker) edit(n int64, change func(env map[string]any)) {
	a.t.Helper()
	a.setBody(n, recanon(a.t, a.body(n), change))
}

func recanon(t *testing.T, body []byte, change func(env map[string]any)) []byte {
	t.Helper()
	env := decodeEnv(t, body)
	change(env)
	out, err := model.Canonical(env)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// decodeEnv reads an envelope as a map, numbers kept exact.
func decodeEnv(t *testing.T, body []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var env map[string]any
	if err := dec.Decode(&env); err != nil {
		t.Fatal(err)
	}
	return env
}

func payload(env map[string]any) map[string]any { return env["payload"].(map[string]any) }

// forge appends an event of the incident made by the attacker: the next
// sequence number, its link to the newest event right. With rewriteHead
// it also records it as this device's newest event, with the chain
// recomputed: the one forgery the laptop alone cannot tell from a real
// event, unless what it says is impossible (see the README: a device's
// signature over its chain anchors it once devices sync).
func (a attacker) forge(change func(env map[string]any), rewriteHead bool) {
	a.t.Helper()
	newest := a.body(a.w.newest)
	var seq int64
	if err := a.db.QueryRow("SELECT last_seq FROM local_device").Scan(&seq); err != nil {
		a.t.Fatal(err)
	}
	body := recanon(a.t, newest, func(env map[string]any) {
		env["seq"] = json.Number(fmt.Sprint(seq + 1))
		env["parents"] = []any{model.HashEvent(newest).String()}
		payload(env)["text"] = "客户同意免除本次服务费"
		change(env)
	})
	e, err := model.OpenEvent(body)
	if err != nil {
		a.t.Fatal(err)
	}
	a.exec("INSERT INTO events (id8, origin, origin_seq, entity_id, body) VALUES (?, 1, ?, ?, ?)", link(model.HashEvent(newest), e.ID), seq+1, e.EntityID, storeBody(body))
	if rewriteHead {
		a.exec("UPDATE local_device SET last_seq = ?, head = ?, chain = ?", seq+1, e.ID[:], a.chain())
	}
}

// chain is the chain over the device's events as they are now.
func (a attacker) chain() []byte {
	a.t.Helper()
	rows, err := a.db.Query("SELECT body FROM events WHERE origin = 1 ORDER BY origin_seq")
	if err != nil {
		a.t.Fatal(err)
	}
	defer rows.Close()
	var c chainValue
	for rows.Next() {
		var body []byte
		rows.Scan(&body)
		c = c.next(model.HashEvent(opened(a.t, body)))
	}
	return c[:]
}

// want is a finding the check must make: its kind and, unless at is nil,
// the event it names (or the event before a broken link).
type want struct {
	kind ProblemKind
	at   func(w tamperWorld) int64
}

// The events a finding names.
var (
	any_     func(tamperWorld) int64
	first    = func(tamperWorld) int64 { return 1 }
	second   = func(tamperWorld) int64 { return 2 }
	create   = func(w tamperWorld) int64 { return w.create }
	comment1 = func(w tamperWorld) int64 { return w.comment1 }
	comment2 = func(w tamperWorld) int64 { return w.comment2 }
	decided  = func(w tamperWorld) int64 { return w.decided }
	newest   = func(w tamperWorld) int64 { return w.newest }
)

var tamperCases = []struct {
	name   string
	edit   func(a attacker)
	want   []want
	repair bool // only the projections were touched: repair fixes it
}{
	{"a comment's text", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { payload(env)["text"] = "客户要求取消" })
	}, []want{{ProblemEventChanged, comment1}}, false},
	{"a description", func(a attacker) {
		a.edit(a.w.create, func(env map[string]any) { payload(env)["description"] = "客户自行删除了数据" })
	}, []want{{ProblemEventChanged, create}}, false},
	{"the actor", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { env["actor"] = env["origin"] })
	}, []want{{ProblemEventChanged, comment1}}, false},
	{"the wall time", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { env["wall"] = "2026-11-01T08:00:00.000Z" })
	}, []want{{ProblemEventChanged, comment1}}, false},
	{"the HLC", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { env["hlc"] = json.Number("1") })
	}, []want{{ProblemEventChanged, comment1}}, false},
	{"the type", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { env["type"] = "ticket.note" })
	}, []want{{ProblemEventChanged, comment1}}, false},
	{"the payload of a decision", func(a attacker) {
		a.edit(a.w.decided, func(env map[string]any) { payload(env)["comment"] = "不同意" })
	}, []want{{ProblemEventChanged, decided}}, false},
	{"the signature strokes", func(a attacker) {
		a.edit(a.w.decided, func(env map[string]any) {
			payload(env)["signature"].(map[string]any)["strokes"] = []any{[]any{map[string]any{"x": json.Number("5"), "y": json.Number("5")}}}
		})
	}, []want{{ProblemEventChanged, decided}}, false},
	{"the signer's name", func(a attacker) {
		a.edit(a.w.decided, func(env map[string]any) { payload(env)["signature"].(map[string]any)["signer_name"] = "Mallory" })
	}, []want{{ProblemEventChanged, decided}}, false},
	{"a comment's text, its link recomputed", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { payload(env)["text"] = "客户要求取消" })
		a.relink(a.w.comment1)
	}, []want{{ProblemChainBroken, comment1}, {ProblemChainMismatch, newest}}, false},
	{"a comment's text, the links on both sides recomputed", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { payload(env)["text"] = "客户要求取消" })
		a.relink(a.w.comment1)
		a.relink(a.w.comment1 + 1)
	}, []want{{ProblemChainMismatch, newest}}, false},
	{"the newest event", func(a attacker) {
		a.edit(a.w.newest, func(env map[string]any) { payload(env)["text"] = "客户不满意" })
	}, []want{{ProblemChainBroken, newest}, {ProblemHead, newest}}, false},
	{"the newest event, its link recomputed", func(a attacker) {
		a.edit(a.w.newest, func(env map[string]any) { payload(env)["text"] = "客户不满意" })
		a.relink(a.w.newest)
	}, []want{{ProblemHead, newest}}, false},
	{"delete the newest event, lower the sequence", func(a attacker) {
		a.exec("DELETE FROM events WHERE n = ?", a.w.newest)
		a.exec("UPDATE local_device SET last_seq = last_seq - 1")
	}, []want{{ProblemHead, any_}}, false},
	{"delete the newest event", func(a attacker) {
		a.exec("DELETE FROM events WHERE n = ?", a.w.newest)
	}, []want{{ProblemLastSeq, any_}, {ProblemHead, any_}}, false},
	{"delete a middle event", func(a attacker) {
		a.exec("DELETE FROM events WHERE n = ?", a.w.comment1)
	}, []want{{ProblemSeqGap, any_}, {ProblemDanglingParent, any_}}, false},
	{"delete a middle event, renumber the ones after it", func(a attacker) {
		a.exec("DELETE FROM events WHERE n = ?", a.w.comment1)
		a.exec("UPDATE events SET origin_seq = origin_seq - 1 WHERE n > ?", a.w.comment1)
		a.exec("UPDATE local_device SET last_seq = last_seq - 1")
	}, []want{{ProblemChainBroken, any_}, {ProblemRowMismatch, any_}}, false},
	{"delete the first event", func(a attacker) {
		a.exec("DELETE FROM events WHERE n = 1")
	}, []want{{ProblemSeqGap, second}}, false},
	{"lower the counter", func(a attacker) {
		a.exec("UPDATE counters SET value = value - 1")
	}, []want{{ProblemCounterBehind, any_}}, false},
	{"raise the counter", func(a attacker) {
		a.exec("UPDATE counters SET value = value + 5")
	}, []want{{ProblemCounterAhead, any_}}, false},
	{"delete the counter", func(a attacker) {
		a.exec("DELETE FROM counters")
	}, []want{{ProblemCounterBehind, any_}}, false},
	{"raise a seq", func(a attacker) {
		a.exec("UPDATE events SET origin_seq = origin_seq + 100 WHERE n = ?", a.w.newest)
	}, []want{{ProblemRowMismatch, newest}, {ProblemSeqGap, newest}}, false},
	{"raise a seq far beyond the count", func(a attacker) {
		// Too far for the pass's arrays: the chain is read again in order.
		a.exec("UPDATE events SET origin_seq = origin_seq + 10000000 WHERE n = ?", a.w.newest)
	}, []want{{ProblemRowMismatch, newest}, {ProblemSeqGap, newest}, {ProblemLastSeq, any_}}, false},
	{"raise a seq in the event too", func(a attacker) {
		a.edit(a.w.newest, func(env map[string]any) { env["seq"] = json.Number("100") })
		a.exec("UPDATE events SET origin_seq = 100 WHERE n = ?", a.w.newest)
		a.exec("UPDATE local_device SET last_seq = 100")
	}, []want{{ProblemSeqGap, newest}, {ProblemHead, any_}}, false},
	{"duplicate an event", func(a attacker) {
		a.exec("INSERT INTO events (id8, origin, origin_seq, entity_id, body) SELECT id8, origin, (SELECT max(origin_seq) + 1 FROM events), entity_id, body FROM events WHERE n = ?", a.w.comment1)
		a.exec("UPDATE local_device SET last_seq = last_seq + 1")
	}, []want{{ProblemRowMismatch, any_}, {ProblemChainBroken, any_}, {ProblemHead, any_}}, false},
	{"swap two events' bodies", func(a attacker) {
		b1, b2 := a.body(a.w.comment1), a.body(a.w.comment2)
		a.setBody(a.w.comment1, b2)
		a.setBody(a.w.comment2, b1)
	}, []want{{ProblemRowMismatch, comment1}, {ProblemEventChanged, comment1}, {ProblemEventChanged, comment2}}, false},
	{"change the entity_id column", func(a attacker) {
		a.exec("UPDATE events SET entity_id = ? WHERE n = ?", a.w.correction, a.w.comment1)
	}, []want{{ProblemRowMismatch, comment1}, {ProblemDanglingParent, any_}}, false},
	{"move a comment to another ticket", func(a attacker) {
		a.edit(a.w.comment1, func(env map[string]any) { env["entity_id"] = a.w.correction.String() })
		a.exec("UPDATE events SET entity_id = ? WHERE n = ?", a.w.correction, a.w.comment1)
	}, []want{{ProblemEventChanged, comment1}, {ProblemDanglingParent, comment1}}, false},
	{"change the origin column to another device", func(a attacker) {
		a.exec("INSERT INTO origins (n, id) VALUES (2, ?)", model.NewID())
		a.exec("UPDATE events SET origin = 2 WHERE n = ?", a.w.comment1)
	}, []want{{ProblemRowMismatch, comment1}, {ProblemForeignOrigin, comment1}, {ProblemSeqGap, any_}}, false},
	{"change the origin column to no device", func(a attacker) {
		a.exec("UPDATE events SET origin = 9 WHERE n = ?", a.w.comment1)
	}, []want{{ProblemUnknownOrigin, comment1}}, false},
	{"change the device's id", func(a attacker) {
		a.exec("UPDATE origins SET id = ?", model.NewID())
	}, []want{{ProblemRowMismatch, first}, {ProblemForeignOrigin, any_}}, false},
	{"add a forged event with a valid-looking hash", func(a attacker) {
		a.forge(func(map[string]any) {}, false)
	}, []want{{ProblemHead, any_}}, false},
	{"add a forged event, sequence raised", func(a attacker) {
		a.forge(func(map[string]any) {}, false)
		a.exec("UPDATE local_device SET last_seq = last_seq + 1")
	}, []want{{ProblemHead, any_}}, false},
	{"add a forged event naming a parent that does not exist, head rewritten", func(a attacker) {
		a.forge(func(env map[string]any) { env["parents"] = []any{model.HashEvent([]byte("x")).String()} }, true)
	}, []want{{ProblemDanglingParent, any_}}, false},
	{"add a forged ticket with a number in use, head rewritten", func(a attacker) {
		number := payload(decodeEnv(a.t, a.body(a.w.create)))["number"]
		created := decodeEnv(a.t, a.body(a.w.correctionNew))
		a.forge(func(env map[string]any) {
			env["type"], env["payload"], env["parents"], env["entity_id"] = ticket.Created, created["payload"], []any{}, model.NewID().String()
			payload(env)["number"] = number
		}, true)
	}, []want{{ProblemDuplicateNumber, any_}}, false},
	{"a body changed, hash prefix not", func(a attacker) {
		a.exec("UPDATE events SET body = ? WHERE n = ?", storeBody(recanon(a.t, a.body(a.w.comment1), func(env map[string]any) { payload(env)["text"] = "x" })), a.w.comment1)
	}, []want{{ProblemEventChanged, comment1}}, false},
	{"a link changed", func(a attacker) {
		a.exec("UPDATE events SET id8 = id8 + 1 WHERE n = ?", a.w.comment2)
	}, []want{{ProblemChainBroken, comment2}}, false},
	{"a body not in canonical form", func(a attacker) {
		a.setBody(a.w.comment1, append([]byte(" "), a.body(a.w.comment1)...))
	}, []want{{ProblemNotCanonical, comment1}, {ProblemEventChanged, comment1}}, false},
	{"a body that is no event", func(a attacker) {
		a.setBody(a.w.comment1, []byte(`{"note":"已删除"}`))
	}, []want{{ProblemUnparseable, comment1}}, false},
	{"a body that is not JSON", func(a attacker) {
		a.setBody(a.w.comment1, []byte("已删除"))
	}, []want{{ProblemUnparseable, comment1}, {ProblemEventChanged, comment1}}, false},
	{"a packed body cut short", func(a attacker) {
		a.exec("UPDATE events SET body = substr(body, 1, length(body) - 5) WHERE n = ?", a.w.comment1)
	}, []want{{ProblemUnparseable, comment1}, {ProblemEventChanged, comment1}}, false},
	{"a packed body of an unknown format", func(a attacker) {
		a.exec("UPDATE events SET body = X'09' || substr(body, 2) WHERE n = ?", a.w.comment1)
	}, []want{{ProblemUnparseable, comment1}, {ProblemEventChanged, comment1}}, false},
	{"a byte of a packed body changed", func(a attacker) {
		a.exec("UPDATE events SET body = substr(body, 1, 40) || X'30' || substr(body, 42) WHERE n = ?", a.w.comment1)
	}, []want{{ProblemEventChanged, comment1}}, false},
	{"an event's parents", func(a attacker) {
		a.edit(a.w.comment2, func(env map[string]any) { env["parents"] = []any{model.HashEvent([]byte("y")).String()} })
	}, []want{{ProblemDanglingParent, comment2}, {ProblemEventChanged, comment2}}, false},
	{"edit local_device last_seq", func(a attacker) {
		a.exec("UPDATE local_device SET last_seq = last_seq + 3")
	}, []want{{ProblemLastSeq, any_}}, false},
	{"edit local_device head", func(a attacker) {
		a.exec("UPDATE local_device SET head = ?", bytes.Repeat([]byte{7}, 32))
	}, []want{{ProblemHead, any_}}, false},
	{"clear local_device head", func(a attacker) {
		a.exec("UPDATE local_device SET head = NULL")
	}, []want{{ProblemHead, any_}}, false},
	{"edit local_device chain", func(a attacker) {
		a.exec("UPDATE local_device SET chain = ?", bytes.Repeat([]byte{7}, 32))
	}, []want{{ProblemChainMismatch, any_}}, false},
	{"a ticket's title in its projection row", func(a attacker) {
		a.exec("UPDATE tickets SET list_row = ? WHERE id = ?", retitledRow(a.t, a.db, a.w.incident, "已解决"), a.w.incident)
	}, []want{{ProblemProjectionRow, any_}}, true},
	{"a user's roles in the projection", func(a attacker) {
		a.exec("UPDATE users SET roles = 'admin,engineer' WHERE login = 'wang'")
	}, []want{{ProblemProjectionRow, any_}}, true},
	{"a contact's roles in the projection", func(a attacker) {
		a.exec("UPDATE contacts SET roles = 'dept_head,leader' WHERE name = '李护士'")
	}, []want{{ProblemProjectionRow, any_}}, true},
	{"a contract in the projection", func(a attacker) {
		a.exec("UPDATE contracts SET quota_days = 300")
	}, []want{{ProblemProjectionRow, any_}}, true},
	{"drop a projection row", func(a attacker) {
		a.exec("DELETE FROM tickets WHERE id = ?", a.w.correction)
	}, []want{{ProblemProjectionMissing, any_}}, true},
	{"add a projection row", func(a attacker) {
		a.exec("INSERT INTO users (id, login, name, phone, email, roles) VALUES (?, 'mallory', 'Mallory', '', '', 'admin')", model.NewID())
	}, []want{{ProblemProjectionExtra, any_}}, true},
	{"a ticket's assignee in the projection", func(a attacker) {
		a.exec("UPDATE tickets SET assignee_id = NULL, waiting = 'admin' WHERE id = ?", a.w.incident)
	}, []want{{ProblemProjectionRow, any_}}, true},
	{"a ticket's number stored as a blob of the same bytes", func(a attacker) {
		a.exec("UPDATE tickets SET number = CAST(number AS BLOB) WHERE id = ?", a.w.incident)
	}, []want{{ProblemProjectionRow, any_}}, true},
	{"a ticket's update time stored as a blob of its digits", func(a attacker) {
		a.exec("UPDATE tickets SET updated_at = CAST(updated_at AS BLOB) WHERE id = ?", a.w.incident)
	}, []want{{ProblemProjectionRow, any_}}, true},
	{"a quota booking in the projection", func(a attacker) {
		a.exec("INSERT INTO quota_bookings (event_id, ticket_id, contract_id, service_year, minutes, body) VALUES (?, ?, ?, '2026', 6000, '{}')", bytes.Repeat([]byte{1}, 32), a.w.incident, a.w.incident)
	}, []want{{ProblemProjectionExtra, any_}}, true},
}

func TestTamperingIsCaughtByKindAndEvent(t *testing.T) {
	w := buildTamperWorld(t)
	ctx := context.Background()
	kinds := map[ProblemKind]bool{}
	for _, c := range tamperCases {
		t.Run(c.name, func(t *testing.T) {
			s, r := openChecked(t, tampered(t, w, c.edit))
			if testing.Verbose() {
				t.Log(describe(r.Problems))
			}
			for _, wt := range c.want {
				kinds[wt.kind] = true
				n := int64(0)
				if wt.at != nil {
					n = wt.at(w)
				}
				if !hasFinding(r.Problems, wt.kind, n) {
					t.Errorf("no %s finding naming event #%d; found %s", wt.kind, n, describe(r.Problems))
				}
			}
			if c.repair {
				if !r.LogVerified || len(r.LogProblems()) > 0 {
					t.Fatalf("a projection edit is reported as a log problem: %s", describe(r.LogProblems()))
				}
				if err := s.Rebuild(ctx); err != nil {
					t.Fatal(err)
				}
				if r, err := s.Check(ctx); err != nil || len(r.Problems) > 0 {
					t.Fatalf("after repair: %s, %v", describe(r.Problems), err)
				}
				return
			}
			if r.LogVerified || len(r.LogProblems()) == 0 {
				t.Fatalf("the log passes verification after %s: %s", c.name, describe(r.Problems))
			}
			if v, err := s.VerifyLog(ctx); err != nil || len(v.LogProblems()) == 0 {
				t.Fatalf("VerifyLog, which repair runs first, passes: %v", err)
			}
		})
	}
	if len(tamperCases) < 28 {
		t.Fatalf("%d kinds of edit: the suite needs at least 28", len(tamperCases))
	}
	for _, k := range ProblemKinds {
		if !kinds[k] && !slices.Contains([]ProblemKind{ProblemSQLite, ProblemRebuildFailed, ProblemProjections, ProblemProjectionTable, NoteChainedOnUpgrade}, k) {
			t.Errorf("no edit in the suite is expected to be reported as %s", k)
		}
	}
}

// openChecked opens the database at path, closed when the test ends, and
// checks it.
func openChecked(t *testing.T, path string) (*Store, CheckReport) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

// tampered is a copy of the world's file with edit made to it.
func tampered(t *testing.T, w tamperWorld, edit func(a attacker)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tampered.db")
	src, err := sql.Open("sqlite", w.path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Exec("VACUUM INTO ?", path); err != nil {
		t.Fatal(err)
	}
	src.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	edit(attacker{t: t, db: raw, w: w})
	raw.Close()
	return path
}

// hasFinding reports whether a problem of kind names event n (as the event at
// fault or the one before a broken link); n 0 matches any.
func hasFinding(ps []Problem, kind ProblemKind, n int64) bool {
	for _, p := range ps {
		if p.Kind != kind {
			continue
		}
		if n == 0 || p.Event != nil && p.Event.N == n || p.Other != nil && p.Other.N == n {
			return true
		}
	}
	return false
}

func describe(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  %s", p.Kind)
		if p.Event != nil {
			fmt.Fprintf(&b, " #%d", p.Event.N)
		}
		if p.Other != nil {
			fmt.Fprintf(&b, " (after #%d)", p.Other.N)
		}
		fmt.Fprintf(&b, " %s %s want=%s got=%s %s", p.Table, p.Key, p.Want, p.Got, p.Detail)
	}
	return b.String()
}
