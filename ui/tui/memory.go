package tui

import "runtime/debug"

// limitMemory keeps the garbage collector close behind the live heap
// (DESIGN §8: 60 MiB peak RSS while browsing 100,000 tickets). Loading the
// queue makes ~30 MB of short-lived garbage around ~18 MB that stays; by
// default the heap would grow to twice what stays. GOGC and GOMEMLIMIT in
// the program's environment win (the runtime has read them at start).
func limitMemory(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(32 << 20)
	}
}
