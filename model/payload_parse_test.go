package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// payloadSample has a field of every shape the payloads of the log use
// (the ticket's, the directory's, a customer's signature), and those that
// parsePayload must leave to encoding/json.
type payloadSample struct {
	Text     string                     `json:"text"`
	Kind     Kind                       `json:"kind,omitempty"`
	N        int                        `json:"n"`
	Small    int8                       `json:"small,omitempty"`
	Count    uint16                     `json:"count,omitempty"`
	On       bool                       `json:"on,omitempty"`
	ID       ID                         `json:"id"`
	Optional ID                         `json:"optional,omitempty"`
	Severity Severity                   `json:"severity,omitempty"`
	Parents  []EventID                  `json:"parents"`
	Inputs   map[string]string          `json:"inputs,omitempty"`
	Shown    map[string]EventID         `json:"shown,omitempty"`
	Value    json.RawMessage            `json:"value,omitempty"`
	Fields   map[string]json.RawMessage `json:"fields,omitempty"`
	Sig      *Signature                 `json:"signature,omitempty"`
	Strokes  [][]Point                  `json:"strokes"`
	Inner    payloadInner               `json:"inner"`
	Untagged string
	Dash     string `json:"-,"`
	Dropped  string `json:"-"`
	hidden   string
}

type payloadInner struct {
	Names []string `json:"names"`
	Ref   *ID      `json:"ref,omitempty"`
}

// payloadWithFloat has a field parsePayload does not read: every payload
// of its type goes to encoding/json.
type payloadWithFloat struct {
	Text  string  `json:"text"`
	Ratio float64 `json:"ratio"`
}

var payloadText = rapid.OneOf(rapid.String(), rapid.SampledFrom([]string{"", "引号\"\\\n\t\x01\x7f", "e\u0301", "\u202e🧾", "已电话联系报告人，了解现场情况。", "\x00\b\f\r"}))

func drawID(t *rapid.T, label string) ID {
	var id ID
	if rapid.Bool().Draw(t, label+" nil") {
		return id
	}
	copy(id[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, label))
	return id
}

func drawEventID(t *rapid.T, label string) EventID {
	var id EventID
	copy(id[:], rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(t, label))
	return id
}

func drawSample(t *rapid.T) payloadSample {
	s := payloadSample{
		Text: payloadText.Draw(t, "text"), Kind: Kind(payloadText.Draw(t, "kind")), N: rapid.Int().Draw(t, "n"),
		Small: rapid.Int8().Draw(t, "small"), Count: rapid.Uint16().Draw(t, "count"), On: rapid.Bool().Draw(t, "on"),
		ID: drawID(t, "id"), Optional: drawID(t, "optional"), Severity: Severity(rapid.IntRange(-5, 5).Draw(t, "severity")),
		Untagged: payloadText.Draw(t, "untagged"), Dash: payloadText.Draw(t, "dash"),
	}
	if rapid.Bool().Draw(t, "has parents") {
		s.Parents = []EventID{}
		for range rapid.IntRange(0, 3).Draw(t, "parents") {
			s.Parents = append(s.Parents, drawEventID(t, "parent"))
		}
	}
	if rapid.Bool().Draw(t, "has inputs") {
		s.Inputs = map[string]string{}
		for range rapid.IntRange(0, 4).Draw(t, "inputs") {
			s.Inputs[payloadText.Draw(t, "input key")] = payloadText.Draw(t, "input")
		}
	}
	if rapid.Bool().Draw(t, "has shown") {
		s.Shown = map[string]EventID{payloadText.Draw(t, "shown key"): drawEventID(t, "shown")}
	}
	if rapid.Bool().Draw(t, "has value") {
		v := rapid.SampledFrom([]any{nil, "x", int64(3), true, []any{}, map[string]any{"a": []any{int64(1), nil}}}).Draw(t, "value")
		s.Value = MustCanonical(v)
		s.Fields = map[string]json.RawMessage{payloadText.Draw(t, "field"): s.Value}
	}
	if rapid.Bool().Draw(t, "signed") {
		s.Sig = &Signature{Version: rapid.IntRange(0, 2).Draw(t, "v"), SignerName: payloadText.Draw(t, "signer"),
			SignerRole: Role(payloadText.Draw(t, "role")), ContactID: drawID(t, "contact"), ContentHash: payloadText.Draw(t, "hash"),
			Typed: payloadText.Draw(t, "typed"), SignedAt: payloadText.Draw(t, "at"), Seal: payloadText.Draw(t, "seal"),
			Parts: map[string]string{"drawing": payloadText.Draw(t, "part")}, Shown: map[string]EventID{"a": drawEventID(t, "fact")}}
		for range rapid.IntRange(0, 2).Draw(t, "strokes") {
			var run []Point
			for range rapid.IntRange(0, 4).Draw(t, "points") {
				run = append(run, Point{X: rapid.IntRange(-3, 40).Draw(t, "x"), Y: rapid.IntRange(-3, 20).Draw(t, "y")})
			}
			s.Sig.Strokes = append(s.Sig.Strokes, run)
		}
	}
	if rapid.Bool().Draw(t, "has strokes") {
		s.Strokes = [][]Point{{}, {{X: rapid.Int().Draw(t, "sx"), Y: 2}}}
	}
	s.Inner.Names = rapid.SliceOfN(payloadText, 0, 3).Draw(t, "names")
	if rapid.Bool().Draw(t, "has ref") {
		// A pointer to the nil id is written as its text, which the
		// reader leaves to encoding/json.
		id := ID{1}
		s.Inner.Ref = &id
	}
	return s
}

