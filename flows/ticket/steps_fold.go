package ticket

import (
	"strconv"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// evolveTicketFlow folds a flow event (ticket.decided, ticket.converted)
// into the ticket. An event that does not fit the table from the state it
// meets (taken at another step, by a role the step does not name, without
// a required input, leading elsewhere) is marked, never applied and never
// dropped. With an Authority, a decision whose decider lacked its role by
// the log is marked too (checkAuthority). Events of types it does not know
// leave the state as it is.
func evolveTicketFlow(s *State, e model.Event, entry *HistoryEntry, auth flows.Authority) error {
	if e.Type != Decided && e.Type != Converted {
		return nil
	}
	var p DecidedPayload
	if err := e.Decode(&p); err != nil {
		s.rejectDetail(e, entry, err.Error(), "its payload cannot be read")
		return nil
	}
	entry.Kind, entry.Contact, entry.Role, entry.Decision = s.Kind, p.ContactID, p.Role, p.Decision
	entry.From, entry.To, entry.Inputs, entry.Comment = p.Step, p.To, p.Inputs, p.Comment
	entry.Signature = p.Signature
	d, reason := checkDecided(s, e.Type, p)
	if reason.Format != "" {
		s.reject(e, entry, reason.Format, reason.Args...)
		return nil
	}
	if auth != nil {
		broken, late, err := checkAuthority(auth, s, e, p)
		if err != nil {
			return err
		}
		entry.LateContact = late
		if broken != "" {
			s.reject(e, entry, broken)
			entry.RuleBroken = true
			s.Rejected[len(s.Rejected)-1].RuleBroken = true
			return nil
		}
	}
	applyDecided(s, e, p, d)
	return nil
}

// checkDecided returns the table's decision for p, or why p breaks the
// table from state s.
func checkDecided(s *State, typ string, p DecidedPayload) (*Decision, i18n.Phrase) {
	f := FlowFor(s.Kind)
	switch {
	case f == nil:
		return nil, why("kind %q has no flow in this version of yunwei", s.Kind)
	case s.Status == model.StatusClosed:
		return nil, why("the ticket was closed already")
	case p.Step != s.Step:
		return nil, why("it was decided at step %q, but the ticket was at %q: another decision came first", f.stepWord(p.Step), f.stepWord(s.Step))
	}
	st := f.Step(p.Step)
	if st == nil || st.End {
		return nil, why("step %q offers no decisions", f.stepWord(p.Step))
	}
	d := st.Decision(p.Decision)
	switch {
	case d == nil:
		return nil, why("step %q has no decision %q", f.stepWord(p.Step), p.Decision)
	case d.Convert != p.Kind || (d.Convert != "") != (typ == Converted):
		return nil, why("decision %q does not convert the ticket that way", p.Decision)
	case !contains(st.Roles, p.Role):
		return nil, why("a %s may not decide at step %q", p.Role.Word(), f.stepWord(p.Step))
	case p.Role.IsCustomer() && p.ContactID.IsZero():
		return nil, why("a customer's decision must name the contact who took it")
	case p.Role == model.RoleRequester && !s.RequesterID.IsZero() && p.ContactID != s.RequesterID:
		return nil, why("only the ticket's own requester decides here")
	case d.NeedsComment && p.Comment == "":
		return nil, why("decision %q needs a comment", p.Decision)
	case (d.Rule == "quota") != (p.Booking != nil):
		return nil, why("decision %q must book effort exactly when the table says so", p.Decision)
	}
	for _, in := range d.Inputs {
		if _, ok := p.Inputs[in.Name]; in.Required && !ok {
			return nil, why("decision %q lacks the required input %s", p.Decision, in.Name)
		}
	}
	if !contains(f.targetFlow(d).skipChain(d.To), p.To) {
		return nil, why("decision %q leads to %q, not %q", p.Decision, d.To, p.To)
	}
	return d, i18n.Phrase{}
}

// applyDecided records the decision's facts, bookings and times, and moves
// the ticket to its next step.
func applyDecided(s *State, e model.Event, p DecidedPayload, d *Decision) {
	if len(p.Inputs) > 0 && s.Facts == nil {
		s.Facts = map[string]string{}
	}
	for k, v := range p.Inputs {
		s.Facts[k] = v
		switch k {
		case "backup_needed":
			s.BackupNeeded = v == "true"
		case "verify_needed":
			s.VerifyNeeded = v == "true"
		case "on_site":
			s.OnSite = v == "true"
		case "upgrade_notes":
			s.UpgradeNotes = v
		case "estimate_minutes":
			s.EstimateMinutes, _ = strconv.Atoi(v)
		}
	}
	if what, ok := p.Inputs["backup_what"]; ok {
		s.Backup = &BackupRecord{What: what, Where: p.Inputs["backup_where"], At: e.Wall, By: e.Actor}
	}
	if b := p.Booking; b != nil {
		s.Bookings = append(s.Bookings, Booking{Event: e.ID, TicketID: s.ID, Number: s.Number, ContractID: b.ContractID,
			ServiceYear: b.ServiceYear, Minutes: b.Minutes, Override: b.Override, Reason: b.Reason,
			LimitMinutes: b.LimitMinutes, At: e.Wall, By: e.Actor})
		s.EffortMinutes += b.Minutes
	}
	// A stamp takes the time its own input gives, else the time another
	// stamp's input gave (an answer logged as of 10:15 both responds and
	// resolves at 10:15), else the decision's.
	when := e.Wall
	for _, stamp := range d.Stamps {
		if at := p.Inputs[stamp]; at != "" {
			when = at
			break
		}
	}
	for _, stamp := range d.Stamps {
		at := p.Inputs[stamp]
		if at == "" {
			at = when
		}
		switch stamp {
		case "responded_at":
			s.RespondedAt = firstTime(s.RespondedAt, at)
		case "arrived_at":
			s.ArrivedAt = firstTime(s.ArrivedAt, at)
		case "resolved_at":
			s.ResolvedAt = at
		}
	}
	f := FlowFor(s.Kind)
	if f.Step(s.Step).CustomerStep() && len(s.Waits) > 0 && s.Waits[len(s.Waits)-1].To == "" {
		s.Waits[len(s.Waits)-1].To = e.Wall
	}
	if p.Kind != "" {
		s.ConvertedFrom, s.Kind = s.Kind, p.Kind
		f = FlowFor(p.Kind)
	}
	s.Step = p.To
	next := f.Step(p.To)
	switch {
	case next.End:
		s.Status, s.ClosedAt = model.StatusClosed, e.Wall
	case next.CustomerStep():
		s.Waits = append(s.Waits, Wait{Step: p.To, From: e.Wall})
	}
}

func firstTime(old, t string) string {
	if old == "" {
		return t
	}
	return old
}

// why is a reason an event is not applied, as the catalogue words it.
func why(format string, args ...any) i18n.Phrase { return i18n.Phrase{Format: format, Args: args} }

// stepWord names step name of the flow for a message: its label, worded
// in the message's language, or the name as recorded when the flow has
// no such step.
func (f *Flow) stepWord(name string) any {
	if st := f.Step(name); st != nil {
		return labelIn(f.Kind, st.Label)
	}
	return name
}
