package db

import "yunwei/model"

// ProblemKind names one kind of thing yunwei check finds wrong. The codes
// are stable (they are in check --json); the interfaces word each kind
// from the message catalogue.
type ProblemKind string

// What the file and a single event can show.
const (
	// ProblemSQLite is a line of SQLite's own integrity check (Detail).
	ProblemSQLite ProblemKind = "sqlite_integrity"
	// ProblemNotCanonical: the bytes are not the canonical JSON every
	// event is written in (Detail says how).
	ProblemNotCanonical ProblemKind = "not_canonical"
	// ProblemUnparseable: the bytes are not an event envelope at all.
	ProblemUnparseable ProblemKind = "unparseable"
	// ProblemRowMismatch: a column of the event's row (Key: origin, seq or
	// entity_id) disagrees with its envelope.
	ProblemRowMismatch ProblemKind = "row_mismatch"
	// ProblemUnknownOrigin: the row names a device missing from the
	// devices table (Key: its local number; Got: how many events).
	ProblemUnknownOrigin ProblemKind = "unknown_origin"
	// ProblemForeignOrigin: events of another device (Key), which this
	// version cannot have received: it does not sync yet.
	ProblemForeignOrigin ProblemKind = "foreign_origin"
	// ProblemForeignWAL: the -wal file beside the database belongs to
	// another database (Detail says how that shows).
	ProblemForeignWAL ProblemKind = "foreign_wal"
)

// What the chain of a device's events can show (db/chain.go: each row
// holds the link of its event to the device's previous one, and the
// device records its newest event and the chain over all of them).
const (
	// ProblemSeqGap: the device's sequence jumps (Want the next number,
	// Got the one found): events were deleted, or a number changed.
	ProblemSeqGap ProblemKind = "seq_gap"
	// ProblemEventChanged: the links on both sides of the event fail: its
	// bytes are not those it was written with.
	ProblemEventChanged ProblemKind = "event_changed"
	// ProblemChainBroken: the link stored with the event no longer joins
	// it to the event before it (Other): one of the two was edited or
	// replaced after they were written, or the link itself.
	ProblemChainBroken ProblemKind = "chain_broken"
	// ProblemHead: the newest event is not the one this device recorded
	// as its newest (Want the recorded id, Got the newest event's): the
	// newest event was edited, deleted or added by hand.
	ProblemHead ProblemKind = "head_mismatch"
	// ProblemChainMismatch: every link holds, but the chain over the
	// device's events is not the one it recorded: events were changed and
	// their links recomputed.
	ProblemChainMismatch ProblemKind = "chain_mismatch"
	// ProblemLastSeq: the device's recorded sequence (Got) differs from
	// its newest event's (Want).
	ProblemLastSeq ProblemKind = "last_seq_mismatch"
)

// What the events together can show.
const (
	// ProblemDanglingParent: the event names a parent (Key) that is not
	// among its entity's events.
	ProblemDanglingParent ProblemKind = "dangling_parent"
	// ProblemDuplicateNumber: two entities were created with one number
	// (Key): the event and Other.
	ProblemDuplicateNumber ProblemKind = "duplicate_number"
	// ProblemCounterBehind: a counter (Key) stands at Got, below the
	// highest number the log shows issued (Want): the next one would
	// repeat a number but for the store's check.
	ProblemCounterBehind ProblemKind = "counter_behind"
	// ProblemCounterAhead: a counter (Key) stands at Got, above the
	// highest number issued (Want): numbers would have a gap.
	ProblemCounterAhead ProblemKind = "counter_ahead"
)

// What the projections can show: differences from a rebuild of the log.
const (
	// ProblemRebuildFailed: the log could not be rebuilt (Detail).
	ProblemRebuildFailed ProblemKind = "rebuild_failed"
	// ProblemProjectionTable: a projection table's columns differ (Table).
	ProblemProjectionTable ProblemKind = "projection_table_differs"
	// ProblemProjectionRow: a row (Table, Key) differs from the rebuild in
	// the columns listed in Detail.
	ProblemProjectionRow ProblemKind = "projection_row_differs"
	// ProblemProjectionMissing: a row the rebuild has is missing.
	ProblemProjectionMissing ProblemKind = "projection_row_missing"
	// ProblemProjectionExtra: a row no event accounts for.
	ProblemProjectionExtra ProblemKind = "projection_row_extra"
	// ProblemProjections: the projections' digest differs from the
	// rebuild's, though no single row was found to (a copy read under a
	// concurrent write).
	ProblemProjections ProblemKind = "projections_differ"
)

