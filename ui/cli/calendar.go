package cli

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"yunwei/flows/calendar"
	"yunwei/flows/directory"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/words"
)

var calendarCommands = []command{
	{group: "calendar", name: "import", usage: "FILE --contract C [--dry-run]",
		summary: "import holidays and make-up days (text or .ics) into a contract's calendar",
		about:   "Imports holidays and make-up working days into the business calendar of a contract. Importing needs the admin role.",
		new:     func() action { return new(calendarImport) }},
	{group: "calendar", name: "show", usage: "--contract C",
		summary: "show a contract's business calendar", new: func() action { return new(calendarShow) }},
}

// calendarAbout is what the calendar commands' help says.
const calendarAbout = "The text format, one entry a line (# starts a comment):\n" +
	"  tz Asia/Shanghai\n" +
	"  weekly mon-fri 09:00-12:00,13:00-18:00\n" +
	"  weekly sat,sun off\n" +
	"  2026-10-01..2026-10-07 holiday 国庆节\n" +
	"  2026-10-10 workday 国庆节调休\n" +
	"An .ics file's all-day events are holidays, or make-up working days when the " +
	"summary says 班 / workday (or X-YUNWEI-DAY:workday)."

func contractFlag(fs *flag.FlagSet, v *string) {
	fs.StringVar(v, "contract", "", "the contract `C` whose calendar it is (number or id; required)")
}

// contractCalendar finds the contract --contract names and its calendar.
func (a *App) contractCalendar(ctx context.Context, ref string) (model.Contract, model.Calendar, error) {
	if ref == "" {
		return model.Contract{}, model.Calendar{}, a.wrong("name the contract with --contract NUMBER")
	}
	s, err := a.open(ctx)
	if err != nil {
		return model.Contract{}, model.Calendar{}, err
	}
	contract, err := s.FindContract(ctx, ref)
	if err != nil {
		return model.Contract{}, model.Calendar{}, err
	}
	cal, err := s.Calendar(ctx, contract.CalendarID)
	return contract, cal, err
}

// calendarShow is `yunwei calendar show`.
type calendarShow struct{ contract string }

func (c *calendarShow) flags(fs *flag.FlagSet) { contractFlag(fs, &c.contract) }

func (c *calendarShow) run(ctx context.Context, a *App, rest []string) error {
	contract, cal, err := a.contractCalendar(ctx, c.contract)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return a.wrong("calendar show takes no arguments")
	}
	a.printCalendar(cal, contract)
	return nil
}

// calendarImport is `yunwei calendar import`.
type calendarImport struct {
	contract string
	dryRun   bool
}

func (c *calendarImport) flags(fs *flag.FlagSet) {
	contractFlag(fs, &c.contract)
	fs.BoolVar(&c.dryRun, "dry-run", false, "say what the import would change, and save nothing")
}

func (c *calendarImport) run(ctx context.Context, a *App, rest []string) error {
	contract, cal, err := a.contractCalendar(ctx, c.contract)
	if err != nil {
		return err
	}
	L := a.session.Lang
	if len(rest) != 1 {
		return a.wrong("calendar import takes one file")
	}
	raw, err := readAtMost(rest[0], calendar.MaxFileBytes+1)
	if err != nil {
		return model.Errorf(model.EINVALID, "cannot read %s: %v", rest[0], err)
	}
	var ch calendar.Changes
	if strings.EqualFold(filepath.Ext(rest[0]), ".ics") || bytes.Contains(raw[:min(len(raw), 512)], []byte("BEGIN:VCALENDAR")) {
		ch, err = calendar.ParseICS(bytes.NewReader(raw))
	} else {
		ch, err = calendar.ParseText(bytes.NewReader(raw))
	}
	if err != nil {
		return model.Errorf(model.EINVALID, "%s: %s", rest[0], err)
	}
	for _, w := range ch.Warnings {
		printLine(a.Stderr, "%s: %s", rest[0], words.Notice(L, w))
	}
	for _, o := range calendar.Overrides(cal, ch) {
		printLine(a.Stdout, L.T("replaces: %s"), words.Notice(L, o))
	}
	updated, err := calendar.Apply(cal, ch)
	if err != nil {
		return err
	}
	holidays, workdays := 0, 0
	for _, d := range ch.Days {
		if d.Kind == calendar.DayHoliday {
			holidays++
		} else {
			workdays++
		}
	}
	if c.dryRun {
		h, w := dayCounts(L, holidays, workdays)
		printLine(a.Stdout, "%s", L.Tf("Would import %s and %s into %s (nothing saved).", h, w, contract.Number))
		return nil
	}
	if _, err := a.execute(ctx, directory.SaveCalendar{Calendar: updated}); err != nil {
		return err
	}
	h, w := dayCounts(L, holidays, workdays)
	printLine(a.Stdout, "%s", L.Tf("Imported %s and %s into the calendar of %s.", h, w, contract.Number))
	return nil
}

// dayCounts words the holidays and make-up working days of an import:
// "1 holiday", "2 make-up working days".
func dayCounts(L i18n.Lang, holidays, workdays int) (string, string) {
	return L.Plural(holidays, "%d holiday", "%d holidays", holidays),
		L.Plural(workdays, "%d make-up working day", "%d make-up working days", workdays)
}

func (a *App) printCalendar(cal model.Calendar, contract model.Contract) {
	L := a.session.Lang
	printLine(a.Stdout, "%s · %s · %s", cal.Name, contract.Number, cal.TimeZone)
	days := []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	for i := 1; i <= 7; i++ {
		d := i % 7
		hours := strings.Join(cal.Weekly[d], ", ")
		if hours == "" {
			hours = L.T("no work")
		}
		fmt.Fprintf(a.Stdout, "  %s  %s\n", L.T(days[d]), hours)
	}
	list := func(title string, m map[string]string) {
		if len(m) == 0 {
			return
		}
		dates := make([]string, 0, len(m))
		for d := range m {
			dates = append(dates, d)
		}
		sort.Strings(dates)
		fmt.Fprintf(a.Stdout, "%s\n", L.T(title))
		for _, d := range dates {
			printLine(a.Stdout, "  %s  %s", d, m[d])
		}
	}
	list("Holidays", cal.Holidays)
	list("Make-up working days", cal.Workdays)
}

// readAtMost reads up to n bytes of a file: one byte past a parser's limit
// is enough for it to refuse the file, and a huge file is never read whole.
func readAtMost(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}
