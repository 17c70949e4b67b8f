package words_test

import (
	"testing"
	"time"

	"yunwei/flows/calendar"
	"yunwei/flows/sla"
	"yunwei/flows/sla/slatest"
)

// The clocks' shared fixture (slatest), by the short names the tests use.
func fixture(t testing.TB) *calendar.Calendar { return slatest.Calendar(t) }

func at(t testing.TB, s string) time.Time { return slatest.At(t, s) }

func clock(t *testing.T, clocks []sla.Clock, k sla.ClockKind) sla.Clock {
	return slatest.Clock(t, clocks, k)
}
