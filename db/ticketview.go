package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// Clocks computes a ticket's SLA clocks at now, with the facts that
// explain them (the interfaces word them: ui/words).
func (s *Store) Clocks(ctx context.Context, t *ticket.State, now time.Time) ([]sla.Clock, error) {
	c, err := s.Contract(ctx, t.ContractID)
	if err != nil {
		return nil, err
	}
	var cal *calendar.Calendar
	if mc, err := s.Calendar(ctx, c.CalendarID); err == nil {
		cal, _ = calendar.New(mc)
	}
	return ticket.Clocks(t, c, cal, now), nil
}

// QuotaLedger is a contract's enhancement quota per service year (seed §1.3).
func (s *Store) QuotaLedger(ctx context.Context, contractID model.ID) (ticket.QuotaLedger, error) {
	c, err := s.Contract(ctx, contractID)
	if err != nil {
		return ticket.QuotaLedger{}, err
	}
	bookings, err := queryList(ctx, s.db, "SELECT body FROM quota_bookings WHERE contract_id = ? ORDER BY service_year, json_extract(body, '$.at')", func(r *sql.Rows) (ticket.Booking, error) {
		var body string
		var b ticket.Booking
		if err := r.Scan(&body); err != nil {
			return b, err
		}
		return b, json.Unmarshal([]byte(body), &b)
	}, contractID)
	if err != nil {
		return ticket.QuotaLedger{}, err
	}
	return ticket.NewQuotaLedger(c, bookings), nil
}
