package words

import (
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
)

// label words a table label of kind's flow; the kind is the catalogue's
// context, for the few words a flow says otherwise than the others.
func label(L i18n.Lang, kind model.Kind, en string) string {
	return L.T(i18n.In(string(kind), en))
}

// Flow names a kind's flow: "data correction", 数据维护.
func Flow(L i18n.Lang, f *ticket.Flow) string { return label(L, f.Kind, f.Label) }

// StepOf names a step of kind's flow.
func StepOf(L i18n.Lang, kind model.Kind, st *ticket.Step) string { return label(L, kind, st.Label) }

// Decision names a decision of kind's flow.
func Decision(L i18n.Lang, kind model.Kind, d *ticket.Decision) string {
	return label(L, kind, d.Label)
}

// Input names an input of a decision of kind's flow.
func Input(L i18n.Lang, kind model.Kind, in *ticket.Input) string { return label(L, kind, in.Label) }

// Step names the step called step of kind's flow; a step the table does
// not know is shown by its code.
func Step(L i18n.Lang, kind model.Kind, step string) string {
	if f := ticket.FlowFor(kind); f != nil {
		if st := f.Step(step); st != nil {
			return StepOf(L, kind, st)
		}
	}
	return step
}

// History says what a flow history entry did, or "" when the entry is not
// a flow event: "department head: reject (department head approval →
// closed)", with the reason when the event was not applied.
func History(L i18n.Lang, h ticket.HistoryEntry) string {
	if h.Type != ticket.Decided && h.Type != ticket.Converted {
		return ""
	}
	decision, to := h.Decision, Step(L, h.Kind, h.To)
	if f := ticket.FlowFor(h.Kind); f != nil {
		if st := f.Step(h.From); st != nil {
			if d := st.Decision(h.Decision); d != nil {
				decision = Decision(L, h.Kind, d)
				if d.Convert != "" {
					to = Step(L, d.Convert, h.To) // the step of the flow it turned into
				}
			}
		}
	}
	line := L.Tf("%s: %s (%s → %s)", h.Role.Label(L.Code()), decision, Step(L, h.Kind, h.From), to)
	if h.Rejected != "" {
		return line + " " + L.Tf("⚠ not applied: %s", Rejected(L, h))
	}
	return line
}
