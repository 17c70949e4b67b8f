package eventbody

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"sync"
)

// A coded format writes the tokens of the packing (codec.go) with static
// Huffman codes trained on demo data (a codes file): the tokens, the
// literal bytes, the operand of a near copy and the two bytes of a far
// copy's distance each have a table of their own. The bytes of hex runs
// and of uuids are as random as the ids and hashes they spell, and are
// written as they are, 8 bits each, but for the bits every version 7 uuid
// of this century has alike (symUUID7). A copy from as far back as the one
// before it is a symbol of its own with no distance (symRepeat): a body
// copies its shape's event in the dictionary piece by piece, between ids
// and hashes of the same length in both. Times are a number of
// milliseconds from a reference: the previous time of the body, or, before
// the first, the wall time that the body's hybrid logical clock holds in
// its top 48 bits (the last number of 16 to 19 digits before it, shifted);
// a number is the count of its bits (tableBits), then the bits below the
// highest. A symbol of its own ends the body; the last byte is padded
// with zero bits.
const (
	symUUID7   = 256 // a uuid of version 7 and variant 10 whose first byte is 0x01: 114 bits follow
	symEnd     = 257
	symTime    = 258 // a time: a number, its distance in milliseconds from the reference time
	symDecimal = 259 // a number of 16 to 19 digits: a number, its value
	symRepeat  = 260 // 260+n−minMatch: a copy of n bytes (4–67) from as far back as the latest copy
	numToks    = symRepeat + maxFarLen - minMatch + 1
)

// The tables of a codes file, in the order their lengths are stored.
const (
	tableTok = iota
	tableLit
	tableNear
	tableFarLo
	tableFarHi
	tableBits // how many bits a number has (numberBits)
	numTables
)

// tableSizes is how many symbols each table has.
var tableSizes = [numTables]int{numToks, 256, 256, 256, 256, 65}

// codes is one codes file and its tables, built when first used.
type codes struct {
	file   string
	once   sync.Once
	tables [numTables]*huffman
}

func (c *codes) load() *codes {
	c.once.Do(func() {
		b, err := dictFiles.ReadFile(c.file)
		if err != nil {
			panic(fmt.Sprintf("eventbody: embedded codes %s: %v", c.file, err))
		}
		for t, n := range tableSizes {
			if len(b) < n {
				panic(fmt.Sprintf("eventbody: codes %s: too short", c.file))
			}
			h, err := newHuffman(b[:n])
			if err != nil {
				panic(fmt.Sprintf("eventbody: codes %s, table %d: %v", c.file, t, err))
			}
			c.tables[t] = h
			b = b[n:]
		}
		if len(b) != 0 {
			panic(fmt.Sprintf("eventbody: codes %s: too long", c.file))
		}
	})
	return c
}

// isUUID7 reports whether the 16 bytes of a uuid have the bits symUUID7
// leaves out: 0x01 first (the years 2022 to 2032 of a version 7 uuid's
// time), version 7, variant 10.
func isUUID7(b []byte) bool { return b[0] == 0x01 && b[6]>>4 == 7 && b[8]>>6 == 2 }

// code writes the packing p (codec.go's tokens) as coded bits after dst.
func (c *codes) code(dst, p []byte) []byte {
	tok, lit := c.tables[tableTok], c.tables[tableLit]
	w := bitWriter{dst: dst}
	var u [16]byte
	last := 0       // the latest copy's distance
	ref := int64(0) // the reference time
	for i := 0; i < len(p); {
		tk := p[i]
		i++
		switch {
		case tk < tokHex:
			w.symbol(tok, int(tk))
			for _, b := range p[i : i+int(tk)+1] {
				w.symbol(lit, int(b))
			}
			i += int(tk) + 1
		case tk < tokUUID:
			w.symbol(tok, int(tk))
			for _, b := range p[i : i+int(tk-tokHex)+1] {
				w.bits(uint64(b), 8)
			}
			i += int(tk-tokHex) + 1
		case tk == tokExt && p[i] == extTime:
			ms := int64(binary.LittleEndian.Uint64(p[i+1:]))
			i += 9
			w.symbol(tok, symTime)
			w.number(c.tables[tableBits], zigzag(ms-ref))
			ref = ms
		case tk == tokExt && p[i] == extDecimal:
			v := binary.LittleEndian.Uint64(p[i+1:])
			i += 9
			w.symbol(tok, symDecimal)
			w.number(c.tables[tableBits], v)
			ref = int64(v >> 16)
		case tk == tokExt:
			copy(u[:], p[i+1:i+17])
			i += 17
			if !isUUID7(u[:]) {
				w.symbol(tok, tokUUID)
				for _, b := range u {
					w.bits(uint64(b), 8)
				}
				continue
			}
			w.symbol(tok, symUUID7)
			for _, b := range u[1:6] {
				w.bits(uint64(b), 8)
			}
			w.bits(uint64(u[6]&15), 4)
			w.bits(uint64(u[7]), 8)
			w.bits(uint64(u[8]&63), 6)
			for _, b := range u[9:] {
				w.bits(uint64(b), 8)
			}
		case tk < tokFar:
			n, dist := minMatch+int(tk>>3&7), 1+(int(tk&7)<<8|int(p[i]))
			if dist == last {
				w.symbol(tok, symRepeat+n-minMatch)
			} else {
				w.symbol(tok, int(tk))
				w.symbol(c.tables[tableNear], int(p[i]))
			}
			last = dist
			i++
		default:
			n, dist := minMatch+int(tk&0x3F), 1+(int(p[i])|int(p[i+1])<<8)
			if dist == last {
				w.symbol(tok, symRepeat+n-minMatch)
			} else {
				w.symbol(tok, int(tk))
				w.symbol(c.tables[tableFarLo], int(p[i]))
				w.symbol(c.tables[tableFarHi], int(p[i+1]))
			}
			last = dist
			i += 2
		}
	}
	w.symbol(tok, symEnd)
	return w.flush()
}

