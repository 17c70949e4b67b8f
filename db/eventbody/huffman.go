package eventbody

import (
	"encoding/binary"
	"errors"
	"sort"
)

// Static Huffman codes: each table is fixed by the code length of every
// symbol (a codes file, codes.go), canonical codes are derived from the
// lengths, and bits are written least significant first, as in DEFLATE.

// maxCodeBits bounds a code's length, so that one look-up in a table of
// 1<<maxCodeBits entries decodes any symbol.
const maxCodeBits = 11

// huffman is one table: each symbol's code, bit-reversed to be written
// least significant bit first, with its length above bit 16; and the
// decoding table indexed by the next maxCodeBits bits: symbol<<4 | length.
type huffman struct {
	enc    [numToks]uint32
	decode [1 << maxCodeBits]uint16
	// counts, in a table made to train codes (TrainCodes), counts each
	// symbol written instead of writing its code.
	counts []int
}

var errBadLengths = errors.New("code lengths that are not a complete prefix code")

// newHuffman builds the canonical code of the given lengths, which must
// describe a complete prefix code of lengths 1 to maxCodeBits.
func newHuffman(lengths []uint8) (*huffman, error) {
	if len(lengths) > numToks {
		return nil, errBadLengths
	}
	h := &huffman{}
	var count [maxCodeBits + 1]int
	for _, l := range lengths {
		if l == 0 || l > maxCodeBits {
			return nil, errBadLengths
		}
		count[l]++
	}
	var next [maxCodeBits + 2]int
	code, room := 0, 1
	for l := 1; l <= maxCodeBits; l++ {
		room = room*2 - count[l]
		if room < 0 {
			return nil, errBadLengths
		}
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	if room != 0 {
		return nil, errBadLengths
	}
	for sym, l := range lengths {
		c := next[l]
		next[l]++
		rev := reverseBits(uint16(c), l)
		h.enc[sym] = uint32(rev) | uint32(l)<<16
		for i := int(rev); i < len(h.decode); i += 1 << l {
			h.decode[i] = uint16(sym)<<4 | uint16(l)
		}
	}
	return h, nil
}

func reverseBits(c uint16, n uint8) uint16 {
	var r uint16
	for range n {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}

// codeLengths gives each symbol a code length from how often it was seen,
// every symbol at least one bit and at most maxCodeBits: a Huffman code
// of the counts plus one, the counts halved until it fits.
func codeLengths(counts []int) []uint8 {
	weights := make([]int, len(counts))
	for i, c := range counts {
		weights[i] = c + 1
	}
	for {
		lengths := huffmanLengths(weights)
		longest := uint8(0)
		for _, l := range lengths {
			longest = max(longest, l)
		}
		if longest <= maxCodeBits {
			return lengths
		}
		for i := range weights {
			weights[i] = weights[i]/2 + 1
		}
	}
}

// huffmanLengths is the length of each symbol's code in a Huffman code of
// the weights; ties are broken by symbol, so the result is the same on
// every run.
func huffmanLengths(weights []int) []uint8 {
	type node struct {
		weight, order int
		symbols       []int
	}
	nodes := make([]node, len(weights))
	for i, w := range weights {
		nodes[i] = node{w, i, []int{i}}
	}
	lengths := make([]uint8, len(weights))
	order := len(weights)
	for len(nodes) > 1 {
		sort.Slice(nodes, func(i, j int) bool {
			if nodes[i].weight != nodes[j].weight {
				return nodes[i].weight < nodes[j].weight
			}
			return nodes[i].order < nodes[j].order
		})
		a, b := nodes[0], nodes[1]
		for _, s := range a.symbols {
			lengths[s]++
		}
		for _, s := range b.symbols {
			lengths[s]++
		}
		merged := node{a.weight + b.weight, order, append(append([]int(nil), a.symbols...), b.symbols...)}
		order++
		nodes = append(nodes[2:], merged)
	}
	return lengths
}

// bitWriter appends bits to a byte slice, least significant first.
type bitWriter struct {
	dst  []byte
	acc  uint64
	nacc uint
}

// bits writes the n ≤ 32 low bits of v.
func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	if w.nacc >= 32 {
		w.dst = binary.LittleEndian.AppendUint32(w.dst, uint32(w.acc))
		w.acc >>= 32
		w.nacc -= 32
	}
}

func (w *bitWriter) symbol(h *huffman, s int) {
	if h.counts != nil {
		h.counts[s]++
		return
	}
	e := h.enc[s]
	w.bits(uint64(e&0xFFFF), uint(e>>16))
}

// flush writes the last bits, padded with zeros to a whole byte.
func (w *bitWriter) flush() []byte {
	for w.nacc > 0 {
		w.dst = append(w.dst, byte(w.acc))
		w.acc >>= 8
		w.nacc -= min(w.nacc, 8)
	}
	return w.dst
}

// bitReader reads what bitWriter wrote. Past the end it reads zeros;
// overrun tells whether more bits were taken than there are.
type bitReader struct {
	src  []byte
	pos  int // bytes loaded into acc, counting those past the end
	acc  uint64
	nacc uint
}

// fill loads bytes until at least 56 bits are held.
func (r *bitReader) fill() {
	if r.pos+8 <= len(r.src) {
		r.acc |= binary.LittleEndian.Uint64(r.src[r.pos:]) << r.nacc
		r.pos += int(63-r.nacc) >> 3
		r.nacc |= 56
		return
	}
	r.fillEnd()
}

// fillEnd fills from the last bytes, then zeros, counted, so that overrun
// can tell.
func (r *bitReader) fillEnd() {
	for r.nacc <= 56 {
		if r.pos < len(r.src) {
			r.acc |= uint64(r.src[r.pos]) << r.nacc
		}
		r.pos++
		r.nacc += 8
	}
}

// symbol reads one symbol; at least maxCodeBits bits must be held.
func (r *bitReader) symbol(h *huffman) int {
	e := h.decode[r.acc&(1<<maxCodeBits-1)]
	r.acc >>= e & 15
	r.nacc -= uint(e & 15)
	return int(e >> 4)
}

// bits reads n bits; at least n must be held.
func (r *bitReader) bits(n uint) uint64 {
	v := r.acc & (1<<n - 1)
	r.acc >>= n
	r.nacc -= n
	return v
}

// overrun reports whether the reads went past the end of the input.
func (r *bitReader) overrun() bool { return r.pos*8-int(r.nacc) > 8*len(r.src) }
