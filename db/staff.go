package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// A contract's engineers follow from its approved staff changes (seed
// §2.4, ticket.EngineersOn): the staff_changes rows, one per approved
// notice, written with the notice's ticket.

// projectStaffChange rewrites the staff change row of a staff change
// ticket: present exactly while the customer's approval stands.
func (b *Batch) projectStaffChange(id model.ID, t *ticket.State) error {
	if t.Kind != model.KindStaffChange {
		return nil
	}
	clear(b.staff) // the rows read before no longer hold
	c, approved := ticket.ApprovedStaffChange(t)
	if !b.rebuilding && !b.created[id] {
		if err := b.exec("DELETE FROM staff_changes WHERE ticket_id = ?", id); err != nil {
			return err
		}
	}
	if !approved {
		return nil
	}
	body, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return b.exec("INSERT OR REPLACE INTO staff_changes (ticket_id, contract_id, body) VALUES (?, ?, ?)", id, c.ContractID, string(body))
}

const staffChangesOfContract = "SELECT body FROM staff_changes WHERE contract_id = ? ORDER BY ticket_id"

func scanStaffChange(r *sql.Rows) (model.StaffChange, error) {
	var body string
	var c model.StaffChange
	if err := r.Scan(&body); err != nil {
		return c, err
	}
	return c, json.Unmarshal([]byte(body), &c)
}

// StaffChanges implements flows.Directory: the contract's approved staff
// changes, those approved earlier in this batch included. They are read
// once per contract and kept until a staff change ticket changes
// (staffChanged): a bulk run decides thousands of overtime claims, and
// reading the rows meant writing out everything pending first.
func (d dirOver) StaffChanges(contractID model.ID) ([]model.StaffChange, error) {
	if v, ok := d.b.staff[contractID]; ok {
		return slices.Clone(v), nil
	}
	if err := d.b.flush(); err != nil {
		return nil, err
	}
	v, err := queryList(d.b.ctx, d.b.tx, staffChangesOfContract, scanStaffChange, contractID)
	if err != nil {
		return nil, err
	}
	d.b.staff[contractID] = v
	return slices.Clone(v), nil
}

// staffChanged drops the staff changes read in this batch when s, the
// state of an entity about to change or just changed, is a staff change
// ticket: its approval may come or go.
func (b *Batch) staffChanged(s flows.State) {
	if t, ok := s.(*ticket.State); ok && t != nil && t.Kind == model.KindStaffChange {
		clear(b.staff)
	}
}

// StaffChanges lists a contract's approved staff changes (seed §2.4).
func (s *Store) StaffChanges(ctx context.Context, contractID model.ID) ([]model.StaffChange, error) {
	return queryList(ctx, s.db, staffChangesOfContract, scanStaffChange, contractID)
}

// EngineersOn is who serves the contract on date (YYYY-MM-DD): its
// recorded engineers with its approved staff changes of that date or
// earlier applied.
func (s *Store) EngineersOn(ctx context.Context, c model.Contract, date string) ([]model.ID, error) {
	changes, err := s.StaffChanges(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	return ticket.EngineersOn(c.Engineers, changes, date), nil
}