// agree decodes raw with parsePayload and with encoding/json, each into a
// new T, and fails unless parsePayload either refuses (leaving its value
// zero) or reads exactly what encoding/json reads.
func agree[T any](t interface {
	Helper()
	Fatalf(string, ...any)
}, raw []byte) (fast bool) {
	t.Helper()
	var got, want T
	fast = parsePayload(raw, &got)
	err := json.Unmarshal(raw, &want)
	switch {
	case fast && err != nil:
		t.Fatalf("parsePayload read what encoding/json refuses (%v): %q", err, raw)
	case fast && !reflect.DeepEqual(got, want):
		t.Fatalf("parsePayload read %q as\n%#v\nencoding/json as\n%#v", raw, got, want)
	case !fast && !reflect.ValueOf(got).IsZero():
		t.Fatalf("parsePayload refused %q but left %#v", raw, got)
	}
	return fast
}

// Every payload the canonical encoder writes is read by parsePayload, and
// read as encoding/json reads it.
func TestParsePayloadReadsWhatTheEncoderWrites(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		raw, err := Canonical(drawSample(rt))
		if err != nil {
			rt.Skip("refused:", err) // invalid UTF-8 text
		}
		if !agree[payloadSample](rt, raw) {
			rt.Fatalf("parsePayload refused canonical bytes %q", raw)
		}
	})
}

// mutate edits canonical bytes the ways a hand on the file would: a byte
// changed, one inserted, a run cut out or repeated, a case changed.
func mutate(t *rapid.T, raw []byte) []byte {
	out := bytes.Clone(raw)
	for range rapid.IntRange(1, 3).Draw(t, "edits") {
		if len(out) == 0 {
			return out
		}
		i := rapid.IntRange(0, len(out)-1).Draw(t, "at")
		j := rapid.IntRange(i, min(len(out), i+12)).Draw(t, "to")
		significant := rapid.SampledFrom([]byte(`{}[]",:\ 0123456789-.eEnulltrfaX` + "\x00\x7f\xff\xe4"))
		switch rapid.IntRange(0, 4).Draw(t, "edit") {
		case 0:
			out[i] = significant.Draw(t, "byte")
		case 1:
			out = append(out[:i], append([]byte{significant.Draw(t, "byte")}, out[i:]...)...)
		case 2:
			out = append(out[:i], out[j:]...)
		case 3:
			out = append(out[:j], append(bytes.Clone(out[i:j]), out[j:]...)...)
		case 4:
			out = append(out[:i], append(bytes.ToUpper(out[i:j]), out[j:]...)...)
		}
	}
	return out
}

