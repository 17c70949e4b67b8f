package directory

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"yunwei/model"
)

// FieldsPayload is the payload of an "*.updated" event: only the fields
// that changed, each with its new value in canonical JSON. Plain fields are
// registers: each value stays in the log, the newest shows.
type FieldsPayload struct {
	Fields map[string]json.RawMessage `json:"fields"`
}

// diffFields returns the top-level JSON fields whose values differ between
// old and updated, or nil when nothing changed. The id never changes.
func diffFields(old, updated any) (map[string]json.RawMessage, error) {
	a, err := fieldMap(old)
	if err != nil {
		return nil, err
	}
	b, err := fieldMap(updated)
	if err != nil {
		return nil, err
	}
	changed := map[string]json.RawMessage{}
	for k, v := range b {
		if k != "id" && !bytes.Equal(a[k], v) {
			changed[k] = v
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok && k != "id" {
			changed[k] = json.RawMessage("null") // omitted now: cleared
		}
	}
	if len(changed) == 0 {
		return nil, nil
	}
	return changed, nil
}

func fieldMap(v any) (map[string]json.RawMessage, error) {
	raw, err := model.Canonical(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	for k, f := range m { // re-canonicalise each value so bytes compare
		c, err := canonicalRaw(f)
		if err != nil {
			return nil, err
		}
		m[k] = c
	}
	return m, nil
}

func canonicalRaw(raw json.RawMessage) (json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return model.Canonical(v)
}

// applyFields overlays changed fields onto the struct dst points to.
func applyFields(dst any, fields map[string]json.RawMessage) error {
	m, err := fieldMap(dst)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "id" {
			continue
		}
		if string(fields[k]) == "null" {
			delete(m, k)
			continue
		}
		m[k] = fields[k]
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	// Reset the value first so a cleared field is zero, not stale.
	if err := resetAndUnmarshal(raw, dst); err != nil {
		return fmt.Errorf("apply fields: %w", err)
	}
	return nil
}
