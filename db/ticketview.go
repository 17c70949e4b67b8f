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

// StepView is one step of a ticket's flow as a stepper shows it.
type StepView struct {
	Name   string      `json:"name"`
	Label  string      `json:"label"`
	Roles  model.Roles `json:"roles"`
	Status string      `json:"status"` // done, current, upcoming
}

// ClockView is one SLA clock as it stands now, explained in words.
type ClockView struct {
	Kind        string   `json:"kind"` // response, on_site, resolution
	Label       string   `json:"label"`
	State       string   `json:"state"` // running, paused, met, breached
	Start       string   `json:"start"`
	Due         string   `json:"due"`
	Stopped     string   `json:"stopped,omitempty"`
	Remaining   string   `json:"remaining,omitempty"`
	Overdue     string   `json:"overdue,omitempty"`
	Explanation []string `json:"explanation"`
}

// Flow lists a ticket's steps with done / current / upcoming marks; a step
// is done once a decision left it.
func Flow(t *ticket.State, lang string) []StepView {
	f := ticket.FlowFor(t.Kind)
	if f == nil {
		return nil
	}
	left := map[string]bool{}
	for _, h := range t.History {
		if h.From != "" && (h.Kind == "" || h.Kind == t.Kind) {
			left[h.From] = true
		}
	}
	out := make([]StepView, 0, len(f.Steps))
	for _, st := range f.Steps {
		v := StepView{Name: st.Name, Label: st.Label(lang), Roles: st.Roles, Status: "upcoming"}
		switch {
		case st.Name == t.Step:
			v.Status = "current"
			if st.End {
				v.Status = "done"
			}
		case left[st.Name]:
			v.Status = "done"
		}
		out = append(out, v)
	}
	return out
}

// Clocks computes a ticket's SLA clocks at now, explained in lang.
func (s *Store) Clocks(ctx context.Context, t *ticket.State, now time.Time, lang string) ([]ClockView, error) {
	c, err := s.Contract(ctx, t.ContractID)
	if err != nil {
		return nil, err
	}
	var cal *calendar.Calendar
	if mc, err := s.Calendar(ctx, c.CalendarID); err == nil {
		cal, _ = calendar.New(mc)
	}
	var out []ClockView
	for _, ck := range ticket.Clocks(t, c, cal, now) {
		v := ClockView{Kind: string(ck.Kind), Label: ck.Kind.Label(lang), State: string(ck.State),
			Start: model.FormatTime(ck.Start), Due: model.FormatTime(ck.Due), Stopped: model.FormatTime(ck.StoppedAt),
			Explanation: sla.Explain(ck, lang)}
		if ck.Remaining > 0 {
			v.Remaining = sla.Duration(ck.Remaining, lang)
		}
		if ck.Overdue > 0 {
			v.Overdue = sla.Duration(ck.Overdue, lang)
		}
		out = append(out, v)
	}
	return out, nil
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
