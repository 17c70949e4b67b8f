package model

import (
	"strings"

	"yunwei/model/i18n"
)

// Kind is a ticket's kind (DESIGN §2); each kind runs its own flow.
type Kind string

// The seven kinds of work the contract covers (seed §1).
const (
	KindConsultation   Kind = "consultation"    // 征询
	KindBugFix         Kind = "bug_fix"         // 缺陷修复
	KindDataCorrection Kind = "data_correction" // 数据维护
	KindIncident       Kind = "incident"        // 突发事件
	KindEnhancement    Kind = "enhancement"     // 小功能开发
	KindChange         Kind = "change"          // 需求变更
	KindTraining       Kind = "training"        // 培训
)

// Kinds lists every kind in display order.
var Kinds = []Kind{KindIncident, KindBugFix, KindDataCorrection, KindConsultation, KindEnhancement, KindChange, KindTraining}

// kindNames are the kinds' names in English, the catalogue's keys.
var kindNames = map[Kind]string{
	KindConsultation:   "consultation",
	KindBugFix:         "bug fix",
	KindDataCorrection: "data correction",
	KindIncident:       "incident",
	KindEnhancement:    "enhancement",
	KindChange:         "change/upgrade",
	KindTraining:       "training",
}

// Word is the kind's name as an argument of a message, worded in the
// message's language.
func (k Kind) Word() i18n.Text { return i18n.Text(kindNames[k]) }

// Label names the kind in "en" or "zh".
func (k Kind) Label(lang string) string { return label(kindNames[k], lang, string(k)) }

// Channel is how a request reached the vendor (seed §2.1.2).
type Channel string

// The five channels.
const (
	ChannelPhone  Channel = "phone"
	ChannelEmail  Channel = "email"
	ChannelFax    Channel = "fax"
	ChannelRemote Channel = "remote"
	ChannelOnSite Channel = "on_site"
)

// Channels lists every channel.
var Channels = []Channel{ChannelPhone, ChannelEmail, ChannelFax, ChannelRemote, ChannelOnSite}

// channelNames are the channels' names in English, the catalogue's keys.
var channelNames = map[Channel]string{
	ChannelPhone: "phone", ChannelEmail: "e-mail", ChannelFax: "fax",
	ChannelRemote: "remote access", ChannelOnSite: "on site",
}

// Label names the channel in "en" or "zh".
func (c Channel) Label(lang string) string { return label(channelNames[c], lang, string(c)) }

// Severity ranks how badly the business is hurt; 1 is worst.
type Severity int

// Severities, worst first.
const (
	SeverityCritical Severity = 1 // the business is stopped (seed §2.1.1 "major fault")
	SeverityMajor    Severity = 2
	SeverityMinor    Severity = 3
	SeverityLow      Severity = 4
)

// severityNames are the severities' names in English, the catalogue's
// keys.
var severityNames = map[Severity]string{
	SeverityCritical: "critical", SeverityMajor: "major",
	SeverityMinor: "minor", SeverityLow: "low",
}

// Label names the severity in "en" or "zh".
func (s Severity) Label(lang string) string {
	return label(severityNames[s], lang, "?")
}

// Valid reports whether s is one of the four severities.
func (s Severity) Valid() bool { return s >= SeverityCritical && s <= SeverityLow }

// ParseKind accepts a kind's code or label in either language.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if matchLabel(s, string(k), kindNames[k]) {
			return k, nil
		}
	}
	return "", Errorf(EINVALID, "unknown ticket kind %q: use one of incident, bug_fix, data_correction, consultation, enhancement, change, training", s)
}

// ParseChannel accepts a channel's code or label in either language.
func ParseChannel(s string) (Channel, error) {
	for _, c := range Channels {
		if matchLabel(s, string(c), channelNames[c]) {
			return c, nil
		}
	}
	return "", Errorf(EINVALID, "unknown channel %q: use one of phone, email, fax, remote, on_site", s)
}

// ParseSeverity accepts 1–4 or a label in either language.
func ParseSeverity(s string) (Severity, error) {
	for sev := SeverityCritical; sev <= SeverityLow; sev++ {
		if matchLabel(s, string(rune('0'+sev)), severityNames[sev]) {
			return sev, nil
		}
	}
	return 0, Errorf(EINVALID, "unknown severity %q: use 1 (critical), 2 (major), 3 (minor) or 4 (low)", s)
}

// label is a code's English name in lang, through the catalogue; a code
// without a name shows as fallback.
func label(name, lang, fallback string) string {
	if name == "" {
		return fallback
	}
	return i18n.Lang(lang).T(name)
}

// matchLabel reports whether s, as typed, names the code: the code itself,
// its English name in any case, or its Chinese name.
func matchLabel(s, code, name string) bool {
	s = strings.TrimSpace(s)
	return s == code || strings.EqualFold(s, name) || s == i18n.Zh.T(name)
}

// Ticket status: open until its flow reaches an end step.
const (
	StatusOpen   = "open"
	StatusClosed = "closed"
)

// Ticket is the state of a ticket: the fold of its events.
type Ticket struct {
	ID          ID       `json:"id"`
	Number      string   `json:"number"` // <device code>-<year>-<counter>, final when made
	Kind        Kind     `json:"kind"`
	Channel     Channel  `json:"channel"`
	Severity    Severity `json:"severity"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	CustomerID  ID       `json:"customer_id"`
	ContractID  ID       `json:"contract_id"`
	SiteID      ID       `json:"site_id"`
	SystemID    ID       `json:"system_id"`
	RequesterID ID       `json:"requester_id"` // a customer contact
	AssigneeID  ID       `json:"assignee_id"`  // a vendor user
	OnSite      bool     `json:"on_site"`      // on-site service needed (seed §2.6)
	Status      string   `json:"status"`
	Step        string   `json:"step"` // the flow's current step
	// ReportedAt is when the customer raised the request: SLA clocks start
	// here, not when it was typed in.
	ReportedAt string `json:"reported_at"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
	ClosedAt   string `json:"closed_at,omitempty"`
	CreatedBy  ID     `json:"created_by"`
	Comments   int    `json:"comments"`
	// RespondedAt, ArrivedAt and ResolvedAt are the times the SLA clocks stop
	// (seed §2.6): the vendor's first response, the engineer's arrival on site,
	// and the latest resolution. Empty until they happen.
	RespondedAt string `json:"responded_at,omitempty"`
	ArrivedAt   string `json:"arrived_at,omitempty"`
	ResolvedAt  string `json:"resolved_at,omitempty"`
	// AlsoEditedBy names fields whose value was set concurrently by others
	// (a soft conflict): field → the other actors.
	AlsoEditedBy map[string][]ID `json:"also_edited_by,omitempty"`
}
