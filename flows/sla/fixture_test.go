package sla_test

import (
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla/slatest"
)

// The clocks' shared fixture (slatest), by the short names the tests use.
func fixture(t testing.TB) *calendar.Calendar { return slatest.Calendar(t) }

var shanghai = slatest.Shanghai

func at(t testing.TB, s string) time.Time { return slatest.At(t, s) }

func hm(t time.Time) string { return t.In(shanghai).Format("2006-01-02 15:04") }
