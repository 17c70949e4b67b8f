package ticket

import (
	"strconv"
	"strings"
)

// PersonDays writes minutes as person-days of MinutesPerPersonDay, to two
// decimals rounded half up, without trailing zeros: 90 → "0.19", 720 →
// "1.5", 480 → "1". Every effort and quota is worded through it, so one
// effort reads the same on every screen and in every command.
func PersonDays(m int) string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	hundredths := (m*100 + MinutesPerPersonDay/2) / MinutesPerPersonDay
	s := strconv.Itoa(hundredths/100) + "." + strconv.Itoa(100 + hundredths%100)[1:]
	s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	if s == "0" {
		return s
	}
	return sign + s
}
