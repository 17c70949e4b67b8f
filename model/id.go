package model

import (
	"crypto/rand"
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"
)

// ID identifies an entity: a UUIDv7 (RFC 9562), which sorts by creation time
// and needs no coordination between offline devices. Stored as a 16-byte
// BLOB, written in JSON as the usual 36-character text.
type ID [16]byte

// NilID is the zero ID, meaning "none".
var NilID ID

// NewID returns a fresh UUIDv7 for the current time.
func NewID() ID { return NewIDAt(time.Now(), rand.Reader) }

// NewIDAt builds a UUIDv7 from the given time and random source, so that demo
// data generated from a seed is the same on every run.
func NewIDAt(t time.Time, r io.Reader) ID {
	var id ID
	ms := uint64(t.UnixMilli())
	var ts [8]byte
	binary.BigEndian.PutUint64(ts[:], ms)
	copy(id[0:6], ts[2:8])
	if _, err := io.ReadFull(r, id[6:]); err != nil {
		panic(fmt.Sprintf("model: random source failed: %v", err))
	}
	id[6] = 0x70 | (id[6] & 0x0f) // version 7
	id[8] = 0x80 | (id[8] & 0x3f) // RFC 9562 variant
	return id
}

// NameID derives a UUIDv5 from a namespace and a name: used only where the
// domain says there is exactly one (one inspection per site, template and
// month), so two offline devices create the same entity.
func NameID(namespace ID, name string) ID {
	return ID(uuid.NewSHA1(uuid.UUID(namespace), []byte(name)))
}

// ParseID parses the 36-character text form of an ID.
func ParseID(s string) (ID, error) {
	u, err := uuid.Parse(s)
	if err != nil || len(s) != 36 {
		return NilID, Errorf(EINVALID, "%q is not an id: expected 36 characters like 0193a1b2-…", s)
	}
	return ID(u), nil
}

// IsZero reports whether id is NilID.
func (id ID) IsZero() bool { return id == NilID }

// String returns the 36-character text form.
func (id ID) String() string { return uuid.UUID(id).String() }

// Short returns the last 8 hex digits, for screens and lists: the random
// tail of a UUIDv7. Its first digits are its creation time, the same for
// everything entered in the same minutes (every demo customer and contact
// would show 019adb8a), so they tell nothing apart.
func (id ID) Short() string { s := id.String(); return s[len(s)-8:] }

// IDRef reads ref as part of an id, as people copy one from a list: at
// least 8 of its hex digits, dashes ignored, in either case. It returns
// the digits in lower case, or ok false when ref is not such a part.
func IDRef(ref string) (hex string, ok bool) {
	hex = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(ref), "-", ""))
	if len(hex) < 8 || len(hex) > 32 || strings.Trim(hex, "0123456789abcdef") != "" {
		return "", false
	}
	return hex, true
}

// Matches reports whether the id begins or ends with the hex digits
// (IDRef): an id is named by its first digits or by its short id.
func (id ID) Matches(hex string) bool {
	all := strings.ReplaceAll(id.String(), "-", "")
	return hex != "" && (strings.HasPrefix(all, hex) || strings.HasSuffix(all, hex))
}

// MarshalText implements encoding.TextMarshaler.
func (id ID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (id *ID) UnmarshalText(b []byte) error {
	p, err := ParseID(string(b))
	if err != nil {
		return err
	}
	*id = p
	return nil
}

// MarshalJSON writes the text form, or null for NilID ("none"), as the
// canonical encoder does.
func (id ID) MarshalJSON() ([]byte, error) {
	if id.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + id.String() + `"`), nil
}

// UnmarshalJSON reads the text form or null.
func (id *ID) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*id = NilID
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return Errorf(EINVALID, "an id must be a JSON string, got %s", b)
	}
	return id.UnmarshalText(b[1 : len(b)-1])
}

// Value implements driver.Valuer: a 16-byte BLOB, or NULL for NilID.
func (id ID) Value() (driver.Value, error) {
	if id.IsZero() {
		return nil, nil
	}
	return id[:], nil
}

// Scan implements sql.Scanner.
func (id *ID) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*id = NilID
	case []byte:
		if len(v) != 16 {
			return fmt.Errorf("scan id: %d bytes, want 16", len(v))
		}
		copy(id[:], v)
	default:
		return fmt.Errorf("scan id: unsupported type %T", src)
	}
	return nil
}
