package ticket

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// Ticket event types.
const (
	Created   = "ticket.created"
	FieldSet  = "ticket.field_set"
	Assigned  = "ticket.assigned"
	Commented = "ticket.commented"
)

// State is a ticket folded from its events: the ticket itself, its
// readable history, and what its flow has recorded so far.
//
// Waiting on the customer is derived, not recorded: while the ticket is at
// a step only customer roles act in (Step.CustomerStep), Waits holds an
// open span; leaving the step closes it. SLA clocks may pause over Waits.
type State struct {
	model.Ticket
	History []HistoryEntry `json:"history"`
	// Facts holds the latest value of every decision input given so far
	// (plan, cause, fix, upgrade_notes, change_date…), normalised.
	Facts map[string]string `json:"facts,omitempty"`
	// BackupNeeded and VerifyNeeded are what the latest plan says (seed §3
	// step 3); Backup is the latest backup made (seed §3 step 5).
	BackupNeeded bool          `json:"backup_needed,omitempty"`
	VerifyNeeded bool          `json:"verify_needed,omitempty"`
	Backup       *BackupRecord `json:"backup,omitempty"`
	// UpgradeNotes are the change's upgrade notes (seed §4 step 7).
	UpgradeNotes string `json:"upgrade_notes,omitempty"`
	// EstimateMinutes is an enhancement's latest estimate; EffortMinutes the
	// actual effort booked over Bookings (seed §1.3).
	EstimateMinutes int       `json:"estimate_minutes,omitempty"`
	EffortMinutes   int       `json:"effort_minutes,omitempty"`
	Bookings        []Booking `json:"bookings,omitempty"`
	// ConvertedFrom is the kind the ticket had before ticket.converted.
	ConvertedFrom model.Kind `json:"converted_from,omitempty"`
	Waits         []Wait     `json:"waits,omitempty"`
	// Rejected lists stored events that break the flow relative to the
	// state they met (a concurrent decision at the same step, a forged or
	// unreadable event): kept in the log and the history, not applied.
	Rejected []RejectedEvent `json:"rejected,omitempty"`
	// CreatedHLC is the clock of the ticket's creation event: people who
	// were added, or given the role they decide in, after it are marked
	// on their decisions (HistoryEntry.LateContact).
	CreatedHLC model.HLC `json:"-"`
}

// BackupRecord is a data backup made before a correction (seed §3 step 5).
type BackupRecord struct {
	What  string   `json:"what"`
	Where string   `json:"where"`
	At    string   `json:"at"`
	By    model.ID `json:"by"`
}

// Wait is a span during which the ticket waited on the customer at Step.
// To is empty while it still waits.
type Wait struct {
	Step string `json:"step"`
	From string `json:"from"`
	To   string `json:"to,omitempty"`
}

// RejectedEvent is a stored event that was not applied, and why.
type RejectedEvent struct {
	Event  model.EventID `json:"event"`
	Type   string        `json:"type"`
	Reason string        `json:"reason"`
	// Why is Reason as the catalogue knows it (HistoryEntry.Why).
	Why i18n.Phrase `json:"-"`
	// RuleBroken says the decider lacked, by the log, the authority the
	// decision needs (a role given by editing a table row, say).
	RuleBroken bool `json:"rule_broken,omitempty"`
}

