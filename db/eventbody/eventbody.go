// Package eventbody is how the events table keeps an event's canonical
// body: smaller than the canonical JSON, and given back byte for byte, since
// the event's id is the SHA-256 of those bytes.
//
// A stored body is one of:
//
//   - the canonical JSON itself, which starts with '{': every body written
//     before bodies were packed, and what the log may keep for ever;
//   - one format byte, then the body packed against that format's
//     dictionary (codec.go): format 1 writes the packing's tokens as bytes
//     against dict-v1.bin; format 2, what new bodies are written in, packs
//     against the same dictionary and writes its tokens with the static
//     Huffman codes of codes-v2.bin (coded.go), a sixth smaller.
//
// Dictionaries and codes are part of the file format from the day a
// release writes with them: they never change
// (TestReleasedDictionariesNeverChange holds their SHA-256), and new ones
// get the next format byte while Decode keeps reading every earlier one.
// Both are trained from demo data by `go run ./db/eventbody/train -o
// db/eventbody/dict-vN.bin` (with -codes, codes-vN.bin), which gives the
// same file on every run (its tests rebuild dict-v1.bin and codes-v2.bin).
// To release one: train it, add its format to formats and make it
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
	// FormatCoded2 is a body packed against dictionary 1, its tokens
	// written with the Huffman codes of codes-v2.bin (coded.go).
	FormatCoded2 byte = 2
)

// format is how the bodies of one format byte are packed: against a
// dictionary, and with codes or as bytes.
type format struct {
	dict  *dictionary
	codes *codes // nil: the tokens as bytes
}

var dict1 = &dictionary{file: "dict-v1.bin"}

// formats are the formats of every body ever written, by format byte;
// their files are loaded when first used.
var formats = map[byte]format{
	FormatDict1:  {dict: dict1},
	FormatCoded2: {dict: dict1, codes: &codes{file: "codes-v2.bin"}},
}

// writeFormat is the format new bodies are written in.
const writeFormat = FormatCoded2

// scratch holds the buffers Encode and Decode work in, so that a body
// costs one allocation: the exact bytes returned.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// Encode returns the bytes to store for a canonical body.
func Encode(canonical []byte) []byte {
	f := formats[writeFormat]
	d := f.dict.load()
	bp := scratch.Get().(*[]byte)
	buf := d.encode((*bp)[:0], canonical)
	stored := append(buf[len(buf):], writeFormat) // after the packing, in the same buffer
	if f.codes != nil {
		stored = f.codes.load().code(stored, buf)
	} else {
		stored = append(stored, buf...)
	}
	out := append(make([]byte, 0, len(stored)), stored...)
	*bp = stored[:0]
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
	f, ok := formats[stored[0]]
	if !ok {
		return nil, model.Errorf(model.EINVALID, "a stored event body has the unknown format %d: it was written by a newer yunwei, or changed outside yunwei", int(stored[0]))
	}
	d := f.dict.load()
	bp := scratch.Get().(*[]byte)
	var buf []byte
	var err error
	if f.codes != nil {
		buf, err = f.codes.load().decode(d, (*bp)[:0], stored[1:])
	} else {
		buf, err = d.decode((*bp)[:0], stored[1:])
	}
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
