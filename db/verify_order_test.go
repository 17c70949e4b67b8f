package db

import (
	"reflect"
	"testing"
)

// check reads the log in the order the stored projections give. Whatever
// was done to the file, the report is the one a check in the order worked
// out from the log alone gives: every edit of the tampering suite, and
// projection rows that give a wrong order (a ticket's row under a user's
// id or in the calendars table, a ticket's row gone, a user's row in the
// tickets table, the customers' rows in the contacts table).
func TestCheckReportsTheSameWhateverOrderTheProjectionsGive(t *testing.T) {
	w := buildTamperWorld(t)
	type edit struct {
		name string
		edit func(a attacker)
	}
	cases := []edit{
		{name: "a ticket's row under a user's id", edit: func(a attacker) {
			a.exec("UPDATE tickets SET id = (SELECT min(id) FROM users) WHERE id = ?", a.w.incident)
		}},
		{name: "a ticket's row in the calendars table", edit: func(a attacker) {
			a.exec("INSERT INTO calendars (id, name, body) SELECT id, 'x', '{}' FROM tickets WHERE id = ?", a.w.incident)
			a.exec("DELETE FROM tickets WHERE id = ?", a.w.incident)
		}},
		{name: "a ticket's row gone", edit: func(a attacker) {
			a.exec("DELETE FROM tickets WHERE id = ?", a.w.correction)
		}},
		{name: "a user's row also in the tickets table", edit: func(a attacker) {
			a.exec(`INSERT INTO tickets (id, number, kind, customer_id, contract_id, assignee_id, status, updated_at, sla_clock, sla_due, sla_state, waiting, rejected, list_row)
				SELECT u.id, 'X-1', kind, customer_id, contract_id, assignee_id, status, updated_at, sla_clock, sla_due, sla_state, waiting, rejected, list_row
				FROM tickets, (SELECT min(id) AS id FROM users) AS u WHERE tickets.id = ?`, a.w.incident)
		}},
		{name: "a customer's row moved to the contacts table", edit: func(a attacker) {
			a.exec(`INSERT INTO contacts (id, customer_id, name, department, phone, email, roles) SELECT id, id, name, '', '', '', '' FROM customers`)
			a.exec("DELETE FROM customers")
		}},
	}
	for _, c := range tamperCases {
		cases = append(cases, edit{c.name, c.edit})
	}
	check := func(t *testing.T, path string, hints bool) CheckReport {
		t.Helper()
		followHints = hints
		defer func() { followHints = true }()
		_, r := openChecked(t, path)
		return r
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := tampered(t, w, c.edit)
			want, got := check(t, path, false), check(t, path, true)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("in the projections' order check reports%s\nin the log's:%s", describe(got.Problems), describe(want.Problems))
			}
			if len(got.Problems) == 0 {
				t.Fatal("the edit went unnoticed")
			}
		})
	}
}
