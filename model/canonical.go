package model

import (
	"bytes"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Canonical JSON is the only encoding events are hashed, signed and stored in
// (DESIGN §4; notes/sync-design.md §3.5): object keys sorted by their UTF-8
// bytes, no insignificant white space, integers only (no floats: decimals are
// strings with units), strings in Unicode NFC with the minimal escapes below.
// The bytes are stored verbatim and hashed as stored, never re-encoded.
//
// Escapes: `"` and `\` as \" and \\; U+0008, U+0009, U+000A, U+000C, U+000D
// as \b \t \n \f \r; other characters below U+0020 and U+007F as \u00xx
// (lower-case hex); everything else as UTF-8.

// Canonical encodes v as canonical JSON. v may be made of structs (json tags,
// omitempty), maps with string keys, slices, strings, bools, integers,
// encoding.TextMarshaler values and json.RawMessage holding canonical JSON.
func Canonical(v any) ([]byte, error) {
	b, _, err := CanonicalExact(v)
	return b, err
}

// CanonicalExact is Canonical that also tells whether decoding the bytes
// gives v back exactly: false when some text had to be normalised to NFC,
// or a nil slice or map was written as [] or {} (it would decode as an
// empty one).
func CanonicalExact(v any) ([]byte, bool, error) {
	buf := canonBufs.Get().(*canonBuf)
	defer buf.release()
	if err := encodeCanonical(buf, reflect.ValueOf(v)); err != nil {
		return nil, false, err
	}
	return bytes.Clone(buf.b), !buf.lossy, nil
}

// AppendCanonical appends the canonical JSON of v (Canonical) to dst: a
// caller that only hashes the bytes can reuse one buffer.
func AppendCanonical(dst []byte, v any) ([]byte, error) {
	buf := canonBuf{b: dst}
	err := encodeCanonical(&buf, reflect.ValueOf(v))
	return buf.b, err
}

// canonBuf is the encoder's output, noting whether anything was written
// in a form that decodes differently. Its writes never fail.
type canonBuf struct {
	b     []byte
	lossy bool
}

// canonBufs keep the encoders' buffers between calls: every event, and
// every hash of signed content, is encoded, and growing a fresh buffer
// each time was a good part of the cost.
var canonBufs = sync.Pool{New: func() any { return new(canonBuf) }}

// release returns a pooled buffer, unless a rare large value grew it.
func (buf *canonBuf) release() {
	if cap(buf.b) > 1<<16 {
		return
	}
	buf.b, buf.lossy = buf.b[:0], false
	canonBufs.Put(buf)
}

func (buf *canonBuf) write(p []byte)       { buf.b = append(buf.b, p...) }
func (buf *canonBuf) writeString(s string) { buf.b = append(buf.b, s...) }
func (buf *canonBuf) writeByte(c byte)     { buf.b = append(buf.b, c) }
func (buf *canonBuf) Bytes() []byte        { return buf.b }
func (buf *canonBuf) String() string       { return string(buf.b) }
func (buf *canonBuf) Grow(n int)           { buf.b = slices.Grow(buf.b, n) }
func (buf *canonBuf) writeInt(n int64)     { buf.b = strconv.AppendInt(buf.b, n, 10) }
func (buf *canonBuf) writeUint(n uint64)   { buf.b = strconv.AppendUint(buf.b, n, 10) }

// MustCanonical is Canonical for values known to encode (literals in code).
func MustCanonical(v any) []byte {
	b, err := Canonical(v)
	if err != nil {
		panic(err)
	}
	return b
}

// CheckCanonical reports whether b is canonical JSON: it must parse, hold no
// floats, and re-encode to exactly the same bytes.
func CheckCanonical(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("trailing data after the JSON value")
	}
	again, err := Canonical(v)
	if err != nil {
		return err
	}
	if !bytes.Equal(again, b) {
		return fmt.Errorf("JSON is not in canonical form")
	}
	return nil
}

var (
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	rawMessageType    = reflect.TypeFor[json.RawMessage]()
	trustedType       = reflect.TypeFor[CanonicalJSON]()
	idType            = reflect.TypeFor[ID]()
	stringMapType     = reflect.TypeFor[map[string]string]()
	eventIDType       = reflect.TypeFor[EventID]()
	numberType        = reflect.TypeFor[json.Number]()
	pointType         = reflect.TypeFor[Point]()
)

