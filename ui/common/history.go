package common

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// fieldLabels are the English names of the ticket fields ticket.Edit
// sets, as history lines and forms show them (translated through i18n).
var fieldLabels = map[string]string{
	"title":        "Title",
	"description":  "Description",
	"severity":     "Severity",
	"channel":      "Channel",
	"site_id":      "Site",
	"system_id":    "System",
	"requester_id": "Requester",
	"on_site":      "On site",
	"reported_at":  "Reported",
}

// FieldLabel names a ticket field for people in L; a field this version
// does not know (set by a newer yunwei) shows by its code.
func FieldLabel(field string, L i18n.Lang) string {
	if en, ok := fieldLabels[field]; ok {
		return L.T(en)
	}
	return text.Sanitize(field, false)
}

// HistoryLine says in words what one history entry of a ticket did. The
// command line's `ticket show` and the ticket detail screen share this
// wording. names maps ids (actors, contacts, and any site, system or
// contact a field was set to) to display names; an id without a name shows
// as the id. The result is sanitised: it may quote people's text.
func HistoryLine(h ticket.HistoryEntry, names map[string]string, L i18n.Lang, loc *time.Location) string {
	var line string
	switch h.Type {
	case ticket.Created:
		line = L.T("created the ticket")
	case ticket.FieldSet:
		line = L.Tf("set %s to %s", FieldLabel(h.Field, L), fieldValue(h.Field, h.Value, names, L, loc))
	case ticket.Assigned:
		if h.Value == "" {
			line = L.T("took it off the assignee")
			break
		}
		name := names[h.Value]
		if name == "" {
			name = h.Value
		}
		line = L.Tf("assigned it to %s", text.Sanitize(name, false))
	case ticket.Commented:
		line = L.T("commented")
	default:
		// Flow decisions carry their own "not applied" note.
		if d := words.History(L, h); d != "" {
			return text.Sanitize(d, false)
		}
		return L.Tf("(event of a newer yunwei: %s)", text.Sanitize(h.Type, false))
	}
	if h.Rejected != "" {
		line += " ⚠ " + L.T("not applied:") + " " + text.Sanitize(words.Rejected(L, h), false)
	}
	return line
}

// fieldValue words a field's new value, stored as canonical JSON: labels
// for codes, names for ids, times in loc (the contract's zone), "—" for a
// cleared value.
func fieldValue(field, raw string, names map[string]string, L i18n.Lang, loc *time.Location) string {
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		return text.Sanitize(raw, false)
	}
	if v == nil {
		return "—"
	}
	s := fmt.Sprint(v)
	switch field {
	case "severity":
		if n, err := strconv.Atoi(s); err == nil {
			return fmt.Sprintf("%d %s", n, model.Severity(n).Label(L.Code()))
		}
	case "channel":
		return model.Channel(s).Label(L.Code())
	case "on_site":
		if b, ok := v.(bool); ok {
			return YesNo(b, L)
		}
	case "site_id", "system_id", "requester_id":
		if name := names[s]; name != "" {
			s = name
		}
	case "reported_at":
		return LocalTime(s, loc)
	}
	return text.Sanitize(s, false)
}

// YesNo words a boolean in L.
func YesNo(b bool, L i18n.Lang) string {
	if b {
		return L.T("yes")
	}
	return L.T("no")
}
