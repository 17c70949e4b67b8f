package db

import "encoding/binary"

// The codes of a list row: how a uvarint at a code's place reads.
const (
	codeLiteral = 0 // the code's text follows, length-prefixed
	codeEmpty   = 1 // none: ""
	codeFirst   = 2 // listCodes[c-codeFirst]
)

// listCodes are the codes a list row of format 2 writes as one byte: every
// status, kind, channel, clock, clock state, role, step and waiting list of
// the flows when the format was made. The list is part of the format and
// never changes (a test holds its digest): a code that is not in it, such
// as a step a later flow adds, is written as text, and a longer list is a
// new format.
var listCodes = [...]string{
	"open", "closed", "incident", "bug_fix", "data_correction", "consultation",
	"enhancement", "change", "training", "staff_change", "overtime", "phone",
	"email", "fax", "remote", "on_site", "response", "resolution",
	"running", "paused", "requester", "dept_head", "leadership", "engineer",
	"req_lead", "developer", "tech_lead", "admin", "reported", "diagnosis",
	"owner_approval", "fixing", "resolved", "requester,dept_head", "engineer,developer", "verification",
	"dept_approval", "plan", "review", "backup", "execution", "feedback",
	"received", "estimate", "implementation", "engineer,developer,admin", "analysis", "solution",
	"tech_review", "leadership_approval", "requested", "scheduled", "confirmation", "draft",
	"admin,tech_lead", "customer_approval", "dept_head,leadership", "customer_signoff",
}

// codeOf is each listed code's number.
var codeOf = func() map[string]uint64 {
	m := make(map[string]uint64, len(listCodes))
	for i, c := range listCodes {
		m[c] = uint64(i) + codeFirst
	}
	return m
}()

// appendCode appends a code: its number when listed, else its text.
func appendCode(b []byte, s string) []byte {
	if s == "" {
		return append(b, codeEmpty)
	}
	if c, ok := codeOf[s]; ok {
		return binary.AppendUvarint(b, c)
	}
	b = append(b, codeLiteral)
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}
