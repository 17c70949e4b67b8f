package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"yunwei/flows/calendar"
	"yunwei/flows/directory"
	"yunwei/model"
)

var calendarUsage = joinLines(
	"Usage:",
	"  yunwei calendar import FILE --contract C [--dry-run]   holidays and make-up days (text or .ics)",
	"  yunwei calendar show --contract C",
	"",
	"The text format, one entry a line (# starts a comment):",
	"  tz Asia/Shanghai",
	"  weekly mon-fri 09:00-12:00,13:00-18:00",
	"  weekly sat,sun off",
	"  2026-10-01..2026-10-07 holiday 国庆节",
	"  2026-10-10 workday 国庆节调休",
	"An .ics file's all-day events are holidays, or make-up working days when the",
	"summary says 班 / workday (or X-YUNWEI-DAY:workday). Importing needs the admin role.",
)

func (a *App) calendar(ctx context.Context, args []string) error {
	if len(args) > 0 && isHelp(args[0]) {
		return &helpRequest{usage: calendarUsage}
	}
	if len(args) == 0 {
		return usageErr(calendarUsage, "calendar needs a subcommand: import or show")
	}
	fs := a.flagSet("calendar "+args[0], calendarUsage)
	contractRef := fs.String("contract", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	rest, err := a.parseArgs(fs, args[1:], calendarUsage, false)
	if err != nil {
		return err
	}
	if *contractRef == "" {
		return usageErr(calendarUsage, "name the contract with --contract NUMBER")
	}
	s, err := a.open(ctx)
	if err != nil {
		return err
	}
	contract, err := s.FindContract(ctx, *contractRef)
	if err != nil {
		return err
	}
	cal, err := s.Calendar(ctx, contract.CalendarID)
	if err != nil {
		return err
	}
	L := a.session.Lang
	switch args[0] {
	case "show":
		if len(rest) != 0 {
			return usageErr(calendarUsage, "calendar show takes no arguments")
		}
		a.printCalendar(cal, contract)
		return nil
	case "import":
	default:
		return usageErr(calendarUsage, "unknown calendar subcommand %q", args[0])
	}
	if len(rest) != 1 {
		return usageErr(calendarUsage, "calendar import takes one file")
	}
	raw, err := os.ReadFile(rest[0])
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
		return model.Errorf(model.EINVALID, "%s: %s", rest[0], model.ErrorMessage(err))
	}
	for _, w := range ch.Warnings {
		fmt.Fprintf(a.Stderr, "%s: %s\n", rest[0], w)
	}
	for _, o := range calendar.Overrides(cal, ch) {
		fmt.Fprintf(a.Stdout, L.T("replaces: %s")+"\n", o)
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
	if *dryRun {
		fmt.Fprintf(a.Stdout, L.T("Would import %d holidays and %d make-up working days into %s (nothing saved).")+"\n", holidays, workdays, contract.Number)
		return nil
	}
	if _, err := a.execute(ctx, directory.SaveCalendar{Calendar: updated}); err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, L.T("Imported %d holidays and %d make-up working days into the calendar of %s.")+"\n", holidays, workdays, contract.Number)
	return nil
}

func (a *App) printCalendar(cal model.Calendar, contract model.Contract) {
	L := a.session.Lang
	fmt.Fprintf(a.Stdout, "%s · %s · %s\n", cal.Name, contract.Number, cal.TimeZone)
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
			fmt.Fprintf(a.Stdout, "  %s  %s\n", d, m[d])
		}
	}
	list("Holidays", cal.Holidays)
	list("Make-up working days", cal.Workdays)
}
