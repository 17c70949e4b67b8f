package model

import (
	"bufio"
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

// realEvents are events of every type a demo database holds, as stored
// (yunwei demo --tickets 500, two events of each type).
func realEvents(t testing.TB) [][]byte {
	f, err := os.Open("testdata/envelopes.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, bytes.Clone(sc.Bytes()))
	}
	if err := sc.Err(); err != nil || len(out) == 0 {
		t.Fatalf("read testdata: %v (%d events)", err, len(out))
	}
	return out
}

// sameEnvelope compares two envelopes, an empty list equal to a missing one
// (encoding/json gives [] as an empty slice, the fast parser as nil).
func sameEnvelope(a, b Envelope) bool {
	norm := func(e Envelope) Envelope {
		v := reflect.ValueOf(&e).Elem()
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Kind() == reflect.Slice && f.Len() == 0 && f.Type() != trustedType {
				f.SetZero()
			}
		}
		return e
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

func TestParseEnvelopeReadsRealEvents(t *testing.T) {
	for _, raw := range realEvents(t) {
		fast, ok := parseEnvelope(raw)
		if !ok {
			t.Fatalf("fast parser refused a stored event: %s", raw)
		}
		ref, err := decodeEnvelope(raw)
		if err != nil {
			t.Fatalf("reference refused a stored event: %v\n%s", err, raw)
		}
		if !sameEnvelope(fast, ref) {
			t.Fatalf("fast %+v\nref  %+v", fast, ref)
		}
		if again, _ := Canonical(fast); !bytes.Equal(again, raw) {
			t.Fatalf("re-encoded differently:\n%s\n%s", again, raw)
		}
	}
}

// badEnvelopes are edits of a stored event that the canonical rules refuse:
// each must be refused by the fast parser and by OpenEvent.
func badEnvelopes(t testing.TB) map[string]string {
	good := string(realEvents(t)[0])
	edit := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("fixture lacks %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	payload := func(p string) string {
		i := strings.Index(good, `"payload":`) + len(`"payload":`)
		j := strings.Index(good, `,"seq":`)
		return good[:i] + p + good[j:]
	}
	return map[string]string{
		"object holding an array":     payload(`{[]}`),
		"object closed by a bracket":  payload(`{"a":1]`),
		"array closed by a brace":     payload(`[1}`),
		"seq of 2^64-1":               edit(`"seq":1,`, `"seq":18446744073709551615,`),
		"seq beyond int64":            edit(`"seq":1,`, `"seq":9223372036854775808,`),
		"hlc beyond int64":            edit(`"hlc":115620957388800000`, `"hlc":9223372036854775808`),
		"hlc negative":                edit(`"hlc":115620957388800000`, `"hlc":-1`),
		"seq with a leading zero":     edit(`"seq":1,`, `"seq":01,`),
		"tv with a leading zero":      edit(`"tv":1,`, `"tv":00,`),
		"minus zero":                  edit(`"v":1,`, `"v":-0,`),
		"minus zero in the payload":   payload(`{"a":-0}`),
		"float":                       edit(`"v":1,`, `"v":1.0,`),
		"exponent":                    edit(`"v":1,`, `"v":1e0,`),
		"raw newline in a type":       edit(`"type":"user.created"`, "\"type\":\"user\n.created\""),
		"raw newline in the payload":  payload("{\"a\":\"x\ny\"}"),
		"raw ESC in the payload":      payload("{\"a\":\"\x1b[2J\"}"),
		"raw DEL":                     payload("{\"a\":\"\x7f\"}"),
		"invalid UTF-8 in a name":     edit(`"name":"王建国"`, "\"name\":\"\xff\xfe\""),
		"invalid UTF-8 in the wall":   edit(`"wall":"2025`, "\"wall\":\"\xc32025"),
		"UTF-8 surrogate":             payload("{\"a\":\"\xed\xa0\x80\"}"),
		"non-NFC text":                payload("{\"a\":\"e\u0301\"}"),
		"escaped letter":              payload(`{"a":"\u0041"}`),
		"escaped slash":               payload(`{"a":"\/"}`),
		"long form of a short escape": payload(`{"a":"\u000a"}`),
		"upper-case hex escape":       payload(`{"a":"\u001B"}`),
		"escaped surrogate":           payload(`{"a":"\ud83e\uddfe"}`),
		"payload keys unsorted":       payload(`{"b":1,"a":2}`),
		"payload key twice":           payload(`{"a":1,"a":1}`),
		"white space in the payload":  payload(`{"a": 1}`),
		"white space around":          good + " ",
		"trailing data":               good + "{}",
		"upper-case id":               edit(`"actor":"019ac4a5-edc0-7e90-badc-ee5489b19731"`, `"actor":"019AC4A5-EDC0-7E90-BADC-EE5489B19731"`),
		"all-zero id written out":     edit(`"actor":"019ac4a5-edc0-7e90-badc-ee5489b19731"`, `"actor":"00000000-0000-0000-0000-000000000000"`),
		"id without hyphens":          edit(`"actor":"019ac4a5-edc0-7e90-badc-ee5489b19731"`, `"actor":"019ac4a5xedc0x7e90xbadcxee5489b19731"`),
		"null list of parents":        edit(`"parents":[]`, `"parents":null`),
		"upper-case event id":         edit(`"parents":[]`, `"parents":["1DECBFEF9AE5B33426AB73C875F47FD2C096F87E3C12C73C17FC7A9448A5B35D"]`),
		"null type":                   edit(`"type":"user.created"`, `"type":null`),
		"unknown key":                 edit(`"v":1,`, `"v":1,"vv":1,`),
		"missing key":                 edit(`"v":1,`, ``),
		"keys out of order":           edit(`"tv":1,"type":"user.created"`, `"type":"user.created","tv":1`),
		"key in another case":         edit(`"actor":`, `"Actor":`),
		"escaped key":                 edit(`"actor":`, `"\u0061ctor":`),
		"byte-order mark":             "\uFEFF" + good,
		"cut short":                   good[:len(good)-1],
		"empty":                       ``,
	}
}

func TestParseEnvelopeRefusesWhatTheCanonicalRulesRefuse(t *testing.T) {
	for name, raw := range badEnvelopes(t) {
		if env, ok := parseEnvelope([]byte(raw)); ok {
			t.Errorf("%s: fast parser accepted it as %+v", name, env)
		}
		if _, err := decodeEnvelope([]byte(raw)); err == nil {
			t.Errorf("%s: reference decoder accepted it", name)
		}
		if _, err := OpenEvent([]byte(raw)); err == nil {
			t.Errorf("%s: OpenEvent read it", name)
		}
	}
}

func TestParseEnvelopeNestingLimitIsEncodingJSONs(t *testing.T) {
	good := string(realEvents(t)[0])
	i := strings.Index(good, `"payload":`) + len(`"payload":`)
	j := strings.Index(good, `,"seq":`)
	for _, depth := range []int{maxNesting - 1, maxNesting} {
		raw := []byte(good[:i] + strings.Repeat("[", depth) + strings.Repeat("]", depth) + good[j:])
		_, fastOK := parseEnvelope(raw)
		_, err := decodeEnvelope(raw)
		if fastOK != (err == nil) || fastOK != (depth < maxNesting) {
			t.Errorf("payload %d deep: fast %v, reference %v", depth, fastOK, err)
		}
	}
}

// TestParseEnvelopeAcceptsEverySealedEnvelope: whatever a device writes
// (any text, any integers, any payload the canonical encoder accepts), the
// fast parser reads back as written.
func TestParseEnvelopeAcceptsEverySealedEnvelope(t *testing.T) {
	text := rapid.OneOf(rapid.String(), rapid.SampledFrom([]string{"", "引号\"\\\n\t\x01\x7f", "e\u0301", "\u202e🧾", "\x00\b\f\r"}))
	id := rapid.Custom(func(t *rapid.T) ID {
		var id ID
		if rapid.Bool().Draw(t, "nil") {
			return id
		}
		copy(id[:], rapid.SliceOfN(rapid.Byte(), 16, 16).Draw(t, "id"))
		return id
	})
	payload := rapid.Custom(func(t *rapid.T) any {
		return map[string]any{
			text.Draw(t, "k1"): text.Draw(t, "v1"),
			text.Draw(t, "k2"): []any{rapid.Int64().Draw(t, "n"), rapid.Bool().Draw(t, "b"), nil, map[string]any{}},
		}
	})
	rapid.Check(t, func(rt *rapid.T) {
		env := Envelope{
			V: rapid.Int().Draw(rt, "v"), Origin: id.Draw(rt, "origin"), Seq: rapid.Int64().Draw(rt, "seq"),
			HLC: HLC(rapid.Uint64Max(1<<63-1).Draw(rt, "hlc")), Wall: text.Draw(rt, "wall"), Actor: id.Draw(rt, "actor"),
			Entity: text.Draw(rt, "entity"), EntityID: id.Draw(rt, "entity_id"), Type: text.Draw(rt, "type"),
			TypeVersion: rapid.Int().Draw(rt, "tv"),
		}
		for range rapid.IntRange(0, 3).Draw(rt, "parents") {
			var p EventID
			copy(p[:], rapid.SliceOfN(rapid.Byte(), 32, 32).Draw(rt, "parent"))
			env.Parents = append(env.Parents, p)
		}
		if rapid.Bool().Draw(rt, "has payload") {
			b, err := Canonical(payload.Draw(rt, "payload"))
			if err != nil {
				rt.Skip("payload refused:", err) // invalid UTF-8 text
			}
			env.Payload = b
		}
		sealed, err := SealEvent(env)
		if err != nil {
			rt.Skip("envelope refused:", err)
		}
		fast, ok := parseEnvelope(sealed.Raw)
		if !ok {
			rt.Fatalf("fast parser refused sealed bytes %q", sealed.Raw)
		}
		ref, err := decodeEnvelope(sealed.Raw)
		if err != nil {
			rt.Fatalf("reference refused sealed bytes %q: %v", sealed.Raw, err)
		}
		if !sameEnvelope(fast, ref) {
			rt.Fatalf("fast %+v\nref  %+v", fast, ref)
		}
	})
}

// FuzzEnvelopeParse: the fast envelope parser agrees with the reference
// decoder (encoding/json, then the canonical encoder must write the same
// bytes) on every input, accepting the same inputs and reading the same
// envelope; and its JSON scanner agrees with CheckCanonical.
func FuzzEnvelopeParse(f *testing.F) {
	for _, raw := range realEvents(f) {
		f.Add(raw)
	}
	for _, raw := range badEnvelopes(f) {
		f.Add([]byte(raw))
	}
	f.Add([]byte(`{"a":"\n\u0303","b":[-9223372036854775808,0,true,false,null,{}]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		fast, fastOK := parseEnvelope(raw)
		ref, err := decodeEnvelope(raw)
		if fastOK != (err == nil) {
			t.Fatalf("fast parser accepts: %v, reference: %v\n%q", fastOK, err, raw)
		}
		if fastOK && !sameEnvelope(fast, ref) {
			t.Fatalf("fast %+v\nref  %+v\n%q", fast, ref, raw)
		}
		p := scanner{b: raw}
		scanned := p.value(0) && p.i == len(raw)
		if checked := CheckCanonical(raw); scanned != (checked == nil) {
			t.Fatalf("scanner accepts: %v, CheckCanonical: %v\n%q", scanned, checked, raw)
		}
	})
}

// BenchmarkOpenEvent: decoding one stored event, as rebuild and load do.
func BenchmarkOpenEvent(b *testing.B) {
	events := realEvents(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := OpenEvent(events[i%len(events)]); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNFCInert(t *testing.T) {
	for r := rune(0x80); r <= 0x10ffff; r++ {
		if !nfcInert(r) {
			continue
		}
		p := norm.NFC.PropertiesString(string(r))
		if !p.BoundaryBefore() || !p.BoundaryAfter() || p.Decomposition() != nil || p.CCC() != 0 {
			t.Fatalf("%U is not inert under NFC", r)
		}
	}
}

// BenchmarkParseEnvelope: the envelope parser alone, without the hash.
func BenchmarkParseEnvelope(b *testing.B) {
	events := realEvents(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := parseEnvelope(events[i%len(events)]); !ok {
			b.Fatal("refused")
		}
	}
}
