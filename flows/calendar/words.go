package calendar

import (
	"time"

	"yunwei/model/i18n"
)

var dayKindNames = map[DayKind]string{
	DayWorking: "working day",
	DayRest:    "rest day",
	DayHoliday: "public holiday",
	DayMakeUp:  "make-up working day",
}

// Word is the kind of day's name as an argument of a message, worded in the
// message's language: "public holiday", 法定节假日.
func (k DayKind) Word() i18n.Text { return i18n.Text(dayKindNames[k]) }

// dayText is a day's standing for a message: its kind, and its name when
// it has one ("public holiday: 国庆节").
func dayText(k DayKind, name string) any {
	if name == "" {
		return k.Word()
	}
	return i18n.Phrase{Format: DayNamed, Args: []any{k.Word(), name}}
}

// DayNamed is the catalogue key of a day's kind with its name.
var DayNamed = i18n.In("day", "%s: %s")

// weekday is a weekday's name as an argument of a message: "Monday", 周一.
func weekday(wd time.Weekday) i18n.Text { return i18n.Text(wd.String()) }
