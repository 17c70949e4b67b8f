package db

import (
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
// pauses typing; it reads the verbatim bodies with LIKE first and decodes
// only the candidates.
func (s *Store) TicketsMentioning(ctx context.Context, text string) ([]model.ID, error) {
	text = strings.ToLower(strings.TrimSpace(text))
	if text == "" {
		return nil, nil
	}
	// LIKE folds ASCII case; on the body as text it matches any UTF-8.
	pattern := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(text) + "%"
	rows, err := s.db.QueryContext(ctx, `SELECT entity_id, body FROM events
		WHERE CAST(body AS TEXT) LIKE ? ESCAPE '\' AND instr(body, CAST('"entity":"ticket"' AS BLOB)) > 0 LIMIT ?`, pattern, maxTextCandidates)
	if err != nil {
		return nil, fmt.Errorf("search texts: %w", err)
	}
	defer rows.Close()
	seen := map[model.ID]bool{}
	var out []model.ID
	for rows.Next() {
		var id model.ID
		var body []byte
		if err := rows.Scan(&id, &body); err != nil {
			return nil, err
		}
		if body, err = openBody(body); err != nil {
			return nil, err
		}
		if seen[id] {
			continue
		}
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
