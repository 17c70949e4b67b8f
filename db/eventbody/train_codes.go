package eventbody

import (
	"encoding/binary"
	"math/bits"
)

// TrainCodes makes a codes file from sample bodies: each is packed
// against the dictionary of the formats that follow dict-v1.bin, and the
// code lengths follow how often each symbol of each table came up. The
// train command (./train) writes it from demo data; the same bodies give
// the same file.
func TrainCodes(bodies [][]byte) []byte {
	d := dict1.load()
	var counts [numTables][]int
	for t, n := range tableSizes {
		counts[t] = make([]int, n)
	}
	var buf []byte
	for _, body := range bodies {
		buf = d.encode(buf[:0], body)
		countSymbols(&counts, buf)
		counts[tableTok][symEnd]++
	}
	var out []byte
	for t := range counts {
		for _, l := range codeLengths(counts[t]) {
			out = append(out, l)
		}
	}
	return out
}

// countSymbols counts the symbols that coding the packing p writes.
func countSymbols(counts *[numTables][]int, p []byte) {
	last := 0       // the latest copy's distance
	ref := int64(0) // the reference time
	for i := 0; i < len(p); {
		tk := p[i]
		i++
		switch {
		case tk < tokHex:
			counts[tableTok][tk]++
			for _, b := range p[i : i+int(tk)+1] {
				counts[tableLit][b]++
			}
			i += int(tk) + 1
		case tk < tokUUID:
			counts[tableTok][tk]++
			i += int(tk-tokHex) + 1
		case tk == tokExt && p[i] == extTime:
			ms := int64(binary.LittleEndian.Uint64(p[i+1:]))
			counts[tableTok][symTime]++
			counts[tableBits][bits.Len64(zigzag(ms-ref))]++
			ref = ms
			i += 9
		case tk == tokExt && p[i] == extDecimal:
			v := binary.LittleEndian.Uint64(p[i+1:])
			counts[tableTok][symDecimal]++
			counts[tableBits][bits.Len64(v)]++
			ref = int64(v >> 16)
			i += 9
		case tk == tokExt:
			if isUUID7(p[i+1 : i+17]) {
				counts[tableTok][symUUID7]++
			} else {
				counts[tableTok][tokUUID]++
			}
			i += 17
		case tk < tokFar:
			n, dist := minMatch+int(tk>>3&7), 1+(int(tk&7)<<8|int(p[i]))
			if dist == last {
				counts[tableTok][symRepeat+n-minMatch]++
			} else {
				counts[tableTok][tk]++
				counts[tableNear][p[i]]++
			}
			last = dist
			i++
		default:
			n, dist := minMatch+int(tk&0x3F), 1+(int(p[i])|int(p[i+1])<<8)
			if dist == last {
				counts[tableTok][symRepeat+n-minMatch]++
			} else {
				counts[tableTok][tk]++
				counts[tableFarLo][p[i]]++
				counts[tableFarHi][p[i+1]]++
			}
			last = dist
			i += 2
		}
	}
}
