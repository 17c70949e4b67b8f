package cli

import (
	"context"
	"strings"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
)

// The directory is customers and what belongs to them (contracts, sites,
// systems, contacts) and the vendor's users: one command group each, in
// customer.go, contract.go, site.go, system.go, contact.go and user.go.

// directoryAbout is what the directory commands' help says.
const directoryAbout = "Every directory command takes --json: what it lists or saves, as JSON."

// report prints what a directory command listed or saved: v as JSON, or
// line for people.
func (a *App) report(asJSON bool, v any, line string) error {
	if asJSON {
		enc := newJSONEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	printLine(a.Stdout, "%s", line) // Saved: NAME
	return nil
}

// customerOf finds the customer --customer names, which the command being
// run needs.
func (a *App) customerOf(ctx context.Context, s *db.Store, ref string) (model.Customer, error) {
	if ref == "" {
		return model.Customer{}, a.wrong("%s needs --customer", a.cmd.path())
	}
	return s.FindCustomer(ctx, ref)
}

// openCustomer opens the store and finds the customer --customer names,
// for the commands that work on one customer's people and places.
func (a *App) openCustomer(ctx context.Context, ref string) (*db.Store, model.Customer, error) {
	s, err := a.open(ctx)
	if err != nil {
		return nil, model.Customer{}, err
	}
	cust, err := a.customerOf(ctx, s, ref)
	return s, cust, err
}

func parseRoles(s string) (model.Roles, error) {
	var rs model.Roles
	for _, p := range strings.Split(s, ",") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		r, err := model.ParseRole(p)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, nil
}

func roleLabels(rs model.Roles, lang string) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.Label(lang)
	}
	return strings.Join(parts, i18n.Lang(lang).T(", "))
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func nonNilList[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// parseYesNo reads an option's yes or no, as decisions' inputs do.
func parseYesNo(option, v string) (bool, error) {
	if b, ok := model.ParseYesNo(v); ok {
		return b, nil
	}
	return false, model.Errorf(model.EINVALID, "%s must be yes or no (true/false, 是/否), not %q", option, v)
}
