package ticket

import (
	"strings"

	"yunwei/model"
	"yunwei/model/i18n"
)

// flowTables holds every kind's table. A table is read-only once built.
var flowTables = map[model.Kind]*Flow{
	model.KindDataCorrection: dataCorrectionFlow,
	model.KindChange:         changeFlow,
	model.KindIncident:       incidentFlow,
	model.KindBugFix:         bugFixFlow,
	model.KindConsultation:   consultationFlow,
	model.KindTraining:       trainingFlow,
	model.KindEnhancement:    enhancementFlow,
	model.KindStaffChange:    staffChangeFlow,
	model.KindOvertime:       overtimeFlow,
}

// FlowFor returns the table of kind k's flow, or nil for a kind without
// one. The table is shared: read it, never change it.
func FlowFor(k model.Kind) *Flow { return flowTables[k] }

// FlowKinds lists every kind that runs a flow: the seven ticket kinds in
// display order, then the seed §2.4 notices.
func FlowKinds() []model.Kind {
	return append(append([]model.Kind{}, model.Kinds...), model.NoticeKinds...)
}

// ParseFlowKind accepts the code or a label of any kind that runs a flow,
// including the seed §2.4 notices that model.ParseKind does not offer.
func ParseFlowKind(s string) (model.Kind, error) {
	s = strings.TrimSpace(s)
	for _, k := range FlowKinds() {
		if s == string(k) || s == k.Label("zh") || strings.EqualFold(s, k.Label("en")) {
			return k, nil
		}
	}
	return "", model.Errorf(model.EINVALID, "unknown kind %q: use one of %s", s, kindCodes())
}

// kindCodes lists the codes of the kinds that run a flow, for messages.
func kindCodes() i18n.List {
	codes := make([]string, 0, len(flowTables))
	for _, k := range FlowKinds() {
		codes = append(codes, string(k))
	}
	return i18n.List(codes)
}

// Inputs shared by several tables.
var (
	ratingInput = Input{Name: "rating", Label: "rating, 1 (very poor) to 5 (excellent)", Type: InputRating}
	noticeInput = Input{Name: "notice", Label: "how the requester was told", Type: InputText}
	closedStep  = Step{Name: "closed", Label: "closed", Seed: "end", End: true}
)
