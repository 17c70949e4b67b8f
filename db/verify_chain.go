package db

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"

	"yunwei/model"
)

// The chain of each device's events (db/chain.go) is verified in sequence
// order. The log pass reads events in entity order, so it keeps, for each
// device, the hash and the stored link of every event at its sequence
// number: 41 bytes an event, where the bodies are hundreds. A device whose
// numbers are not 1…n with a few gaps (a number far past the count, one
// used twice: an edit of the file) is read again from the log instead, in
// sequence order.

// deviceLog is what the pass keeps of one device's events.
type deviceLog struct {
	origin int64
	count  int64 // its events, as the log's rows say
	ids    []model.EventID
	links  []int64
	seen   []bool
	// irregular is set when the numbers do not fit the arrays: the chain is
	// then read again from the log.
	irregular bool
}

// deviceLogs makes the arrays of every device the log's rows name, and
// counts the events: index-only, on (origin, origin_seq).
func deviceLogs(ctx context.Context, q queryer) (map[int64]*deviceLog, int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT origin, count(*), max(origin_seq) FROM main.events GROUP BY origin")
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := map[int64]*deviceLog{}
	var total int64
	for rows.Next() {
		var origin, count, top int64
		if err := rows.Scan(&origin, &count, &top); err != nil {
			return nil, 0, err
		}
		total += count
		d := &deviceLog{origin: origin, count: count, irregular: true}
		if top >= 1 && top <= 2*count+1024 {
			d.ids, d.links, d.seen, d.irregular = make([]model.EventID, top), make([]int64, top), make([]bool, top), false
		}
		out[origin] = d
	}
	return out, total, rows.Err()
}

// deviceLog is the arrays of a device; one the count did not see (it
// cannot be, in one snapshot) is read from the log.
func (p *logPass) deviceLog(origin int64) *deviceLog {
	d, ok := p.devices[origin]
	if !ok {
		d = &deviceLog{origin: origin, irregular: true}
		p.devices[origin] = d
	}
	return d
}

// put notes an event's hash and stored link at its sequence number.
func (d *deviceLog) put(seq, id8 int64, id model.EventID) {
	if d.irregular {
		return
	}
	if seq < 1 || seq > int64(len(d.ids)) || d.seen[seq-1] {
		d.ids, d.links, d.seen, d.irregular = nil, nil, nil, true
		return
	}
	d.ids[seq-1], d.links[seq-1], d.seen[seq-1] = id, id8, true
}

// chainEnd is where a device's chain ends in the log: its newest event
// and the chain over all its events.
type chainEnd struct {
	seq   int64
	id    model.EventID
	chain chainValue
	ref   *EventRef
}

// chains is what verifyChains found: its problems, in device and sequence
// order, and where this device's chain ends.
type chains struct {
	problems []Problem
	local    chainEnd
}

// verifyChains walks each device's events in sequence order: its numbers
// without a gap, and the link stored with each event to the one before.
func verifyChains(ctx context.Context, q queryer, devices map[int64]*deviceLog, origins map[int64]model.ID, device Device) (chains, error) {
	var out chains
	var refs []*EventRef
	order := make([]int64, 0, len(devices))
	for origin := range devices {
		order = append(order, origin)
	}
	slices.Sort(order)
	for _, origin := range order {
		d := devices[origin]
		w := chainWalk{origin: origin, broken: -1, problems: &out.problems, refs: &refs}
		if d.irregular {
			if err := w.fromLog(ctx, q); err != nil {
				return out, err
			}
		} else {
			for i, seen := range d.seen {
				if seen {
					w.step(0, int64(i)+1, d.links[i], d.ids[i])
				}
			}
		}
		if w.events == 0 {
			continue
		}
		end := chainEnd{seq: w.seq, id: w.id, chain: w.chain, ref: w.ref(w.n, w.seq, w.id)}
		id, known := origins[origin]
		switch {
		case !known:
			out.problems = append(out.problems, Problem{Kind: ProblemUnknownOrigin, Event: w.ref(w.firstN, w.firstSeq, w.firstID), Key: strconv.FormatInt(origin, 10), Got: strconv.FormatInt(w.events, 10)})
		case id != device.ID:
			out.problems = append(out.problems, Problem{Kind: ProblemForeignOrigin, Event: w.ref(w.firstN, w.firstSeq, w.firstID), Key: id.String(), Got: strconv.FormatInt(w.events, 10)})
		default:
			out.local = end
		}
	}
	return out, resolveRefs(ctx, q, refs)
}

// chainWalk follows one device's events in sequence order.
type chainWalk struct {
	origin int64
	// The previous event: its row (0: not known yet), number and hash,
	// and the chain up to it.
	n, seq int64
	id     model.EventID
	chain  chainValue
	events int64
	// The first event, named when the device is unknown.
	firstN, firstSeq int64
	firstID          model.EventID
	// broken is the index in problems of the link found broken at the
	// previous event, or -1.
	broken   int
	problems *[]Problem
	refs     *[]*EventRef // to be completed from the log (resolveRefs)
}

