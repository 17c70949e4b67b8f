package ticketform

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/huh"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
)

// draft is what the form's fields are bound to.
type draft struct {
	Customer, Contract, Site, System, Requester model.ID
	Kind                                        model.Kind
	Channel                                     model.Channel
	Severity                                    model.Severity
	Title, Description                          string
	ReportedAt                                  string // as typed, in the contract's zone
	OnSite                                      bool
}

// dependents are the lists whose choices depend on the customer (and, for
// the site, on the kind): the form refills them when those change.
type dependents struct {
	contract, site, system, requester *huh.Select[model.ID]
	// customer and kind are the values the lists were last filled for.
	customer model.ID
	kind     model.Kind
}

// build makes the form on d. deps gets the lists to refill; now picks the
// contract in force.
func build(L i18n.Lang, dir *choices, d *draft, deps *dependents, now time.Time) (*huh.Form, common.FormSizer) {
	lang := L.Code()
	var sz common.FormSizer
	var customers []huh.Option[model.ID]
	for _, c := range dir.customers {
		customers = append(customers, huh.NewOption(text.Sanitize(c.Name, false), c.ID))
	}
	var kinds []huh.Option[model.Kind]
	for _, k := range ticket.FlowKinds() {
		kinds = append(kinds, huh.NewOption(k.Label(lang), k))
	}
	var channels []huh.Option[model.Channel]
	for _, c := range model.Channels {
		channels = append(channels, huh.NewOption(c.Label(lang), c))
	}
	var severities []huh.Option[model.Severity]
	for s := model.SeverityCritical; s <= model.SeverityLow; s++ {
		severities = append(severities, huh.NewOption(strconv.Itoa(int(s))+" "+s.Label(lang), s))
	}
	deps.contract = huh.NewSelect[model.ID]().Title(L.T("Contract")).Value(&d.Contract)
	deps.site = huh.NewSelect[model.ID]().Title(L.T("Site")).Value(&d.Site)
	deps.system = huh.NewSelect[model.ID]().Title(L.T("System")).Value(&d.System)
	deps.requester = huh.NewSelect[model.ID]().Title(L.T("Requester")).Value(&d.Requester)
	deps.customer, deps.kind = model.NilID, ""
	fill(L, dir, d, deps, now)

	fields := []huh.Field{
		sz.Add(huh.NewSelect[model.ID]().Title(L.T("Customer")).Options(customers...).Value(&d.Customer), 0),
		sz.Add(deps.contract, 0),
		sz.Add(huh.NewSelect[model.Kind]().Title(L.T("Kind")).Options(kinds...).Value(&d.Kind).Height(6), 6),
		sz.Add(deps.site, 0),
		sz.Add(deps.system, 0),
		sz.Add(huh.NewSelect[model.Channel]().Title(L.T("Channel")).Options(channels...).Value(&d.Channel), 0),
		sz.Add(huh.NewSelect[model.Severity]().Title(L.T("Severity")).Options(severities...).Value(&d.Severity), 0),
		sz.Add(deps.requester, 0),
		sz.Add(huh.NewInput().Title(L.T("Title")).CharLimit(flows.MaxTitle).Value(&d.Title).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New(L.T("Give the ticket a title."))
				}
				return nil
			}), 0),
		sz.Add(huh.NewText().Title(L.T("Description")).Placeholder(L.T("Type here; ctrl+j starts a new line.")).
			CharLimit(flows.MaxText).ExternalEditor(false).Value(&d.Description), 3),
		sz.Add(huh.NewInput().Title(L.T("Reported")).Description(L.T("When the customer raised it, e.g. 2026-11-27 09:30.")).
			Value(&d.ReportedAt), 0),
		sz.Add(huh.NewConfirm().Title(L.T("On site")).Description(L.T("Is on-site service needed? (the on-site arrival clock)")).
			Affirmative(L.T("yes")).Negative(L.T("no")).Value(&d.OnSite), 0),
	}
	return common.NewScreenForm(L, 0, 0, huh.NewGroup(fields...)), sz
}

// fill refills the dependent lists when the customer or the kind changed
// since they were last filled, keeping each choice when it is still
// offered; a contract not the customer's becomes the one in force at now.
// It reports whether anything changed.
func fill(L i18n.Lang, dir *choices, d *draft, deps *dependents, now time.Time) bool {
	if deps.customer == d.Customer && deps.kind == d.Kind {
		return false
	}
	customerChanged := deps.customer != d.Customer
	kindChanged := deps.kind != d.Kind && deps.kind != ""
	deps.customer, deps.kind = d.Customer, d.Kind
	cust := d.Customer
	none := func(label string) huh.Option[model.ID] { return huh.NewOption(L.T(label), model.NilID) }
	offered := func(v model.ID, opts []huh.Option[model.ID]) bool {
		for _, o := range opts {
			if o.Value == v {
				return true
			}
		}
		return false
	}
	keep := func(v *model.ID, opts []huh.Option[model.ID]) {
		if !offered(*v, opts) {
			*v = opts[0].Value
		}
	}

	if customerChanged {
		var contracts []huh.Option[model.ID]
		for _, c := range dir.contracts[cust] {
			contracts = append(contracts, huh.NewOption(text.Sanitize(c.Number+" ("+c.StartDate+" – "+c.EndDate+")", false), c.ID))
		}
		if len(contracts) == 0 {
			contracts = append(contracts, none("— no contract —"))
		}
		if !offered(d.Contract, contracts) {
			d.Contract = dir.inForce(cust, now)
		}
		keep(&d.Contract, contracts)
		deps.contract.Options(contracts...)

		systems := []huh.Option[model.ID]{none("— none —")}
		for _, s := range dir.systems[cust] {
			systems = append(systems, huh.NewOption(text.Sanitize(join(s.Name, s.Version), false), s.ID))
		}
		keep(&d.System, systems)
		deps.system.Options(systems...)

		requesters := []huh.Option[model.ID]{none("— none —")}
		for _, c := range dir.contacts[cust] {
			requesters = append(requesters, huh.NewOption(text.Sanitize(join(c.Name, c.Department), false), c.ID))
		}
		keep(&d.Requester, requesters)
		deps.requester.Options(requesters...)
	}

	// seed §2.4 notices concern the contract, not a site: turning the
	// ticket into one drops the site chosen.
	var sites []huh.Option[model.ID]
	if !ticket.NeedsSite(d.Kind) {
		sites = append(sites, none("— none: it concerns the whole contract —"))
		if kindChanged {
			d.Site = model.NilID
		}
	}
	for _, s := range dir.sites[cust] {
		sites = append(sites, huh.NewOption(text.Sanitize(s.Name, false), s.ID))
	}
	if len(sites) == 0 {
		sites = append(sites, none("— none —"))
	}
	keep(&d.Site, sites)
	deps.site.Options(sites...)
	return true
}

// reportedAt reads the reported time typed in loc: empty is now.
func reportedAt(s string, loc *time.Location, L i18n.Lang) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := model.ParseLocalTime(s, loc); err == nil { // as the command line reads it
		return t, nil
	}
	return time.Time{}, errors.New(L.Tf("%q is not a time: write it like 2026-11-27 14:30.", text.Sanitize(s, false)))
}

func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}
