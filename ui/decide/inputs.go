package decide

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/huh"

	"yunwei/flows"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/common"
	"yunwei/ui/text"
	"yunwei/ui/words"
)

// inputTitle is an input's label from the flow table, marked when required.
func inputTitle(in ticket.Input, kind model.Kind, L i18n.Lang) string {
	title := words.Input(L, kind, &in)
	if in.Required {
		title += " " + L.T("(required)")
	}
	return title
}

// inputField is the form field for one decision input, by its type: text
// areas for text, lists for yes/no, users and ratings, a line for minutes,
// times and dates, checked as typed so mistakes show at the field; desc,
// when given, is said under its title. w is the width its title and
// description wrap to.
func inputField(in ticket.Input, v *string, desc string, c *Context, L i18n.Lang, w int) field {
	title, name := inputTitle(in, c.Ticket.Kind, L), words.Input(L, c.Ticket.Kind, &in)
	var opts []huh.Option[string]
	if !in.Required {
		opts = append(opts, huh.NewOption(L.T("— not given —"), ""))
	}
	required := func(s string) error {
		if in.Required && strings.TrimSpace(s) == "" {
			return errors.New(L.Tf("Fill in %s.", name))
		}
		return nil
	}
	// line is a one-line field, checked by check once something is typed.
	line := func(placeholder string, check func(string) error) field {
		f := huh.NewInput().Title(title).Placeholder(placeholder).Value(v).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return required(s)
			}
			return check(strings.TrimSpace(s))
		})
		if desc != "" {
			f.Description(desc)
		}
		return field{f: f, rows: rows(title, desc, 1, w)}
	}
	list := func(h int) field {
		f := huh.NewSelect[string]().Title(title).Options(opts...).Value(v)
		if desc != "" {
			f.Description(desc)
		}
		body := len(opts)
		if h > 0 {
			body = h - 1
		}
		return field{f: f, h: h, rows: rows(title, desc, body, w)}
	}
	switch in.Type {
	case ticket.InputBool:
		opts = append(opts, huh.NewOption(L.T("yes"), "true"), huh.NewOption(L.T("no"), "false"))
		return list(0)
	case ticket.InputRating:
		for n := 5; n >= 1; n-- {
			opts = append(opts, huh.NewOption(strconv.Itoa(n)+" "+L.T(ratingWords[n]), strconv.Itoa(n)))
		}
		return list(0)
	case ticket.InputUser:
		for _, u := range c.Users {
			opts = append(opts, huh.NewOption(text.Sanitize(u.Name+" ("+u.Login+")", false), u.ID.String()))
		}
		return list(min(len(opts), 6) + 1)
	case ticket.InputMinutes:
		return line(L.T("e.g. 90, 2h or 1d (1 person-day = 480 minutes)"), func(s string) error {
			_, err := minutesValue(in, name, s, L)
			return err
		})
	case ticket.InputTime:
		loc := common.Zone(c.Ticket.TimeZone)
		return line(L.T("e.g.")+" 2026-11-27 14:30", func(s string) error {
			_, err := timeValue(s, loc, L)
			return err
		})
	case ticket.InputDate:
		return line(L.T("e.g.")+" 2026-11-27", func(s string) error { return dateValue(s, L) })
	}
	const lines = 2
	f := huh.NewText().Title(title).CharLimit(flows.MaxText).ExternalEditor(false).Value(v).Validate(required)
	if desc != "" {
		f.Description(desc)
	}
	return field{f: f, h: lines, rows: rows(title, desc, lines, w)}
}

// ratingWords name the points of a rating (seed §2.7: service quality).
var ratingWords = map[int]string{5: "excellent", 4: "good", 3: "fair", 2: "poor", 1: "very poor"}

// inputValue turns what was typed into the text flows reads: times typed
// in the contract's zone become RFC 3339; the rest flows reads as typed.
// Required inputs left empty are refused here, in the form's words.
func inputValue(in ticket.Input, v string, c *Context, L i18n.Lang) (string, error) {
	v = strings.TrimSpace(v)
	name := words.Input(L, c.Ticket.Kind, &in)
	if v == "" {
		if in.Required {
			return "", errors.New(L.Tf("Fill in %s.", name))
		}
		return "", nil
	}
	switch in.Type {
	case ticket.InputTime:
		t, err := timeValue(v, common.Zone(c.Ticket.TimeZone), L)
		if err != nil {
			return "", err
		}
		return model.FormatTime(t), nil
	case ticket.InputMinutes:
		if _, err := minutesValue(in, name, v, L); err != nil {
			return "", err
		}
	case ticket.InputDate:
		if err := dateValue(v, L); err != nil {
			return "", err
		}
	}
	return v, nil
}

// minutesValue reads minutes typed for input in, called name in messages.
func minutesValue(in ticket.Input, name, v string, L i18n.Lang) (int, error) {
	n, err := ticket.ParseMinutes(v)
	switch {
	case err != nil:
		return 0, errors.New(L.Tf("%s: write minutes (90), hours (2h) or person-days (1d = 480 minutes).", name))
	case n <= 0:
		return 0, errors.New(L.Tf("%s must be more than 0 minutes.", name))
	case in.Max > 0 && n > in.Max:
		return 0, errors.New(L.Tf("%s: at most %d minutes.", name, in.Max))
	}
	return n, nil
}

func timeValue(v string, loc *time.Location, L i18n.Lang) (time.Time, error) {
	t, ok := parseLocalTime(v, loc)
	if !ok {
		return time.Time{}, errors.New(L.Tf("%q is not a time: write it like 2026-11-27 14:30.", text.Sanitize(v, false)))
	}
	return t, nil
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func dateValue(v string, L i18n.Lang) error {
	if _, err := time.Parse(time.DateOnly, v); err != nil || !dateRE.MatchString(v) {
		return errors.New(L.Tf("%q is not a date: write it like 2026-11-27.", text.Sanitize(v, false)))
	}
	return nil
}
