package db

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"yunwei/model"
)

// numberClaim is a number an entity was created with, drawn from a counter
// (numberedTables): what the pass keeps of each creation, in any order.
type numberClaim struct {
	n, origin, seq int64
	id             [8]byte // the start of the event's hash, to name it
	entity         model.ID
	kind           string
	number         string
	// local: written by this device, whose counters it advanced; another
	// device's numbers count for repeats only.
	local bool
}

// claim is the number an event creates its entity with, if any.
func (p *logPass) claim(n, origin, seq int64, id model.EventID, e *model.Event) (numberClaim, bool) {
	kind := ""
	for k := range numberedTables {
		if k == e.Entity {
			kind = k
		}
	}
	if kind == "" || len(e.Type) != len(kind)+len(".created") || !strings.HasPrefix(e.Type, kind) || !strings.HasSuffix(e.Type, ".created") {
		return numberClaim{}, false
	}
	number, ok := payloadNumber(e.Payload)
	if !ok {
		var payload struct {
			Number string `json:"number"`
		}
		if json.Unmarshal(e.Payload, &payload) != nil {
			return numberClaim{}, false
		}
		number = payload.Number
	}
	if number == "" {
		return numberClaim{}, false
	}
	c := numberClaim{n: n, origin: origin, seq: seq, entity: e.EntityID, kind: kind, number: number, local: e.Origin == p.device.ID}
	copy(c.id[:], id[:8])
	return c, true
}

// ref names the creating event.
func (c *numberClaim) ref() *EventRef {
	var id model.EventID
	copy(id[:], c.id[:])
	r := ref(c.n, c.origin, c.seq, id, nil)
	r.Type, r.Entity = c.kind+".created", c.entity.String()
	return r
}

// verifyCounters reports every number given to more than one entity, and
// compares every counter of a numbered kind with the highest number the
// log shows this device issued from it. The first entity created with a
// number, in device and sequence order, holds it.
func verifyCounters(ctx context.Context, q queryer, device Device, claims []numberClaim, r *CheckReport) error {
	bySeq := func(a, b numberClaim) int {
		return cmp.Or(cmp.Compare(a.origin, b.origin), cmp.Compare(a.seq, b.seq), cmp.Compare(a.n, b.n))
	}
	slices.SortFunc(claims, func(a, b numberClaim) int { return cmp.Or(strings.Compare(a.number, b.number), bySeq(a, b)) })
	var repeats []numberClaim
	for i := 0; i < len(claims); {
		j := i + 1
		for ; j < len(claims) && claims[j].number == claims[i].number; j++ {
			if claims[j].entity != claims[i].entity {
				repeats = append(repeats, claims[j])
			}
		}
		i = j
	}
	holder := func(number string) *EventRef {
		i, _ := slices.BinarySearchFunc(claims, number, func(c numberClaim, n string) int { return strings.Compare(c.number, n) })
		return claims[i].ref()
	}
	slices.SortFunc(repeats, bySeq)
	for i := range repeats {
		r.add(Problem{Kind: ProblemDuplicateNumber, Event: repeats[i].ref(), Other: holder(repeats[i].number), Key: repeats[i].number})
	}

	slices.SortFunc(claims, bySeq)
	top := map[string]int64{}
	highest := map[string]*numberClaim{}
	for i := range claims {
		c := &claims[i]
		if !c.local {
			continue
		}
		if year, n, ok := parseNumber(device.Code, c.number); ok {
			counter := fmt.Sprintf("%s/%d", c.kind, year)
			if n > top[counter] {
				top[counter], highest[counter] = n, c
			}
		}
	}
	at := func(counter string) *EventRef {
		if c := highest[counter]; c != nil {
			return c.ref()
		}
		return nil
	}
	rows, err := q.QueryContext(ctx, "SELECT name, value FROM main.counters")
	if err != nil {
		return err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var name string
		var value int64
		if err := rows.Scan(&name, &value); err != nil {
			return err
		}
		kind, _, _ := strings.Cut(name, "/")
		if _, ok := numberedTables[kind]; !ok {
			continue
		}
		seen[name] = true
		t := top[name]
		p := Problem{Key: name, Event: at(name), Want: strconv.FormatInt(t, 10), Got: strconv.FormatInt(value, 10)}
		switch {
		case value < t:
			p.Kind = ProblemCounterBehind
			r.add(p)
		case value > t:
			p.Kind = ProblemCounterAhead
			r.add(p)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var missing []string
	for name := range top {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	slices.Sort(missing)
	for _, name := range missing {
		r.add(Problem{Kind: ProblemCounterBehind, Key: name, Event: at(name), Want: strconv.FormatInt(top[name], 10), Got: "0"})
	}
	return nil
}

// payloadNumber reads the top-level "number" of a canonical payload
// without decoding the rest (the pass reads 100,000 creations): ok is
// false when it cannot tell as encoding/json would (an escape in the
// number, a key that only case-folds to "number", a value not text), and
// the payload is then decoded.
func payloadNumber(payload []byte) (string, bool) {
	b := payload
	if len(b) < 2 || b[0] != '{' {
		return "", false
	}
	number, found := "", false
	depth, i := 0, 1
	for i < len(b) {
		switch c := b[i]; {
		case c == '"':
			end := i + 1
			for end < len(b) && b[end] != '"' {
				if b[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(b) {
				return "", false
			}
			str := b[i+1 : end]
			i = end + 1
			if depth > 0 || i >= len(b) || b[i] != ':' {
				continue // a value, or a key further in
			}
			i++ // the key's colon
			if !strings.EqualFold(string(str), "number") {
				continue
			}
			if string(str) != "number" || found || i >= len(b) || b[i] != '"' {
				return "", false
			}
			j := bytes.IndexByte(b[i+1:], '"')
			if j < 0 || bytes.IndexByte(b[i+1:i+1+j], '\\') >= 0 {
				return "", false
			}
			number, found = string(b[i+1:i+1+j]), true
			i += j + 2
		case c == '{' || c == '[':
			depth++
			i++
		case c == '}' || c == ']':
			depth--
			i++
		default:
			i++
		}
	}
	return number, true
}
