package ticket

import "yunwei/model"

// StepLabel names a flow step of a ticket kind for people, in "en" or "zh";
// a step the table does not know is shown by its code.
func StepLabel(kind model.Kind, step, lang string) string {
	if f := FlowFor(kind); f != nil {
		if st := f.Step(step); st != nil {
			return st.Label(lang)
		}
	}
	return step
}

// DescribeHistory says in words what a flow history entry did, or "" when
// the entry is not a flow event: "department head: reject (department head
// approval → closed)", with the reason when the event was not applied.
func DescribeHistory(h HistoryEntry, lang string) string {
	if h.Type != Decided && h.Type != Converted {
		return ""
	}
	decision, to := h.Decision, StepLabel(h.Kind, h.To, lang)
	if f := FlowFor(h.Kind); f != nil {
		if st := f.Step(h.From); st != nil {
			if d := st.Decision(h.Decision); d != nil {
				decision = d.Label(lang)
				if t := f.targetFlow(d); t != nil {
					to = StepLabel(t.Kind, h.To, lang)
				}
			}
		}
	}
	line := h.Role.Label(lang) + ": " + decision + " (" + StepLabel(h.Kind, h.From, lang) + " → " + to + ")"
	if lang == "zh" {
		line = h.Role.Label(lang) + "：" + decision + "（" + StepLabel(h.Kind, h.From, lang) + " → " + to + "）"
	}
	if h.Rejected != "" {
		if lang == "zh" {
			return line + " ⚠ 未生效：" + h.Rejected
		}
		return line + " ⚠ not applied: " + h.Rejected
	}
	return line
}
