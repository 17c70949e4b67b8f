package decide

import (
	"strings"
	"testing"

	"yunwei/db"
	"yunwei/flows/ticket"
	"yunwei/model/i18n"
)

// What is typed for each input type becomes what flows reads, or a
// message in the form's words.
func TestInputValues(t *testing.T) {
	c := &Context{Ticket: db.TicketDetail{TimeZone: "Asia/Shanghai"}}
	in := func(typ ticket.InputType, required bool) ticket.Input {
		return ticket.Input{Name: "x", Label: "the value", Type: typ, Required: required, Max: 600}
	}
	cases := []struct {
		in       ticket.Input
		typed    string
		want     string
		errMatch string
	}{
		{in(ticket.InputText, true), "  备份 reg_visit 表 ✅ ", "备份 reg_visit 表 ✅", ""},
		{in(ticket.InputText, true), "   ", "", "Fill in the value."},
		{in(ticket.InputText, false), "", "", ""},
		{in(ticket.InputBool, true), "true", "true", ""},
		{in(ticket.InputMinutes, true), "2h", "2h", ""},
		{in(ticket.InputMinutes, true), "two hours", "", "write minutes"},
		{in(ticket.InputMinutes, true), "0", "", "more than 0 minutes"},
		{in(ticket.InputMinutes, true), "11h", "", "at most 600 minutes"},
		{in(ticket.InputTime, false), "2026-11-27 14:30", "2026-11-27T06:30:00.000Z", ""},
		{in(ticket.InputTime, false), "2026-11-27T14:30:00+08:00", "2026-11-27T06:30:00.000Z", ""},
		{in(ticket.InputTime, false), "下午两点", "", "is not a time"},
		{in(ticket.InputDate, true), "2026-11-27", "2026-11-27", ""},
		{in(ticket.InputDate, true), "2026-02-30", "", "is not a date"},
		{in(ticket.InputRating, false), "5", "5", ""},
	}
	for _, tc := range cases {
		got, err := inputValue(tc.in, tc.typed, c, i18n.En)
		switch {
		case tc.errMatch != "" && (err == nil || !strings.Contains(err.Error(), tc.errMatch)):
			t.Errorf("%s %q: error %v, want %q", tc.in.Type, tc.typed, err, tc.errMatch)
		case tc.errMatch == "" && (err != nil || got != tc.want):
			t.Errorf("%s %q: got %q, %v; want %q", tc.in.Type, tc.typed, got, err, tc.want)
		}
	}
}

// Every input of every flow gets a field, and every field's check agrees
// with inputValue.
func TestEveryInputHasAField(t *testing.T) {
	c := &Context{}
	for _, k := range ticket.FlowKinds() {
		for _, st := range ticket.FlowFor(k).Steps {
			for _, d := range st.Decisions {
				for _, in := range d.Inputs {
					v := new(string)
					f := inputField(in, v, "", c, i18n.Zh, 78)
					if f.f == nil || f.rows < 1 {
						t.Errorf("%s/%s/%s: no field, or %d rows", k, st.Name, in.Name, f.rows)
					}
				}
			}
		}
	}
}
