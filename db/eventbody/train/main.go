// Command train builds an event-body dictionary from demo data: go run
// ./db/eventbody/train -o db/eventbody/dict-v2.bin; with -codes, the
// Huffman codes of the coded formats instead: go run ./db/eventbody/train
// -codes -o db/eventbody/codes-v3.bin (the doc of package eventbody says
// how a new one is released).
//
// The data is `yunwei demo` with a seed of its own (Seed below), not the
// seed the README's figures are measured on, so that the dictionary holds
// what events of each kind look like rather than the measured events
// themselves. The same program gives the same file on every run: the
// demo is deterministic for a seed and an anchor time, and the one value
// it draws from the machine, the device's id, is replaced by a fixed one.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("o", "", "the file to write (a new dict-vN.bin or codes-vN.bin: a released one never changes)")
	codes := flag.Bool("codes", false, "write the Huffman codes of the packed tokens, not a dictionary")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: train [-codes] -o db/eventbody/dict-vN.bin")
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "yunwei-train-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	train := Train
	if *codes {
		train = TrainCodes
	}
	d, err := train(context.Background(), filepath.Join(dir, "train.db"))
	if err == nil {
		err = os.WriteFile(*out, d, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d bytes\n", *out, len(d))
}