// ref names an event by its device and number (or its row, when n is
// known); the rest is read back for the few events a finding names.
func (w *chainWalk) ref(n, seq int64, id model.EventID) *EventRef {
	r := &EventRef{N: n, Origin: w.origin, Seq: seq}
	if id != (model.EventID{}) {
		r.ID = id.String()[:16]
	}
	*w.refs = append(*w.refs, r)
	return r
}

// step takes the next event of the device.
func (w *chainWalk) step(n, seq, id8 int64, id model.EventID) {
	if w.events == 0 {
		w.firstN, w.firstSeq, w.firstID = n, seq, id
	}
	gap := seq != w.seq+1
	if gap {
		*w.problems = append(*w.problems, Problem{Kind: ProblemSeqGap, Event: w.ref(n, seq, id), Want: strconv.FormatInt(w.seq+1, 10), Got: strconv.FormatInt(seq, 10)})
	}
	broken := -1
	switch {
	case link(w.id, id) == id8:
	case gap: // the gap is the finding
	case w.broken >= 0:
		// The links on both sides of the previous event fail: it is that
		// event which changed.
		(*w.problems)[w.broken].Kind, (*w.problems)[w.broken].Other = ProblemEventChanged, nil
	default:
		var prev *EventRef
		if w.events > 0 {
			prev = w.ref(w.n, w.seq, w.id)
		}
		broken = len(*w.problems)
		*w.problems = append(*w.problems, Problem{Kind: ProblemChainBroken, Event: w.ref(n, seq, id), Other: prev})
	}
	w.broken = broken
	w.events++
	w.n, w.seq, w.id, w.chain = n, seq, id, w.chain.next(id)
}

// fromLog walks a device whose numbers did not fit the arrays, reading its
// events again in sequence order.
func (w *chainWalk) fromLog(ctx context.Context, q queryer) error {
	rows, err := q.QueryContext(ctx, "SELECT n, id8, origin_seq, body FROM main.events WHERE origin = ? ORDER BY origin_seq, n", w.origin)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n, id8, seq int64
		var stored []byte
		if err := rows.Scan(&n, &id8, &seq, &stored); err != nil {
			return err
		}
		body, err := openBody(stored)
		if err != nil {
			body = stored
		}
		w.step(n, seq, id8, model.HashEvent(body))
	}
	return rows.Err()
}

// resolveRefs completes the events findings name: their row number, and
// their type and entity when they read.
func resolveRefs(ctx context.Context, q queryer, refs []*EventRef) error {
	for _, r := range refs {
		var row *EventRef
		var stored []byte
		var err error
		if r.N != 0 {
			row = r
			err = q.QueryRowContext(ctx, "SELECT body FROM main.events WHERE n = ?", r.N).Scan(&stored)
		} else {
			row = &EventRef{}
			err = q.QueryRowContext(ctx, "SELECT n, body FROM main.events WHERE origin = ? AND origin_seq = ? ORDER BY n LIMIT 1", r.Origin, r.Seq).Scan(&row.N, &stored)
		}
		if err != nil {
			return fmt.Errorf("read event %d/%d: %w", r.Origin, r.Seq, err)
		}
		r.N = row.N
		body, err := openBody(stored)
		if err != nil {
			body = stored
		}
		if r.ID == "" {
			r.ID = model.HashEvent(body).String()[:16]
		}
		if e, err := model.OpenEvent(body); err == nil && e.V != 0 && e.Seq != 0 && !e.Origin.IsZero() && !e.EntityID.IsZero() && e.Entity != "" && e.Type != "" {
			r.Type, r.Entity = e.Type, e.EntityID.String()
		}
	}
	return nil
}

// verifyHead compares this device's recorded sequence, newest event and
// chain with the end of its events in the log.
func verifyHead(ctx context.Context, q queryer, device Device, end chainEnd, r *CheckReport) error {
	var recorded, upto int64
	var head, chain []byte
	if err := q.QueryRowContext(ctx, "SELECT last_seq, head, chain, chained_upto FROM main.local_device").Scan(&recorded, &head, &chain, &upto); err != nil {
		return err
	}
	if recorded != end.seq {
		r.add(Problem{Kind: ProblemLastSeq, Event: end.ref, Want: strconv.FormatInt(end.seq, 10), Got: strconv.FormatInt(recorded, 10)})
	}
	switch {
	case head == nil && chain == nil && end.ref == nil:
		// nothing written yet
	case end.ref == nil || !bytes.Equal(head, end.id[:]):
		p := Problem{Kind: ProblemHead, Event: end.ref, Want: shortHex(head)}
		if end.ref != nil {
			p.Got = end.ref.ID
		}
		r.add(p)
	case !bytes.Equal(chain, end.chain[:]):
		r.add(Problem{Kind: ProblemChainMismatch, Event: end.ref, Want: shortHex(chain), Got: shortHex(end.chain[:])})
	}
	if upto > 0 {
		r.add(Problem{Kind: NoteChainedOnUpgrade, Key: device.ID.String(), Got: strconv.FormatInt(upto, 10)})
	}
	return nil
}

// shortHex is the first 16 hex digits of an id, "" for none.
func shortHex(b []byte) string {
	s := hex.EncodeToString(b)
	if len(s) > 16 {
		s = s[:16]
	}
	return s
}
