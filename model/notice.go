package model

// Two kinds of work run a flow like a ticket but are not requests from the
// customer: they are the vendor's own obligations under seed §2.4. They are
// created with their own kind and are not in Kinds, so ParseKind (which reads
// what a user types for a new request) does not offer them.
const (
	// KindStaffChange is a staff change notice (人员变更): announced at least
	// one week ahead and approved by the customer (seed §2.4).
	KindStaffChange Kind = "staff_change"
	// KindOvertime is an overtime confirmation (加班确认): on-site overtime
	// needs the owner's signed confirmation (seed §2.4).
	KindOvertime Kind = "overtime"
)

// NoticeKinds lists the seed §2.4 kinds in display order.
var NoticeKinds = []Kind{KindStaffChange, KindOvertime}

func init() {
	kindNames[KindStaffChange] = "staff change"
	kindNames[KindOvertime] = "overtime"
}

// StaffChange is an approved staff change notice (seed §2.4): from Date
// on, Incoming serves the contract in Outgoing's place. The contract's
// engineers on a date are its recorded ones with every approved change of
// that date or earlier applied (ticket.EngineersOn); the contract itself is
// never rewritten, since one command changes one entity.
type StaffChange struct {
	TicketID   ID     `json:"ticket_id"`
	Number     string `json:"number"`
	ContractID ID     `json:"contract_id"`
	Outgoing   ID     `json:"outgoing_id"`
	Incoming   ID     `json:"incoming_id"`
	Date       string `json:"date"`        // YYYY-MM-DD, the first day Incoming serves
	ApprovedAt string `json:"approved_at"` // the customer's approval, RFC 3339
}
