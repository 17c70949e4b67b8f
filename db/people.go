package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"yunwei/flows"
	"yunwei/model"
)

// Users lists the vendor users, by login.
func (s *Store) Users(ctx context.Context) ([]model.User, error) {
	return queryList(ctx, s.db, "SELECT id, login, name, phone, email, roles FROM users ORDER BY login", func(r *sql.Rows) (model.User, error) {
		var u model.User
		var roles string
		err := r.Scan(&u.ID, &u.Login, &u.Name, &u.Phone, &u.Email, &roles)
		u.Roles = splitRoles(roles)
		return u, err
	})
}

// FindUser resolves a login or an id to a vendor user.
func (s *Store) FindUser(ctx context.Context, ref string) (model.User, error) {
	ref = strings.TrimSpace(ref)
	var id model.ID
	err := s.db.QueryRowContext(ctx, "SELECT id FROM users WHERE login = ?", strings.ToLower(ref)).Scan(&id)
	if isNoRows(err) {
		parsed, perr := model.ParseID(ref)
		if perr != nil {
			return model.User{}, model.Errorf(model.ENOTFOUND, "no vendor user %q: see the logins with yunwei user list", ref)
		}
		id, err = parsed, nil
	}
	if err != nil {
		return model.User{}, err
	}
	u, err := scanUser(dbRow(ctx, s.db), id)
	if model.ErrorCode(err) == model.ENOTFOUND {
		return u, model.Errorf(model.ENOTFOUND, "no vendor user %q: see the logins with yunwei user list", ref)
	}
	return u, err
}

// Profile returns the vendor user this laptop is used by, or ENOTFOUND.
func (s *Store) Profile(ctx context.Context) (model.User, error) {
	var id model.ID
	err := s.db.QueryRowContext(ctx, "SELECT user_id FROM profile").Scan(&id)
	if isNoRows(err) {
		return model.User{}, model.Errorf(model.ENOTFOUND, "no user is set up on this database yet")
	}
	if err != nil {
		return model.User{}, err
	}
	return scanUser(dbRow(ctx, s.db), id)
}

// SetProfile records which vendor user uses this laptop.
func (s *Store) SetProfile(ctx context.Context, userID model.ID) error {
	if err := s.refuseReadOnly(); err != nil {
		return err
	}
	if _, err := scanUser(dbRow(ctx, s.db), userID); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, "INSERT INTO profile (singleton, user_id) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET user_id = excluded.user_id", userID)
	return describeWriteError(ctx, err)
}

// Customers lists customers by name.
func (s *Store) Customers(ctx context.Context) ([]model.Customer, error) {
	return queryList(ctx, s.db, "SELECT id, name, short_name, address FROM customers ORDER BY name", func(r *sql.Rows) (model.Customer, error) {
		var c model.Customer
		return c, r.Scan(&c.ID, &c.Name, &c.ShortName, &c.Address)
	})
}

