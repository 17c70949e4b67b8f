package model

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"time"
)

// EnvelopeVersion is the version of the event envelope's shape.
const EnvelopeVersion = 1

// EventID is the SHA-256 of an event's canonical bytes (DESIGN §4).
type EventID [32]byte

// HashEvent computes the id of canonical event bytes.
func HashEvent(canonical []byte) EventID { return sha256.Sum256(canonical) }

// Prefix is the id's first 8 bytes as a signed integer: the log keeps it
// beside each body so that a check can tell a changed body from an intact
// one without storing all 32 bytes again.
func (id EventID) Prefix() int64 { return int64(binary.BigEndian.Uint64(id[:8])) }

// String is the 64-digit hex form.
func (id EventID) String() string { return hex.EncodeToString(id[:]) }

// Short is the first 12 hex digits, for screens.
func (id EventID) Short() string { return id.String()[:12] }

// MarshalText implements encoding.TextMarshaler.
func (id EventID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (id *EventID) UnmarshalText(b []byte) error {
	if len(b) != 64 {
		return Errorf(EINVALID, "event id must be 64 hex digits, got %d characters", len(b))
	}
	if _, err := hex.Decode(id[:], b); err != nil {
		return Errorf(EINVALID, "event id %q is not hex", b)
	}
	return nil
}

// Envelope is an event as written: the fields are hashed and stored as the
// canonical JSON of this struct. Payload is itself canonical JSON.
type Envelope struct {
	V           int           `json:"v"`
	Origin      ID            `json:"origin"` // the device that wrote it
	Seq         int64         `json:"seq"`    // gap-free per origin, from 1
	HLC         HLC           `json:"hlc"`    // hybrid logical clock
	Wall        string        `json:"wall"`   // device wall time, UTC RFC 3339 ms
	Actor       ID            `json:"actor"`  // the vendor user who acted
	Entity      string        `json:"entity"` // entity kind, e.g. "ticket"
	EntityID    ID            `json:"entity_id"`
	Type        string        `json:"type"`    // event type, e.g. "ticket.created"
	TypeVersion int           `json:"tv"`      // payload schema version
	Parents     []EventID     `json:"parents"` // the entity's heads the author had seen
	Payload     CanonicalJSON `json:"payload"`
}

// CanonicalJSON holds bytes that Canonical produced (or that were checked
// with CheckCanonical); the encoder copies them without re-checking.
type CanonicalJSON []byte

// MarshalJSON implements json.Marshaler.
func (c CanonicalJSON) MarshalJSON() ([]byte, error) {
	if len(c) == 0 {
		return []byte("null"), nil
	}
	return c, nil
}

// UnmarshalJSON implements json.Unmarshaler: it keeps the bytes as given.
func (c *CanonicalJSON) UnmarshalJSON(b []byte) error {
	*c = append((*c)[:0], b...)
	return nil
}

// Event is a stored event: its id, its verbatim canonical bytes and the
// decoded envelope.
type Event struct {
	ID  EventID
	Raw []byte
	Envelope
	// decoded is the payload value this process encoded, when decoding the
	// bytes would give it back exactly (see WithPayload): folding a fresh
	// event then skips decoding JSON it has just written.
	decoded any
}

// WithPayload notes the value an event's payload was encoded from. Only
// for a value whose encoding was exact (CanonicalExact) and that nothing
// will modify.
func (e Event) WithPayload(v any) Event {
	e.decoded = v
	return e
}

// WallTime parses the envelope's wall time.
func (e *Event) WallTime() time.Time {
	t, _ := time.Parse(TimeLayout, e.Wall)
	return t
}

// Decode unmarshals the payload into dst.
func (e *Event) Decode(dst any) error {
	if e.decoded != nil {
		if dv := reflect.ValueOf(dst); dv.Kind() == reflect.Pointer && dv.Elem().Type() == reflect.TypeOf(e.decoded) {
			dv.Elem().Set(reflect.ValueOf(e.decoded))
			return nil
		}
	}
	if parsePayload(e.Payload, dst) {
		return nil
	}
	if err := json.Unmarshal([]byte(e.Payload), dst); err != nil {
		return fmt.Errorf("decode %s payload of event %s: %w", e.Type, e.ID.Short(), err)
	}
	return nil
}

// SealEvent encodes env canonically and returns the stored event.
func SealEvent(env Envelope) (Event, error) {
	raw, err := env.canonical()
	if err != nil {
		return Event{}, fmt.Errorf("encode %s event: %w", env.Type, err)
	}
	return Event{ID: HashEvent(raw), Raw: raw, Envelope: env}, nil
}

// canonical writes the envelope's canonical JSON directly: every user
// action and every demo event passes here, and the reflective encoder
// costs more than the rest of the write. The output equals
// Canonical(env) byte for byte (TestEnvelopeFastPathMatchesCanonical).
func (env Envelope) canonical() ([]byte, error) {
	var b canonBuf
	b.Grow(256 + len(env.Payload) + 66*len(env.Parents))
	err := env.write(&b, func(b *canonBuf) error {
		if len(env.Payload) == 0 {
			b.writeString("null")
		} else {
			b.write(env.Payload)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !env.fast() {
		return Canonical(env) // the reflective encoder writes nulls and checks ranges
	}
	return b.Bytes(), nil
}

// fast reports an envelope that write encodes as Canonical does: one
// whose ids are set and whose clock fits an integer of JSON.
func (env Envelope) fast() bool {
	return !env.Actor.IsZero() && !env.EntityID.IsZero() && !env.Origin.IsZero() && uint64(env.HLC) <= 1<<63-1
}

// write appends the envelope's canonical JSON to b, the payload written
// by payload.
func (env Envelope) write(b *canonBuf, payload func(*canonBuf) error) error {
	id := func(v ID) {
		var text [36]byte
		encodeUUID(text[:], v)
		b.writeByte('"')
		b.write(text[:])
		b.writeByte('"')
	}
	b.writeString(`{"actor":`)
	id(env.Actor)
	b.writeString(`,"entity":`)
	if err := writeCanonicalString(b, env.Entity); err != nil {
		return err
	}
	b.writeString(`,"entity_id":`)
	id(env.EntityID)
	b.writeString(`,"hlc":`)
	b.writeUint(uint64(env.HLC))
	b.writeString(`,"origin":`)
	id(env.Origin)
	b.writeString(`,"parents":[`)
	for i, p := range env.Parents {
		if i > 0 {
			b.writeByte(',')
		}
		var text [66]byte
		text[0], text[65] = '"', '"'
		hex.Encode(text[1:65], p[:])
		b.write(text[:])
	}
	b.writeString(`],"payload":`)
	if err := payload(b); err != nil {
		return err
	}
	b.writeString(`,"seq":`)
	b.writeInt(env.Seq)
	b.writeString(`,"tv":`)
	b.writeInt(int64(env.TypeVersion))
	b.writeString(`,"type":`)
	if err := writeCanonicalString(b, env.Type); err != nil {
		return err
	}
	b.writeString(`,"v":`)
	b.writeInt(int64(env.V))
	b.writeString(`,"wall":`)
	if err := writeCanonicalString(b, env.Wall); err != nil {
		return err
	}
	b.writeByte('}')
	return nil
}

// OpenEvent decodes stored event bytes; the id is the hash of the bytes as
// given. Only the canonical form is read: any other bytes (not JSON, not
// canonical, an envelope of another shape) are an error, which the
// reference decoder words.
func OpenEvent(raw []byte) (Event, error) {
	env, ok := parseEnvelope(raw)
	if !ok {
		var err error
		if env, err = decodeEnvelope(raw); err != nil {
			return Event{}, fmt.Errorf("decode event: %w", err)
		}
	}
	return Event{ID: HashEvent(raw), Raw: raw, Envelope: env}, nil
}

// TimeLayout is how times are written in events and the DB: UTC RFC 3339 with
// milliseconds, so text order is time order.
const TimeLayout = "2006-01-02T15:04:05.000Z"

// FormatTime writes t in TimeLayout; the zero time is "". Every event
// carries a time, so it is written by hand rather than through Format.
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	var buf [len(TimeLayout)]byte
	return string(AppendTime(buf[:0], t))
}

// AppendTime appends t in TimeLayout (in UTC) to b, without allocating
// when b has room.
func AppendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, TimeLayout)
	}
	n := len(b)
	b = append(b, "0000-00-00T00:00:00.000Z"...)
	put := func(at, v, width int) {
		for i := n + at + width - 1; i >= n+at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, y, 4)
	put(5, int(mo), 2)
	put(8, d, 2)
	put(11, h, 2)
	put(14, mi, 2)
	put(17, s, 2)
	put(20, t.Nanosecond()/1e6, 3)
	return b
}

// ParseTime reads a TimeLayout (or any RFC 3339) time; "" is the zero time.
func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "%q is not a time: write it like 2026-11-27T09:30:00+08:00", s)
	}
	return t.UTC(), nil
}

// Change is what a decider emits: an event type and its payload. The store
// wraps it in an Envelope (origin, sequence, clock, actor, parents).
type Change struct {
	Type        string
	TypeVersion int
	Payload     any
}