// HistoryEntry is one line of a ticket's timeline: who, when, what. For a
// decision it holds the role, the decision, the step left and entered and
// the inputs; Rejected says why an event was not applied.
type HistoryEntry struct {
	Event    model.EventID     `json:"event"`
	At       string            `json:"at"` // the author's wall time
	Actor    model.ID          `json:"actor"`
	Contact  model.ID          `json:"contact,omitzero"` // customer person who decided, if any
	Type     string            `json:"type"`
	Field    string            `json:"field,omitempty"`
	Value    string            `json:"value,omitempty"`
	Comment  string            `json:"comment,omitempty"`
	Kind     model.Kind        `json:"kind,omitempty"` // the flow decided in
	Role     model.Role        `json:"role,omitempty"`
	Decision string            `json:"decision,omitempty"`
	From     string            `json:"from,omitempty"`
	To       string            `json:"to,omitempty"`
	Inputs   map[string]string `json:"inputs,omitempty"`
	Rejected string            `json:"rejected,omitempty"`
	// Why is Rejected as the catalogue knows it, for the interfaces to
	// word in the user's language; Rejected keeps, in English, any detail
	// of an unreadable payload for the JSON output.
	Why i18n.Phrase `json:"-"`
	// RuleBroken is set, with Rejected, when the log shows the decider
	// lacked the authority the decision needs: it never counts.
	RuleBroken bool `json:"rule_broken,omitempty"`
	// LateContact marks a customer's decision taken by a contact who was
	// added (LateCreated), or given the role they decided in
	// (LateRole), after the ticket was raised, by the log's clocks.
	LateContact string `json:"late_contact,omitempty"`
	// Signature is the customer's drawn sign-off of the decision (DESIGN
	// §5); VerifySignature tells whether what it signed still is, and if
	// not, what changed.
	Signature *model.Signature `json:"signature,omitempty"`
}

// Create records a customer's request. The store fills Number.
type Create struct {
	ID          model.ID
	Number      string
	Kind        model.Kind
	Channel     model.Channel
	Severity    model.Severity
	Title       string
	Description string
	CustomerID  model.ID
	ContractID  model.ID
	SiteID      model.ID
	SystemID    model.ID
	RequesterID model.ID
	AssigneeID  model.ID
	OnSite      bool
	// ReportedAt is when the customer raised the request; zero means now.
	ReportedAt time.Time
}

// Edit sets plain fields of a ticket, given as text (field → value).
// Editable: title, description, severity, channel, site, system, requester,
// on_site (yes or no, as decisions' inputs), reported_at (typed in the
// contract's zone, see reportedEdit).
type Edit struct {
	ID     model.ID
	Fields map[string]string
}

// Assign gives a ticket to a vendor user (NilID: nobody).
type Assign struct {
	ID         model.ID
	AssigneeID model.ID
}

// Comment adds a comment; comments accumulate, never conflict.
type Comment struct {
	ID   model.ID
	Text string
}

// Target implements flows.Command.
func (c Create) Target() (string, model.ID) { return model.EntityTicket, c.ID }

// Target implements flows.Command.
func (c Edit) Target() (string, model.ID) { return model.EntityTicket, c.ID }

// Target implements flows.Command.
func (c Assign) Target() (string, model.ID) { return model.EntityTicket, c.ID }

// Target implements flows.Command.
func (c Comment) Target() (string, model.ID) { return model.EntityTicket, c.ID }

// TicketCreatedPayload is the payload of ticket.created.
type TicketCreatedPayload struct {
	Number      string         `json:"number"`
	Kind        model.Kind     `json:"kind"`
	Channel     model.Channel  `json:"channel"`
	Severity    model.Severity `json:"severity"`
	Title       string         `json:"title"`
	Description string         `json:"description,omitempty"`
	ContractID  model.ID       `json:"contract_id"` // the customer is the contract's
	SiteID      model.ID       `json:"site_id"`
	SystemID    model.ID       `json:"system_id,omitempty"`
	RequesterID model.ID       `json:"requester_id,omitempty"`
	AssigneeID  model.ID       `json:"assignee_id,omitempty"`
	OnSite      bool           `json:"on_site,omitempty"`
	// ReportedAt is set only when the request was raised before it was
	// recorded; otherwise it is the event's wall time.
	ReportedAt string `json:"reported_at,omitempty"`
}

// FieldSetPayload is the payload of ticket.field_set.
type FieldSetPayload struct {
	Field string          `json:"field"`
	Value json.RawMessage `json:"value"`
}

// AssignedPayload is the payload of ticket.assigned.
type AssignedPayload struct {
	AssigneeID model.ID `json:"assignee_id,omitempty"`
}

// CommentedPayload is the payload of ticket.commented.
type CommentedPayload struct {
	Text string `json:"text"`
}

