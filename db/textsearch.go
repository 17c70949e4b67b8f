package db

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"yunwei/model"
)

// maxTextCandidates bounds the events a text search reads in full.
const maxTextCandidates = 50_000

// TicketsMentioning finds the tickets whose descriptions, comments or
// decision texts (plan, cause, fix, upgrade notes…) contain text, case
// folded. Titles and numbers are not searched here: the queue holds them.
// It scans the log, so screens run it in the background after the user
// pauses typing; bodies are stored packed (openBody), so it unpacks each
// and decodes only those whose bytes contain the text, ASCII case folded.
func (s *Store) TicketsMentioning(ctx context.Context, text string) ([]model.ID, error) {
	text = strings.ToLower(strings.TrimSpace(text))
	if text == "" {
		return nil, nil
	}
	needle, ticketKind := []byte(text), []byte(`"entity":"ticket"`)
	rows, err := s.db.QueryContext(ctx, `SELECT entity_id, body FROM events`)
	if err != nil {
		return nil, fmt.Errorf("search texts: %w", err)
	}
	defer rows.Close()
	seen := map[model.ID]bool{}
	var out []model.ID
	var folded []byte
	candidates := 0
	for rows.Next() && candidates < maxTextCandidates {
		var id model.ID
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			return nil, err
		}
		if seen[id] {
			continue
		}
		if body, err = openBody(body); err != nil {
			return nil, err
		}
		folded = asciiLower(folded[:0], body)
		if !bytes.Contains(folded, needle) || !bytes.Contains(body, ticketKind) {
			continue
		}
		candidates++
		e, err := model.OpenEvent(body)
		if err != nil {
			continue
		}
		if payloadMentions(e.Payload, text) {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

// asciiLower appends b with ASCII letters lower-cased, as LIKE folds them.
func asciiLower(dst, b []byte) []byte {
	for _, c := range b {
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// payloadMentions reports whether a ticket event's people-written text
// contains needle (already lower-cased).
func payloadMentions(payload []byte, needle string) bool {
	var p struct {
		Description string            `json:"description"`
		Text        string            `json:"text"`
		Comment     string            `json:"comment"`
		Field       string            `json:"field"`
		Value       json.RawMessage   `json:"value"`
		Inputs      map[string]string `json:"inputs"`
	}
	if json.Unmarshal(payload, &p) != nil {
		return false
	}
	has := func(s string) bool { return s != "" && strings.Contains(strings.ToLower(s), needle) }
	if has(p.Description) || has(p.Text) || has(p.Comment) {
		return true
	}
	if p.Field == "description" {
		var v string
		if json.Unmarshal(p.Value, &v) == nil && has(v) {
			return true
		}
	}
	for _, v := range p.Inputs {
		if has(v) {
			return true
		}
	}
	return false
}
