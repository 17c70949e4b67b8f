package eventbody

// TrainCodes makes a codes file from sample bodies: each is packed
// against the dictionary of the formats that follow dict-v1.bin, and the
// code lengths follow how often each symbol of each table came up. The
// train command (./train) writes it from demo data; the same bodies give
// the same file.
func TrainCodes(bodies [][]byte) []byte {
	d := dict1.load()
	// The packings are coded as Encode codes them, through tables that
	// count each symbol: the counts are of exactly what coding writes.
	var counting codes
	for t, n := range tableSizes {
		counting.tables[t] = &huffman{counts: make([]int, n)}
	}
	var buf, bits []byte
	for _, body := range bodies {
		buf = d.encode(buf[:0], body)
		bits = counting.code(bits[:0], buf)
	}
	var out []byte
	for _, t := range counting.tables {
		for _, l := range codeLengths(t.counts) {
			out = append(out, l)
		}
	}
	return out
}