// maxClockLead is how far in the future a reported time may lie: the
// laptop's clock and the customer's watch differ a little.
const maxClockLead = 5 * time.Minute

func decideCreateTicket(env flows.Env, s *State, c Create) ([]model.Change, error) {
	if s != nil {
		return nil, model.Errorf(model.ECONFLICT, "ticket %s exists already", s.Number)
	}
	if len(env.Actor.User.Roles) == 0 {
		return nil, model.Errorf(model.EUNAUTHORIZED, "only vendor staff may record tickets")
	}
	if c.Number == "" {
		return nil, model.Errorf(model.EINTERNAL, "ticket number was not assigned")
	}
	if FlowFor(c.Kind) == nil {
		return nil, model.Errorf(model.EINVALID, "ticket kind %q has no flow: use one of %s", c.Kind, kindCodes())
	}
	if _, err := model.ParseChannel(string(c.Channel)); err != nil {
		return nil, err
	}
	if !c.Severity.Valid() {
		return nil, model.Errorf(model.EINVALID, "severity %d is not valid: use 1 (critical) to 4 (low)", c.Severity)
	}
	p := TicketCreatedPayload{Number: c.Number, Kind: c.Kind, Channel: c.Channel, Severity: c.Severity, OnSite: c.OnSite || c.Channel == model.ChannelOnSite}
	var err error
	if p.Title, err = flows.CleanText("title", c.Title, flows.MaxTitle, true, false); err != nil {
		return nil, err
	}
	if p.Description, err = flows.CleanText("description", c.Description, flows.MaxText, false, true); err != nil {
		return nil, err
	}
	contract, err := env.Dir.Contract(c.ContractID)
	if err := flows.MustExist(err, "contract"); err != nil {
		return nil, err
	}
	cust, err := env.Dir.Customer(contract.CustomerID)
	if err := flows.MustExist(err, "customer"); err != nil {
		return nil, err
	}
	if !c.CustomerID.IsZero() && c.CustomerID != cust.ID {
		return nil, model.Errorf(model.EINVALID, "contract %s is %s's, not the chosen customer's", contract.Number, cust.Name)
	}
	// A seed §2.4 notice concerns the contract, not a site.
	if err := checkSiteSystem(env, cust, c.SiteID, c.SystemID, NeedsSite(c.Kind)); err != nil {
		return nil, err
	}
	if err := checkRequester(env, cust, c.RequesterID); err != nil {
		return nil, err
	}
	if err := checkAssignee(env, c.AssigneeID); err != nil {
		return nil, err
	}
	reported := c.ReportedAt
	if reported.IsZero() {
		reported = env.Now
	}
	if reported.After(env.Now.Add(maxClockLead)) {
		return nil, model.Errorf(model.EINVALID, "the request cannot be raised in the future (%s): check the time and this laptop's clock", model.LocalClock(reported, contractLocation(env, contract)))
	}
	if err := checkReportedInTerm(env, contract, reported); err != nil {
		return nil, err
	}
	p.ContractID, p.SiteID, p.SystemID = contract.ID, c.SiteID, c.SystemID
	p.RequesterID, p.AssigneeID = c.RequesterID, c.AssigneeID
	if !reported.Equal(env.Now) {
		p.ReportedAt = model.FormatTime(reported)
	}
	return []model.Change{{Type: Created, TypeVersion: 1, Payload: p}}, nil
}

// checkReportedInTerm refuses a request dated before its contract began
// (DESIGN §2: a contract has a service year): such a date is a typing
// slip (2016 for 2026), or the request belongs to the contract in force
// then. The day is the one in the contract calendar's zone.
func checkReportedInTerm(env flows.Env, contract model.Contract, reported time.Time) error {
	loc := contractLocation(env, contract)
	if day := reported.In(loc).Format(time.DateOnly); contract.StartDate != "" && day < contract.StartDate {
		return model.Errorf(model.EINVALID, "the request is dated %s, before contract %s began: the contract runs from %s to %s; check the date, or record the request under the contract in force then",
			model.LocalClock(reported, loc), contract.Number, contract.StartDate, contract.EndDate)
	}
	return nil
}

