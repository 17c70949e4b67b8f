package flowtest

import (
	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

var _ flows.Directory = (*World)(nil)

func find[T any](m map[model.ID]T, id model.ID, what i18n.Text) (T, error) {
	v, ok := m[id]
	if !ok {
		return v, model.Errorf(model.ENOTFOUND, "no %s with id %s", what, id)
	}
	return v, nil
}

// Customer implements flows.Directory.
func (w *World) Customer(id model.ID) (model.Customer, error) {
	return find(w.Customers, id, "customer")
}

// Contract implements flows.Directory.
func (w *World) Contract(id model.ID) (model.Contract, error) {
	return find(w.Contracts, id, "contract")
}

// Site implements flows.Directory.
func (w *World) Site(id model.ID) (model.Site, error) { return find(w.Sites, id, "site") }

// System implements flows.Directory.
func (w *World) System(id model.ID) (model.System, error) { return find(w.Systems, id, "system") }

// Contact implements flows.Directory.
func (w *World) Contact(id model.ID) (model.Contact, error) {
	return find(w.Contacts, id, "contact")
}

// User implements flows.Directory.
func (w *World) User(id model.ID) (model.User, error) { return find(w.Users, id, "vendor user") }

// Calendar implements flows.Directory.
func (w *World) Calendar(id model.ID) (model.Calendar, error) {
	return find(w.Calendars, id, "calendar")
}

// UserCount implements flows.Directory.
func (w *World) UserCount() (int, error) { return len(w.Users), nil }

// QuotaUsed implements flows.Directory through QuotaUsedBy.
func (w *World) QuotaUsed(contractID model.ID, serviceYear string) (int, error) {
	if w.QuotaUsedBy == nil {
		return 0, nil
	}
	return w.QuotaUsedBy(w, contractID, serviceYear), nil
}

// StaffChanges implements flows.Directory through StaffChangesBy.
func (w *World) StaffChanges(contractID model.ID) ([]model.StaffChange, error) {
	if w.StaffChangesBy == nil {
		return nil, nil
	}
	return w.StaffChangesBy(w, contractID), nil
}
