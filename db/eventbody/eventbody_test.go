package eventbody

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// envelopes are real events of every kind of entity (model's testdata).
func envelopes(t testing.TB) [][]byte {
	f, err := os.Open("../../model/testdata/envelopes.jsonl")
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
	return out
}

// fataler is what both *testing.T and *rapid.T offer.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

func roundTrip(t fataler, body []byte) []byte {
	t.Helper()
	stored := Encode(body)
	if !IsPacked(stored) {
		t.Fatalf("not packed: %q", stored)
	}
	back, err := Decode(stored)
	if err != nil {
		t.Fatalf("%v: %q", err, body)
	}
	if !bytes.Equal(back, body) {
		t.Fatalf("round trip changed the body:\n%q\n%q", body, back)
	}
	return stored
}

func TestEveryKindOfEventComesBackByteForByte(t *testing.T) {
	total, packed := 0, 0
	for _, body := range envelopes(t) {
		stored := roundTrip(t, body)
		total, packed = total+len(body), packed+len(stored)
	}
	if packed*2 > total {
		t.Errorf("%d bytes of events packed to %d: less than half was saved", total, packed)
	}
}

// The texts people write, ids and hashes anywhere, and bodies far longer
// than the dictionary's reach come back as they were.
func TestAnyBodyComesBackByteForByte(t *testing.T) {
	pieces := []string{`{"payload":{"text":"`, `"}`, `","`, "019adc3b-d4e0-7826-91c4-5dd25c3df574", "-", "fdad83bb477cfb39cb715cd9df4e57cf0a2204f0a7a428065227e7f9b23706b2",
		"门诊收费处第3号窗口无法打印发票", "🙂👍🏽", "\u202e", "\\u0000", `\"`, "0123456789", "ABCDEF", "abcdef", "\xff\xfe", "\x00",
		"2025-12-04T08:34:48.607Z", "2024-02-29T23:59:59.999Z", "2025-02-29T00:00:00.000Z", "2025-12-04T24:00:00.000Z", "0000-01-01T00:00:00.000Z",
		"9999-12-31T23:59:59.999Z", "115817266240881830", "18446744073709551615", "18446744073709551616", "0115817266240881830", "1000000000000000"}
	rapid.Check(t, func(rt *rapid.T) {
		var b strings.Builder
		n := rapid.IntRange(0, 200).Draw(rt, "parts")
		for range n {
			if rapid.Bool().Draw(rt, "piece") {
				b.WriteString(rapid.SampledFrom(pieces).Draw(rt, "which"))
			} else {
				b.WriteString(rapid.String().Draw(rt, "text"))
			}
		}
		if rapid.IntRange(0, 20).Draw(rt, "huge") == 0 {
			b.WriteString(strings.Repeat(b.String()+"巡检记录", 1+rapid.IntRange(0, 400).Draw(rt, "times")))
		}
		roundTrip(rt, []byte(b.String()))
	})
}

func TestAHugeBodyComesBack(t *testing.T) {
	var b bytes.Buffer
	for i := range 20000 {
		b.WriteString(`{"text":"设备巡检第`)
		b.WriteString(strings.Repeat("检", i%7))
		b.WriteString(hex.EncodeToString(sha256.New().Sum([]byte{byte(i), byte(i >> 8)})))
		b.WriteString("🙂\"},")
	}
	roundTrip(t, b.Bytes())
}

// Bodies are coded (format 2): the sample of every kind takes at most
// 38 % of its canonical size, where format 1's packing took 41 %.
func TestCodedBodiesAreSmallerThanPacked(t *testing.T) {
	total, stored := 0, 0
	for _, body := range envelopes(t) {
		s := roundTrip(t, body)
		if s[0] != FormatCoded2 {
			t.Fatalf("written in format %d", s[0])
		}
		total, stored = total+len(body), stored+len(s)
	}
	if stored*100 > total*38 {
		t.Errorf("%d bytes of events stored in %d: more than 38 %%", total, stored)
	}
}

// Bodies written by an earlier yunwei in format 1 (testdata/format1.hex,
// the sample as format 1 stored it) open as the bodies they were.
func TestFormat1BodiesStillOpen(t *testing.T) {
	b, err := os.ReadFile("testdata/format1.hex")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(b))
	bodies := envelopes(t)
	if len(lines) != len(bodies) {
		t.Fatalf("%d stored bodies for %d envelopes", len(lines), len(bodies))
	}
	for i, line := range lines {
		stored, err := hex.DecodeString(line)
		if err != nil || stored[0] != FormatDict1 {
			t.Fatalf("line %d: not a format 1 body", i+1)
		}
		back, err := Decode(stored)
		if err != nil || !bytes.Equal(back, bodies[i]) {
			t.Fatalf("line %d: %v\n%q\n%q", i+1, err, back, bodies[i])
		}
	}
}

// Whatever the counts, the code lengths trained from them make a complete
// prefix code within maxCodeBits.
func TestAnyCountsMakeACode(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.SampledFrom(tableSizes[:]).Draw(rt, "symbols")
		counts := rapid.SliceOfN(rapid.OneOf(rapid.IntRange(0, 3), rapid.IntRange(0, 1<<30)), n, n).Draw(rt, "counts")
		if _, err := newHuffman(codeLengths(counts)); err != nil {
			rt.Fatalf("%v", err)
		}
	})
}

