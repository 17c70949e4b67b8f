package cli

import (
	"log/slog"
	"strconv"

	"yunwei/db"
	"yunwei/model"
	"yunwei/model/i18n"
)

// problemText words one finding of check: its kind code (stable, for
// searching the README), where it is, and what it means.
func problemText(L i18n.Lang, p db.Problem) string {
	where := ""
	switch {
	case p.Event != nil && p.Event.Type != "":
		where = L.Tf("event #%d (device %d, seq %d, %s, %s…)", p.Event.N, p.Event.Origin, p.Event.Seq, p.Event.Type, p.Event.ID)
	case p.Event != nil:
		where = L.Tf("event #%d (device %d, seq %d, %s…)", p.Event.N, p.Event.Origin, p.Event.Seq, p.Event.ID)
	case p.Table != "" && p.Key != "":
		where = L.Tf("table %s, row %s", p.Table, p.Key)
	}
	what := problemWhat(L, p)
	if where != "" {
		what = L.Tf(i18n.In("check", "%s: %s"), where, what)
	}
	return "[" + string(p.Kind) + "] " + what
}

// problemWhat says what a finding means, by kind.
func problemWhat(L i18n.Lang, p db.Problem) string {
	or := func(s string) string {
		if s == "" {
			return L.T("none")
		}
		return s
	}
	switch p.Kind {
	case db.ProblemSQLite:
		return L.Tf("SQLite reports the file damaged: %s", p.Detail)
	case db.ProblemNotCanonical:
		return L.T("its bytes are not in the canonical form every event is written in: the event was edited")
	case db.ProblemUnparseable:
		return L.T("its bytes are not a readable event: the event was edited or damaged")
	case db.ProblemRowMismatch:
		return L.Tf("its row's %s column holds %s, its envelope %s: the row was edited", p.Key, p.Got, p.Want)
	case db.ProblemUnknownOrigin:
		return L.Tf("%s events name device number %s, which is not in the table of devices: they were added or changed by hand", p.Got, p.Key)
	case db.ProblemForeignOrigin:
		return L.Tf("%s events come from device %s, and this version receives no events from other devices: they were added by hand", p.Got, p.Key)
	case db.ProblemForeignWAL:
		return L.T(p.Detail) // one of wal_check.go's sentences, each in the catalogue
	case db.ProblemSeqGap:
		return L.Tf("its device's sequence should continue with %s here, not %s: events before it were deleted, or its number was changed", p.Want, p.Got)
	case db.ProblemEventChanged:
		return L.T("its bytes are not those it was written with (the links to the events before and after it both fail): the event was edited or replaced")
	case db.ProblemChainBroken:
		if p.Other == nil {
			return L.T("the link stored with it fails: it is its device's first event, so events before it were deleted, or the link was changed")
		}
		return L.Tf("the link stored with it no longer joins it to event #%d (seq %d) before it: that event or this one was edited or replaced after they were written, or the link was changed", p.Other.N, p.Other.Seq)
	case db.ProblemChainMismatch:
		return L.Tf("every link holds, but the chain over this device's events is %s…, not the %s… it recorded: events were changed and their links recomputed", or(p.Got), or(p.Want))
	case db.ProblemHead:
		return L.Tf("this device recorded %s… as its newest event, but its log ends with %s…: the newest event was deleted, edited or added by hand", or(p.Want), or(p.Got))
	case db.ProblemLastSeq:
		return L.Tf("this device recorded %s as its last sequence number, but its newest event has %s: events were deleted or added by hand", p.Got, p.Want)
	case db.ProblemDanglingParent:
		return L.Tf("it names a parent %s… that is not among its entity's events: an event was deleted, or a parent changed", p.Key)
	case db.ProblemDuplicateNumber:
		n := int64(0)
		if p.Other != nil {
			n = p.Other.N
		}
		return L.Tf("it creates another entity with the number %s, which event #%d already gave: numbers must never repeat", p.Key, n)
	case db.ProblemCounterBehind:
		return L.Tf("the counter %s stands at %s, below %s, the highest number this device issued from it: it was set back", p.Key, p.Got, p.Want)
	case db.ProblemCounterAhead:
		return L.Tf("the counter %s stands at %s, above %s, the highest number this device issued from it: it was changed by hand", p.Key, p.Got, p.Want)
	case db.ProblemRebuildFailed:
		// Go's words of the failure stay in the JSON's detail and the
		// debug log; the report says it in the user's.
		slog.Debug("rebuild failed", "detail", p.Detail)
		return L.Tf("rebuilding the projections from the event log failed: %s", L.T(model.InternalMessage))
	case db.ProblemProjectionTable:
		return L.Tf("the table %s differs in its columns from a rebuild of the event log", p.Table)
	case db.ProblemProjectionRow:
		return L.Tf("differs from a rebuild of the event log in %s", p.Detail)
	case db.ProblemProjectionMissing:
		return L.T("is missing: a rebuild of the event log has it")
	case db.ProblemProjectionExtra:
		return L.T("comes from no event: a rebuild of the event log does not have it")
	case db.ProblemProjections:
		return L.T("the projections differ from a rebuild of the event log")
	case db.NoteChainedOnUpgrade:
		return L.Tf("the first %s events of device %s were written by an older yunwei and chained when this version first opened the database: an edit made to them before then that recomputed their stored 8-byte hash prefix cannot be told", p.Got, p.Key)
	}
	return L.Tf("a problem of a kind this version cannot word: %s", strconv.Quote(string(p.Kind)))
}
