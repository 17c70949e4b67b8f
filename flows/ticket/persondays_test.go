package ticket

import "testing"

// Person-days round half up to two decimals, the same everywhere: 90
// minutes is 0.1875 person-days, 0.19 (not 0.18 here and 0.19 there).
func TestPersonDaysRoundOneWay(t *testing.T) {
	cases := map[int]string{
		0: "0", 1: "0", 2: "0", 3: "0.01", 90: "0.19", 300: "0.63", 330: "0.69", 480: "1", 720: "1.5",
		14400: "30", 11010: "22.94", -90: "-0.19", -1: "0",
	}
	for m, want := range cases {
		if got := PersonDays(m); got != want {
			t.Errorf("PersonDays(%d) = %q, want %q", m, got, want)
		}
	}
	for m, want := range map[int]string{
		90: "90 minutes (0.19 person-days)", 480: "480 minutes (1 person-day)", 1: "1 minute (0 person-days)",
		14400: "14400 minutes (30 person-days)",
	} {
		if got := FormatMinutes(m); got != want {
			t.Errorf("FormatMinutes(%d) = %q, want %q", m, got, want)
		}
	}
}
