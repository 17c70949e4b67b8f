package eventbody

import (
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sync"
)

// The packing is LZ77 over a fixed dictionary, with two kinds of token for
// what a body has most of and what no dictionary can predict: ids and
// hashes in lowercase hex. Each token is one byte, then its operands:
//
//	0x00–0x3F  literal: the next t+1 bytes (1–64), as they are
//	0x40–0x7E  hex: t−0x3F bytes (1–63), each two lowercase hex digits, high first
//	0x7F       uuid: 16 bytes, written as the canonical 8-4-4-4-12 lowercase text
//	0x80–0xBF  near copy: 4+(t>>3&7) bytes (4–11) from 1+((t&7)<<8|b) back (1–2048)
//	0xC0–0xFF  far copy: 4+(t&0x3F) bytes (4–67) from 1+(b0|b1<<8) back (1–65536)
//
// The packing is written as these tokens by format 1 (FormatDict1).
// The coded formats (coded.go) read them from the packer in one more form,
// never stored as such: 0x7F then a kind byte, extUUID and the 16 bytes
// of a uuid, extTime and the 8 bytes of a canonical time's Unix
// milliseconds (times.go), or extDecimal and the 8 bytes of a number of
// 16 to 19 digits, all little-endian.
//
// "Back" counts from the end of what was unpacked so far into the
// dictionary before it: the history is dictionary ‖ body, as in zstd's
// dictionaries. A copy may overlap the bytes it writes.
//
// There is no entropy coding and no table to reset per body: packing a
// typical 750-byte body costs a few microseconds and unpacking it under
// one, where zstd with a dictionary costs several times that for bodies
// this small, for the same size (README design notes).
const (
	tokHex      = 0x40
	tokUUID     = 0x7F
	tokExt      = tokUUID // in the packer's output: a kind byte follows
	tokNear     = 0x80
	tokFar      = 0xC0
	maxLiteral  = 64
	maxHexBytes = 63
	minMatch    = 4
	maxNearLen  = 11
	maxNearDist = 2048
	maxFarLen   = 67
	maxFarDist  = 65536
	uuidLen     = 36
	minHexRun   = 16 // shorter runs of hex digits stay literal
	extUUID     = 1
	extTime     = 2
	extDecimal  = 3
	repeatSlack = 2 // how much shorter a copy from the latest distance may be
)

const (
	dictBucketBits  = 14
	dictWays        = 4
	localBucketBits = 10
)

//go:embed dict-*.bin codes-*.bin
var dictFiles embed.FS

// dictionary is one dictionary file and its index, built when first used.
type dictionary struct {
	file    string
	once    sync.Once
	content []byte
	// index holds, for each 4-byte hash, up to dictWays positions in
	// content where those bytes start, the latest first.
	index *[1 << dictBucketBits][dictWays]int32
}

func (d *dictionary) load() *dictionary {
	d.once.Do(func() {
		b, err := dictFiles.ReadFile(d.file)
		if err != nil {
			panic(fmt.Sprintf("eventbody: embedded dictionary %s: %v", d.file, err))
		}
		d.content = b
		d.index = new([1 << dictBucketBits][dictWays]int32)
		for i := range d.index {
			for w := range d.index[i] {
				d.index[i][w] = -1
			}
		}
		for i := 0; i+minMatch <= len(b); i++ {
			bucket := &d.index[hash4(binary.LittleEndian.Uint32(b[i:]), dictBucketBits)]
			copy(bucket[1:], bucket[:dictWays-1])
			bucket[0] = int32(i)
		}
	})
	return d
}

func hash4(v uint32, bits uint) uint32 { return (v * 2654435761) >> (32 - bits) }

// hexClass marks the bytes that are lowercase hex digits.
var hexClass = func() (t [256]bool) {
	for _, c := range []byte(hexDigits) {
		t[c] = true
	}
	return t
}()

func isHex(c byte) bool { return hexClass[c] }

func nibble(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return c - 'a' + 10
}

const hexDigits = "0123456789abcdef"

// region is a stretch of a body packed as hex or uuid tokens unless a copy
// covers it whole.
type region struct {
	start, end int
	kind       byte // extUUID, extTime, or 0: a run of hex digits
}

// nextRegion finds the first region at or after from: a canonical uuid or
// a run of at least minHexRun hex digits, starting after a byte that is
// not a hex digit. It returns an empty region at len(src) if none.
func nextRegion(src []byte, from int) region {
	i := from
	for i > 0 && i < len(src) && isHex(src[i-1]) {
		i++ // from is inside a run: the next region starts after it
	}
	for i < len(src) {
		if !isHex(src[i]) {
			i++
			continue
		}
		s := i
		for i < len(src) && isHex(src[i]) {
			i++
		}
		if i-s == 8 && isUUID(src[s:]) {
			return region{s, s + uuidLen, extUUID}
		}
		if i-s == 4 {
			if _, ok := timeMillis(src[s:]); ok {
				return region{s, s + timeLen, extTime}
			}
		}
		if i-s >= minHexRun {
			return region{s, i, 0}
		}
	}
	return region{len(src), len(src), 0}
}

