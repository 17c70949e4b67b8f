package model

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// parseEnvelope reads an envelope in exactly the canonical form this
// version writes (keys in sorted order, no white space) without reflection:
// rebuilding projections decodes every event in the log. Anything else —
// an older or newer shape, unknown keys — reports false and is decoded
// with encoding/json instead.
func parseEnvelope(raw []byte) (Envelope, bool) {
	var env Envelope
	p := envParser{b: raw}
	ok := p.lit(`{"actor":`) && p.id(&env.Actor) &&
		p.lit(`,"entity":`) && p.str(&env.Entity) &&
		p.lit(`,"entity_id":`) && p.id(&env.EntityID) &&
		p.lit(`,"hlc":`) && p.uint(func(v uint64) { env.HLC = HLC(v) }) &&
		p.lit(`,"origin":`) && p.id(&env.Origin) &&
		p.lit(`,"parents":[`) && p.parents(&env.Parents) &&
		p.lit(`,"payload":`) && p.value(func(v []byte) { env.Payload = v }) &&
		p.lit(`,"seq":`) && p.uint(func(v uint64) { env.Seq = int64(v) }) &&
		p.lit(`,"tv":`) && p.uint(func(v uint64) { env.TypeVersion = int(v) }) &&
		p.lit(`,"type":`) && p.str(&env.Type) &&
		p.lit(`,"v":`) && p.uint(func(v uint64) { env.V = int(v) }) &&
		p.lit(`,"wall":`) && p.str(&env.Wall) &&
		p.lit(`}`) && p.i == len(p.b)
	return env, ok
}

type envParser struct {
	b []byte
	i int
}

func (p *envParser) lit(s string) bool {
	if len(p.b)-p.i < len(s) || string(p.b[p.i:p.i+len(s)]) != s {
		return false
	}
	p.i += len(s)
	return true
}

// str reads a string with no escapes (entity kinds, types, times); one with
// escapes is left to encoding/json.
func (p *envParser) str(dst *string) bool {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return false
	}
	end := bytes.IndexByte(p.b[p.i+1:], '"')
	if end < 0 {
		return false
	}
	s := p.b[p.i+1 : p.i+1+end]
	if bytes.IndexByte(s, '\\') >= 0 {
		return false
	}
	*dst = string(s)
	p.i += end + 2
	return true
}

func (p *envParser) id(dst *ID) bool {
	if len(p.b)-p.i < 38 || p.b[p.i] != '"' || p.b[p.i+37] != '"' {
		return false
	}
	if err := dst.UnmarshalText(p.b[p.i+1 : p.i+37]); err != nil {
		return false
	}
	p.i += 38
	return true
}

func (p *envParser) uint(set func(uint64)) bool {
	j := p.i
	for j < len(p.b) && p.b[j] >= '0' && p.b[j] <= '9' {
		j++
	}
	v, err := strconv.ParseUint(string(p.b[p.i:j]), 10, 64)
	if err != nil {
		return false
	}
	set(v)
	p.i = j
	return true
}

func (p *envParser) parents(dst *[]EventID) bool {
	for {
		if p.i < len(p.b) && p.b[p.i] == ']' {
			p.i++
			return true
		}
		if len(*dst) > 0 && !p.lit(",") {
			return false
		}
		if len(p.b)-p.i < 66 || p.b[p.i] != '"' || p.b[p.i+65] != '"' {
			return false
		}
		var id EventID
		if err := id.UnmarshalText(p.b[p.i+1 : p.i+65]); err != nil {
			return false
		}
		*dst = append(*dst, id)
		p.i += 66
	}
}

// value skips one JSON value (the payload) and hands over its bytes.
func (p *envParser) value(set func([]byte)) bool {
	start, depth, inString := p.i, 0, false
	for ; p.i < len(p.b); p.i++ {
		c := p.b[p.i]
		switch {
		case inString:
			if c == '\\' {
				p.i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				p.i++
				set(p.b[start:p.i:p.i])
				return true
			}
		case depth == 0 && (c == ',' || c == '}'):
			set(p.b[start:p.i:p.i]) // a scalar payload
			return json.Valid(p.b[start:p.i])
		}
	}
	return false
}
