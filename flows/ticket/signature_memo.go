package ticket

import (
	"maps"
	"sync/atomic"

	"yunwei/flows"
	"yunwei/model"
)

// A customer's decision is hashed where it is shown to be signed, again
// where the decider accepts the signature, and again where check verifies
// it; a ticket's successive signatures repeat most of their parts (its
// title, its description, the signer, the vendor user at the laptop). Each
// digest is the SHA-256 of canonical JSON that takes longer to write than
// to compare, so the last value digested of each kind is remembered with
// its digest and compared before it is written again. A digest is a pure
// function of its value: remembering one changes no result. The memos are
// safe for concurrent use; a caller that misses recomputes and replaces.

// lastDigest remembers the digest of the last value of one kind.
type lastDigest[K comparable] struct{ last atomic.Pointer[digested[K]] }

type digested[K comparable] struct {
	value  K
	digest string
}

// of is digest(value), from memory when value is the last one asked for.
func (m *lastDigest[K]) of(value K, digest func(K) string) string {
	if e := m.last.Load(); e != nil && e.value == value {
		return e.digest
	}
	d := digest(value)
	m.last.Store(&digested[K]{value, d})
	return d
}

// lastDecisionHash remembers the content hash of the last decision hashed. It
// keeps its own copy of the content's maps: the caller's may change after.
type lastDecisionHash struct {
	last atomic.Pointer[decisionHashed]
}

type decisionHashed struct {
	content SignedDecision
	hash    string
}

func (m *lastDecisionHash) of(c SignedDecision) string {
	if e := m.last.Load(); e != nil && sameDecision(e.content, c) {
		return e.hash
	}
	h := flows.MustContentHash(c)
	kept := c
	kept.Inputs, kept.Facts = maps.Clone(c.Inputs), maps.Clone(c.Facts)
	m.last.Store(&decisionHashed{kept, h})
	return h
}

// sameDecision reports whether a and b are the same content, so hash the
// same (TestSameDecisionComparesEveryField). A nil map and an empty one
// encode alike ({}), and compare alike.
func sameDecision(a, b SignedDecision) bool {
	return a.Version == b.Version && a.Ticket == b.Ticket && a.Kind == b.Kind && a.Title == b.Title &&
		a.Description == b.Description && a.ContractID == b.ContractID && a.SiteID == b.SiteID &&
		a.SystemID == b.SystemID && a.RequesterID == b.RequesterID && a.Step == b.Step &&
		a.Decision == b.Decision && a.Comment == b.Comment && a.Signer == b.Signer && a.Actor == b.Actor &&
		maps.Equal(a.Inputs, b.Inputs) && maps.Equal(a.Facts, b.Facts)
}

// lastStrokes remembers the hash of the last drawing hashed: the same
// person's drawing is shown, accepted and verified.
type lastStrokes struct{ last atomic.Pointer[strokesHashed] }

type strokesHashed struct {
	strokes [][]model.Point
	hash    string
}

func (m *lastStrokes) of(strokes [][]model.Point) string {
	if e := m.last.Load(); e != nil && sameStrokes(e.strokes, strokes) {
		return e.hash
	}
	h := flows.StrokesHash(strokes)
	kept := make([][]model.Point, len(strokes))
	for i, s := range strokes {
		kept[i] = append([]model.Point(nil), s...)
	}
	m.last.Store(&strokesHashed{kept, h})
	return h
}

// sameStrokes reports whether two drawings are the same strokes of the
// same points; no drawing and an empty one hash alike ([]).
func sameStrokes(a, b [][]model.Point) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

// The memos of the decision hash and of the parts that repeat.
var (
	decisionHashes lastDecisionHash
	strokesHashes  lastStrokes
	ticketDigests  lastDigest[ticketPart]
	titleDigests   lastDigest[string]
	descDigests    lastDigest[string]
	siteDigests    lastDigest[model.ID]
	systemDigests  lastDigest[model.ID]
	reqDigests     lastDigest[model.ID]
	signerDigests  lastDigest[flows.Signer]
	actorDigests   lastDigest[model.ID]
	drawingDigests lastDigest[drawingPart]
)

// partDigest is flows.PartDigest, as a memo computes it.
func partDigest[K any](v K) string { return flows.PartDigest(v) }
