package cli

import (
	"context"
	"strings"
	"time"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
)

// resolver turns what people type (a name, part of a name, or an id) into
// the id of a customer's contract, site, system or contact.
type resolver struct {
	ctx context.Context
	s   *db.Store
}

// choose finds the item ref names: by its id, its short id or the start
// of its id (model.IDRef), else the one whose name equals ref, else the
// one whose name contains it; several or none is an error naming the
// choices.
func choose[T any](what i18n.Text, ref string, items []T, name func(T) string, id func(T) model.ID) (model.ID, error) {
	ref = strings.TrimSpace(ref)
	if parsed, err := model.ParseID(ref); err == nil {
		for _, it := range items {
			if id(it) == parsed {
				return parsed, nil
			}
		}
	}
	if hex, ok := model.IDRef(ref); ok {
		var found []string
		var match model.ID
		for _, it := range items {
			if id(it).Matches(hex) {
				match, found = id(it), append(found, name(it)+" "+id(it).String())
			}
		}
		if len(found) == 1 {
			return match, nil
		}
		if len(found) > 1 {
			return model.NilID, model.Errorf(model.EINVALID, "%q matches several: choose the %s from %s", ref, what, i18n.List(found))
		}
	}
	var partial []T
	for _, it := range items {
		if name(it) == ref {
			return id(it), nil
		}
		if ref != "" && strings.Contains(name(it), ref) {
			partial = append(partial, it)
		}
	}
	if len(partial) == 1 {
		return id(partial[0]), nil
	}
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = name(it)
	}
	if len(items) == 0 {
		return model.NilID, model.Errorf(model.EINVALID, "the customer has no %s yet: add one first", what)
	}
	if len(partial) > 1 {
		return model.NilID, model.Errorf(model.EINVALID, "%q matches several: choose the %s from %s", ref, what, i18n.List(names))
	}
	return model.NilID, model.Errorf(model.EINVALID, "no %s %q: choose from %s", what, ref, i18n.List(names))
}

// contract picks the contract by number, or, when ref is empty, the one in
// force on the given day.
func (r resolver) contract(c model.Customer, ref string, day time.Time) (model.ID, error) {
	return r.contractOn(c, ref, day, "")
}

// contractOn is contract; a refusal names onDay, when given, as the day
// no contract is in force on instead of today.
func (r resolver) contractOn(c model.Customer, ref string, day time.Time, onDay string) (model.ID, error) {
	cs, err := r.s.Contracts(r.ctx, c.ID)
	if err != nil {
		return model.NilID, err
	}
	if ref == "" {
		today := day.In(model.DefaultZone()).Format(time.DateOnly)
		for _, k := range cs {
			if k.StartDate <= today && today <= k.EndDate {
				return k.ID, nil
			}
		}
		if len(cs) == 1 {
			return cs[0].ID, nil
		}
		if len(cs) == 0 {
			return model.NilID, model.Errorf(model.EINVALID, "%s has no contract: add one with yunwei contract add", c.Name)
		}
		if onDay != "" {
			return model.NilID, model.Errorf(model.EINVALID, "%s has no contract in force on %s: name one with --contract", c.Name, onDay)
		}
		return model.NilID, model.Errorf(model.EINVALID, "%s has no contract in force today: name one with --contract", c.Name)
	}
	return choose("contract", ref, cs, func(k model.Contract) string { return k.Number }, func(k model.Contract) model.ID { return k.ID })
}

// site picks a site; with one site, ref may be empty.
func (r resolver) site(c model.Customer, ref string) (model.ID, error) {
	ss, err := r.s.Sites(r.ctx, c.ID)
	if err != nil {
		return model.NilID, err
	}
	if ref == "" && len(ss) == 1 {
		return ss[0].ID, nil
	}
	if ref == "" && len(ss) > 1 {
		return choose("site", "?", ss, func(s model.Site) string { return s.Name }, func(s model.Site) model.ID { return s.ID })
	}
	return choose("site", ref, ss, func(s model.Site) string { return s.Name }, func(s model.Site) model.ID { return s.ID })
}

func (r resolver) system(c model.Customer, ref string) (model.ID, error) {
	ss, err := r.s.Systems(r.ctx, c.ID)
	if err != nil {
		return model.NilID, err
	}
	return choose("system", ref, ss, func(s model.System) string { return s.Name }, func(s model.System) model.ID { return s.ID })
}

func (r resolver) contact(c model.Customer, ref string) (model.ID, error) {
	cs, err := r.s.Contacts(r.ctx, c.ID)
	if err != nil {
		return model.NilID, err
	}
	return choose("contact", ref, cs, func(c model.Contact) string { return c.Name }, func(c model.Contact) model.ID { return c.ID })
}

// zone is the time zone of the contract's business calendar, where the
// times of its tickets are read and shown; the default zone when the
// calendar cannot be read.
func (r resolver) zone(contractID model.ID) *time.Location {
	k, err := r.s.Contract(r.ctx, contractID)
	if err != nil {
		return model.DefaultZone()
	}
	cal, err := r.s.Calendar(r.ctx, k.CalendarID)
	if err != nil {
		return model.DefaultZone()
	}
	return model.Zone(cal.TimeZone)
}
