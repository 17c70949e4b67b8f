package model

import (
	"sync"
	"time"
)

var zones sync.Map // name → *time.Location

// LoadZone is time.LoadLocation with a cache: the standard library reads
// the zone file again on every call, and every decision and SLA clock asks
// for its contract's zone.
func LoadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}
