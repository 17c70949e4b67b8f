package db

import (
	"strconv"
	"unicode/utf8"

	"yunwei/model"
)

// AppendJSON appends the row as encoding/json marshals it, byte for byte
// (the README's stable JSON shape), without reflection: listing 100,000
// tickets as JSON spent a third of its time in encoding/json. A property
// test holds the two equal.
func (r TicketRow) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendID(b, r.ID)
	b = appendField(b, "number", r.Number)
	b = appendField(b, "kind", string(r.Kind))
	b = appendField(b, "channel", string(r.Channel))
	b = append(b, `,"severity":`...)
	b = strconv.AppendInt(b, int64(r.Severity), 10)
	b = appendField(b, "title", r.Title)
	b = append(b, `,"customer":{"id":`...)
	b = appendID(b, r.Customer.ID)
	b = appendField(b, "name", r.Customer.Name)
	b = appendField(b, "short_name", r.Customer.ShortName)
	b = append(b, `},"site":{"id":`...)
	b = appendID(b, r.Site.ID)
	b = appendField(b, "name", r.Site.Name)
	b = append(b, `},"assignee":`...)
	if r.Assignee == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"id":`...)
		b = appendID(b, r.Assignee.ID)
		b = appendField(b, "login", r.Assignee.Login)
		b = appendField(b, "name", r.Assignee.Name)
		b = append(b, '}')
	}
	b = appendField(b, "status", r.Status)
	b = appendField(b, "step", r.Step)
	b = appendField(b, "reported_at", r.ReportedAt)
	b = appendField(b, "updated_at", r.UpdatedAt)
	if r.ClosedAt != "" {
		b = appendField(b, "closed_at", r.ClosedAt)
	}
	b = append(b, `,"comments":`...)
	b = strconv.AppendInt(b, int64(r.Comments), 10)
	b = append(b, `,"waiting_for":`...)
	if r.WaitingFor == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, role := range r.WaitingFor {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, string(role))
		}
		b = append(b, ']')
	}
	b = append(b, `,"sla":`...)
	if r.SLA == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"clock":`...)
		b = appendJSONString(b, r.SLA.Clock)
		b = appendField(b, "due", r.SLA.Due)
		b = appendField(b, "state", r.SLA.State)
		b = append(b, '}')
	}
	return append(b, '}')
}

func appendField(b []byte, name, value string) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendJSONString(b, value)
}

// appendID is model.ID's MarshalJSON: null for none.
func appendID(b []byte, id model.ID) []byte {
	if id.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = append(b, id.String()...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendJSONString is encoding/json's string encoding with HTML escaping
// (json.Marshal's): control characters, quote, backslash, <, > and &
// escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c := s[i]; c >= 0xe3 && c <= 0xec && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			i += 3 // most of CJK: valid, and no separator among them
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
