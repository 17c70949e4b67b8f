package decide

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/signoff"
	"yunwei/ui/words"
)

// Summary is what the form shows as being decided: the request and the
// facts the earlier steps established (the plan being approved, the
// solution, the upgrade notes, the result being accepted), labelled as the
// flow tables label them. The detail screen shows the same facts.
func Summary(c *Context, L i18n.Lang) []signoff.Field {
	t := &c.Ticket
	lang := L.Code()
	fields := []signoff.Field{
		{Label: L.T("Number"), Value: join(t.Number, t.Kind.Label(lang), t.Title)},
		{Label: L.T("Customer"), Value: join(t.CustomerName, t.ContractNo)},
		{Label: L.T("Site"), Value: join(t.SiteName, t.SystemName)},
		{Label: L.T("Requester"), Value: t.RequesterName},
	}
	if st := ticket.CurrentStep(&t.State); st != nil {
		fields = append(fields, signoff.Field{Label: L.T("Step"),
			Value: words.StepOf(L, t.Kind, st) + " · " + L.T("waiting for") + " " + RoleNames(st.Roles, L)})
	}
	fields = append(fields, signoff.Field{Label: L.T("Request"), Value: t.Description})
	content := ticket.DecisionContent(&t.State, "", "", nil)
	fields = append(fields, factFields(t.Kind, t.Step, content.FactValues(), c, L)...)
	return nonEmpty(fields)
}

// SignFields is the summary of a decision's signed content (DESIGN §5):
// exactly the parts of ticket.SignedDecision, with names for its ids, so the
// customer reads what their signature covers.
func SignFields(content ticket.SignedDecision, c *Context, L i18n.Lang) []signoff.Field {
	t := &c.Ticket
	lang := L.Code()
	step, decision := content.Step, content.Decision
	var d *ticket.Decision
	if f := ticket.FlowFor(content.Kind); f != nil {
		if st := f.Step(content.Step); st != nil {
			step = words.StepOf(L, content.Kind, st)
			if d = st.Decision(content.Decision); d != nil {
				decision = words.Decision(L, content.Kind, d)
			}
		}
	}
	fields := []signoff.Field{
		{Value: L.Tf("Decision on ticket %s", content.Ticket)},
		{Label: L.T("Number"), Value: join(content.Ticket, content.Kind.Label(lang))},
		{Label: L.T("Title"), Value: content.Title},
		{Label: L.T("Customer"), Value: join(t.CustomerName, t.ContractNo)},
		{Label: L.T("Site"), Value: join(t.SiteName, t.SystemName)},
		{Label: L.T("Requester"), Value: t.RequesterName},
		{Label: L.T("Request"), Value: content.Description},
	}
	fields = append(fields, factFields(content.Kind, content.Step, content.FactValues(), c, L)...)
	fields = append(fields,
		signoff.Field{Label: L.T("Step"), Value: step},
		signoff.Field{Label: L.T("Decision"), Value: decision},
		signoff.Field{Label: L.T("Comment"), Value: content.Comment},
	)
	if d != nil {
		for _, in := range d.Inputs {
			if v, ok := content.Inputs[in.Name]; ok {
				fields = append(fields, signoff.Field{Label: words.Input(L, content.Kind, &in), Value: Value(&in, v, c, L)})
			}
		}
	}
	// The vendor user at the laptop is signed too: the customer reads who
	// enters their decision.
	fields = append(fields, signoff.Field{Label: L.T("Entered by"), Value: userName(c, content.Actor)})
	return nonEmpty(fields)
}

// userName is the name of vendor user id, "" when c does not know them.
func userName(c *Context, id model.ID) string {
	for _, u := range c.Users {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

// Facts are what the ticket's steps have established so far (the plan,
// the backup, the solution, the upgrade notes…), labelled and worded as
// the flow tables label them.
func Facts(c *Context, L i18n.Lang) []signoff.Field {
	t := &c.Ticket
	return factFields(t.Kind, "", t.Facts, c, L)
}

// factFields lists facts in the order of the flow table, labelled by the
// inputs that gave them; a fact of another flow (before a conversion)
// follows, by its code.
func factFields(kind model.Kind, step string, facts map[string]string, c *Context, L i18n.Lang) []signoff.Field {
	var out []signoff.Field
	done := map[string]bool{}
	if f := ticket.FlowFor(kind); f != nil {
		for _, st := range f.Steps {
			if st.Name == step {
				break
			}
			for _, d := range st.Decisions {
				for _, in := range d.Inputs {
					if v, ok := facts[in.Name]; ok && !done[in.Name] {
						done[in.Name] = true
						out = append(out, signoff.Field{Label: words.Input(L, kind, &in), Value: Value(&in, v, c, L)})
					}
				}
			}
		}
	}
	var rest []string
	for name := range facts {
		if !done[name] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		out = append(out, signoff.Field{Label: name, Value: facts[name]})
	}
	return out
}

// Value words a stored (normalised) input value for people: yes/no,
// minutes, a user's name, a time in the contract's zone, a rating out of 5.
func Value(in *ticket.Input, v string, c *Context, L i18n.Lang) string {
	switch in.Type {
	case ticket.InputBool:
		return common.YesNo(v == "true", L)
	case ticket.InputMinutes:
		if n, err := strconv.Atoi(v); err == nil {
			return Minutes(n, L)
		}
	case ticket.InputUser:
		for _, u := range c.Users {
			if u.ID.String() == v {
				return u.Name
			}
		}
	case ticket.InputTime:
		return common.LocalTime(v, common.Zone(c.Ticket.TimeZone))
	case ticket.InputRating:
		return L.Tf("%s of 5", v)
	}
	return v
}

// Minutes words an effort: "90 minutes (0.19 person-days)", "480 minutes
// (1 person-day)", rounded as ticket.PersonDays rounds.
func Minutes(n int, L i18n.Lang) string {
	days := ticket.PersonDays(n)
	switch {
	case n == 1:
		return L.Tf("%d minute (%s person-days)", n, days)
	case days == "1":
		return L.Tf("%d minutes (%s person-day)", n, days)
	}
	return L.Tf("%d minutes (%s person-days)", n, days)
}

// Days words minutes as person-days alone: "22.94 person-days".
func Days(n int, L i18n.Lang) string {
	days := ticket.PersonDays(n)
	if days == "1" {
		return L.Tf("%s person-day", days)
	}
	return L.Tf("%s person-days", days)
}

// RoleNames lists roles in L: "department head or customer leadership".
func RoleNames(roles []model.Role, L i18n.Lang) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = r.Label(L.Code())
	}
	return strings.Join(names, L.T(" or "))
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

func nonEmpty(fields []signoff.Field) []signoff.Field {
	out := fields[:0]
	for _, f := range fields {
		if strings.TrimSpace(f.Value) != "" {
			out = append(out, f)
		}
	}
	return out
}

// parseLocalTime reads a typed time in loc, the contract's zone, as the
// command line reads it (model.ParseLocalTime).
func parseLocalTime(s string, loc *time.Location) (time.Time, bool) {
	t, err := model.ParseLocalTime(s, loc)
	return t, err == nil
}
