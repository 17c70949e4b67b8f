package model

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"unsafe"
)

// parseEnvelope reads an envelope in canonical form directly, without
// encoding/json: rebuilding projections decodes every event in the log. It
// accepts exactly what decodeEnvelope accepts, and gives the same envelope
// (FuzzEnvelopeParse): anything else reports false. The fields are those
// of the Envelope struct, in canonical order, so a field added there is
// read here too.
func parseEnvelope(raw []byte) (Envelope, bool) {
	var env Envelope
	// Fields of other types are decoded afterwards; an envelope with more
	// than four of them reports false and is left to the reference.
	var others [4]span
	n, ok := parseFields(&env, raw, &others)
	if !ok || n == 0 {
		return env, ok
	}
	return decodeOthers(env, raw, others[:n])
}

// span is where a field's value lies in the envelope's bytes.
type span struct{ field, start, end int }

// parseFields reads raw into *env, field by field, through pointers at the
// fields' offsets: with reflection the envelope would move to the heap,
// one allocation per event.
func parseFields(env *Envelope, raw []byte, others *[4]span) (int, bool) {
	p := scanner{b: raw}
	if !p.next('{') {
		return 0, false
	}
	n, first := 0, true
	for i := range envelopeFields {
		f := &envelopeFields[i]
		key := f.key
		if first {
			key = key[1:]
		}
		if !p.lit(key) {
			if f.omitEmpty {
				continue // absent: zero
			}
			return 0, false
		}
		first = false
		at := unsafe.Add(unsafe.Pointer(env), f.offset)
		var ok, zero bool
		switch f.kind {
		case kindID:
			id := (*ID)(at)
			ok, zero = readID(&p, id), id.IsZero()
		case kindEventID:
			id := (*EventID)(at)
			ok, zero = scanEventID(&p, id), *id == EventID{}
		case kindEventIDs:
			ok = readEventIDs(&p, (*[]EventID)(at))
		case kindCanonicalJSON:
			ok = readCanonicalJSON(&p, (*CanonicalJSON)(at))
		case kindText:
			s := (*string)(at)
			*s, ok = p.text()
			zero = *s == ""
		case kindInt:
			ok, zero = readInt(&p, at, f.bits)
		case kindUint:
			ok, zero = readUint(&p, at, f.bits)
		default:
			start := p.i
			if ok = n < len(others) && p.value(1); ok {
				others[n] = span{i, start, p.i}
				n++
			}
		}
		if !ok || f.omitEmpty && zero {
			return 0, false // canonical form leaves an empty field out
		}
	}
	return n, p.next('}') && p.i == len(p.b)
}

// decodeOthers decodes the fields of types parseFields does not read
// directly, as the reference does: encoding/json decodes the value, and
// the canonical encoder must write those very bytes for it.
func decodeOthers(env Envelope, raw []byte, others []span) (Envelope, bool) {
	v := reflect.ValueOf(&env).Elem()
	for _, o := range others {
		f := &envelopeFields[o.field]
		fv := v.Field(f.index)
		value := raw[o.start:o.end]
		if json.Unmarshal(value, fv.Addr().Interface()) != nil {
			return env, false
		}
		var again canonBuf
		if encodeCanonical(&again, fv) != nil || !bytes.Equal(again.Bytes(), value) || f.omitEmpty && fv.IsZero() {
			return env, false
		}
	}
	return env, true
}

// decodeEnvelope is the reference reading of an envelope: encoding/json
// decodes it, and it must be exactly what the canonical encoder writes
// for what was decoded, its payload canonical JSON itself.
func decodeEnvelope(raw []byte) (Envelope, error) {
	var env Envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return Envelope{}, err
	}
	if err := CheckCanonical(env.Payload); err != nil {
		return Envelope{}, fmt.Errorf("payload: %w", err)
	}
	again, err := Canonical(env)
	if err != nil {
		return Envelope{}, err
	}
	if !bytes.Equal(again, raw) {
		return Envelope{}, fmt.Errorf("the envelope is not in canonical form")
	}
	return env, nil
}

// envField is one field of the envelope as parseFields reads it.
type envField struct {
	key       string // `,"name":`
	index     int
	offset    uintptr
	omitEmpty bool
	kind      fieldKind
	bits      int // of an integer
}

// fieldKind is how parseFields reads a field.
type fieldKind int

const (
	kindOther fieldKind = iota // through encoding/json (decodeOthers)
	kindID
	kindEventID
	kindEventIDs
	kindCanonicalJSON
	kindText
	kindInt
	kindUint
)