func encodeCanonical(buf *canonBuf, v reflect.Value) error {
	if !v.IsValid() {
		buf.writeString("null")
		return nil
	}
	t := v.Type()
	// The types written their own way, looked for among the types of
	// their kind only: every value of every event passes here.
	switch t.Kind() {
	case reflect.Slice:
		switch t {
		case trustedType:
			if v.Len() == 0 {
				buf.writeString("null")
			} else {
				buf.write(v.Bytes())
			}
			return nil
		case rawMessageType:
			raw := v.Bytes()
			if len(raw) == 0 {
				buf.writeString("null")
				return nil
			}
			if err := CheckCanonical(raw); err != nil {
				return fmt.Errorf("embedded JSON: %w", err)
			}
			buf.write(raw)
			return nil
		}
	case reflect.Array:
		switch t {
		case idType:
			id, _ := reflect.TypeAssert[ID](v)
			if id.IsZero() { // NilID means "none"
				buf.writeString("null")
				return nil
			}
			var text [38]byte
			text[0], text[37] = '"', '"'
			encodeUUID(text[1:37], id)
			buf.write(text[:])
			return nil
		case eventIDType:
			id, _ := reflect.TypeAssert[EventID](v)
			var text [66]byte
			text[0], text[65] = '"', '"'
			hex.Encode(text[1:65], id[:])
			buf.write(text[:])
			return nil
		}
	case reflect.String:
		if t == numberType {
			s := v.String()
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return fmt.Errorf("canonical JSON holds integers only, got %s", s)
			}
			buf.writeInt(n) // -0 is written 0, as the integer it is
			return nil
		}
	case reflect.Struct:
		if t == pointType {
			p, _ := reflect.TypeAssert[Point](v)
			buf.writeString(`{"x":`)
			buf.writeInt(int64(p.X))
			buf.writeString(`,"y":`)
			buf.writeInt(int64(p.Y))
			buf.writeByte('}')
			return nil
		}
	}
	// A type without methods is no TextMarshaler: most values are plain
	// strings, maps and slices, and Implements is slow.
	if t.NumMethod() > 0 && t.Implements(textMarshalerType) && (t.Kind() != reflect.Pointer || !v.IsNil()) {
		text, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return err
		}
		return writeCanonicalString(buf, string(text))
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			buf.writeString("null")
			return nil
		}
		return encodeCanonical(buf, v.Elem())
	case reflect.Bool:
		buf.writeString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		buf.writeInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u := v.Uint()
		if u > 1<<63-1 {
			return fmt.Errorf("integer %d does not fit int64", u)
		}
		buf.writeUint(u)
	case reflect.Float32, reflect.Float64:
		return fmt.Errorf("canonical JSON has no floats: write decimals as strings")
	case reflect.String:
		return writeCanonicalString(buf, v.String())
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			buf.writeString("[]")
			buf.lossy = true
			return nil
		}
		buf.writeByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				buf.writeByte(',')
			}
			if err := encodeCanonical(buf, v.Index(i)); err != nil {
				return err
			}
		}
		buf.writeByte(']')
	case reflect.Map:
		if v.IsNil() {
			buf.lossy = true // written as {}, decoded as an empty map
		}
		if m, ok := v.Interface().(map[string]string); ok && t == stringMapType {
			return encodeStringMap(buf, m)
		}
		if t.Key().Kind() != reflect.String {
			return fmt.Errorf("canonical JSON map keys must be strings, got %s", t.Key())
		}
		entries := make([]mapEntry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			k := it.Key().String()
			if !asciiText(k) {
				if nfc := norm.NFC.String(k); nfc != k {
					k, buf.lossy = nfc, true
				}
			}
			entries = append(entries, mapEntry{k, it.Value()})
		}
		slices.SortFunc(entries, func(a, b mapEntry) int { return strings.Compare(a.key, b.key) })
		buf.writeByte('{')
		for i, e := range entries {
			if i > 0 {
				if e.key == entries[i-1].key {
					return fmt.Errorf("two keys normalise to %q", e.key)
				}
				buf.writeByte(',')
			}
			if err := writeCanonicalString(buf, e.key); err != nil {
				return err
			}
			buf.writeByte(':')
			if err := encodeCanonical(buf, e.value); err != nil {
				return err
			}
		}
		buf.writeByte('}')
	case reflect.Struct:
		buf.writeByte('{')
		first := true
		for _, f := range structFields(t) {
			fv := v.Field(f.index)
			if f.omitEmpty && fv.IsZero() {
				continue
			}
			if !first {
				buf.writeByte(',')
			}
			first = false
			buf.writeString(f.quotedName)
			buf.writeByte(':')
			if err := encodeCanonical(buf, fv); err != nil {
				return fmt.Errorf("%s: %w", f.name, err)
			}
		}
		buf.writeByte('}')
	default:
		return fmt.Errorf("canonical JSON cannot encode %s", t)
	}
	return nil
}

