package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/common"
)

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func (a *App) ticketAct(ctx context.Context, args []string) error {
	fs := a.flagSet("ticket act", ticketUsage)
	comment := fs.String("comment", "", "")
	contact := fs.String("contact", "", "")
	asJSON := fs.Bool("json", false, "")
	var inputs multiFlag
	fs.Var(&inputs, "input", "")
	rest, err := a.parseArgs(fs, args, ticketUsage, false)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usageErr(ticketUsage, "ticket act takes a ticket and a decision, e.g. ticket act DEM-2026-0042 approve")
	}
	s, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	cmd := ticket.Act{ID: id, Decision: rest[1], Comment: *comment, Inputs: map[string]string{}}
	for _, kv := range inputs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return usageErr(ticketUsage, "--input %q is not NAME=VALUE", kv)
		}
		cmd.Inputs[strings.TrimSpace(k)] = v
	}
	u, err := a.actor(ctx)
	if err != nil {
		return err
	}
	acting := db.Acting{UserID: u.ID}
	if *contact != "" {
		d, err := s.Ticket(ctx, id, a.session.Lang.Code())
		if err != nil {
			return err
		}
		if acting.ContactID, err = (resolver{ctx: ctx, s: s}).contact(model.Customer{ID: d.CustomerID, Name: d.CustomerName}, *contact); err != nil {
			return err
		}
	}
	res, err := s.Execute(ctx, acting, cmd)
	if err != nil {
		return a.explainRefusal(ctx, s, id, acting, err)
	}
	st := res.State.(*ticket.State)
	if *asJSON {
		return a.printTicket(ctx, s, st.ID, true)
	}
	L := a.session.Lang
	fmt.Fprintf(a.Stdout, L.T("%s: now at %s")+"\n", st.Number, stepLabel(st.Kind, st.Step, st.Status, L))
	return nil
}

// explainRefusal adds to a refused decision what the actor could do
// instead, so a wrong guess at a decision name teaches the right one.
func (a *App) explainRefusal(ctx context.Context, s *db.Store, id model.ID, acting db.Acting, err error) error {
	if model.ErrorCode(err) != model.EINVALID && model.ErrorCode(err) != model.EUNAUTHORIZED {
		return err
	}
	d, derr := s.Ticket(ctx, id, a.session.Lang.Code())
	if derr != nil {
		return err
	}
	actor, aerr := s.ActorFor(ctx, acting)
	if aerr != nil {
		return err
	}
	var names []string
	for _, dec := range ticket.Allowed(&d.State, actor) {
		names = append(names, dec.Name)
	}
	who := roleLabels(d.WaitingFor, "en")
	if len(names) == 0 {
		return model.Errorf(model.ErrorCode(err), "%s (at this step only a %s can decide%s)", model.ErrorMessage(err), who, contactHint(d.WaitingFor))
	}
	return model.Errorf(model.ErrorCode(err), "%s (you can: %s)", model.ErrorMessage(err), strings.Join(names, ", "))
}

func contactHint(roles model.Roles) string {
	for _, r := range roles {
		if r.IsCustomer() {
			return "; a customer person decides with --contact NAME"
		}
	}
	return ""
}

func (a *App) quota(ctx context.Context, args []string) error {
	fs := a.flagSet("quota", quotaUsage)
	contractRef := fs.String("contract", "", "")
	asJSON := fs.Bool("json", false, "")
	rest, err := a.parseArgs(fs, args, quotaUsage, false)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(quotaUsage, "quota takes no arguments")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	var contracts []model.Contract
	if *contractRef != "" {
		c, err := s.FindContract(ctx, *contractRef)
		if err != nil {
			return err
		}
		contracts = []model.Contract{c}
	} else if contracts, err = s.Contracts(ctx, model.NilID); err != nil {
		return err
	}
	var ledgers []ticket.QuotaLedger
	for _, c := range contracts {
		l, err := s.QuotaLedger(ctx, c.ID)
		if err != nil {
			return err
		}
		ledgers = append(ledgers, l)
	}
	if *asJSON {
		enc := json.NewEncoder(a.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(nonNilList(ledgers))
	}
	L := a.session.Lang
	for i, l := range ledgers {
		c := contracts[i]
		for _, y := range l.Years {
			fmt.Fprintf(a.Stdout, L.T("%s  service year %s: used %s of %s, %s left (%d bookings, %d overrides)")+"\n",
				c.Number, y.ServiceYear, ticket.FormatMinutes(y.UsedMinutes), ticket.FormatMinutes(y.LimitMinutes), ticket.FormatMinutes(y.RemainingMinutes), len(y.Bookings), y.Overrides)
			for _, b := range y.Bookings {
				line := fmt.Sprintf("    %s  %s  %s", common.LocalTime(b.At, zoneOf("Asia/Shanghai")), b.Number, ticket.FormatMinutes(b.Minutes))
				if b.Override {
					line += "  " + L.T("override") + ": " + b.Reason
				}
				fmt.Fprintln(a.Stdout, line)
			}
		}
	}
	return nil
}

var quotaUsage = joinLines(
	"Usage: yunwei quota [--contract C] [--json]",
	"",
	"The yearly enhancement quota of each contract (seed §1.3: at most 30 person-days",
	"a year): every booking of actual effort, the total used and what is left.",
)