func isUUID(b []byte) bool {
	if len(b) < uuidLen {
		return false
	}
	for i, c := range b[:uuidLen] {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
		} else if !isHex(c) {
			return false
		}
	}
	return true
}

func matchLen(a, b []byte) int {
	n := 0
	for len(a) >= 8 && len(b) >= 8 {
		if x := binary.LittleEndian.Uint64(a) ^ binary.LittleEndian.Uint64(b); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
		a, b, n = a[8:], b[8:], n+8
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return n + i
		}
	}
	return n + min(len(a), len(b))
}

// encoder is the state of packing one body.
type encoder struct {
	d     *dictionary
	src   []byte
	dst   []byte
	local [1 << localBucketBits]uint32 // 1 + the latest position in src of each 4-byte hash
	// last is the distance of the latest copy: the coded formats write a
	// copy from as far back again in a few bits (symRepeat).
	last int
}

// repeatMatch is how long a copy from the latest copy's distance could be
// at p: where a body follows the dictionary's event of its shape, the text
// after an id, a hash or a time is as far back as the text before it.
func (e *encoder) repeatMatch(p int) int {
	if e.last == 0 || p+minMatch > len(e.src) {
		return 0
	}
	if q := p - e.last; q >= 0 {
		return matchLen(e.src[p:], e.src[q:p])
	} else if -q <= len(e.d.content) {
		return matchLen(e.src[p:], e.d.content[len(e.d.content)+q:])
	}
	return 0
}

func (e *encoder) insert(from, to int) {
	for p := from; p < to && p+minMatch <= len(e.src); p++ {
		e.local[hash4(binary.LittleEndian.Uint32(e.src[p:]), localBucketBits)] = uint32(p + 1)
	}
}

// match finds the longest earlier occurrence of the bytes at p, in the
// body so far or in the dictionary: its length and how far back it is.
func (e *encoder) match(p int) (length, dist int) {
	src := e.src
	if p+minMatch > len(src) {
		return 0, 0
	}
	v := binary.LittleEndian.Uint32(src[p:])
	if q := int(e.local[hash4(v, localBucketBits)]) - 1; q >= 0 && binary.LittleEndian.Uint32(src[q:]) == v {
		if p-q <= maxFarDist {
			length, dist = minMatch+matchLen(src[p+minMatch:], src[q+minMatch:]), p-q
		}
	}
	content := e.d.content
	for _, c := range e.d.index[hash4(v, dictBucketBits)] {
		if c < 0 {
			break
		}
		q := int(c)
		back := p + len(content) - q
		if back > maxFarDist || binary.LittleEndian.Uint32(content[q:]) != v {
			continue
		}
		if l := minMatch + matchLen(src[p+minMatch:], content[q+minMatch:]); l > length {
			length, dist = l, back
		}
	}
	return length, dist
}

func (e *encoder) literals(from, to int) {
	for from < to {
		n := min(to-from, maxLiteral)
		e.dst = append(e.dst, byte(n-1))
		e.dst = append(e.dst, e.src[from:from+n]...)
		from += n
	}
}

func (e *encoder) copyToken(length, dist int) {
	for length > 0 {
		n := min(length, maxFarLen)
		if rest := length - n; rest > 0 && rest < minMatch {
			n = length - minMatch
		}
		if n <= maxNearLen && dist <= maxNearDist {
			e.dst = append(e.dst, tokNear|byte(n-minMatch)<<3|byte((dist-1)>>8), byte(dist-1))
		} else {
			e.dst = append(e.dst, tokFar|byte(n-minMatch), byte(dist-1), byte((dist-1)>>8))
		}
		length -= n
	}
	e.last = dist
}

// hexToken packs the even-length run of hex digits src[from:to].
func (e *encoder) hexToken(from, to int) {
	for from < to {
		n := min((to-from)/2, maxHexBytes)
		e.dst = append(e.dst, tokHex+byte(n-1))
		for i := from; i < from+2*n; i += 2 {
			e.dst = append(e.dst, nibble(e.src[i])<<4|nibble(e.src[i+1]))
		}
		from += 2 * n
	}
}

func (e *encoder) uuidToken(p int) {
	e.dst = append(e.dst, tokExt, extUUID)
	for i := p; i < p+uuidLen; i += 2 {
		if e.src[i] == '-' {
			i++
		}
		e.dst = append(e.dst, nibble(e.src[i])<<4|nibble(e.src[i+1]))
	}
}