// NeedsSite reports whether a ticket of kind k is about a site: staff
// change notices and overtime confirmations concern the whole contract.
func NeedsSite(k model.Kind) bool {
	return k != model.KindStaffChange && k != model.KindOvertime
}

func checkSiteSystem(env flows.Env, cust model.Customer, siteID, systemID model.ID, siteRequired bool) error {
	if siteID.IsZero() && siteRequired {
		return model.Errorf(model.EINVALID, "choose the site of %s the request is about", cust.Name)
	}
	if !siteID.IsZero() {
		site, err := env.Dir.Site(siteID)
		if err := flows.MustExist(err, "site"); err != nil {
			return err
		}
		if site.CustomerID != cust.ID {
			return model.Errorf(model.EINVALID, "site %s is not %s's", site.Name, cust.Name)
		}
	}
	if !systemID.IsZero() {
		sys, err := env.Dir.System(systemID)
		if err := flows.MustExist(err, "system"); err != nil {
			return err
		}
		if sys.CustomerID != cust.ID {
			return model.Errorf(model.EINVALID, "system %s is not %s's", sys.Name, cust.Name)
		}
	}
	return nil
}

func checkRequester(env flows.Env, cust model.Customer, id model.ID) error {
	if id.IsZero() {
		return nil
	}
	ct, err := env.Dir.Contact(id)
	if err := flows.MustExist(err, "requester"); err != nil {
		return err
	}
	if ct.CustomerID != cust.ID {
		return model.Errorf(model.EINVALID, "%s is a contact of another customer", ct.Name)
	}
	return nil
}

func checkAssignee(env flows.Env, id model.ID) error {
	if id.IsZero() {
		return nil
	}
	u, err := env.Dir.User(id)
	if err := flows.MustExist(err, "assignee"); err != nil {
		return err
	}
	if !u.Roles.HasAny(model.RoleEngineer, model.RoleDeveloper, model.RoleTechLead, model.RoleReqLead) {
		return model.Errorf(model.EINVALID, "%s cannot take tickets: give them the engineer role first", u.Name)
	}
	return nil
}

// ticketCustomer is the customer of the ticket's contract.
func ticketCustomer(env flows.Env, s *State) (model.Customer, error) {
	contract, err := env.Dir.Contract(s.ContractID)
	if err != nil {
		return model.Customer{}, err
	}
	return env.Dir.Customer(contract.CustomerID)
}

func requireOpenTicket(env flows.Env, s *State, id model.ID) error {
	if s == nil {
		return model.Errorf(model.ENOTFOUND, "no ticket with id %s", id)
	}
	if s.Status == model.StatusClosed {
		return refuseClosed(env, s)
	}
	return nil
}

// EditableFields lists the ticket fields Edit accepts.
var EditableFields = []string{"title", "description", "severity", "channel", "site_id", "system_id", "requester_id", "on_site", "reported_at"}

