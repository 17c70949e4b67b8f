package cli

import (
	"context"
	"flag"
	"fmt"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/common"
)

var quotaCommands = []command{{
	name: "quota", usage: "[--contract C] [--json]",
	summary: "enhancement person-days used / left",
	about: "The yearly enhancement quota of each contract (seed §1.3: at most 30 person-days " +
		"a year): every booking of actual effort, the total used and what is left.",
	new: func() action { return new(quota) },
}}

// quota is `yunwei quota`.
type quota struct {
	contract string
	json     bool
}

func (c *quota) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.contract, "contract", "", "only the contract `C` (number or id)")
	fs.BoolVar(&c.json, "json", false, "print the ledgers as JSON")
}

func (c *quota) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) > 0 {
		return a.wrong("quota takes no arguments")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	var contracts []model.Contract
	if c.contract != "" {
		k, err := s.FindContract(ctx, c.contract)
		if err != nil {
			return err
		}
		contracts = []model.Contract{k}
	} else if contracts, err = s.Contracts(ctx, model.NilID); err != nil {
		return err
	}
	var ledgers []ticket.QuotaLedger
	for _, k := range contracts {
		l, err := s.QuotaLedger(ctx, k.ID)
		if err != nil {
			return err
		}
		ledgers = append(ledgers, l)
	}
	if c.json {
		enc := newJSONEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(nonNilList(ledgers))
	}
	L := a.session.Lang
	for i, l := range ledgers {
		k := contracts[i]
		loc := model.DefaultZone()
		if cal, err := s.Calendar(ctx, k.CalendarID); err == nil {
			loc = model.Zone(cal.TimeZone) // the zone the contract's tickets are shown in
		}
		for _, y := range l.Years {
			printLine(a.Stdout, L.T("%s  service year %s: used %s of %s, %s left (%d bookings, %d overrides)"),
				k.Number, y.ServiceYear, ticket.Minutes(y.UsedMinutes).Label(L.Code()), ticket.Minutes(y.LimitMinutes).Label(L.Code()), ticket.Minutes(y.RemainingMinutes).Label(L.Code()), len(y.Bookings), y.Overrides)
			for _, b := range y.Bookings {
				line := fmt.Sprintf("    %s  %s  %s", common.LocalTime(b.At, loc), b.Number, ticket.Minutes(b.Minutes).Label(L.Code()))
				if b.Override {
					line += "  " + L.T("override") + ": " + b.Reason
				}
				printLine(a.Stdout, "%s", line)
			}
		}
	}
	return nil
}
