package words

import (
	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// StepView is one step of a ticket's flow as a stepper shows it, and as
// `ticket show --json` prints it (README "JSON output").
type StepView struct {
	Name   string      `json:"name"`
	Label  string      `json:"label"`
	Roles  model.Roles `json:"roles"`
	Status string      `json:"status"` // done, current, upcoming
}

// Steps words a ticket's flow positions.
func Steps(L i18n.Lang, t *ticket.State) []StepView {
	var out []StepView
	for _, p := range ticket.Positions(t) {
		out = append(out, StepView{Name: p.Step.Name, Label: StepOf(L, t.Kind, p.Step), Roles: p.Step.Roles, Status: string(p.Status)})
	}
	return out
}

// ClockView is one SLA clock as it stands, explained in words, as the
// detail shows it and `ticket show --json` prints it.
type ClockView struct {
	Kind        string   `json:"kind"` // response, on_site, resolution
	Label       string   `json:"label"`
	State       string   `json:"state"` // running, paused, met, breached
	Start       string   `json:"start"`
	Due         string   `json:"due"`
	Stopped     string   `json:"stopped,omitempty"`
	Remaining   string   `json:"remaining,omitempty"`
	Overdue     string   `json:"overdue,omitempty"`
	Explanation []string `json:"explanation"`
}

// Clocks words clocks.
func Clocks(L i18n.Lang, clocks []sla.Clock) []ClockView {
	var out []ClockView
	for _, ck := range clocks {
		v := ClockView{Kind: string(ck.Kind), Label: ClockKind(L, ck.Kind), State: string(ck.State),
			Start: model.FormatTime(ck.Start), Due: model.FormatTime(ck.Due), Stopped: model.FormatTime(ck.StoppedAt),
			Explanation: Explain(L, ck)}
		if ck.Remaining > 0 {
			v.Remaining = Duration(L, ck.Remaining)
		}
		if ck.Overdue > 0 {
			v.Overdue = Duration(L, ck.Overdue)
		}
		out = append(out, v)
	}
	return out
}