// Whatever the bytes, parsePayload never reads something encoding/json
// refuses or reads otherwise: a tampered payload reads as encoding/json
// reads it, or goes to encoding/json.
func TestParsePayloadAgreesWithEncodingJSONOnEditedBytes(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		raw, err := Canonical(drawSample(rt))
		if err != nil {
			rt.Skip("refused:", err)
		}
		agree[payloadSample](rt, mutate(rt, raw))
	})
}

// tamperedPayloads are edits of a canonical payload that encoding/json
// reads differently from the canonical form or refuses: each must go to
// encoding/json, so that Decode gives what it gives.
func tamperedPayloads(t testing.TB) map[string]string {
	good := `{"Untagged":"u","count":7,"id":"019ac4a5-edc0-7e90-badc-ee5489b19731","inner":{"names":["a"]},"inputs":{"a":"1","b":"2"},"kind":"bug_fix","n":-3,"parents":["1decbfef9ae5b33426ab73c875f47fd2c096f87e3c12c73c17fc7a9448a5b35d"],"small":5,"strokes":[[{"x":1,"y":2}]],"text":"已核对","value":{"a":1}}`
	edit := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("fixture lacks %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	return map[string]string{
		"as written":                good,
		"key in another case":       edit(`"text":`, `"Text":`),
		"unknown key":               edit(`"n":-3,`, `"n":-3,"nn":1,`),
		"key twice":                 edit(`"n":-3,`, `"n":-3,"n":4,`),
		"keys out of order":         edit(`"kind":"bug_fix","n":-3`, `"n":-3,"kind":"bug_fix"`),
		"escaped key":               edit(`"text":`, `"\u0074ext":`),
		"map key twice":             edit(`"a":"1","b":"2"`, `"a":"1","a":"2"`),
		"map keys out of order":     edit(`"a":"1","b":"2"`, `"b":"2","a":"1"`),
		"white space":               edit(`"n":-3`, `"n": -3`),
		"white space around":        " " + good + "\n",
		"trailing data":             good + "{}",
		"upper-case id":             edit(`019ac4a5-edc0-7e90-badc-ee5489b19731`, `019AC4A5-EDC0-7E90-BADC-EE5489B19731`),
		"all-zero id written out":   edit(`019ac4a5-edc0-7e90-badc-ee5489b19731`, `00000000-0000-0000-0000-000000000000`),
		"id not a string":           edit(`"id":"019ac4a5-edc0-7e90-badc-ee5489b19731"`, `"id":7`),
		"null id":                   edit(`"id":"019ac4a5-edc0-7e90-badc-ee5489b19731"`, `"id":null`),
		"upper-case event id":       edit(`1decbfef9ae5b33426ab`, `1DECBFEF9AE5B33426AB`),
		"short event id":            edit(`1decbfef9ae5b33426ab`, `1decbfef9ae5b33426a`),
		"null parents":              edit(`["1decbfef9ae5b33426ab73c875f47fd2c096f87e3c12c73c17fc7a9448a5b35d"]`, `null`),
		"empty parents":             edit(`["1decbfef9ae5b33426ab73c875f47fd2c096f87e3c12c73c17fc7a9448a5b35d"]`, `[]`),
		"null text":                 edit(`"text":"已核对"`, `"text":null`),
		"number for text":           edit(`"text":"已核对"`, `"text":1`),
		"text for a number":         edit(`"n":-3`, `"n":"-3"`),
		"minus zero":                edit(`"n":-3`, `"n":-0`),
		"float":                     edit(`"n":-3`, `"n":-3.0`),
		"exponent":                  edit(`"n":-3`, `"n":-3e0`),
		"leading zero":              edit(`"n":-3`, `"n":-03`),
		"int8 overflow":             edit(`"small":5`, `"small":128`),
		"negative unsigned":         edit(`"count":7`, `"count":-7`),
		"unsigned overflow":         edit(`"count":7`, `"count":65536`),
		"beyond int64":              edit(`"n":-3`, `"n":9223372036854775808`),
		"escaped letter":            edit(`"a":"1"`, `"a":"\u0031"`),
		"escaped slash":             edit(`"a":"1"`, `"a":"\/"`),
		"escaped surrogate pair":    edit(`"a":"1"`, `"a":"\ud83e\uddfe"`),
		"lone surrogate":            edit(`"a":"1"`, `"a":"\ud83e"`),
		"invalid UTF-8":             edit(`已核对`, "\xff\xfe"),
		"non-NFC text":              edit(`已核对`, "e\u0301"),
		"raw newline":               edit(`已核对`, "a\nb"),
		"raw value not canonical":   edit(`"value":{"a":1}`, `"value":{"a": 1}`),
		"raw value cut":             edit(`"value":{"a":1}`, `"value":{"a":1`),
		"null strokes":              edit(`[[{"x":1,"y":2}]]`, `null`),
		"null stroke":               edit(`[[{"x":1,"y":2}]]`, `[null]`),
		"point key in another case": edit(`{"x":1,"y":2}`, `{"X":1,"y":2}`),
		"null point":                edit(`[{"x":1,"y":2}]`, `[null]`),
		"array for an object":       edit(`"inner":{"names":["a"]}`, `"inner":["a"]`),
		"object for an array":       edit(`"names":["a"]`, `"names":{"a":1}`),
		"null inner":                edit(`"inner":{"names":["a"]}`, `"inner":null`),
		"null map":                  edit(`{"a":"1","b":"2"}`, `null`),
		"empty map":                 edit(`{"a":"1","b":"2"}`, `{}`),
		"number in a text map":      edit(`"a":"1"`, `"a":1`),
		"dash field":                edit(`"Untagged":"u",`, `"-":"d","Untagged":"u",`),
		"dropped field":             edit(`"Untagged":"u",`, `"Dropped":"d","Untagged":"u",`),
		"hidden field":              edit(`"n":-3,`, `"n":-3,"hidden":"h",`),
		"not an object":             `[]`,
		"null":                      `null`,
		"empty":                     ``,
		"cut short":                 good[:len(good)-1],
		"byte-order mark":           "\uFEFF" + good,
	}
}