func decideEditTicket(env flows.Env, s *State, c Edit) ([]model.Change, error) {
	if err := requireOpenTicket(env, s, c.ID); err != nil {
		return nil, err
	}
	if len(env.Actor.User.Roles) == 0 {
		return nil, model.Errorf(model.EUNAUTHORIZED, "only vendor staff may edit tickets")
	}
	if len(c.Fields) == 0 {
		return nil, model.Errorf(model.EINVALID, "nothing to change: name a field and its new value")
	}
	cust, err := ticketCustomer(env, s)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(c.Fields))
	for f := range c.Fields {
		names = append(names, f)
	}
	sort.Strings(names)
	var out []model.Change
	for _, f := range names {
		text := c.Fields[f]
		var value any
		var same bool
		switch f {
		case "title", "description":
			max, multi := flows.MaxTitle, false
			if f == "description" {
				max, multi = flows.MaxText, true
			}
			v, err := flows.CleanText(i18n.Text(f), text, max, f == "title", multi)
			if err != nil {
				return nil, err
			}
			value, same = v, (f == "title" && v == s.Title) || (f == "description" && v == s.Description)
		case "severity":
			v, err := model.ParseSeverity(text)
			if err != nil {
				return nil, err
			}
			value, same = v, v == s.Severity
		case "channel":
			v, err := model.ParseChannel(text)
			if err != nil {
				return nil, err
			}
			value, same = v, v == s.Channel
		case "on_site":
			v, ok := model.ParseYesNo(text)
			if !ok {
				return nil, model.Errorf(model.EINVALID, "%s must be yes or no (true/false, 是/否), not %q", i18n.Text("On site"), text)
			}
			value, same = v, v == s.OnSite
		case "reported_at":
			v, err := reportedEdit(env, s, text)
			if err != nil {
				return nil, err
			}
			value, same = v, v == s.ReportedAt
		case "site_id", "system_id", "requester_id":
			id := model.NilID
			if text != "" {
				if id, err = model.ParseID(text); err != nil {
					return nil, err
				}
			}
			switch f {
			case "site_id":
				if err := checkSiteSystem(env, cust, id, model.NilID, true); err != nil {
					return nil, err
				}
				same = id == s.SiteID
			case "system_id":
				if err := checkSiteSystem(env, cust, model.NilID, id, false); err != nil {
					return nil, err
				}
				same = id == s.SystemID
			default:
				if err := checkRequester(env, cust, id); err != nil {
					return nil, err
				}
				same = id == s.RequesterID
			}
			value = id
			if id.IsZero() {
				value = nil
			}
		default:
			return nil, model.Errorf(model.EINVALID, "field %q cannot be edited: editable are %s", f, strings.Join(EditableFields, ", "))
		}
		if same {
			continue
		}
		raw, err := model.Canonical(value)
		if err != nil {
			return nil, err
		}
		out = append(out, model.Change{Type: FieldSet, TypeVersion: 1, Payload: FieldSetPayload{Field: f, Value: raw}})
	}
	if len(out) == 0 {
		return nil, model.Errorf(model.EINVALID, "nothing changed: the new values equal the current ones")
	}
	return out, nil
}

// reportedEdit reads a corrected time the request was raised, which starts
// every SLA clock (seed §2.6). Typed without an offset it is read in the
// contract calendar's zone, as the new-ticket form reads it. It is refused
// in the future, after the ticket was recorded or first acted on (a
// response, an arrival, a decision), and before the contract began.
func reportedEdit(env flows.Env, s *State, text string) (string, error) {
	contract, err := env.Dir.Contract(s.ContractID)
	if err := flows.MustExist(err, "contract"); err != nil {
		return "", err
	}
	loc := contractLocation(env, contract)
	t, err := model.ParseLocalTime(text, loc)
	if err != nil {
		return "", err
	}
	if t.After(env.Now.Add(maxClockLead)) {
		return "", model.Errorf(model.EINVALID, "the request cannot be raised in the future (%s): check the time and this laptop's clock", model.LocalClock(t, loc))
	}
	if recorded := parsedTime(s.CreatedAt); !recorded.IsZero() && t.After(recorded.Add(maxClockLead)) {
		return "", model.Errorf(model.EINVALID, "the request cannot have been raised after it was recorded (%s): give a time before that", model.LocalClock(recorded, loc))
	}
	if first := firstActedOn(s); !first.IsZero() && t.After(first) {
		return "", model.Errorf(model.EINVALID, "the request cannot have been raised after it was first acted on (%s): give a time before that", model.LocalClock(first, loc))
	}
	if err := checkReportedInTerm(env, contract, t); err != nil {
		return "", err
	}
	return model.FormatTime(t), nil
}

