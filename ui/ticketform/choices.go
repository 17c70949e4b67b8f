package ticketform

import (
	"context"
	"time"

	"yunwei/db"
	"yunwei/model"
	"yunwei/ui/common"
)

// choices is what the form offers to choose from: every customer with
// its contracts, sites, systems and contacts. A laptop holds a handful of
// customers, so it is read whole once, when the form opens.
type choices struct {
	customers []model.Customer
	contracts map[model.ID][]model.Contract // by customer
	zones     map[model.ID]string           // contract → its calendar's zone
	sites     map[model.ID][]model.Site
	systems   map[model.ID][]model.System
	contacts  map[model.ID][]model.Contact
}

type loadedMsg struct {
	dir *choices
	err error
}

// load reads the directory. Call it inside a tea.Cmd.
func load(ctx context.Context, s *db.Store) (*choices, error) {
	d := &choices{contracts: map[model.ID][]model.Contract{}, zones: map[model.ID]string{},
		sites: map[model.ID][]model.Site{}, systems: map[model.ID][]model.System{}, contacts: map[model.ID][]model.Contact{}}
	var err error
	if d.customers, err = s.Customers(ctx); err != nil {
		return nil, err
	}
	for _, c := range d.customers {
		if d.contracts[c.ID], err = s.Contracts(ctx, c.ID); err != nil {
			return nil, err
		}
		for _, k := range d.contracts[c.ID] {
			if cal, err := s.Calendar(ctx, k.CalendarID); err == nil {
				d.zones[k.ID] = cal.TimeZone
			}
		}
		if d.sites[c.ID], err = s.Sites(ctx, c.ID); err != nil {
			return nil, err
		}
		if d.systems[c.ID], err = s.Systems(ctx, c.ID); err != nil {
			return nil, err
		}
		if d.contacts[c.ID], err = s.Contacts(ctx, c.ID); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// inForce is the customer's contract whose service year holds today (in
// its own calendar's zone), else the latest one; NilID when it has none.
func (d *choices) inForce(customer model.ID, now time.Time) model.ID {
	cs := d.contracts[customer]
	for _, c := range cs {
		today := now.In(common.Zone(d.zones[c.ID])).Format(time.DateOnly)
		if c.StartDate <= today && today <= c.EndDate {
			return c.ID
		}
	}
	if len(cs) > 0 {
		return cs[0].ID // Store.Contracts lists the latest first
	}
	return model.NilID
}