func TestDecodeOfTamperedPayloadIsEncodingJSONs(t *testing.T) {
	for name, raw := range tamperedPayloads(t) {
		fast := agree[payloadSample](t, []byte(raw))
		if name == "as written" && !fast {
			t.Errorf("parsePayload refused the canonical payload")
		}
		var got, want payloadSample
		e := Event{Envelope: Envelope{Type: "x.y", Payload: CanonicalJSON(raw)}}
		gotErr := e.Decode(&got)
		wantErr := json.Unmarshal([]byte(raw), &want)
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && !strings.HasSuffix(gotErr.Error(), wantErr.Error()) {
			t.Errorf("%s: Decode: %v, encoding/json: %v", name, gotErr, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Decode read\n%#v\nencoding/json\n%#v", name, got, want)
		}
	}
}

// A type with a field parsePayload cannot read, and a value decoded into
// that is not zero, go to encoding/json whole.
func TestParsePayloadLeavesOtherTypesToEncodingJSON(t *testing.T) {
	if agree[payloadWithFloat](t, []byte(`{"ratio":1,"text":"a"}`)) {
		t.Error("parsePayload read a type with a float field")
	}
	if agree[map[string]any](t, []byte(`{"a":1}`)) {
		t.Error("parsePayload read into an interface")
	}
	prefilled := payloadSample{Text: "before", N: 9}
	if parsePayload([]byte(`{"text":"after"}`), &prefilled) || prefilled.Text != "before" || prefilled.N != 9 {
		t.Errorf("parsePayload decoded into a value that was not zero: %+v", prefilled)
	}
	var notPointer payloadSample
	if parsePayload([]byte(`{}`), notPointer) {
		t.Error("parsePayload decoded into a value that is not a pointer")
	}
}

// The nesting limit is encoding/json's.
func TestParsePayloadNestingLimit(t *testing.T) {
	type nested struct {
		Value json.RawMessage `json:"value"`
	}
	for _, depth := range []int{maxNesting - 2, maxNesting - 1, maxNesting} {
		raw := []byte(`{"value":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`)
		agree[nested](t, raw)
	}
}

// FuzzPayloadParse: on any bytes, parsePayload refuses or reads exactly
// what encoding/json reads.
func FuzzPayloadParse(f *testing.F) {
	for _, raw := range tamperedPayloads(f) {
		f.Add([]byte(raw))
	}
	for _, raw := range realEvents(f) {
		env, err := decodeEnvelope(raw)
		if err != nil {
			f.Fatal(err)
		}
		f.Add([]byte(env.Payload))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		agree[payloadSample](t, raw)
		agree[Signature](t, raw)
	})
}

