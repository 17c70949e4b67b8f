package db

import (
	"context"
	"database/sql"
	"strconv"

	"yunwei/model"
)

// QuickWindow is how many of each device's newest events QuickCheck reads
// byte by byte.
const QuickWindow = 20000

// QuickCheck verifies what can be told of the event log without reading
// every event, in one read transaction: each device's numbering from the
// index alone (no event deleted or inserted, none of an unknown or another
// device), this device's recorded sequence, newest event and hash chain
// link, and the newest QuickWindow events of each device by their bytes
// (canonical form, row, links). It does not hash the older events, so an
// edit of one of them, the chain over all events, parents, numbers and
// counters, the projections and SQLite's pages are left to Check.
func (s *Store) QuickCheck(ctx context.Context) (CheckReport, error) {
	r := CheckReport{LogVerified: true, IntegrityOK: true}
	err := s.readOnce(ctx, func(c txConn) error {
		p, err := newQuickPass(ctx, c, s.device, &r)
		if err != nil {
			return err
		}
		return p.run()
	})
	if err != nil && ctx.Err() != nil {
		return r, errCancelled()
	}
	if err != nil {
		return r, err
	}
	if problem := walMismatch(ctx, s.path); problem != "" {
		r.Problems = append([]Problem{{Kind: ProblemForeignWAL, Class: ProblemForeignWAL.Class(), Detail: problem}}, r.Problems...)
		r.LogVerified = false
	}
	return r, nil
}

type quickPass struct {
	*logPass
}

func newQuickPass(ctx context.Context, q txConn, device Device, r *CheckReport) (*quickPass, error) {
	p := &logPass{ctx: ctx, q: q, device: device, r: r}
	var err error
	if p.origins, err = originIDs(ctx, q); err != nil {
		return nil, err
	}
	r.Origins = len(p.origins)
	return &quickPass{p}, nil
}

// numbering is one device's events as the (origin, origin_seq) index
// counts them.
type numbering struct {
	origin, count, first, last int64
}

func (p *quickPass) run() error {
	nums, err := queryList(p.ctx, p.q, "SELECT origin, count(*), min(origin_seq), max(origin_seq) FROM main.events GROUP BY origin ORDER BY origin",
		func(rows *sql.Rows) (numbering, error) {
			var n numbering
			return n, rows.Scan(&n.origin, &n.count, &n.first, &n.last)
		})
	if err != nil {
		return err
	}
	var local chainEnd
	var refs []*EventRef
	var problems []Problem
	for _, n := range nums {
		p.r.Events += n.count
		w := chainWalk{origin: n.origin, broken: -1, problems: &problems, refs: &refs}
		gaps := n.first != 1 || n.last-n.first+1 != n.count
		if gaps {
			if err := p.gaps(&w); err != nil {
				return err
			}
		}
		var inWindow []Problem
		w.problems = &inWindow
		from, err := p.window(&w, n)
		if err != nil {
			return err
		}
		w.problems = &problems
		for _, pr := range inWindow {
			if pr.Kind != ProblemSeqGap || !gaps { // gaps named them all
				problems = append(problems, pr)
			}
		}
		id, known := p.origins[n.origin]
		switch {
		case !known:
			problems = append(problems, Problem{Kind: ProblemUnknownOrigin, Event: w.ref(0, from, model.EventID{}), Key: strconv.FormatInt(n.origin, 10), Got: strconv.FormatInt(n.count, 10)})
		case id != p.device.ID:
			problems = append(problems, Problem{Kind: ProblemForeignOrigin, Event: w.ref(0, from, model.EventID{}), Key: id.String(), Got: strconv.FormatInt(n.count, 10)})
		default:
			local = chainEnd{seq: w.seq, id: w.id, ref: w.ref(w.n, w.seq, w.id)}
		}
	}
	if err := resolveRefs(p.ctx, p.q, refs); err != nil {
		return err
	}
	for _, pr := range problems {
		p.r.add(pr)
	}
	for _, pr := range p.found {
		p.r.add(pr)
	}
	return p.head(local)
}

// gaps names each gap in a device's numbering, from the index alone.
func (p *quickPass) gaps(w *chainWalk) error {
	rows, err := p.q.QueryContext(p.ctx, "SELECT n, origin_seq FROM main.events WHERE origin = ? ORDER BY origin_seq", w.origin)
	if err != nil {
		return err
	}
	defer rows.Close()
	prev := int64(0)
	for rows.Next() {
		var n, seq int64
		if err := rows.Scan(&n, &seq); err != nil {
			return err
		}
		if seq != prev+1 {
			*w.problems = append(*w.problems, Problem{Kind: ProblemSeqGap, Event: w.ref(n, seq, model.EventID{}), Want: strconv.FormatInt(prev+1, 10), Got: strconv.FormatInt(seq, 10)})
		}
		prev = seq
	}
	return rows.Err()
}

// window reads a device's newest events byte by byte, each checked by
// itself and linked to the one before (the first of them to the event
// before the window), and returns the first sequence number it read.
func (p *quickPass) window(w *chainWalk, n numbering) (int64, error) {
	from := max(n.first, n.last-QuickWindow+1)
	rows, err := p.q.QueryContext(p.ctx, "SELECT n, id8, origin_seq, entity_id, body FROM main.events WHERE origin = ? AND origin_seq >= ? ORDER BY origin_seq, n", w.origin, from-1)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	first := true
	for rows.Next() {
		var row rawEvent
		var entity model.ID
		var stored sql.RawBytes
		if err := rows.Scan(&row.n, &row.id8, &row.seq, &entity, &stored); err != nil {
			return 0, err
		}
		row.open(stored)
		row.origin = w.origin
		c := &entityCheck{rawGroup: rawGroup{entity: entity}}
		m := p.event(c, row)
		if first && row.seq < from {
			// The event before the window: only the start of the links.
			w.n, w.seq, w.id, w.events = m.n, m.seq, m.id, 1
			first = false
			continue
		}
		if first && row.seq == 1 {
			first = false // the device's first event: linked to nothing
		}
		if first {
			first = false // events before it are missing: a gap, no link to check
		}
		p.found = append(p.found, c.found...)
		w.step(m.n, m.seq, m.id8, m.id)
	}
	return from, rows.Err()
}

// head compares this device's record with its newest event. The chain
// over all its events needs every event: only Check verifies it.
func (p *quickPass) head(end chainEnd) error {
	var recorded, upto int64
	var head []byte
	if err := p.q.QueryRowContext(p.ctx, "SELECT last_seq, head, chained_upto FROM main.local_device").Scan(&recorded, &head, &upto); err != nil {
		return err
	}
	if recorded != end.seq {
		p.r.add(Problem{Kind: ProblemLastSeq, Event: end.ref, Want: strconv.FormatInt(end.seq, 10), Got: strconv.FormatInt(recorded, 10)})
	}
	if (head != nil || end.ref != nil) && (end.ref == nil || string(head) != string(end.id[:])) {
		pr := Problem{Kind: ProblemHead, Event: end.ref, Want: shortHex(head)}
		if end.ref != nil {
			pr.Got = end.ref.ID
		}
		p.r.add(pr)
	}
	if upto > 0 {
		p.r.add(Problem{Kind: NoteChainedOnUpgrade, Key: p.device.ID.String(), Got: strconv.FormatInt(upto, 10)})
	}
	return nil
}