// mapEntry is a map's key, in NFC, and its value.
type mapEntry struct {
	key   string
	value reflect.Value
}

type canonicalField struct {
	name       string
	quotedName string
	index      int
	omitEmpty  bool
}

var fieldCache sync.Map // reflect.Type → []canonicalField

// structFields lists a struct's exported JSON fields sorted by name. Embedded
// structs are not flattened: payload types do not use them.
func structFields(t reflect.Type) []canonicalField {
	if cached, ok := fieldCache.Load(t); ok {
		return cached.([]canonicalField)
	}
	var fields []canonicalField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		var q canonBuf
		if err := writeCanonicalString(&q, name); err != nil {
			panic(err)
		}
		fields = append(fields, canonicalField{name: name, quotedName: q.String(), index: i, omitEmpty: strings.Contains(opts, "omitempty")})
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].name < fields[j].name })
	fieldCache.Store(t, fields)
	return fields
}

const hexDigits = "0123456789abcdef"

// writeCanonicalString writes s as a canonical JSON string. Text that is
// valid UTF-8 and made of ASCII and characters in NFC whatever surrounds
// them (nfcInert: most Chinese) is escaped and copied in
// the one pass that checks it: every event and every hash of signed
// content writes its Chinese titles and descriptions here, several times
// over, and each separate pass over them cost as much as the copy.
func writeCanonicalString(buf *canonBuf, s string) error {
	mark := len(buf.b)
	buf.writeByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return fmt.Errorf("text is not valid UTF-8")
			}
			if !nfcInert(r) {
				buf.b = buf.b[:mark] // take back what this pass wrote
				return writeNormalisedString(buf, s)
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			i++
			continue
		}
		buf.writeString(s[start:i])
		writeEscape(buf, c)
		i++
		start = i
	}
	buf.writeString(s[start:])
	buf.writeByte('"')
	return nil
}

// writeNormalisedString is writeCanonicalString for text that may not be
// in NFC: it is normalised first (and the encoding marked lossy when that
// changed it).
func writeNormalisedString(buf *canonBuf, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("text is not valid UTF-8")
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
		buf.lossy = true
	}
	buf.writeByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			continue
		}
		buf.writeString(s[start:i])
		writeEscape(buf, c)
		start = i + 1
	}
	buf.writeString(s[start:])
	buf.writeByte('"')
	return nil
}

// writeEscape writes the escape of an ASCII character that JSON strings
// may not hold as it is.
func writeEscape(buf *canonBuf, c byte) {
	switch c {
	case '"':
		buf.writeString(`\"`)
	case '\\':
		buf.writeString(`\\`)
	case '\b':
		buf.writeString(`\b`)
	case '\t':
		buf.writeString(`\t`)
	case '\n':
		buf.writeString(`\n`)
	case '\f':
		buf.writeString(`\f`)
	case '\r':
		buf.writeString(`\r`)
	default:
		buf.writeString(`\u00`)
		buf.writeByte(hexDigits[c>>4])
		buf.writeByte(hexDigits[c&0xf])
	}
}

// encodeUUID writes the 36-character text form of id into dst.
func encodeUUID(dst []byte, id ID) {
	hex.Encode(dst[0:8], id[0:4])
	dst[8] = '-'
	hex.Encode(dst[9:13], id[4:6])
	dst[13] = '-'
	hex.Encode(dst[14:18], id[6:8])
	dst[18] = '-'
	hex.Encode(dst[19:23], id[8:10])
	dst[23] = '-'
	hex.Encode(dst[24:], id[10:])
}

// encodeStringMap is the map case without reflection, for the decision
// inputs every flow event carries.
func encodeStringMap(buf *canonBuf, m map[string]string) error {
	var small [16]string
	keys := small[:0]
	normalised := false
	for k := range m {
		if !asciiText(k) && !norm.NFC.IsNormalString(k) {
			normalised = true
		}
		keys = append(keys, k)
	}
	if normalised { // rare: let the general path merge keys equal under NFC
		byKey := make(map[string]any, len(m))
		for k, v := range m {
			byKey[k] = v
		}
		return encodeCanonical(buf, reflect.ValueOf(byKey))
	}
	slices.Sort(keys)
	buf.writeByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.writeByte(',')
		}
		if err := writeCanonicalString(buf, k); err != nil {
			return err
		}
		buf.writeByte(':')
		if err := writeCanonicalString(buf, m[k]); err != nil {
			return err
		}
	}
	buf.writeByte('}')
	return nil
}

// asciiText reports text of ASCII only, which is in NFC.
func asciiText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
