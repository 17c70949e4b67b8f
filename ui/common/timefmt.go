package common

import (
	"time"

	"yunwei/model"
	"yunwei/model/i18n"
)

// Zone returns the IANA time zone name, or the default zone
// (model.DefaultZone) when the name is empty or unknown. model.LoadZone
// caches the zones: screens format times on every frame.
func Zone(name string) *time.Location { return model.Zone(name) }

// TimeLayout is how screens show a time: to the minute, in the contract's
// zone, the same in both languages.
const TimeLayout = "2006-01-02 15:04"

// LocalTime shows a stored time (model.TimeLayout, UTC) in loc; "" stays "".
func LocalTime(s string, loc *time.Location) string {
	t, err := model.ParseTime(s)
	if err != nil || t.IsZero() {
		return s
	}
	return t.In(loc).Format(TimeLayout)
}

// Ago says how long ago t was, coarsely: "0 min", "5 min", "3 h", "2 d".
func Ago(t, now time.Time, L i18n.Lang) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return ""
	case d < time.Hour:
		return L.Tf("%d min", int(d/time.Minute))
	case d < 48*time.Hour:
		return L.Tf("%d h", int(d/time.Hour))
	}
	return L.Tf("%d d", int(d/(24*time.Hour)))
}
