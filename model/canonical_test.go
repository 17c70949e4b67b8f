package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestCanonicalSortsKeysAndEscapesMinimally(t *testing.T) {
	type payload struct {
		Zeta  string         `json:"zeta"`
		Alpha int            `json:"alpha"`
		Map   map[string]int `json:"map"`
		Skip  string         `json:"skip,omitempty"`
		List  []string       `json:"list"`
	}
	got, err := Canonical(payload{Zeta: "引号\"\\ \n\t\x01\x7f 🧾 <&>", Alpha: -3, Map: map[string]int{"b": 2, "a": 1}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"alpha":-3,"list":[],"map":{"a":1,"b":2},"zeta":"引号\"\\ \n\t\u0001\u007f 🧾 <&>"}`
	if string(got) != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if err := CheckCanonical(got); err != nil {
		t.Fatalf("own output not canonical: %v", err)
	}
}

func TestCanonicalNormalisesToNFC(t *testing.T) {
	decomposed := "e\u0301" // e + combining acute
	got := MustCanonical(map[string]string{"k": decomposed})
	if string(got) != `{"k":"é"}` {
		t.Fatalf("not NFC: %q", got)
	}
}

func TestCanonicalRejectsFloatsAndBadText(t *testing.T) {
	if _, err := Canonical(map[string]any{"x": 1.5}); err == nil {
		t.Fatal("float accepted")
	}
	if _, err := Canonical(map[string]string{"x": "\xff\xfe"}); err == nil {
		t.Fatal("invalid UTF-8 accepted")
	}
	for _, in := range []string{`{"b":1,"a":2}`, `{"a": 1}`, `{"a":1.0}`, `{"a":"\u00e9"}`, `[1,2] `, `{"a":"\/"}`, `{"a":-0}`, ``, `nul`} {
		if err := CheckCanonical([]byte(in)); err == nil {
			t.Errorf("%q accepted as canonical", in)
		}
	}
}

func TestCanonicalIDs(t *testing.T) {
	id := MustParse(t, "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b")
	got := string(MustCanonical(struct {
		A ID      `json:"a"`
		B ID      `json:"b"`
		E EventID `json:"e"`
	}{A: id}))
	if !strings.HasPrefix(got, `{"a":"0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b","b":null,"e":"0000`) {
		t.Fatalf("ids encoded as %s", got)
	}
	var back struct {
		A ID `json:"a"`
	}
	if err := json.Unmarshal([]byte(got), &back); err != nil || back.A != id {
		t.Fatalf("round trip: %v %v", back.A, err)
	}
}

func MustParse(t *testing.T, s string) ID {
	id, err := ParseID(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// FuzzCanonical: whatever JSON goes in, its canonical form is a fixed point
// (decode∘encode = id) and is accepted by CheckCanonical.
func FuzzCanonical(f *testing.F) {
	for _, seed := range []string{`{"a":[1,"x",{"z":null,"y":true}]}`, `"引号\n"`, `{"é":"e\u0301"}`, `-12`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var v any
		dec := json.NewDecoder(strings.NewReader(in))
		dec.UseNumber()
		if dec.Decode(&v) != nil {
			return
		}
		once, err := Canonical(v)
		if err != nil {
			return // floats, huge integers, invalid UTF-8: refused, fine
		}
		if err := CheckCanonical(once); err != nil {
			t.Fatalf("canonical output %q rejected: %v", once, err)
		}
	})
}

func TestEnvelopeFastPathMatchesCanonical(t *testing.T) {
	id := MustParse(t, "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b")
	for _, env := range []Envelope{
		{V: 1, Origin: id, Seq: 42, HLC: MakeHLC(1764000000000, 7), Wall: "2026-11-27T02:00:00.000Z", Actor: id, Entity: "ticket",
			EntityID: id, Type: "ticket.commented", TypeVersion: 1, Parents: []EventID{{1, 2}, {3}}, Payload: MustCanonical(map[string]string{"text": "引号\"\n🧾"})},
		{V: 1, Origin: id, Seq: 1, Actor: id, Entity: "user", EntityID: id, Type: "user.created", TypeVersion: 2},
		{V: 1, Seq: 1, Entity: "ticket", Type: "x"}, // zero ids take the reflective path
	} {
		fast, err := env.canonical()
		if err != nil {
			t.Fatal(err)
		}
		slow, err := Canonical(env)
		if err != nil {
			t.Fatal(err)
		}
		if string(fast) != string(slow) {
			t.Fatalf("fast %s\nslow %s", fast, slow)
		}
	}
}

func TestEnvelopeFastParseMatchesEncodingJSON(t *testing.T) {
	id := MustParse(t, "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b")
	for _, env := range []Envelope{
		{V: 1, Origin: id, Seq: 42, HLC: MakeHLC(1764000000000, 7), Wall: "2026-11-27T02:00:00.000Z", Actor: id, Entity: "ticket",
			EntityID: id, Type: "ticket.commented", TypeVersion: 1, Parents: []EventID{{1, 2}, {3}}, Payload: MustCanonical(map[string]any{"text": "引号\"}]\\n🧾", "n": []int{1}})},
		{V: 1, Origin: id, Seq: 1, Actor: id, Entity: "user", EntityID: id, Type: "user.created", TypeVersion: 2, Payload: CanonicalJSON("7")},
	} {
		e, err := SealEvent(env)
		if err != nil {
			t.Fatal(err)
		}
		fast, ok := parseEnvelope(e.Raw)
		if !ok {
			t.Fatalf("fast parser refused its own output %s", e.Raw)
		}
		var slow Envelope
		if err := json.Unmarshal(e.Raw, &slow); err != nil {
			t.Fatal(err)
		}
		if string(MustCanonical(fast)) != string(MustCanonical(slow)) {
			t.Fatalf("fast %+v\nslow %+v", fast, slow)
		}
	}
	// Other shapes fall back to encoding/json.
	for _, raw := range []string{`{"actor":null}`, `{"zzz":1}`, `not json`} {
		if _, ok := parseEnvelope([]byte(raw)); ok {
			t.Errorf("fast parser accepted %s", raw)
		}
	}
}

func TestFormatTimeMatchesTheLayout(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2026, 11, 27, 2, 3, 4, 5_678_000, time.UTC),
		time.Date(1999, 1, 1, 0, 0, 0, 999_999_999, time.FixedZone("CST", 8*3600)),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		if got, want := FormatTime(tm), tm.UTC().Format(TimeLayout); got != want {
			t.Errorf("FormatTime(%v) = %s, want %s", tm, got, want)
		}
	}
}

