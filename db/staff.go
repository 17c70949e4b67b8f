package db

import (
	"bytes"
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
	c, approved := ticket.ApprovedStaffChange(t)
	b.staff.remove(id)
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
	b.staff.add(c)
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

// staffRows are the staff_changes rows of the contracts read in a batch,
// by contract, in the table's order, kept as the batch writes them: a bulk
// run decides thousands of overtime claims against a few contracts, and
// reading the rows again meant writing out everything pending first.
type staffRows map[model.ID][]model.StaffChange

// remove drops the row of staff change ticket id.
func (r staffRows) remove(id model.ID) {
	for contract, list := range r {
		r[contract] = slices.DeleteFunc(list, func(c model.StaffChange) bool { return c.TicketID == id })
	}
}

// add puts in the row of c, if its contract was read.
func (r staffRows) add(c model.StaffChange) {
	list, ok := r[c.ContractID]
	if !ok {
		return
	}
	at, _ := slices.BinarySearchFunc(list, c.TicketID, func(x model.StaffChange, id model.ID) int { return bytes.Compare(x.TicketID[:], id[:]) })
	r[c.ContractID] = slices.Insert(list, at, c)
}

// StaffChanges implements flows.Directory: the contract's approved staff
// changes, those approved earlier in this batch included. A staff change
// ticket changed in the batch is projected first (staffChanged).
func (d dirOver) StaffChanges(contractID model.ID) ([]model.StaffChange, error) {
	b := d.b
	if b.staffStale {
		if err := b.flush(); err != nil {
			return nil, err
		}
		b.staffStale = false
	}
	if v, ok := b.staff[contractID]; ok {
		return slices.Clone(v), nil
	}
	if err := b.flush(); err != nil {
		return nil, err
	}
	if err := b.settle(); err != nil {
		return nil, err
	}
	v, err := queryList(b.ctx, b.tx, staffChangesOfContract, scanStaffChange, contractID)
	if err != nil {
		return nil, err
	}
	b.staff[contractID] = v
	return slices.Clone(v), nil
}

// staffChanged notes that the staff_changes rows may lag the batch when s,
// the state of an entity about to change or just changed, is a staff
// change ticket: its approval may come or go.
func (b *Batch) staffChanged(s flows.State) {
	if t, ok := s.(*ticket.State); ok && t != nil && t.Kind == model.KindStaffChange {
		b.staffStale = true
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
