package eventbody

import "strconv"

// Events hold times as canonical UTC text with milliseconds
// (2025-12-04T08:34:48.607Z) and the hybrid logical clock as a long
// decimal number: the packing keeps both as the numbers they are.

const timeLen = len("2006-01-02T15:04:05.000Z")

// timeMillis reads the canonical time text at the start of b: its Unix
// milliseconds, and whether b starts with one that appendTime writes back
// byte for byte.
func timeMillis(b []byte) (int64, bool) {
	if len(b) < timeLen || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' || b[19] != '.' || b[23] != 'Z' {
		return 0, false
	}
	num := func(from, to int) (int, bool) {
		n := 0
		for _, c := range b[from:to] {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 7)
	d, ok3 := num(8, 10)
	h, ok4 := num(11, 13)
	mi, ok5 := num(14, 16)
	s, ok6 := num(17, 19)
	ms, ok7 := num(20, 23)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59 {
		return 0, false
	}
	days := daysFromCivil(y, mo, d)
	return ((days*24+int64(h))*60+int64(mi))*60000 + int64(s)*1000 + int64(ms), true
}

// appendTime appends the canonical text of a time in Unix milliseconds;
// ok is false for one outside the years 0000 to 9999.
func appendTime(dst []byte, t int64) ([]byte, bool) {
	days, rest := t/86400000, t%86400000
	if rest < 0 {
		days, rest = days-1, rest+86400000
	}
	y, mo, d := civilFromDays(days)
	if y < 0 || y > 9999 {
		return dst, false
	}
	h, mi, s, ms := rest/3600000, rest/60000%60, rest/1000%60, rest%1000
	n := len(dst)
	dst = append(dst, "0000-00-00T00:00:00.000Z"...)
	b := (*[timeLen]byte)(dst[n:])
	copy(b[0:], twoDigits[2*(y/100):2*(y/100)+2])
	copy(b[2:], twoDigits[2*(y%100):2*(y%100)+2])
	copy(b[5:], twoDigits[2*mo:2*mo+2])
	copy(b[8:], twoDigits[2*d:2*d+2])
	copy(b[11:], twoDigits[2*h:2*h+2])
	copy(b[14:], twoDigits[2*mi:2*mi+2])
	copy(b[17:], twoDigits[2*s:2*s+2])
	b[20] = byte('0' + ms/100)
	copy(b[21:], twoDigits[2*(ms%100):2*(ms%100)+2])
	return dst, true
}

// twoDigits holds 00 to 99.
const twoDigits = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" + "30313233343536373839" +
	"40414243444546474849" + "50515253545556575859" + "60616263646566676869" + "70717273747576777879" +
	"80818283848586878889" + "90919293949596979899"

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil counts days from 1970-01-01 to a proleptic Gregorian date,
// and civilFromDays is its inverse (Howard Hinnant's algorithms).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

func civilFromDays(z int64) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// decimalValue reads a run of 16 to 19 decimal digits that does not start
// with 0: a number that strconv writes back byte for byte.
func decimalValue(run []byte) (uint64, bool) {
	if len(run) < minHexRun || len(run) > 19 || run[0] == '0' {
		return 0, false
	}
	v, err := strconv.ParseUint(string(run), 10, 64)
	return v, err == nil
}
