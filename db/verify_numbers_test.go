package db

import (
	"encoding/json"
	"testing"
)

// payloadNumber reads what encoding/json reads, or says it cannot.
func TestPayloadNumberReadsAsEncodingJSON(t *testing.T) {
	for _, payload := range []string{
		`{"channel":"phone","number":"DEM-2026-0001","title":"x"}`,
		`{"inputs":{"number":"X-1"},"number":"DEM-2026-0002"}`,
		`{"a":"say \"number\":\"no\"","number":"DEM-2026-0003"}`,
		`{"a":["number",{"number":"N"}],"title":"no number"}`,
		`{"NUMBER":"DEM-2026-0004"}`,
		`{"number":"DEM\u002d2026"}`,
		`{"number":7}`,
		`{"Number":"A","number":"B"}`,
		`{}`,
	} {
		var want struct {
			Number string `json:"number"`
		}
		err := json.Unmarshal([]byte(payload), &want)
		if got, ok := payloadNumber([]byte(payload)); ok && (err != nil || got != want.Number) {
			t.Errorf("%s: read %q, encoding/json %q (%v)", payload, got, want.Number, err)
		}
	}
	if got, ok := payloadNumber([]byte(`{"description":"…","number":"DEM-2026-0001","title":"x"}`)); !ok || got != "DEM-2026-0001" {
		t.Fatalf("a plain number: %q %v", got, ok)
	}
}