// envelopeFields are the Envelope's fields in the order the canonical
// encoder writes them.
var envelopeFields = func() []envField {
	t := reflect.TypeFor[Envelope]()
	var out []envField
	for _, f := range structFields(t) {
		sf := t.Field(f.index)
		kind, bits := fieldKindOf(sf.Type)
		out = append(out, envField{key: "," + f.quotedName + ":", index: f.index, offset: sf.Offset,
			omitEmpty: f.omitEmpty, kind: kind, bits: bits})
	}
	return out
}()

// fieldKindOf picks how a field of type t is read: directly for the types
// the envelope is made of, through encoding/json for any other.
func fieldKindOf(t reflect.Type) (fieldKind, int) {
	switch t {
	case idType:
		return kindID, 0
	case eventIDType:
		return kindEventID, 0
	case reflect.TypeFor[[]EventID]():
		return kindEventIDs, 0
	case trustedType:
		return kindCanonicalJSON, 0
	}
	if t.Implements(textMarshalerType) || reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]()) ||
		reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return kindOther, 0
	}
	switch t.Kind() {
	case reflect.String:
		return kindText, 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kindInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kindUint, t.Bits()
	}
	return kindOther, 0
}

// readInt reads a signed integer of the given size into *at.
func readInt(p *scanner, at unsafe.Pointer, bits int) (ok, zero bool) {
	n, ok := p.integer()
	if !ok || bits < 64 && (n < -1<<(bits-1) || n > 1<<(bits-1)-1) {
		return false, false
	}
	switch bits {
	case 8:
		*(*int8)(at) = int8(n)
	case 16:
		*(*int16)(at) = int16(n)
	case 32:
		*(*int32)(at) = int32(n)
	default:
		*(*int64)(at) = n
	}
	return true, n == 0
}

// readUint reads an unsigned integer of the given size into *at. It
// refuses a negative number, as encoding/json does, and one beyond int64,
// as the canonical encoder does.
func readUint(p *scanner, at unsafe.Pointer, bits int) (ok, zero bool) {
	if p.i < len(p.b) && p.b[p.i] == '-' {
		return false, false
	}
	n, ok := p.integer()
	if !ok || bits < 64 && n > 1<<bits-1 {
		return false, false
	}
	switch bits {
	case 8:
		*(*uint8)(at) = uint8(n)
	case 16:
		*(*uint16)(at) = uint16(n)
	case 32:
		*(*uint32)(at) = uint32(n)
	default:
		*(*uint64)(at) = uint64(n)
	}
	return true, n == 0
}

// readID reads an ID: null for NilID, else its text form in lower case
// (an all-zero text would be written null).
func readID(p *scanner, id *ID) bool {
	if p.lit("null") {
		return true
	}
	b := p.b[p.i:]
	if len(b) < 38 || b[0] != '"' || b[37] != '"' {
		return false
	}
	if !decodeUUID(id, b[1:37]) || id.IsZero() {
		return false
	}
	p.i += 38
	return true
}

// decodeUUID reads the 36-character lower-case text form encodeUUID writes.
func decodeUUID(id *ID, text []byte) bool {
	j := 0
	for i := 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if text[i] != '-' {
				return false
			}
			continue
		}
		hi, ok1 := lowerHex(text[i])
		lo, ok2 := lowerHex(text[i+1])
		if !ok1 || !ok2 {
			return false
		}
		id[j] = hi<<4 | lo
		j++
		i++
	}
	return true
}

// scanEventID reads an event id: 64 lower-case hex digits.
func scanEventID(p *scanner, id *EventID) bool {
	b := p.b[p.i:]
	if len(b) < 66 || b[0] != '"' || b[65] != '"' {
		return false
	}
	for k := range id {
		hi, ok1 := lowerHex(b[1+2*k])
		lo, ok2 := lowerHex(b[2+2*k])
		if !ok1 || !ok2 {
			return false
		}
		id[k] = hi<<4 | lo
	}
	p.i += 66
	return true
}

// readEventIDs reads a list of event ids; [] is an empty list, not nil, as
// encoding/json reads it.
func readEventIDs(p *scanner, ids *[]EventID) bool {
	if !p.next('[') {
		return false
	}
	*ids = []EventID{}
	if p.next(']') {
		return true
	}
	for {
		var id EventID
		if !scanEventID(p, &id) {
			return false
		}
		*ids = append(*ids, id)
		if !p.next(',') {
			return p.next(']')
		}
	}
}

// readCanonicalJSON keeps the bytes of a canonical JSON value (the payload).
func readCanonicalJSON(p *scanner, dst *CanonicalJSON) bool {
	start := p.i
	if !p.value(1) {
		return false
	}
	*dst = p.b[start:p.i:p.i]
	return true
}
