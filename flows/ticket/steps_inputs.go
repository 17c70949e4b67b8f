package ticket

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"yunwei/flows"
	"yunwei/model"
	"yunwei/model/i18n"
)

// parseInputs checks the inputs given with a decision against its table
// row and returns them normalised (see InputType). An empty value counts as
// not given. It refuses unknown names, bad values and missing required
// inputs, naming what to give.
func parseInputs(env flows.Env, s *State, d *Decision, raw map[string]string) (map[string]string, error) {
	names := make([]string, 0, len(raw))
	for k := range raw {
		names = append(names, k)
	}
	sort.Strings(names)
	out := map[string]string{}
	for _, name := range names {
		in := d.Input(name)
		if in == nil {
			return nil, model.Errorf(model.EINVALID, "%q is not an input of the decision %q: %s", name, d.Name, takes(d))
		}
		v := strings.TrimSpace(raw[name])
		if v == "" {
			continue
		}
		norm, err := parseInput(env, s, in, v)
		if err != nil {
			return nil, err
		}
		out[name] = norm
	}
	for _, in := range d.Inputs {
		if _, ok := out[in.Name]; in.Required && !ok {
			return nil, model.Errorf(model.EINVALID, "the decision %q needs “%s”: give it as %s=…", d.Name, labelIn(s.Kind, in.Label), in.Name)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// takes says which inputs decision d takes, by the names typed on the
// command line.
func takes(d *Decision) i18n.Phrase {
	if len(d.Inputs) == 0 {
		return i18n.Phrase{Format: "it takes no inputs"}
	}
	names := make([]string, len(d.Inputs))
	for i, in := range d.Inputs {
		names[i] = in.Name
	}
	return i18n.Phrase{Format: "it takes %s", Args: []any{i18n.List(names)}}
}

func parseInput(env flows.Env, s *State, in *Input, v string) (string, error) {
	field := labelIn(s.Kind, in.Label)
	switch in.Type {
	case InputText:
		return flows.CleanText(field, v, flows.MaxText, true, true)
	case InputBool:
		if b, ok := model.ParseYesNo(v); ok {
			return strconv.FormatBool(b), nil
		}
		return "", model.Errorf(model.EINVALID, "%s must be yes or no (true/false, 是/否), not %q", field, v)
	case InputMinutes:
		m, err := ParseMinutes(v)
		if err != nil {
			return "", model.Errorf(model.EINVALID, "%s: %s", field, err)
		}
		if m <= 0 {
			return "", model.Errorf(model.EINVALID, "%s must be more than 0 minutes", field)
		}
		if in.Max > 0 && m > in.Max {
			return "", model.Errorf(model.EINVALID, "%s of %s is more than the limit of %s", field, Minutes(m), Minutes(in.Max))
		}
		return strconv.Itoa(m), nil
	case InputRating:
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 5 {
			return "", model.Errorf(model.EINVALID, "%s must be a whole number from 1 to 5, not %q", field, v)
		}
		return strconv.Itoa(n), nil
	case InputUser:
		id, err := model.ParseID(v)
		if err != nil {
			return "", model.Errorf(model.EINVALID, "%s: %s", field, err)
		}
		if _, err := env.Dir.User(id); err != nil {
			return "", flows.MustExist(err, field)
		}
		return id.String(), nil
	case InputTime:
		return parseTimeInput(env, s, in, field, v)
	case InputDate:
		day, err := flows.CheckDate(field, v)
		if err != nil {
			return "", err
		}
		if !in.Future {
			today := civilDate(env.Now.In(ticketLocation(env, s)))
			if day.After(today) {
				return "", model.Errorf(model.EINVALID, "%s %s lies in the future (today is %s): record it once it has happened", field, v, today.Format(time.DateOnly))
			}
		}
		return v, nil
	}
	return "", fmt.Errorf("flows: input %s has unknown type %q", in.Name, in.Type)
}

// parseTimeInput reads a time that already happened: not after now (give or
// take a laptop's clock) and not before the request was raised. A time
// typed without its offset (2026-11-27 14:30) is read in the zone of the
// ticket's contract, as the terminal UI's form reads it; refusals show
// times there too.
func parseTimeInput(env flows.Env, s *State, in *Input, field i18n.Text, v string) (string, error) {
	loc := ticketLocation(env, s)
	t, err := model.ParseLocalTime(v, loc)
	if err != nil {
		return "", model.Errorf(model.EINVALID, "%s: %s", field, err)
	}
	if !in.Future {
		if t.After(env.Now.Add(maxClockLead)) {
			return "", model.Errorf(model.EINVALID, "%s %s lies in the future: check the time and this laptop's clock", field, model.LocalClock(t, loc))
		}
		if reported, err := model.ParseTime(s.ReportedAt); err == nil && !reported.IsZero() && t.Before(reported) {
			return "", model.Errorf(model.EINVALID, "%s %s is before the request was raised (%s)", field, model.LocalClock(t, loc), model.LocalClock(reported, loc))
		}
	}
	return model.FormatTime(t), nil
}

// ticketLocation is the time zone of the ticket's contract's calendar.
func ticketLocation(env flows.Env, s *State) *time.Location {
	if c, err := env.Dir.Contract(s.ContractID); err == nil {
		return contractLocation(env, c)
	}
	return model.DefaultZone()
}

var minuteUnits = []struct {
	suffix string
	mul    int
}{
	{"min", 1}, {"分钟", 1}, {"m", 1}, {"小时", 60}, {"h", 60}, {"人天", MinutesPerPersonDay}, {"天", MinutesPerPersonDay}, {"d", MinutesPerPersonDay},
}

// maxMinutes bounds any duration typed in: about 57 person-years.
const maxMinutes = 10_000_000

// ParseMinutes reads a duration or an effort in whole minutes: "90" or
// "90m" minutes, "2h" hours, "1d" or "1人天" person-days of 480 minutes.
// Decimals are read exactly ("1.5d" is 720) and must come to whole minutes:
// no floats are involved.
func ParseMinutes(text string) (int, error) {
	s := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(text), " ", ""))
	mul := 1
	for _, u := range minuteUnits {
		if strings.HasSuffix(s, u.suffix) {
			s, mul = strings.TrimSuffix(s, u.suffix), u.mul
			break
		}
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || len(whole) > 8 || !allDigits(whole) || (hasFrac && (frac == "" || len(frac) > 3 || !allDigits(frac))) {
		return 0, model.Errorf(model.EINVALID, "%q is not a duration: write minutes (90), hours (2h) or person-days (1d = 480 minutes)", text)
	}
	w, _ := strconv.Atoi(whole)
	scale, f := 1, 0
	if hasFrac {
		f, _ = strconv.Atoi(frac)
		for range len(frac) {
			scale *= 10
		}
	}
	num := (w*scale + f) * mul
	if num%scale != 0 {
		return 0, model.Errorf(model.EINVALID, "%q does not come to whole minutes: give minutes instead", text)
	}
	if num/scale > maxMinutes {
		return 0, model.Errorf(model.EINVALID, "%q is too long a duration", text)
	}
	return num / scale, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// FormatMinutes writes minutes for people, in English: "90 minutes (0.19
// person-days)", "480 minutes (1 person-day)".
func FormatMinutes(m int) string { return Minutes(m).Label("en") }

// Minutes is an effort as an argument of a message, worded in the
// message's language: "90 minutes (0.19 person-days)", 90 分钟（0.19 人天）,
// the person-days as PersonDays rounds them.
func Minutes(m int) i18n.Phrase {
	days := PersonDays(m)
	format := "%d minutes (%s person-days)"
	switch {
	case m == 1 || m == -1:
		format = "%d minute (%s person-days)"
	case days == "1":
		format = "%d minutes (%s person-day)"
	}
	return i18n.Phrase{Format: format, Args: []any{m, days}}
}
