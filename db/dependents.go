package db

import (
	"database/sql"
	"encoding/json"
	"reflect"

	"yunwei/model"
)

// A ticket's projected SLA clock is computed from its contract and the
// contract's calendar (seed §1.2). When either changes, the open tickets
// that read it are projected again, so that the projections stay what a
// rebuild from the log gives (DESIGN §4). Only an existing row that
// changes costs anything: a contract made in the same batch as its
// tickets has none yet.

// contractChanged reports whether the contract's stored row exists and
// differs from v.
func (b *Batch) contractChanged(id model.ID, v *model.Contract) bool {
	if b.rebuilding {
		return false
	}
	old, err := scanContract((dirOver{b}).row, id)
	if err != nil {
		return false // no row yet: nothing was projected from it
	}
	return !reflect.DeepEqual(old.SLA, v.SLA) || old.CalendarID != v.CalendarID || old.StartDate != v.StartDate ||
		old.EndDate != v.EndDate || old.SupportHours != v.SupportHours
}

// calendarChanged reports whether the calendar's stored row exists and
// differs from body.
func (b *Batch) calendarChanged(id model.ID, body string) bool {
	if b.rebuilding {
		return false
	}
	var old string
	if err := (dirOver{b}).row("SELECT body FROM calendars WHERE id = ?", id, &old); err != nil {
		return false
	}
	return old != body
}

// reprojectOpenTickets projects again the open tickets under a contract,
// or under every contract that uses a calendar.
func (b *Batch) reprojectOpenTickets(query string, id model.ID) error {
	if err := b.settle(); err != nil {
		return err
	}
	ids, err := queryList(b.ctx, b.tx, query, func(rows *sql.Rows) (model.ID, error) {
		var t model.ID
		return t, rows.Scan(&t)
	}, id, model.StatusClosed)
	if err != nil {
		return err
	}
	for _, t := range ids {
		c, err := b.load(t)
		if err != nil {
			return err
		}
		if err := b.project(c, t); err != nil {
			return err
		}
	}
	return nil
}

const (
	openTicketsOfContract = "SELECT id FROM tickets WHERE contract_id = ? AND status != ?"
	openTicketsOfCalendar = "SELECT id FROM tickets WHERE contract_id IN (SELECT id FROM contracts WHERE calendar_id = ?) AND status != ?"
)

// calendarBody is the stored form of a calendar.
func calendarBody(v *model.Calendar) (string, error) {
	body, err := json.Marshal(v)
	return string(body), err
}