// signedDecision is a customer's signed decision as the demo writes it.
const signedDecision = `{"contact_id":"019adcb6-8320-7767-98e6-f7e068f2d67d","decision":"satisfied","inputs":{"rating":"5"},"role":"requester","signature":{"contact_id":"019adcb6-8320-7767-98e6-f7e068f2d67d","content_hash":"62b05fdaa2961171bd613c4a6526243c98eea54f8f2b1b7c847c3cc927d22580","parts":{"actor":"88e4c6bcd32d","decision":"2697bd5e438c","description":"3fa71a0fe25b","drawing":"441f61911d2a","facts":"d40698183702","requester":"5094166cab00","signer":"baa2051099d5","site":"2623d5828632","system":"2e7faaf3438f","ticket":"90a0684f8aec","time":"3705cd2235cb","title":"66818c65c285"},"seal":"0e9115a6a3e8b06cc037a47d67e93e026e07efef1a930ab00471ffac59382dd7","shown":{"analysis":"da70d2d8611ad0856f0721066b79c73667f6b4d0e59f5866fc7fe575c0610167","solution":"4d647d1056e79355a206bcaf77a61058693696cab81ba9f86c81ef1c326d7481","upgrade_notes":"2a5df228596bfbb8494eebc91f914aef48473f7eb9b2134c9974efaa10860570"},"signed_at":"2026-01-14T06:55:00.000Z","signer_name":"刘晓梅","signer_role":"requester","strokes":[[{"x":2,"y":5},{"x":5,"y":2},{"x":8,"y":9},{"x":11,"y":7},{"x":14,"y":4},{"x":17,"y":12}]],"v":2},"step":"feedback","to":"closed"}`

// decidedSample is the shape of a ticket's decision payload.
type decidedSample struct {
	Step      string            `json:"step"`
	Decision  string            `json:"decision"`
	To        string            `json:"to"`
	Role      Role              `json:"role"`
	ContactID ID                `json:"contact_id,omitempty"`
	Inputs    map[string]string `json:"inputs,omitempty"`
	Comment   string            `json:"comment,omitempty"`
	Kind      Kind              `json:"kind,omitempty"`
	Signature *Signature        `json:"signature,omitempty"`
}

func TestParsePayloadReadsASignedDecision(t *testing.T) {
	if !agree[decidedSample](t, []byte(signedDecision)) {
		t.Fatal("parsePayload refused a signed decision")
	}
}

// BenchmarkDecodeSignedDecision: a customer's signed decision read as
// folding reads it, through Decode; "json" is encoding/json alone.
func BenchmarkDecodeSignedDecision(b *testing.B) {
	e := Event{Envelope: Envelope{Payload: CanonicalJSON(signedDecision)}}
	b.Run("Decode", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var p decidedSample
			if err := e.Decode(&p); err != nil || p.Signature == nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var p decidedSample
			if err := json.Unmarshal(e.Payload, &p); err != nil || p.Signature == nil {
				b.Fatal(err)
			}
		}
	})
}
