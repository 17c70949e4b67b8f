// Package eventbody is how the events table keeps an event's canonical
// body: smaller than the canonical JSON, and given back byte for byte, since
// the event's id is the SHA-256 of those bytes.
//
// A stored body is one of:
//
//   - the canonical JSON itself, which starts with '{': every body written
//     before bodies were packed, and what the log may keep for ever;
//   - one format byte naming a dictionary, then the body packed against that
//     dictionary (codec.go). Format 1 is dict-v1.bin.
//
// A dictionary is part of the file format from the day a release writes
// with it: it never changes (TestReleasedDictionariesNeverChange holds its
// SHA-256), and a new one gets the next format byte while Decode keeps
// reading every earlier one. Dictionaries are trained from demo data by
// `go run ./db/eventbody/train -o db/eventbody/dict-vN.bin`, which gives
// the same file on every run (its test rebuilds dict-v1.bin). To release
// one: train it, add its format byte to dictionaries and make it
// writeFormat, add its SHA-256 to the test, and never touch it again.
package eventbody

import (
	"sync"

	"yunwei/model"
)

// Format bytes. '{' (a raw body) is not one of them, nor ever will be.
const (
	// FormatDict1 is a body packed against dictionary 1 (dict-v1.bin).
	FormatDict1 byte = 1
)

// dictionaries are the dictionaries of every format ever written, by
// format byte; each is loaded when first used.
var dictionaries = map[byte]*dictionary{
	FormatDict1: {file: "dict-v1.bin"},
}

// writeFormat is the format new bodies are written in.
const writeFormat = FormatDict1

// scratch holds the buffers Encode and Decode work in, so that a body
// costs one allocation: the exact bytes returned.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// Encode returns the bytes to store for a canonical body.
func Encode(canonical []byte) []byte {
	d := dictionaries[writeFormat].load()
	bp := scratch.Get().(*[]byte)
	buf := d.encode(append((*bp)[:0], writeFormat), canonical)
	out := append(make([]byte, 0, len(buf)), buf...)
	*bp = buf
	scratch.Put(bp)
	return out
}

// Decode returns the canonical body a stored body holds. A stored body
// that does not unpack (an unknown format byte, a truncated or altered
// packing) is an error: the log was changed outside yunwei.
func Decode(stored []byte) ([]byte, error) {
	if len(stored) > 0 && stored[0] == '{' {
		return stored, nil
	}
	if len(stored) == 0 {
		return nil, model.Errorf(model.EINVALID, "a stored event body is empty")
	}
	spec, ok := dictionaries[stored[0]]
	if !ok {
		return nil, model.Errorf(model.EINVALID, "a stored event body has the unknown format %d: it was written by a newer yunwei, or changed outside yunwei", int(stored[0]))
	}
	d := spec.load()
	bp := scratch.Get().(*[]byte)
	buf, err := d.decode((*bp)[:0], stored[1:])
	var out []byte
	if err == nil {
		out = append(make([]byte, 0, len(buf)), buf...)
	}
	*bp = buf[:0]
	scratch.Put(bp)
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "a stored event body of format %d does not unpack: it was changed outside yunwei", int(stored[0]))
	}
	return out, nil
}

// IsPacked reports whether a stored body is packed, not raw canonical JSON.
func IsPacked(stored []byte) bool { return len(stored) > 0 && stored[0] != '{' }