func TestStringMapFastPathMatchesTheGeneralOne(t *testing.T) {
	m := map[string]string{"z": "末", "a": "e\u0301", "plan": "先备份\n再执行", "e\u0301": "x"}
	fast := MustCanonical(m)
	general := MustCanonical(map[string]any{"z": "末", "a": "e\u0301", "plan": "先备份\n再执行", "e\u0301": "x"})
	if string(fast) != string(general) {
		t.Fatalf("fast %s\ngeneral %s", fast, general)
	}
}

func TestCanonicalExactFlagsWhatDecodesDifferently(t *testing.T) {
	type p struct {
		A []string          `json:"a"`
		M map[string]string `json:"m,omitempty"`
		S string            `json:"s"`
	}
	for _, c := range []struct {
		v     p
		exact bool
	}{
		{p{A: []string{"x"}, S: "已备份"}, true},
		{p{A: []string{}, M: map[string]string{}}, true},
		{p{A: nil}, false},                      // [] decodes as an empty slice
		{p{A: []string{}, S: "e\u0301"}, false}, // NFC changes the text
	} {
		if _, exact, err := CanonicalExact(c.v); err != nil || exact != c.exact {
			t.Errorf("%+v: exact %v, want %v (%v)", c.v, exact, c.exact, err)
		}
	}
}

