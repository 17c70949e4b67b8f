package flows

import "yunwei/model"

// StepLabel names a flow step of a ticket kind for people, in "en" or "zh".
func StepLabel(kind model.Kind, step, lang string) string {
	return step
}

// DescribeHistory says in words what a flow history entry did, or "" when
// the entry is not a flow event.
func DescribeHistory(h HistoryEntry, lang string) string {
	return ""
}