// decodeCoded appends the body that the coded bits src hold, packed
// against the dictionary d, to dst.
func (c *codes) decode(d *dictionary, dst, src []byte) ([]byte, error) {
	t := &c.tables
	r := bitReader{src: src}
	base := len(dst)
	content := d.content
	tok, lit := t[tableTok], t[tableLit]
	last := 0       // the latest copy's distance
	ref := int64(0) // the reference time
	for {
		if r.overrun() {
			return dst, errTruncated
		}
		r.fill()
		s := r.symbol(tok)
		switch {
		case s < tokHex:
			// 56 bits hold 5 literals of at most 11 bits; what is left
			// after the token, 4.
			for n, k := s+1, 4; n > 0; n, k = n-k, 5 {
				if k == 5 {
					r.fill()
				}
				k = min(n, k)
				for range k {
					dst = append(dst, byte(r.symbol(lit)))
				}
			}
		case s < tokUUID:
			n := s - tokHex + 1
			at := len(dst)
			dst = slices.Grow(dst, 2*n)[:at+2*n]
			for ; n > 0; n -= 6 {
				r.fill()
				for k := min(n, 6); k > 0; k-- {
					b := r.bits(8)
					dst[at], dst[at+1] = hexDigits[b>>4], hexDigits[b&15]
					at += 2
				}
			}
		case s == tokUUID || s == symUUID7:
			var u [16]byte
			if s == tokUUID {
				for k := 0; k < 16; k += 4 {
					r.fill()
					u[k], u[k+1], u[k+2], u[k+3] = byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8))
				}
			} else {
				r.fill()
				u[0], u[1], u[2], u[3], u[4], u[5] = 0x01, byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8))
				u[6], u[7] = 0x70|byte(r.bits(4)), byte(r.bits(8))
				r.fill()
				u[8], u[9], u[10], u[11], u[12] = 0x80|byte(r.bits(6)), byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8))
				r.fill()
				u[13], u[14], u[15] = byte(r.bits(8)), byte(r.bits(8)), byte(r.bits(8))
			}
			dst = appendUUID(dst, &u)
		case s == symTime:
			ms := ref + unzigzag(r.number(t[tableBits]))
			var ok bool
			if dst, ok = appendTime(dst, ms); !ok {
				return dst, errTruncated
			}
			ref = ms
		case s == symDecimal:
			v := r.number(t[tableBits])
			if v < 1e15 {
				return dst, errTruncated
			}
			dst = strconv.AppendUint(dst, v, 10)
			ref = int64(v >> 16)
		case s == symEnd:
			if r.overrun() {
				return dst, errTruncated
			}
			return dst, nil
		case s >= symRepeat:
			if last == 0 {
				return dst, errTruncated
			}
			var err error
			if dst, err = appendCopy(dst, base, content, minMatch+s-symRepeat, last); err != nil {
				return dst, err
			}
		default:
			var n, dist int
			r.fill()
			if s < tokFar {
				n, dist = minMatch+(s>>3&7), 1+((s&7)<<8|r.symbol(t[tableNear]))
			} else {
				lo := r.symbol(t[tableFarLo])
				n, dist = minMatch+(s&0x3F), 1+(lo|r.symbol(t[tableFarHi])<<8)
			}
			last = dist
			var err error
			if dst, err = appendCopy(dst, base, content, n, dist); err != nil {
				return dst, err
			}
		}
	}
}

// appendUUID appends the canonical text of a uuid: 8-4-4-4-12 lowercase hex.
func appendUUID(dst []byte, u *[16]byte) []byte {
	n := len(dst)
	dst = slices.Grow(dst, uuidLen)[:n+uuidLen]
	t := (*[uuidLen]byte)(dst[n:])
	j := 0
	for k, b := range u {
		if k == 4 || k == 6 || k == 8 || k == 10 {
			t[j] = '-'
			j++
		}
		t[j], t[j+1] = hexDigits[b>>4], hexDigits[b&15]
		j += 2
	}
	return dst
}

func zigzag(v int64) uint64   { return uint64(v<<1) ^ uint64(v>>63) }
func unzigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// number writes v as the count of its bits, coded, then the bits below
// its highest.
func (w *bitWriter) number(h *huffman, v uint64) {
	n := uint(bits.Len64(v))
	w.symbol(h, int(n))
	if n > 1 {
		rest := v &^ (1 << (n - 1))
		if n-1 > 32 {
			w.bits(rest&(1<<32-1), 32)
			w.bits(rest>>32, n-1-32)
		} else {
			w.bits(rest, n-1)
		}
	}
}

// number reads what bitWriter.number wrote.
func (r *bitReader) number(h *huffman) uint64 {
	r.fill()
	n := uint(r.symbol(h))
	if n <= 1 {
		return uint64(n)
	}
	v := uint64(1) << (n - 1)
	if n-1 > 32 {
		r.fill()
		v |= r.bits(32)
		r.fill()
		return v | r.bits(n-1-32)<<32
	}
	r.fill()
	return v | r.bits(n-1)
}
