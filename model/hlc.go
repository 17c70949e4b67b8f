package model

import (
	"fmt"
	"time"
)

// HLC is a hybrid logical clock reading: 48 bits of Unix milliseconds and a
// 16-bit counter. It orders events for display and breaks ties; it never
// decides who wins a conflict (notes/sync-design.md §1.2).
type HLC uint64

// MaxRemoteLead is how far ahead of local wall time a received clock may be
// and still be adopted; a clock further ahead is stored but not adopted
// (notes/sync-design.md §3.3).
const MaxRemoteLead = 10 * time.Minute

// MakeHLC builds a reading from milliseconds and a counter.
func MakeHLC(ms int64, counter uint16) HLC { return HLC(uint64(ms)<<16 | uint64(counter)) }

// Millis is the physical part of the reading.
func (h HLC) Millis() int64 { return int64(h >> 16) }

// Counter is the logical part of the reading.
func (h HLC) Counter() uint16 { return uint16(h) }

// Time is the physical part as a time.
func (h HLC) Time() time.Time { return time.UnixMilli(h.Millis()).UTC() }

// String renders the reading as "millis.counter".
func (h HLC) String() string { return fmt.Sprintf("%d.%d", h.Millis(), h.Counter()) }

// Tick returns the next reading after last for a local event at wall time:
// strictly greater than last, and at least wall when wall is ahead.
func Tick(last HLC, wall time.Time) HLC {
	ms := wall.UnixMilli()
	if ms > last.Millis() {
		return MakeHLC(ms, 0)
	}
	if last.Counter() == 0xffff {
		return MakeHLC(last.Millis()+1, 0)
	}
	return last + 1
}

// Observe merges a received reading into the local clock. A remote reading
// more than MaxRemoteLead ahead of wall time is not adopted, so a device with
// a wrong clock cannot drag everyone's clocks into the future.
func Observe(last, remote HLC, wall time.Time) HLC {
	if remote.Millis() > wall.Add(MaxRemoteLead).UnixMilli() || remote <= last {
		return last
	}
	return remote
}