// Contracts lists the contracts of a customer (all when customer is NilID).
func (s *Store) Contracts(ctx context.Context, customer model.ID) ([]model.Contract, error) {
	ids, err := queryList(ctx, s.db, "SELECT id FROM contracts WHERE ?1 IS NULL OR customer_id = ?1 ORDER BY start_date DESC, number", func(r *sql.Rows) (model.ID, error) {
		var id model.ID
		return id, r.Scan(&id)
	}, customer)
	if err != nil {
		return nil, err
	}
	out := make([]model.Contract, 0, len(ids))
	for _, id := range ids {
		c, err := scanContract(dbRow(ctx, s.db), id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Contract loads one contract.
func (s *Store) Contract(ctx context.Context, id model.ID) (model.Contract, error) {
	return scanContract(dbRow(ctx, s.db), id)
}

// Calendar loads one business calendar.
func (s *Store) Calendar(ctx context.Context, id model.ID) (model.Calendar, error) {
	return scanCalendar(dbRow(ctx, s.db), id)
}

// Sites lists a customer's sites.
func (s *Store) Sites(ctx context.Context, customer model.ID) ([]model.Site, error) {
	return queryList(ctx, s.db, "SELECT id, customer_id, name, address FROM sites WHERE customer_id = ? ORDER BY name", func(r *sql.Rows) (model.Site, error) {
		var v model.Site
		return v, r.Scan(&v.ID, &v.CustomerID, &v.Name, &v.Address)
	}, customer)
}

// Systems lists a customer's systems.
func (s *Store) Systems(ctx context.Context, customer model.ID) ([]model.System, error) {
	return queryList(ctx, s.db, "SELECT id, customer_id, site_id, name, version FROM systems WHERE customer_id = ? ORDER BY name", func(r *sql.Rows) (model.System, error) {
		var v model.System
		return v, r.Scan(&v.ID, &v.CustomerID, &v.SiteID, &v.Name, &v.Version)
	}, customer)
}

// Contacts lists a customer's contacts.
func (s *Store) Contacts(ctx context.Context, customer model.ID) ([]model.Contact, error) {
	return queryList(ctx, s.db, "SELECT id, customer_id, name, department, phone, email, roles FROM contacts WHERE customer_id = ? ORDER BY name", func(r *sql.Rows) (model.Contact, error) {
		var v model.Contact
		var roles string
		err := r.Scan(&v.ID, &v.CustomerID, &v.Name, &v.Department, &v.Phone, &v.Email, &roles)
		v.Roles = splitRoles(roles)
		return v, err
	}, customer)
}

// FindCustomer resolves a name, short name or id to a customer.
func (s *Store) FindCustomer(ctx context.Context, ref string) (model.Customer, error) {
	ref = strings.TrimSpace(ref)
	if id, err := model.ParseID(ref); err == nil {
		return scanCustomer(dbRow(ctx, s.db), id)
	}
	if hex, ok := model.IDRef(ref); ok {
		all, err := s.Customers(ctx)
		if err != nil {
			return model.Customer{}, err
		}
		var found []model.Customer
		var names []string
		for _, c := range all {
			if c.ID.Matches(hex) {
				found, names = append(found, c), append(names, c.Name+" "+c.ID.String())
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return model.Customer{}, ambiguous(ref, "customers", names, "type more of the id, or the name")
		}
	}
	cs, err := queryList(ctx, s.db, "SELECT id, name, short_name, address FROM customers WHERE name = ?1 OR short_name = ?1 OR name LIKE '%' || ?1 || '%' ORDER BY name = ?1 OR short_name = ?1 DESC LIMIT 2", func(r *sql.Rows) (model.Customer, error) {
		var c model.Customer
		return c, r.Scan(&c.ID, &c.Name, &c.ShortName, &c.Address)
	}, ref)
	if err != nil {
		return model.Customer{}, err
	}
	if len(cs) == 0 {
		return model.Customer{}, model.Errorf(model.ENOTFOUND, "no customer %q: see yunwei customer list", ref)
	}
	if len(cs) > 1 && cs[0].Name != ref && cs[0].ShortName != ref {
		return model.Customer{}, model.Errorf(model.EINVALID, "%q matches more than one customer: type more of the name", ref)
	}
	return cs[0], nil
}

func queryList[T any](ctx context.Context, q queryer, query string, scan func(*sql.Rows) (T, error), args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// FindContract resolves a contract number or id.
func (s *Store) FindContract(ctx context.Context, ref string) (model.Contract, error) {
	ref = strings.TrimSpace(ref)
	if id, err := model.ParseID(ref); err == nil {
		return s.Contract(ctx, id)
	}
	if hex, ok := model.IDRef(ref); ok {
		all, err := s.Contracts(ctx, model.NilID)
		if err != nil {
			return model.Contract{}, err
		}
		var found []model.Contract
		var names []string
		for _, k := range all {
			if k.ID.Matches(hex) {
				found, names = append(found, k), append(names, k.Number+" "+k.ID.String())
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return model.Contract{}, ambiguous(ref, "contracts", names, "type more of the id, or the number")
		}
	}
	var id model.ID
	err := s.db.QueryRowContext(ctx, "SELECT id FROM contracts WHERE number = ? COLLATE NOCASE", ref).Scan(&id)
	if isNoRows(err) {
		return model.Contract{}, model.Errorf(model.ENOTFOUND, "no contract %q: see yunwei contract list", ref)
	}
	if err != nil {
		return model.Contract{}, err
	}
	return s.Contract(ctx, id)
}

// ActorFor resolves who acts, as a decision would see them.
func (s *Store) ActorFor(ctx context.Context, as Acting) (flows.Actor, error) {
	row := dbRow(ctx, s.db)
	u, err := scanUser(row, as.UserID)
	if err != nil {
		return flows.Actor{}, err
	}
	a := flows.Actor{User: u}
	if !as.ContactID.IsZero() {
		c, err := scanContact(row, as.ContactID)
		if err != nil {
			return flows.Actor{}, err
		}
		a.Contact = &c
	}
	return a, nil
}
