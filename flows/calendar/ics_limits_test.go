package calendar_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"yunwei/flows/calendar"
	"yunwei/model"
	"yunwei/model/i18n"
)

// foldedFile is an iCalendar file of about size bytes: holidays whose
// descriptions are folded after every character, as a hostile or broken
// writer may fold them.
func foldedFile(size int) (file string, events int) {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for b.Len() < size-16<<10 {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026%02d%02d\r\nSUMMARY:假日\r\nDESCRIPTION:", events/28+1, events%28+1)
		for range 2048 {
			b.WriteString("\r\n 休")
		}
		b.WriteString("\r\nEND:VEVENT\r\n")
		events++
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String(), events
}

// TestParseICSUnfoldsInLinearWork: a 1 MB file folded into 160,000
// pieces is read with work in proportion to its size (measured as
// the bytes allocated, which do not depend on the machine's speed), where
// joining piece by piece copied each description again for every piece.
func TestParseICSUnfoldsInLinearWork(t *testing.T) {
	file, events := foldedFile(1_000_000)
	if len(file) > calendar.MaxFileBytes {
		t.Fatalf("fixture is %d bytes, over the limit", len(file))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ch, err := calendar.ParseICS(strings.NewReader(file))
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Days) == 0 || events < 50 {
		t.Fatalf("read %d days from %d events", len(ch.Days), events)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("reading a %d-byte file allocated %d bytes", len(file), allocated)
	if allocated > 30*uint64(len(file)) {
		t.Fatalf("reading a %d-byte file allocated %d bytes: unfolding is not linear", len(file), allocated)
	}
}

func TestParseICSRefusesALineLongerThanACalendarNeeds(t *testing.T) {
	file := ics("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20261001", "SUMMARY:国庆节",
		"DESCRIPTION:"+strings.Repeat("x\r\n y", 40<<10), "END:VEVENT", "END:VCALENDAR")
	_, err := calendar.ParseICS(strings.NewReader(file))
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(err.Error(), "line 5 is longer than 64 KiB") {
		t.Fatalf("error = %v, want line 5 refused as longer than 64 KiB", err)
	}
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "第 5 行展开折行后超过 64 KiB") {
		t.Errorf("in Chinese: %q", zh)
	}
}

func TestParseICSRefusesAFileLargerThanTheLimit(t *testing.T) {
	file, _ := foldedFile(calendar.MaxFileBytes + 20<<10)
	_, err := calendar.ParseICS(strings.NewReader(file))
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Fatalf("error = %v, want the file refused as larger than 1 MiB", err)
	}
	if zh := model.ErrorText(err, i18n.Zh); !strings.Contains(zh, "文件超过 1 MiB") {
		t.Errorf("in Chinese: %q", zh)
	}
}

// TestParseICSWordsOnlyTheFirstProblems: a file of a hundred thousand bad
// lines (and no event) costs no more than the twenty problems it shows.
func TestParseICSWordsOnlyTheFirstProblems(t *testing.T) {
	file := ics("BEGIN:VCALENDAR", strings.Repeat("garbage\r\n", 100_000)+"END:VCALENDAR")
	_, err := calendar.ParseICS(strings.NewReader(file))
	if err == nil || strings.Count(err.Error(), "\n") != 20 || !strings.Contains(err.Error(), "… and 99981 more problems") {
		t.Fatalf("error = %v, want 20 problems and a count of the rest", err)
	}
}
