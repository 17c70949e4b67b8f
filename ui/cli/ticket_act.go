package cli

import (
	"context"
	"flag"
	"strings"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// multiFlag collects a repeated flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// ticketAct is `yunwei ticket act`: a decision at the ticket's current
// step, by the acting user or, with --contact, by a customer person at
// the laptop.
type ticketAct struct {
	comment, contact string
	// at is when the decision's recorded time happened (a response, an
	// arrival on site): the input ticket.TimeInput names.
	at     string
	inputs multiFlag
	// signatureTyped and signatureFile are the contact's signature: a
	// customer's decision needs one (DESIGN §5).
	signatureTyped, signatureFile string
	json                          bool
}

func (c *ticketAct) flags(fs *flag.FlagSet) {
	fs.StringVar(&c.comment, "comment", "", "the decision's comment `C`")
	fs.StringVar(&c.contact, "contact", "", "the customer person deciding, by `NAME` (department head, leadership, requester)")
	fs.StringVar(&c.signatureTyped, "signature-typed", "", "the --contact's signature: their `NAME`, typed by them")
	fs.StringVar(&c.signatureFile, "signature-file", "", "the --contact's signature: a `FILE` of their drawing, JSON strokes [[{\"x\":3,\"y\":10},…],…]")
	fs.Var(&c.inputs, "input", "an input the step asks for, as `NAME=VALUE`; repeat it for each input (a user by login, a yes or no, a time in the contract's time zone)")
	fs.StringVar(&c.at, "at", "", "when the response or the arrival on site happened, `TIME`: 2026-11-27 09:30 in the contract's time zone, or RFC 3339 (default: now)")
	jsonFlag(fs, &c.json, "print the ticket after the decision as JSON (stable field names; see README)")
}

func (c *ticketAct) run(ctx context.Context, a *App, rest []string) error {
	if len(rest) != 2 {
		return a.wrong("ticket act takes a ticket and a decision, e.g. ticket act DEM-2026-0042 approve")
	}
	s, id, err := a.findTicket(ctx, rest[0])
	if err != nil {
		return err
	}
	cmd := ticket.Act{ID: id, Decision: rest[1], Comment: c.comment, Inputs: map[string]string{}}
	for _, kv := range c.inputs {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return a.wrong("--input %q is not NAME=VALUE", kv)
		}
		if _, twice := cmd.Inputs[k]; twice {
			return a.wrong("--input %s is given twice: give each input once", k)
		}
		cmd.Inputs[k] = v
	}
	d, err := s.Ticket(ctx, id)
	if err != nil {
		return err
	}
	if err := c.resolveInputs(ctx, a, s, &d.State, &cmd); err != nil {
		return err
	}
	u, err := a.actor(ctx)
	if err != nil {
		return err
	}
	acting := db.Acting{UserID: u.ID}
	switch {
	case c.contact == "" && (c.signatureTyped != "" || c.signatureFile != ""):
		return a.wrong("--signature-typed and --signature-file are the customer's: name who signs with --contact NAME")
	case c.signatureTyped != "" && c.signatureFile != "":
		return a.wrong("give one signature: --signature-typed or --signature-file, not both")
	}
	if c.contact != "" {
		if acting.ContactID, err = (resolver{ctx: ctx, s: s}).contact(model.Customer{ID: d.CustomerID, Name: d.CustomerName}, c.contact); err != nil {
			return err
		}
		if c.signatureTyped != "" || c.signatureFile != "" {
			if cmd, err = c.sign(ctx, s, acting, cmd); err != nil {
				return a.explainRefusal(ctx, s, id, acting, err)
			}
		}
	}
	res, err := s.Execute(ctx, acting, cmd)
	if err != nil {
		return a.explainRefusal(ctx, s, id, acting, err)
	}
	st := res.State.(*ticket.State)
	if c.json {
		return a.printTicket(ctx, s, st.ID, true)
	}
	L := a.session.Lang
	printLine(a.Stdout, L.T("%s: now at %s"), st.Number, stepLabel(st.Kind, st.Step, st.Status, L))
	return nil
}

// resolveInputs turns what people type into what the decision takes: a
// vendor user named by login, as ticket assign takes one, becomes their
// id, and --at becomes the decision's time input (the response time of a
// respond, the arrival time of an arrived). The time itself is read by the
// decision, in the contract's zone. A decision the current step does not
// offer is left for the decision to refuse, with the choices.
func (c *ticketAct) resolveInputs(ctx context.Context, a *App, s *db.Store, t *ticket.State, cmd *ticket.Act) error {
	var d *ticket.Decision
	if st := ticket.CurrentStep(t); st != nil {
		d = st.Decision(cmd.Decision)
	}
	if d == nil {
		return nil
	}
	for _, in := range d.Inputs {
		v := strings.TrimSpace(cmd.Inputs[in.Name])
		if in.Type != ticket.InputUser || v == "" {
			continue
		}
		if _, err := model.ParseID(v); err == nil {
			continue
		}
		u, err := s.FindUser(ctx, v)
		if err != nil {
			return err
		}
		cmd.Inputs[in.Name] = u.ID.String()
	}
	if c.at == "" {
		return nil
	}
	in := ticket.TimeInput(d)
	if in == nil {
		return a.wrong("the decision %q records no time of its own: --at gives the time of a response or of an arrival on site", d.Name)
	}
	if _, twice := cmd.Inputs[in.Name]; twice {
		return a.wrong("--at and --input %s both give the time: give it once", in.Name)
	}
	cmd.Inputs[in.Name] = c.at
	return nil
}

// explainRefusal adds to a refused decision what the actor could do
// instead, so a wrong guess at a decision name teaches the right one.
func (a *App) explainRefusal(ctx context.Context, s *db.Store, id model.ID, acting db.Acting, err error) error {
	if model.ErrorCode(err) != model.EINVALID && model.ErrorCode(err) != model.EUNAUTHORIZED {
		return err
	}
	d, derr := s.Ticket(ctx, id)
	if derr != nil || d.Status == model.StatusClosed {
		return err // a closed ticket's refusal says when and why it closed
	}
	actor, aerr := s.ActorFor(ctx, acting)
	if aerr != nil {
		return err
	}
	var requester *model.Contact
	if contacts, cerr := s.Contacts(ctx, d.CustomerID); cerr == nil {
		for i := range contacts {
			if contacts[i].ID == d.RequesterID {
				requester = &contacts[i]
			}
		}
	}
	var names []string
	for _, dec := range ticket.Offered(&d.State, actor, requester) {
		names = append(names, dec.Name)
	}
	if len(names) > 0 {
		return model.Errorf(model.ErrorCode(err), "%s (you can: %s)", err, i18n.List(names))
	}
	who := make(i18n.AnyOf, len(d.WaitingFor))
	for i, r := range d.WaitingFor {
		who[i] = r.Word()
	}
	for _, r := range d.WaitingFor {
		if r.IsCustomer() {
			return model.Errorf(model.ErrorCode(err), "%s (at this step only a %s can decide; a customer person decides with --contact NAME)", err, who)
		}
	}
	return model.Errorf(model.ErrorCode(err), "%s (at this step only a %s can decide)", err, who)
}