// NoteChainedOnUpgrade is not a problem: the first Got events of this
// device (Key) were written by an older yunwei, before the chain, and were
// chained when this version first opened the database. An edit made before
// then that recomputed the 8-byte hash prefix they were stored with cannot
// be told.
const NoteChainedOnUpgrade ProblemKind = "chained_on_upgrade"

// ProblemClass says what a kind puts in doubt.
type ProblemClass string

// The classes: the log (repair refuses), the projections (repair
// rebuilds them), or nothing (a note).
const (
	ClassLog        ProblemClass = "log"
	ClassProjection ProblemClass = "projection"
	ClassNote       ProblemClass = "note"
)

// Class is what the kind puts in doubt.
func (k ProblemKind) Class() ProblemClass {
	switch k {
	case NoteChainedOnUpgrade:
		return ClassNote
	case ProblemRebuildFailed, ProblemProjectionTable, ProblemProjectionRow, ProblemProjectionMissing, ProblemProjectionExtra, ProblemProjections:
		return ClassProjection
	}
	return ClassLog
}

// ProblemKinds lists every kind, for the interfaces' wording and its test.
var ProblemKinds = []ProblemKind{
	ProblemSQLite, ProblemNotCanonical, ProblemUnparseable, ProblemRowMismatch, ProblemUnknownOrigin, ProblemForeignOrigin,
	ProblemSeqGap, ProblemEventChanged, ProblemChainBroken, ProblemHead, ProblemChainMismatch, ProblemLastSeq,
	ProblemDanglingParent, ProblemDuplicateNumber, ProblemCounterBehind, ProblemCounterAhead,
	ProblemRebuildFailed, ProblemProjectionTable, ProblemProjectionRow, ProblemProjectionMissing, ProblemProjectionExtra, ProblemProjections,
	NoteChainedOnUpgrade,
}

// Problem is one finding of yunwei check, as data: what kind, which event
// or row, and the values that disagree. The interfaces word it.
type Problem struct {
	Kind  ProblemKind  `json:"kind"`
	Class ProblemClass `json:"class"`
	// Event is the event at fault or where the fault shows.
	Event *EventRef `json:"event,omitempty"`
	// Other is a second event: the one before a broken link, the first
	// holder of a repeated number.
	Other *EventRef `json:"other,omitempty"`
	// Table is the projection table of a row.
	Table string `json:"table,omitempty"`
	// Key is the row, column, counter, number, parent or device concerned.
	Key string `json:"key,omitempty"`
	// Want is what the log says it should be, Got what was found.
	Want string `json:"want,omitempty"`
	Got  string `json:"got,omitempty"`
	// Detail is SQLite's or a decoder's own words (English), or the
	// columns of a projection row that differ.
	Detail string `json:"detail,omitempty"`
}

// EventRef names an event as an auditor finds it in the file: its row
// number, its device's local number and sequence, the hash of its bytes as
// stored, and what it is when it can be read.
type EventRef struct {
	N      int64  `json:"n"`
	Origin int64  `json:"origin"`
	Seq    int64  `json:"seq"`
	ID     string `json:"id"` // the first 16 hex digits of SHA-256(stored bytes)
	Type   string `json:"type,omitempty"`
	Entity string `json:"entity_id,omitempty"`
}

// ref names a stored event.
func ref(n, origin, seq int64, id model.EventID, e *model.Event) *EventRef {
	r := &EventRef{N: n, Origin: origin, Seq: seq, ID: id.String()[:16]}
	if e != nil {
		r.Type = e.Type
		if !e.EntityID.IsZero() {
			r.Entity = e.EntityID.String()
		}
	}
	return r
}

// add files a finding under the report's problems or notes.
func (r *CheckReport) add(p Problem) {
	p.Class = p.Kind.Class()
	if p.Class == ClassNote {
		r.Notes = append(r.Notes, p)
		return
	}
	r.Problems = append(r.Problems, p)
	if p.Class == ClassLog {
		r.LogVerified = false
	}
}

// LogProblems are the problems that put the log itself in doubt: while
// there are any, repair refuses.
func (r *CheckReport) LogProblems() []Problem {
	var out []Problem
	for _, p := range r.Problems {
		if p.Class == ClassLog {
			out = append(out, p)
		}
	}
	return out
}