// Text is written in one pass until a character that may need NFC: what
// that pass wrote before it is taken back, and the text is written
// normalised, escapes and all.
func TestCanonicalTextNormalisedAfterEscapesAndChinese(t *testing.T) {
	for in, want := range map[string]string{
		"打印机\"卡纸\"\n":         `"打印机\"卡纸\"\n"`,
		"打印机\"卡纸\"\ne\u0301！": `"打印机\"卡纸\"\né！"`,
		"\tcafé":              `"\tcafé"`,
		"“引号”…，：（）":           `"“引号”…，：（）"`,
	} {
		got, exact, err := CanonicalExact(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if string(got) != want {
			t.Errorf("%q: got %s, want %s", in, got, want)
		}
		if wantExact := !strings.Contains(in, "\u0301"); exact != wantExact {
			t.Errorf("%q: exact %v", in, exact)
		}
	}
	for _, bad := range []string{"打印机\xff", "\"\n\xe6\x89", "打\"印\x80机"} {
		if _, err := Canonical(bad); err == nil {
			t.Errorf("%q: invalid UTF-8 accepted", bad)
		}
	}
}

// An event sealed with its payload still a value is the event sealed
// from the payload's canonical JSON, byte for byte, with the same id, and
// says as CanonicalExact whether the payload decodes back exactly.
func TestSealPayloadMatchesSealEvent(t *testing.T) {
	id := MustParse(t, "0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b")
	type payload struct {
		Text  string   `json:"text"`
		Notes []string `json:"notes,omitempty"`
		List  []string `json:"list"`
	}
	for _, c := range []struct {
		env     Envelope
		payload any
	}{
		{Envelope{V: 1, Origin: id, Seq: 42, HLC: MakeHLC(1764000000000, 7), Wall: "2026-11-27T02:00:00.000Z", Actor: id, Entity: "ticket",
			EntityID: id, Type: "ticket.commented", TypeVersion: 1, Parents: []EventID{{1, 2}, {3}}}, payload{Text: "引号\"\n🧾", List: []string{"a"}}},
		{Envelope{V: 1, Origin: id, Seq: 1, Actor: id, Entity: "user", EntityID: id, Type: "user.created", TypeVersion: 2}, payload{Text: "cafe\u0301"}},
		{Envelope{V: 1, Origin: id, Seq: 1, Actor: id, Entity: "user", EntityID: id, Type: "user.created", TypeVersion: 2}, nil},
		{Envelope{V: 1, Seq: 1, Entity: "ticket", Type: "x"}, payload{Text: "零"}}, // zero ids take the reflective path
	} {
		body, wantExact, err := CanonicalExact(c.payload)
		if err != nil {
			t.Fatal(err)
		}
		env := c.env
		env.Payload = body
		want, err := SealEvent(env)
		if err != nil {
			t.Fatal(err)
		}
		got, exact, err := SealPayload(c.env, c.payload)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.Raw) != string(want.Raw) || got.ID != want.ID || string(got.Payload) != string(want.Payload) || exact != wantExact {
			t.Errorf("sealed %s (exact %v)\nwant   %s (exact %v)", got.Raw, exact, want.Raw, wantExact)
		}
		if !reflect.DeepEqual(got.Envelope, want.Envelope) {
			t.Errorf("envelope %+v\nwant     %+v", got.Envelope, want.Envelope)
		}
	}
}

// Map keys are written in NFC, sorted by their bytes as written; two keys
// that are the same in NFC cannot both be written.
func TestCanonicalMapKeysInNFCSorted(t *testing.T) {
	got := string(MustCanonical(map[string]int{"zz": 1, "e\u0301": 2, "a": 3, "计划": 4, "Z": 5}))
	if want := `{"Z":5,"a":3,"zz":1,"é":2,"计划":4}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, err := Canonical(map[string]int{"e\u0301": 1, "é": 2}); err == nil {
		t.Error("two keys equal in NFC accepted")
	}
	if _, err := Canonical(map[string]string{"e\u0301": "1", "é": "2"}); err == nil {
		t.Error("two string keys equal in NFC accepted")
	}
}
