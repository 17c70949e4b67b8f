package words

import (
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/model/i18n"
	"yunwei/ui/text"
)

// ShortLimit is the most cells a short form takes: the step column of the
// queue at 80 columns. Every kind and step name wider than that has a short
// form that fits, in both languages (a test holds the tables to it).
const ShortLimit = 12

// shortContext is the catalogue context of the short forms: the Chinese
// short form of a label is keyed i18n.In(shortContext, label).
const shortContext = "short"

// shortEn are the English short forms, by the full English label: what an
// engineer would write on a whiteboard, not the first letters of the label.
// The Chinese ones are in the catalogue, keyed i18n.In("short", label).
var shortEn = map[string]string{
	// Kinds.
	"data correction": "data fix",
	"consultation":    "question",
	"enhancement":     "feature",
	"change/upgrade":  "change",
	"staff change":    "staff",
	// Steps.
	"reported, awaiting response":     "to respond",
	"going on site":                   "on the way",
	"owner's approval of the fix":     "owner appr.",
	"clearing the fault":              "clearing",
	"resolved, awaiting confirmation": "to confirm",
	"requester verifies":              "verifying",
	"department head approval":        "dept appr.",
	"maintenance plan":                "plan",
	"technical lead review":           "tech review",
	"simulated verification":          "simulation",
	"execute the plan":                "executing",
	"requester feedback":              "feedback",
	"question received":               "to answer",
	"estimate the effort":             "estimate",
	"develop and book the effort":     "developing",
	"requirements analysis":           "analysis",
	"department head confirmation":    "dept confirm",
	"design and implementation plan":  "design",
	"technical lead confirmation":     "tech confirm",
	"customer leadership approval":    "mgmt appr.",
	"implement, test, deploy":         "implementing",
	"customer confirms":               "to confirm",
	"notice being prepared":           "drafting",
	"customer approval":               "cust. appr.",
	"overtime being recorded":         "recording",
	"owner's sign-off":                "sign-off",
}

// short is the short form of the label en of kind's flow, or its full
// wording when it has none.
func short(L i18n.Lang, full, en string) string {
	if L == i18n.En {
		if s, ok := shortEn[en]; ok {
			return s
		}
		return full
	}
	if key := i18n.In(shortContext, en); i18n.Has(key) {
		return L.T(key)
	}
	return full
}

// ShortKind is a kind's name for a narrow column: "data fix", 小功能.
func ShortKind(L i18n.Lang, k model.Kind) string {
	return short(L, k.Label(L.Code()), k.Label(string(i18n.En)))
}

// ShortStep is a step's name for a narrow column: "dept appr.", 主管审批.
func ShortStep(L i18n.Lang, kind model.Kind, step string) string {
	if f := ticket.FlowFor(kind); f != nil {
		if st := f.Step(step); st != nil {
			return short(L, StepOf(L, kind, st), st.Label)
		}
	}
	return step
}

// Fit is full when it fits in w cells, else short (cut to w if even that
// does not fit): a column shows the whole name whenever it can.
func Fit(full, short string, w int) string {
	if text.Width(full) <= w {
		return full
	}
	return text.Truncate(short, w)
}