// firstActedOn is the earliest of the ticket's response, arrival and
// resolution times and its first applied decision; zero when none is.
func firstActedOn(s *State) time.Time {
	var first time.Time
	consider := func(v string) {
		if t := parsedTime(v); !t.IsZero() && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	consider(s.RespondedAt)
	consider(s.ArrivedAt)
	consider(s.ResolvedAt)
	for _, h := range s.History {
		if isDecision(&h) && h.Rejected == "" {
			consider(h.At)
			break
		}
	}
	return first
}

func decideAssignTicket(env flows.Env, s *State, c Assign) ([]model.Change, error) {
	if err := requireOpenTicket(env, s, c.ID); err != nil {
		return nil, err
	}
	if !env.Actor.HasAny(model.RoleAdmin, model.RoleTechLead, model.RoleEngineer) {
		return nil, flows.NotAllowed("assign tickets", model.RoleEngineer, model.RoleTechLead, model.RoleAdmin)
	}
	if err := checkAssignee(env, c.AssigneeID); err != nil {
		return nil, err
	}
	if c.AssigneeID == s.AssigneeID {
		return nil, model.Errorf(model.EINVALID, "ticket %s is assigned to them already", s.Number)
	}
	return []model.Change{{Type: Assigned, TypeVersion: 1, Payload: AssignedPayload{AssigneeID: c.AssigneeID}}}, nil
}

func decideCommentTicket(env flows.Env, s *State, c Comment) ([]model.Change, error) {
	if s == nil {
		return nil, model.Errorf(model.ENOTFOUND, "no ticket with id %s", c.ID)
	}
	if len(env.Actor.User.Roles) == 0 {
		return nil, model.Errorf(model.EUNAUTHORIZED, "only vendor staff may comment")
	}
	text, err := flows.CleanText("comment", c.Text, flows.MaxText, true, true)
	if err != nil {
		return nil, err
	}
	return []model.Change{{Type: Commented, TypeVersion: 1, Payload: CommentedPayload{Text: text}}}, nil
}

// evolveTicket folds one ticket event. It never fails: an event it cannot
// read or that breaks the flow is kept in the history and listed in
// Rejected, and the state is otherwise left as it was (DESIGN §4).
func evolveTicket(s *State, e model.Event, auth flows.Authority) (*State, error) {
	entry := HistoryEntry{Event: e.ID, At: e.Wall, Actor: e.Actor, Type: e.Type}
	switch e.Type {
	case Created:
		var p TicketCreatedPayload
		if err := e.Decode(&p); err != nil {
			s = orphanTicket(s, e)
			s.rejectDetail(e, &entry, err.Error(), "its payload cannot be read")
			break
		}
		if s != nil && s.Number != "" {
			s.reject(e, &entry, "the ticket was created already")
			break
		}
		s = createdTicket(s, e, p)
	case FieldSet:
		var p FieldSetPayload
		s = orphanTicket(s, e)
		if err := e.Decode(&p); err != nil {
			s.rejectDetail(e, &entry, err.Error(), "its payload cannot be read")
			break
		}
		reported := s.ReportedAt
		if err := setTicketField(&s.Ticket, p.Field, p.Value); err != nil {
			s.rejectDetail(e, &entry, err.Error(), "the value of %s cannot be read", p.Field)
			break
		}
		// A ticket that waits on the customer from the start waits from
		// when the request was raised: the wait moves with a correction.
		if f := FlowFor(s.Kind); p.Field == "reported_at" && f != nil && len(s.Waits) > 0 &&
			s.Waits[0].Step == f.Start() && s.Waits[0].From == reported {
			s.Waits[0].From = s.ReportedAt
		}
		entry.Field, entry.Value = p.Field, string(p.Value)
	case Assigned:
		var p AssignedPayload
		s = orphanTicket(s, e)
		if err := e.Decode(&p); err != nil {
			s.rejectDetail(e, &entry, err.Error(), "its payload cannot be read")
			break
		}
		s.AssigneeID = p.AssigneeID
		entry.Value = p.AssigneeID.String()
		if p.AssigneeID.IsZero() {
			entry.Value = ""
		}
	case Commented:
		var p CommentedPayload
		s = orphanTicket(s, e)
		if err := e.Decode(&p); err != nil {
			s.rejectDetail(e, &entry, err.Error(), "its payload cannot be read")
			break
		}
		s.Comments++
		entry.Comment = p.Text
	default:
		s = orphanTicket(s, e)
		// Unknown types are kept and shown as needing a newer app.
		if err := evolveTicketFlow(s, e, &entry, auth); err != nil {
			return nil, err
		}
	}
	s.UpdatedAt = e.Wall
	s.History = append(s.History, entry)
	return s, nil
}

// createdTicket starts a ticket at its flow's first step. A ticket whose
// first step waits on the customer (a data correction waits for the
// department head) waits from the moment the request was raised.
func createdTicket(orphan *State, e model.Event, p TicketCreatedPayload) *State {
	s := &State{Ticket: model.Ticket{
		ID: e.EntityID, Number: p.Number, Kind: p.Kind, Channel: p.Channel, Severity: p.Severity,
		Title: p.Title, Description: p.Description, ContractID: p.ContractID,
		SiteID: p.SiteID, SystemID: p.SystemID, RequesterID: p.RequesterID, AssigneeID: p.AssigneeID,
		OnSite: p.OnSite, Status: model.StatusOpen, ReportedAt: p.ReportedAt,
		CreatedAt: e.Wall, CreatedBy: e.Actor,
	}, CreatedHLC: e.HLC}
	if s.ReportedAt == "" {
		s.ReportedAt = e.Wall
	}
	if orphan != nil { // events that arrived before the creation stay visible
		s.History, s.Rejected, s.Comments = orphan.History, orphan.Rejected, orphan.Comments
	}
	if f := FlowFor(p.Kind); f != nil {
		s.Step = f.Start()
		if f.Steps[0].CustomerStep() {
			s.Waits = []Wait{{Step: s.Step, From: s.ReportedAt}}
		}
	}
	return s
}

// orphanTicket gives an event that arrived before its ticket's creation a
// placeholder to land on, so nothing received is hidden. It has no step:
// flow decisions on it are marked, not applied.
func orphanTicket(s *State, e model.Event) *State {
	if s != nil {
		return s
	}
	return &State{Ticket: model.Ticket{ID: e.EntityID, Status: model.StatusOpen, CreatedAt: e.Wall}}
}

// reject marks event e as not applied, with the reason (a catalogue
// message), in the state and in its history line.
func (s *State) reject(e model.Event, entry *HistoryEntry, format string, args ...any) {
	s.rejectDetail(e, entry, "", format, args...)
}

// rejectDetail is reject with the detail of an error that the English
// reason ends with and that no interface words: an unreadable payload's
// decoding error, for the JSON output and the auditor.
func (s *State) rejectDetail(e model.Event, entry *HistoryEntry, detail string, format string, args ...any) {
	reason := i18n.En.Tf(format, args...)
	if detail != "" {
		reason += ": " + detail
	}
	why := i18n.Phrase{Format: format, Args: args}
	s.Rejected = append(s.Rejected, RejectedEvent{Event: e.ID, Type: e.Type, Reason: reason, Why: why})
	entry.Rejected, entry.Why = reason, why
}

func setTicketField(t *model.Ticket, field string, raw json.RawMessage) error {
	var dst any
	switch field {
	case "title":
		dst = &t.Title
	case "description":
		dst = &t.Description
	case "severity":
		dst = &t.Severity
	case "channel":
		dst = &t.Channel
	case "on_site":
		dst = &t.OnSite
	case "site_id":
		dst = &t.SiteID
	case "system_id":
		dst = &t.SystemID
	case "requester_id":
		dst = &t.RequesterID
	case "reported_at":
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return err
		}
		if _, err := model.ParseTime(v); err != nil || v == "" {
			return fmt.Errorf("%q is not a time", v)
		}
		t.ReportedAt = v
		return nil
	default:
		return nil // a field a newer app knows: kept in the log
	}
	if string(raw) == "null" {
		if id, ok := dst.(*model.ID); ok {
			*id = model.NilID
		}
		return nil
	}
	return json.Unmarshal(raw, dst)
}