// encode appends the packing of src to dst.
func (d *dictionary) encode(dst, src []byte) []byte {
	e := &encoder{d: d, src: src, dst: dst}
	r := nextRegion(src, 0)
	lit := 0 // start of the literals not yet written
	for p := 0; p < len(src); {
		if p > r.start {
			r = nextRegion(src, max(p, r.end))
		}
		length, dist := e.match(p)
		// A copy from the latest distance costs a few bits where another
		// costs about twenty: it is taken unless it is much shorter.
		if rl := e.repeatMatch(p); rl >= minMatch && rl+repeatSlack >= length {
			length, dist = rl, e.last
		}
		if p == r.start && length < r.end-r.start {
			e.literals(lit, p)
			end := p + (r.end-r.start)&^1
			if v, ok := decimalValue(src[p:r.end]); r.kind == 0 && ok {
				e.dst = binary.LittleEndian.AppendUint64(append(e.dst, tokExt, extDecimal), v)
				end = r.end
			} else if r.kind == extTime {
				ms, _ := timeMillis(src[p:])
				e.dst = binary.LittleEndian.AppendUint64(append(e.dst, tokExt, extTime), uint64(ms))
				end = r.end
			} else if r.kind == extUUID {
				e.uuidToken(p)
			} else {
				e.hexToken(p, end)
			}
			e.insert(p, end)
			p, lit = end, end
			continue
		}
		if p < r.start && p+length > r.start && p+length < r.end {
			length = r.start - p // leave the region to its own token
		}
		if length >= minMatch {
			// What a copy repeats is found where it was copied from: only
			// literals and packed regions go into the body's own index.
			e.literals(lit, p)
			e.copyToken(length, dist)
			p += length
			lit = p
			continue
		}
		e.insert(p, p+1)
		p++
		// A copy that starts inside a multi-byte character would have
		// started at its first byte: the rest of it is not searched.
		for p < len(src) && p < r.start && src[p]&0xC0 == 0x80 {
			e.insert(p, p+1)
			p++
		}
	}
	e.literals(lit, len(src))
	return e.dst
}

var (
	errTruncated = errors.New("a token runs past the end")
	errTooFar    = errors.New("a copy reaches before the dictionary")
)

// decode appends the body that the packing src holds to dst.
func (d *dictionary) decode(dst, src []byte) ([]byte, error) {
	base := len(dst)
	content := d.content
	for i := 0; i < len(src); {
		t := src[i]
		i++
		switch {
		case t < tokHex:
			n := int(t) + 1
			if n > len(src)-i {
				return dst, errTruncated
			}
			dst = append(dst, src[i:i+n]...)
			i += n
		case t < tokUUID:
			n := int(t-tokHex) + 1
			if n > len(src)-i {
				return dst, errTruncated
			}
			for _, b := range src[i : i+n] {
				dst = append(dst, hexDigits[b>>4], hexDigits[b&15])
			}
			i += n
		case t == tokUUID:
			if 16 > len(src)-i {
				return dst, errTruncated
			}
			for k, b := range src[i : i+16] {
				if k == 4 || k == 6 || k == 8 || k == 10 {
					dst = append(dst, '-')
				}
				dst = append(dst, hexDigits[b>>4], hexDigits[b&15])
			}
			i += 16
		default:
			var n, dist int
			if t < tokFar {
				if i >= len(src) {
					return dst, errTruncated
				}
				n, dist = minMatch+int(t>>3&7), 1+(int(t&7)<<8|int(src[i]))
				i++
			} else {
				if i+2 > len(src) {
					return dst, errTruncated
				}
				n, dist = minMatch+int(t&0x3F), 1+(int(src[i])|int(src[i+1])<<8)
				i += 2
			}
			var err error
			if dst, err = appendCopy(dst, base, content, n, dist); err != nil {
				return dst, err
			}
		}
	}
	return dst, nil
}

// appendCopy appends the n bytes found dist back in the history: the body
// unpacked so far (from base in dst) after the dictionary's content.
func appendCopy(dst []byte, base int, content []byte, n, dist int) ([]byte, error) {
	from := len(dst) - base - dist // negative: in the dictionary
	if -from > len(content) {
		return dst, errTooFar
	}
	if from < 0 {
		k := min(n, -from)
		dst = append(dst, content[len(content)+from:len(content)+from+k]...)
		n, from = n-k, 0
	}
	if from+n <= len(dst)-base {
		return append(dst, dst[base+from:base+from+n]...), nil
	}
	for ; n > 0; n-- { // overlapping: each byte may be one just written
		dst = append(dst, dst[base+from])
		from++
	}
	return dst, nil
}
