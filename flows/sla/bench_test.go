package sla_test

import (
	"testing"

	"yunwei/flows/sla"
	"yunwei/model"
)

// BenchmarkClocks measures the queue's per-row cost: a ticket open for a
// quarter past its due time, counted in working time (the slow mode).
func BenchmarkClocks(b *testing.B) {
	targets := model.DefaultSLA()
	targets.BusinessDurations = true
	in := sla.Input{ReportedAt: at(b, "2026-07-01 10:00"), OnSite: true, Targets: targets, Calendar: fixture(b)}
	now := at(b, "2026-10-08 12:00")
	for b.Loop() {
		sla.Clocks(in, now)
	}
}

// BenchmarkClocksWall is the default, wall-clock mode.
func BenchmarkClocksWall(b *testing.B) {
	in := sla.Input{ReportedAt: at(b, "2026-07-01 10:00"), OnSite: true, Targets: model.DefaultSLA(), Calendar: fixture(b)}
	now := at(b, "2026-10-08 12:00")
	for b.Loop() {
		sla.Clocks(in, now)
	}
}
