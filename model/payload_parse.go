package model

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"sort"
	"sync"
	"unsafe"
)

// parsePayload reads a payload in canonical form into dst (a pointer to
// a zero value) without encoding/json: folding every ticket of the log
// decodes every payload, and through encoding/json a signed decision costs
// more than the rest of its check. It gives exactly what json.Unmarshal
// gives, or reports false and leaves *dst zero (FuzzPayloadParse): then
// the caller asks encoding/json, which decides. It reads only what the
// canonical encoder writes for the payload's own types; anything else (a
// key it does not know, one in another case, white space, a type with
// its own unmarshalling, a float) is left to encoding/json.
func parsePayload(raw []byte, dst any) bool {
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	elem := v.Elem()
	dec := payloadDecoder(elem.Type())
	if dec == nil || !elem.IsZero() {
		return false // encoding/json merges into what is there already
	}
	p := payloadReader{scanner: scanner{b: raw}}
	if dec(&p, v.UnsafePointer(), 0) && p.i == len(p.b) {
		return true
	}
	elem.SetZero()
	return false
}

// payloadReader is the scanner of a payload, and the payload's text once
// made a string: the strings read without escapes are parts of it, one
// allocation a payload rather than one a string.
type payloadReader struct {
	scanner
	all string
}

// text reads a canonical string as Go text.
func (p *payloadReader) text() (string, bool) {
	start := p.i + 1
	content, escaped, ok := p.str()
	switch {
	case !ok:
		return "", false
	case escaped:
		return string(unescapeCanonical(nil, content)), true
	case len(content) == 0:
		return "", true
	}
	if p.all == "" {
		p.all = string(p.b)
	}
	return p.all[start : start+len(content)], true
}

// valueDecoder reads one JSON value into the variable at at, with open
// arrays and objects around it (the nesting limit is encoding/json's).
type valueDecoder func(p *payloadReader, at unsafe.Pointer, open int) bool

var payloadDecoders sync.Map // reflect.Type → valueDecoder (nil: left to encoding/json)

// payloadDecoder is the decoder of values of type t, nil when encoding/json
// must read them.
func payloadDecoder(t reflect.Type) valueDecoder {
	if d, ok := payloadDecoders.Load(t); ok {
		return d.(valueDecoder)
	}
	d := buildDecoder(t, map[reflect.Type]*valueDecoder{})
	payloadDecoders.Store(t, d)
	return d
}

