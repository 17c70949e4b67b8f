package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// parseEnvelope reads an envelope in canonical form without reflection on
// the bytes: rebuilding projections decodes every event in the log. It
// accepts exactly what decodeEnvelope accepts, and gives the same envelope
// (FuzzEnvelopeParse): anything else reports false. The fields are those
// of the Envelope struct, in canonical order, so a field added there is
// read here too.
func parseEnvelope(raw []byte) (Envelope, bool) {
	var env Envelope
	p := scanner{b: raw}
	if !p.next('{') {
		return env, false
	}
	v := reflect.ValueOf(&env).Elem()
	first := true
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
			return env, false
		}
		first = false
		fv := v.Field(f.index)
		if !f.read(&p, fv) || f.omitEmpty && fv.IsZero() {
			return env, false // canonical form leaves an empty field out
		}
	}
	return env, p.next('}') && p.i == len(p.b)
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

// envField is one field of the envelope as parseEnvelope reads it.
type envField struct {
	key       string // `,"name":`
	index     int
	omitEmpty bool
	read      func(p *scanner, v reflect.Value) bool
}

// envelopeFields are the Envelope's fields in the order the canonical
// encoder writes them.
var envelopeFields = func() []envField {
	var out []envField
	for _, f := range structFields(reflect.TypeFor[Envelope]()) {
		t := reflect.TypeFor[Envelope]().Field(f.index).Type
		out = append(out, envField{key: "," + f.quotedName + ":", index: f.index, omitEmpty: f.omitEmpty, read: fieldReader(t)})
	}
	return out
}()

var eventIDsType = reflect.TypeFor[[]EventID]()

// fieldReader picks how a field of type t is read: directly for the types
// the envelope is made of, through encoding/json and a re-encoding for
// any other.
func fieldReader(t reflect.Type) func(*scanner, reflect.Value) bool {
	switch t {
	case idType:
		return readID
	case eventIDType:
		return readEventID
	case eventIDsType:
		return readEventIDs
	case trustedType:
		return readCanonicalJSON
	}
	if t.Implements(textMarshalerType) || reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]()) ||
		reflect.PointerTo(t).Implements(reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()) {
		return readOther
	}
	switch t.Kind() {
	case reflect.String:
		return readText
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return readInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return readUint
	}
	return readOther
}

func readText(p *scanner, v reflect.Value) bool {
	s, ok := p.text()
	v.SetString(s)
	return ok
}

func readInt(p *scanner, v reflect.Value) bool {
	n, ok := p.integer()
	if !ok || v.OverflowInt(n) {
		return false
	}
	v.SetInt(n)
	return true
}

// readUint refuses a negative number, as encoding/json does, and one
// beyond int64, as the canonical encoder does.
func readUint(p *scanner, v reflect.Value) bool {
	if p.i < len(p.b) && p.b[p.i] == '-' {
		return false
	}
	n, ok := p.integer()
	if !ok || v.OverflowUint(uint64(n)) {
		return false
	}
	v.SetUint(uint64(n))
	return true
}

// readID reads an ID: null for NilID, else its text form in lower case
// (an all-zero text would be written null).
func readID(p *scanner, v reflect.Value) bool {
	if p.lit("null") {
		return true
	}
	b := p.b[p.i:]
	if len(b) < 38 || b[0] != '"' || b[37] != '"' {
		return false
	}
	id := v.Addr().Interface().(*ID)
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

func readEventID(p *scanner, v reflect.Value) bool {
	return scanEventID(p, v.Addr().Interface().(*EventID))
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

// readEventIDs reads a list of event ids; the empty list is left nil.
func readEventIDs(p *scanner, v reflect.Value) bool {
	if !p.next('[') {
		return false
	}
	if p.next(']') {
		return true
	}
	ids := v.Addr().Interface().(*[]EventID)
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
func readCanonicalJSON(p *scanner, v reflect.Value) bool {
	start := p.i
	if !p.value(1) {
		return false
	}
	v.SetBytes(p.b[start:p.i:p.i])
	return true
}

// readOther reads a field of any other type as the reference does: decode
// the value with encoding/json and accept it only if the canonical encoder
// writes those very bytes for it.
func readOther(p *scanner, v reflect.Value) bool {
	start := p.i
	if !p.value(1) {
		return false
	}
	span := p.b[start:p.i]
	if json.Unmarshal(span, v.Addr().Interface()) != nil {
		return false
	}
	var again canonBuf
	return encodeCanonical(&again, v) == nil && bytes.Equal(again.Bytes(), span)
}
