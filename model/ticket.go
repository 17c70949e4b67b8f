package model

import "strings"

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

var kindLabels = map[Kind][2]string{
	KindConsultation:   {"consultation", "征询"},
	KindBugFix:         {"bug fix", "缺陷修复"},
	KindDataCorrection: {"data correction", "数据维护"},
	KindIncident:       {"incident", "突发事件"},
	KindEnhancement:    {"enhancement", "小功能开发"},
	KindChange:         {"change/upgrade", "需求变更"},
	KindTraining:       {"training", "培训"},
}

// Label names the kind in "en" or "zh".
func (k Kind) Label(lang string) string { return label(kindLabels[k], lang, string(k)) }

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

var channelLabels = map[Channel][2]string{
	ChannelPhone: {"phone", "电话"}, ChannelEmail: {"e-mail", "邮件"}, ChannelFax: {"fax", "传真"},
	ChannelRemote: {"remote access", "远程"}, ChannelOnSite: {"on site", "现场"},
}

// Label names the channel in "en" or "zh".
func (c Channel) Label(lang string) string { return label(channelLabels[c], lang, string(c)) }

// Severity ranks how badly the business is hurt; 1 is worst.
type Severity int

// Severities, worst first.
const (
	SeverityCritical Severity = 1 // the business is stopped (seed §2.1.1 "major fault")
	SeverityMajor    Severity = 2
	SeverityMinor    Severity = 3
	SeverityLow      Severity = 4
)

var severityLabels = map[Severity][2]string{
	SeverityCritical: {"critical", "紧急"}, SeverityMajor: {"major", "重要"},
	SeverityMinor: {"minor", "一般"}, SeverityLow: {"low", "低"},
}

// Label names the severity in "en" or "zh".
func (s Severity) Label(lang string) string {
	return label(severityLabels[s], lang, "?")
}

// Valid reports whether s is one of the four severities.
func (s Severity) Valid() bool { return s >= SeverityCritical && s <= SeverityLow }

// ParseKind accepts a kind's code or label in either language.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if matchLabel(s, string(k), kindLabels[k]) {
			return k, nil
		}
	}
	return "", Errorf(EINVALID, "unknown ticket kind %q: use one of incident, bug_fix, data_correction, consultation, enhancement, change, training", s)
}

// ParseChannel accepts a channel's code or label in either language.
func ParseChannel(s string) (Channel, error) {
	for _, c := range Channels {
		if matchLabel(s, string(c), channelLabels[c]) {
			return c, nil
		}
	}
	return "", Errorf(EINVALID, "unknown channel %q: use one of phone, email, fax, remote, on_site", s)
}

// ParseSeverity accepts 1–4 or a label in either language.
func ParseSeverity(s string) (Severity, error) {
	for sev := SeverityCritical; sev <= SeverityLow; sev++ {
		if matchLabel(s, string(rune('0'+sev)), severityLabels[sev]) {
			return sev, nil
		}
	}
	return 0, Errorf(EINVALID, "unknown severity %q: use 1 (critical), 2 (major), 3 (minor) or 4 (low)", s)
}

func label(l [2]string, lang, fallback string) string {
	if l[0] == "" {
		return fallback
	}
	if lang == "zh" {
		return l[1]
	}
	return l[0]
}

func matchLabel(s, code string, l [2]string) bool {
	s = strings.TrimSpace(s)
	return s == code || s == l[1] || strings.EqualFold(s, l[0])
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