var (
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// unmarshalsItself reports a type that encoding/json reads through its
// own methods.
func unmarshalsItself(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	return t.Implements(jsonUnmarshalerType) || pt.Implements(jsonUnmarshalerType) ||
		t.Implements(textUnmarshalerType) || pt.Implements(textUnmarshalerType)
}

// buildDecoder makes the decoder of t; building holds the types being
// built, for a type that contains itself.
func buildDecoder(t reflect.Type, building map[reflect.Type]*valueDecoder) valueDecoder {
	if d, ok := building[t]; ok {
		return func(p *payloadReader, at unsafe.Pointer, open int) bool { return (*d)(p, at, open) }
	}
	if d, ok := payloadDecoders.Load(t); ok {
		return d.(valueDecoder)
	}
	slot := new(valueDecoder)
	building[t] = slot
	defer delete(building, t)
	*slot = newDecoder(t, building)
	if *slot == nil {
		return nil
	}
	return *slot
}

func newDecoder(t reflect.Type, building map[reflect.Type]*valueDecoder) valueDecoder {
	switch t {
	case idType:
		return func(p *payloadReader, at unsafe.Pointer, _ int) bool { return readID(&p.scanner, (*ID)(at)) }
	case eventIDType:
		return func(p *payloadReader, at unsafe.Pointer, _ int) bool { return scanEventID(&p.scanner, (*EventID)(at)) }
	case rawMessageType, trustedType:
		// Both keep a copy of the value's bytes as written.
		return func(p *payloadReader, at unsafe.Pointer, open int) bool {
			start := p.i
			if !p.value(open) {
				return false
			}
			*(*[]byte)(at) = bytes.Clone(p.b[start:p.i])
			return true
		}
	case stringMapType:
		return decodeStringMap
	}
	if t.Kind() == reflect.Pointer {
		// null is nil whatever the type; any other value is read into a
		// new one, as its own type reads it.
		return pointerDecoder(t, building)
	}
	if unmarshalsItself(t) {
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		return func(p *payloadReader, at unsafe.Pointer, _ int) bool {
			s, ok := p.text()
			*(*string)(at) = s
			return ok
		}
	case reflect.Bool:
		return func(p *payloadReader, at unsafe.Pointer, _ int) bool {
			if p.lit("true") {
				*(*bool)(at) = true
				return true
			}
			return p.lit("false")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		bits := t.Bits()
		return func(p *payloadReader, at unsafe.Pointer, _ int) bool {
			ok, _ := readInt(&p.scanner, at, bits)
			return ok
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		bits := t.Bits()
		return func(p *payloadReader, at unsafe.Pointer, _ int) bool {
			ok, _ := readUint(&p.scanner, at, bits)
			return ok
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil // encoding/json reads base64
		}
		return sliceDecoder(t, building)
	case reflect.Map:
		return mapDecoder(t, building)
	case reflect.Struct:
		return structDecoder(t, building)
	}
	return nil // floats, interfaces, arrays and the like
}

// pointerDecoder: null is a nil pointer, any other value a new one.
func pointerDecoder(t reflect.Type, building map[reflect.Type]*valueDecoder) valueDecoder {
	elem := buildDecoder(t.Elem(), building)
	if elem == nil {
		return nil
	}
	et := t.Elem()
	return func(p *payloadReader, at unsafe.Pointer, open int) bool {
		if p.lit("null") {
			*(*unsafe.Pointer)(at) = nil
			return true
		}
		v := reflect.New(et)
		if !elem(p, v.UnsafePointer(), open) {
			return false
		}
		*(*unsafe.Pointer)(at) = v.UnsafePointer()
		return true
	}
}

// sliceDecoder: null is a nil slice, [] an empty one, as encoding/json
// reads them.
func sliceDecoder(t reflect.Type, building map[reflect.Type]*valueDecoder) valueDecoder {
	elem := buildDecoder(t.Elem(), building)
	if elem == nil {
		return nil
	}
	return func(p *payloadReader, at unsafe.Pointer, open int) bool {
		sv := reflect.NewAt(t, at).Elem()
		if p.lit("null") {
			sv.SetZero()
			return true
		}
		if open >= maxNesting || !p.next('[') {
			return false
		}
		s := reflect.MakeSlice(t, 0, 4)
		if p.next(']') {
			sv.Set(s)
			return true
		}
		for n := 0; ; n++ {
			if n == s.Cap() {
				bigger := reflect.MakeSlice(t, n, 2*n)
				reflect.Copy(bigger, s)
				s = bigger
			}
			s = s.Slice(0, n+1)
			if !elem(p, s.Index(n).Addr().UnsafePointer(), open+1) {
				return false
			}
			if !p.next(',') {
				break
			}
		}
		if !p.next(']') {
			return false
		}
		sv.Set(s)
		return true
	}
}

// mapDecoder reads an object into a map with text keys, in strictly
// increasing key order (canonical form: no key twice); null is a nil map,
// {} an empty one.
func mapDecoder(t reflect.Type, building map[reflect.Type]*valueDecoder) valueDecoder {
	kt := t.Key()
	if kt.Kind() != reflect.String || unmarshalsItself(kt) {
		return nil
	}
	elem := buildDecoder(t.Elem(), building)
	if elem == nil {
		return nil
	}
	et := t.Elem()
	return func(p *payloadReader, at unsafe.Pointer, open int) bool {
		mv := reflect.NewAt(t, at).Elem()
		if p.lit("null") {
			mv.SetZero()
			return true
		}
		if open >= maxNesting || !p.next('{') {
			return false
		}
		m := reflect.MakeMap(t)
		if !p.next('}') {
			value := reflect.New(et).Elem()
			key := reflect.New(kt).Elem()
			for first, prev := true, ""; ; first = false {
				k, ok := p.text()
				if !ok || !first && k <= prev || !p.next(':') {
					return false
				}
				prev = k
				value.SetZero()
				if !elem(p, value.Addr().UnsafePointer(), open+1) {
					return false
				}
				key.SetString(k)
				m.SetMapIndex(key, value)
				if !p.next(',') {
					break
				}
			}
			if !p.next('}') {
				return false
			}
		}
		mv.Set(m)
		return true
	}
}

// decodeStringMap is mapDecoder for map[string]string, without reflection.
func decodeStringMap(p *payloadReader, at unsafe.Pointer, open int) bool {
	if p.lit("null") {
		*(*map[string]string)(at) = nil
		return true
	}
	if open >= maxNesting || !p.next('{') {
		return false
	}
	m := map[string]string{}
	if !p.next('}') {
		for first, prev := true, ""; ; first = false {
			k, ok := p.text()
			if !ok || !first && k <= prev || !p.next(':') {
				return false
			}
			prev = k
			v, ok := p.text()
			if !ok {
				return false
			}
			m[k] = v
			if !p.next(',') {
				break
			}
		}
		if !p.next('}') {
			return false
		}
	}
	*(*map[string]string)(at) = m
	return true
}

// payloadField is a struct field as encoding/json names it.
type payloadField struct {
	quoted string // the key as the canonical encoder writes it: "name"
	name   string
	offset uintptr
	dec    valueDecoder
}

// structDecoder reads an object whose keys are the struct's fields, each
// at most once, in the canonical (sorted) order; a key of no field is left
// to encoding/json, which would ignore it or match it in another case.
func structDecoder(t reflect.Type, building map[reflect.Type]*valueDecoder) valueDecoder {
	var fields []payloadField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil // encoding/json's rules for embedded fields
		}
		if !sf.IsExported() {
			continue
		}
		name, opts, _ := cutTag(sf.Tag.Get("json"))
		if name == "-" && opts == "" {
			continue
		}
		if opts != "" && opts != "omitempty" {
			return nil // ",string" and the like
		}
		if name == "" {
			name = sf.Name
		}
		if !plainKey(name) {
			return nil
		}
		dec := buildDecoder(sf.Type, building)
		if dec == nil {
			return nil
		}
		fields = append(fields, payloadField{quoted: `"` + name + `"`, name: name, offset: sf.Offset, dec: dec})
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].name < fields[j].name })
	for i := 1; i < len(fields); i++ {
		if fields[i].name == fields[i-1].name {
			return nil // encoding/json drops both
		}
	}
	return func(p *payloadReader, at unsafe.Pointer, open int) bool {
		if open >= maxNesting || !p.next('{') {
			return false
		}
		if p.next('}') {
			return true
		}
		// Keys come in the fields' order: each is sought from the field
		// after the last one read.
		f := 0
		for {
			for f < len(fields) && !p.lit(fields[f].quoted) {
				f++
			}
			if f == len(fields) || !p.next(':') || !fields[f].dec(p, unsafe.Add(at, fields[f].offset), open+1) {
				return false
			}
			f++
			if !p.next(',') {
				return p.next('}')
			}
		}
	}
}

// cutTag splits a json tag into its name and its options.
func cutTag(tag string) (name, opts string, found bool) {
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:], true
		}
	}
	return tag, "", false
}

// plainKey reports a key of letters, digits, '_' and '-' only: encoding/json
// takes such a tag as the name, and the canonical encoder writes it as it is.
func plainKey(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}
