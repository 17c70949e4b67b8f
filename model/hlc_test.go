package model

import (
	"testing"
	"time"
)

func TestTickIsMonotonicEvenWhenTheWallClockGoesBack(t *testing.T) {
	wall := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var h HLC
	for i, w := range []time.Time{wall, wall, wall.Add(-time.Hour), wall.Add(time.Millisecond), wall.Add(-24 * time.Hour)} {
		next := Tick(h, w)
		if next <= h {
			t.Fatalf("step %d: %v not after %v", i, next, h)
		}
		h = next
	}
	if h.Millis() != wall.Add(time.Millisecond).UnixMilli() {
		t.Fatalf("physical part %d, want the latest wall time", h.Millis())
	}
}

func TestObserveIgnoresClocksFarInTheFuture(t *testing.T) {
	wall := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	local := MakeHLC(wall.UnixMilli(), 3)
	near := MakeHLC(wall.Add(9*time.Minute).UnixMilli(), 0)
	far := MakeHLC(wall.Add(11*time.Minute).UnixMilli(), 0)
	if got := Observe(local, near, wall); got != near {
		t.Fatalf("a clock 9 min ahead should be adopted, got %v", got)
	}
	if got := Observe(local, far, wall); got != local {
		t.Fatalf("a clock 11 min ahead must not be adopted, got %v", got)
	}
	if got := Observe(local, MakeHLC(1, 0), wall); got != local {
		t.Fatalf("an older remote clock changed ours: %v", got)
	}
}

func TestNewIDAtIsVersion7AndSortsByTime(t *testing.T) {
	zero := zeroReader{}
	a := NewIDAt(time.UnixMilli(1000), zero)
	b := NewIDAt(time.UnixMilli(2000), zero)
	if a.String() >= b.String() {
		t.Fatalf("ids do not sort by time: %s %s", a, b)
	}
	if a[6]>>4 != 7 || a[8]>>6 != 2 {
		t.Fatalf("not a v7 id: %s", a)
	}
	if _, err := ParseID("not-an-id"); ErrorCode(err) != EINVALID {
		t.Fatalf("bad id text: %v", err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }
