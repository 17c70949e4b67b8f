package model

import (
	"strings"
	"testing"
	"time"
)

// One default zone, never the laptop's: an empty, unknown or "Local" name
// falls back to Asia/Shanghai, and a typed wall time is read in the zone
// given, whatever time.Local is.
func TestZonesNeverFallBackToTheLaptops(t *testing.T) {
	old := time.Local
	time.Local = time.FixedZone("laptop", -5*3600)
	defer func() { time.Local = old }()
	for _, name := range []string{"", "Local", "Mars/Olympus", DefaultZoneName} {
		if got := Zone(name); got.String() != DefaultZoneName {
			t.Errorf("Zone(%q) = %s, want %s", name, got, DefaultZoneName)
		}
	}
	if got := Zone("Europe/Berlin"); got.String() != "Europe/Berlin" {
		t.Errorf("Zone(Europe/Berlin) = %s", got)
	}
	cases := []struct{ in, want string }{
		{"2026-11-28 20:00", "2026-11-28T12:00:00.000Z"},
		{" 2026-11-28T20:00:30 ", "2026-11-28T12:00:30.000Z"},
		{"2026-11-28T20:00:00+01:00", "2026-11-28T19:00:00.000Z"},
	}
	for _, c := range cases {
		got, err := ParseLocalTime(c.in, DefaultZone())
		if err != nil || FormatTime(got) != c.want {
			t.Errorf("ParseLocalTime(%q) = %s, %v; want %s", c.in, FormatTime(got), err, c.want)
		}
	}
	for _, bad := range []string{"", "2026-02-30 09:00", "明天 9 点", "28/11/2026 20:00"} {
		if _, err := ParseLocalTime(bad, DefaultZone()); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "contract's time zone") {
			t.Errorf("ParseLocalTime(%q): %v", bad, err)
		}
	}
	if got := LocalClock(time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC), DefaultZone()); got != "2026-11-28 20:00" {
		t.Errorf("LocalClock = %s", got)
	}
}

// A short id is the random tail of a UUIDv7: ids made in the same
// millisecond differ there; an id is named by its start or its short id.
func TestShortIDIsTheRandomTail(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	a, b := NewIDAt(now, strings.NewReader(strings.Repeat("\x11", 10))), NewIDAt(now, strings.NewReader(strings.Repeat("\x22", 10)))
	if a.String()[:8] != b.String()[:8] || a.Short() == b.Short() {
		t.Fatalf("short ids %s and %s of %s and %s", a.Short(), b.Short(), a, b)
	}
	if a.Short() != a.String()[28:] {
		t.Fatalf("Short() = %s, want the last 8 digits of %s", a.Short(), a)
	}
	for _, ref := range []string{a.Short(), strings.ToUpper(a.Short()), a.String()[:8], a.String()[:13], a.String()} {
		hex, ok := IDRef(ref)
		if !ok || !a.Matches(hex) {
			t.Errorf("%q does not name %s", ref, a)
		}
	}
	for _, ref := range []string{"1234567", "DEM-2026-0042", "ghijklmn", ""} {
		if _, ok := IDRef(ref); ok {
			t.Errorf("%q read as part of an id", ref)
		}
	}
	if hex, _ := IDRef(b.Short()); a.Matches(hex) {
		t.Errorf("%s matches %s's short id", a, b)
	}
}

// Yes and no read the same everywhere.
func TestParseYesNo(t *testing.T) {
	for in, want := range map[string]bool{"yes": true, "Y": true, "true": true, "1": true, "是": true, " no ": false, "N": false, "FALSE": false, "0": false, "否": false} {
		if got, ok := ParseYesNo(in); !ok || got != want {
			t.Errorf("ParseYesNo(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "maybe", "对", "2"} {
		if _, ok := ParseYesNo(in); ok {
			t.Errorf("ParseYesNo(%q) accepted", in)
		}
	}
}