// A time is kept as its milliseconds only when they give back its text:
// every canonical time of the years 0000 to 9999 does, and nothing else.
func TestTimesComeBackAsTheyWere(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		ms := rapid.Int64Range(-62167219200000, 253402300799999).Draw(rt, "ms")
		text := time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z")
		got, ok := timeMillis([]byte(text))
		if !ok || got != ms {
			rt.Fatalf("%s: read as %d (%v), not %d", text, got, ok, ms)
		}
		if back, ok := appendTime(nil, ms); !ok || string(back) != text {
			rt.Fatalf("%d: written as %q, not %s", ms, back, text)
		}
	})
	for _, text := range []string{"2025-02-29T00:00:00.000Z", "2025-12-04T24:00:00.000Z", "2025-12-04T08:60:00.000Z",
		"2025-12-04T08:34:60.000Z", "2025-13-04T08:34:48.607Z", "2025-00-04T08:34:48.607Z", "2025-12-00T08:34:48.607Z",
		"2025-12-04 08:34:48.607Z", "2025-12-04T08:34:48.607+", "２025-12-04T08:34:48.607Z"} {
		if ms, ok := timeMillis([]byte(text)); ok {
			t.Errorf("%s read as the time %d", text, ms)
		}
	}
}

// Bodies stored before packing are raw canonical JSON: they open as they are.
func TestARawBodyOpensAsItIs(t *testing.T) {
	for _, body := range envelopes(t) {
		back, err := Decode(body)
		if err != nil || !bytes.Equal(back, body) {
			t.Fatalf("a raw body: %v", err)
		}
	}
}

// A packed body cut short, one of an unknown format, or one whose copy
// reaches outside what it may is refused, never read as something else.
func TestADamagedBodyIsRefused(t *testing.T) {
	body := envelopes(t)[len(envelopes(t))-1]
	stored := Encode(body)
	for cut := 1; cut < len(stored); cut++ {
		if back, err := Decode(stored[:cut]); err == nil && bytes.Equal(back, body) {
			t.Fatalf("cut at %d of %d: read as the whole body", cut, len(stored))
		}
	}
	refused := 0
	for cut := 2; cut < len(stored); cut++ {
		if _, err := Decode(stored[:cut]); err != nil {
			refused++
		}
	}
	if refused == 0 {
		t.Fatal("no cut of the packing is refused")
	}
	for _, bad := range [][]byte{{}, {0x7B - 1, 1, 2}, {FormatDict1, tokFar, 0xFF, 0xFF}, {FormatDict1, tokUUID, 1, 2}, {FormatDict1, 10, 'a'},
		{FormatCoded2}, {FormatCoded2, 0}, {FormatCoded2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("%x: accepted", bad)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, body := range envelopes(f) {
		f.Add(Encode(body))
	}
	f.Fuzz(func(t *testing.T, stored []byte) {
		body, err := Decode(stored)
		if err == nil && IsPacked(stored) {
			// Whatever unpacks packs again to something that unpacks the same.
			if again, err := Decode(Encode(body)); err != nil || !bytes.Equal(again, body) {
				t.Fatalf("repacked: %v", err)
			}
		}
	})
}

// A released dictionary never changes: bodies written with it must open
// for ever. A new dictionary is a new file and a new format byte.
func TestReleasedDictionariesNeverChange(t *testing.T) {
	released := map[string]string{
		"dict-v1.bin":  "699b528da7ee55c05b63bf7d5d895bb4ed900e18e481740107e545798b96701a",
		"codes-v2.bin": "7a790504a48798f1b0433d02970cf70f930a30913efabca6f75218dee5e02c90",
	}
	for file, want := range released {
		b, err := dictFiles.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := sha256.Sum256(b); hex.EncodeToString(got[:]) != want {
			t.Errorf("%s changed (SHA-256 %x): bodies written with it would no longer open", file, got)
		}
	}
	for format, f := range formats {
		if format == '{' || released[f.dict.file] == "" || f.codes != nil && released[f.codes.file] == "" {
			t.Errorf("format %d: not a released dictionary and codes", format)
		}
	}
}

// BenchmarkPack and BenchmarkOpen: one body of each kind, packed and
// opened, and the bytes saved.
func BenchmarkPack(b *testing.B) {
	bodies := envelopes(b)
	raw, packed := 0, 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		body := bodies[i%len(bodies)]
		raw, packed = raw+len(body), packed+len(Encode(body))
	}
	b.ReportMetric(float64(packed)/float64(b.N), "bytes/body")
	b.ReportMetric(float64(raw)/float64(b.N), "raw-bytes/body")
}

func BenchmarkOpen(b *testing.B) {
	var stored [][]byte
	for _, body := range envelopes(b) {
		stored = append(stored, Encode(body))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Decode(stored[i%len(stored)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenFormat1: the same sample as an earlier yunwei stored it.
func BenchmarkOpenFormat1(b *testing.B) {
	raw, err := os.ReadFile("testdata/format1.hex")
	if err != nil {
		b.Fatal(err)
	}
	var stored [][]byte
	for _, line := range strings.Fields(string(raw)) {
		s, err := hex.DecodeString(line)
		if err != nil {
			b.Fatal(err)
		}
		stored = append(stored, s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Decode(stored[i%len(stored)]); err != nil {
			b.Fatal(err)
		}
	}
}
