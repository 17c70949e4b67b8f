package model

import (
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the default zone and every calendar's must resolve on any laptop, with or without a system zone database
)

// DefaultZoneName is the zone of a business calendar that names none, and
// of a ticket whose contract's calendar cannot be read (DESIGN §2: the 5×8
// calendar counts in China Standard Time). Every default zone in yunwei is
// this one: never the laptop's, which would make one typed time mean
// different instants on different laptops.
const DefaultZoneName = "Asia/Shanghai"

var defaultZone = func() *time.Location {
	loc, err := time.LoadLocation(DefaultZoneName)
	if err != nil { // unreachable with time/tzdata embedded
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// DefaultZone is the location of DefaultZoneName.
func DefaultZone() *time.Location { return defaultZone }

var zones sync.Map // name → *time.Location

// LoadZone is time.LoadLocation with a cache: the standard library reads
// the zone file again on every call, and every decision and SLA clock asks
// for its contract's zone. "Local" is refused: it is the laptop's zone.
func LoadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	if name == "" || name == "Local" {
		return nil, Errorf(EINVALID, "time zone %q is unknown: use an IANA name such as %s", name, DefaultZoneName)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}

// Zone is the named zone, or DefaultZone when name is empty or unknown:
// where the times of a contract whose calendar names no zone are read and
// shown.
func Zone(name string) *time.Location {
	if loc, err := LoadZone(name); err == nil {
		return loc
	}
	return defaultZone
}

// localLayouts are how people type a time without its offset: to the
// minute as screens show times, or to the second, with a space or a T.
var localLayouts = []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05"}

// ParseLocalTime reads a time as people type it: RFC 3339 with its own
// offset, or a wall time (2026-11-27 14:30) read in loc, the zone of the
// contract the time belongs to, so that the command line and the terminal
// UI read one typed time as the same instant whatever the laptop's zone.
// The result is in UTC.
func ParseLocalTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range localLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, Errorf(EINVALID, "%q is not a time: write it like 2026-11-27 09:30 (in the contract's time zone) or 2026-11-27T09:30:00+08:00", s)
}

// LocalClock writes t as screens show times, to the minute in loc:
// "2026-11-27 14:30".
func LocalClock(t time.Time, loc *time.Location) string { return t.In(loc).Format("2006-01-02 15:04") }
