package db

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"yunwei/model"
)

// verifyLog checks the event log on its own, without the projections
// (DESIGN §4): every event's canonical form and its envelope against its
// row; each device's sequence and the link stored with each event
// (db/chain.go); this device's recorded newest event and chain; every
// parent among its entity's events; numbers never repeated and counters
// equal to the highest number issued. Each finding is added to r by kind
// and event.
func verifyLog(ctx context.Context, q queryer, device Device, r *CheckReport) error {
	origins, err := originIDs(ctx, q)
	if err != nil {
		return err
	}
	r.Origins = len(origins)
	chains, numbers, err := verifyChains(ctx, q, origins, device, r)
	if err != nil {
		return err
	}
	local := int64(0)
	for n, id := range origins {
		if id == device.ID {
			local = n
		}
	}
	if err := verifyHead(ctx, q, device, chains[local], r); err != nil {
		return err
	}
	if err := verifyCounters(ctx, q, numbers, r); err != nil {
		return err
	}
	return verifyParents(ctx, q, r)
}

// originIDs maps the log's local device numbers to device ids.
func originIDs(ctx context.Context, q queryer) (map[int64]model.ID, error) {
	rows, err := q.QueryContext(ctx, "SELECT n, id FROM origins")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]model.ID{}
	for rows.Next() {
		var n int64
		var id model.ID
		if err := rows.Scan(&n, &id); err != nil {
			return nil, err
		}
		out[n] = id
	}
	return out, rows.Err()
}

// chainEnd is where a device's chain ends in the log: its newest event
// and the chain over all its events.
type chainEnd struct {
	seq   int64
	id    model.EventID
	chain chainValue
	ref   *EventRef
}

// issued is what the log shows of the numbers drawn from counters: the
// highest per counter (this device's numbers only) and who holds each.
type issued struct {
	highest map[string]*EventRef // counter → the event that drew its highest number
	top     map[string]int64
	holders map[string]*EventRef // number → the first entity created with it
	repeats *[]Problem           // every later entity created with a number already held
}

// verifyChains reads every event in device and sequence order: each by
// itself, then its link to the event before it (db/chain.go).
func verifyChains(ctx context.Context, q queryer, origins map[int64]model.ID, device Device, r *CheckReport) (map[int64]chainEnd, issued, error) {
	nums := issued{highest: map[string]*EventRef{}, top: map[string]int64{}, holders: map[string]*EventRef{}, repeats: new([]Problem)}
	rows, err := q.QueryContext(ctx, "SELECT n, id8, origin, origin_seq, entity_id, body FROM events ORDER BY origin, origin_seq")
	if err != nil {
		return nil, nums, err
	}
	defer rows.Close()
	type chain struct {
		chainEnd
		events int64
		first  *EventRef
		// broken is the index in r.Problems of the link found broken at
		// the previous event, or -1.
		broken int
	}
	chains := map[int64]*chain{}
	var order []int64
	var cur *chain
	curOrigin := int64(-1)
	for rows.Next() {
		var n, id8, origin, seq int64
		var entity model.ID
		var raw []byte
		if err := rows.Scan(&n, &id8, &origin, &seq, &entity, &raw); err != nil {
			return nil, nums, err
		}
		body, bodyErr := openBody(raw)
		if bodyErr != nil {
			body = raw // hashed as stored: its link fails, and it is unparseable
		}
		r.Events++
		if origin != curOrigin {
			curOrigin, cur = origin, &chain{broken: -1}
			chains[origin] = cur
			order = append(order, origin)
		}
		id := model.HashEvent(body)
		e, openErr := model.OpenEvent(body)
		if bodyErr != nil {
			openErr = bodyErr
		}
		if openErr == nil && (e.V == 0 || e.Seq == 0 || e.Origin.IsZero() || e.EntityID.IsZero() || e.Entity == "" || e.Type == "") {
			openErr = fmt.Errorf("the envelope lacks its version, sequence, origin, entity or type")
		}
		var ev *model.Event
		if openErr == nil {
			ev = &e
		}
		at := ref(n, origin, seq, id, ev)
		cur.events++
		if cur.first == nil {
			cur.first = at
		}
		gap := seq != cur.seq+1
		if gap {
			r.add(Problem{Kind: ProblemSeqGap, Event: at, Want: strconv.FormatInt(cur.seq+1, 10), Got: strconv.FormatInt(seq, 10)})
		}
		broken := -1
		switch {
		case link(cur.id, id) == id8:
		case gap: // the gap is the finding
		case cur.broken >= 0:
			// The links on both sides of the previous event fail: it is
			// that event which changed.
			r.Problems[cur.broken].Kind, r.Problems[cur.broken].Other = ProblemEventChanged, nil
		default:
			broken = len(r.Problems)
			r.add(Problem{Kind: ProblemChainBroken, Event: at, Other: cur.ref})
		}
		cur.broken = broken
		cur.seq, cur.id, cur.chain, cur.ref = seq, id, cur.chain.next(id), at
		if err := model.CheckCanonical(body); err != nil {
			r.add(Problem{Kind: ProblemNotCanonical, Event: at, Detail: err.Error()})
		}
		if openErr != nil {
			r.add(Problem{Kind: ProblemUnparseable, Event: at, Detail: openErr.Error()})
			continue
		}
		originID, known := origins[origin]
		if e.Seq != seq {
			r.add(Problem{Kind: ProblemRowMismatch, Event: at, Key: "seq", Want: strconv.FormatInt(e.Seq, 10), Got: strconv.FormatInt(seq, 10)})
		}
		if e.EntityID != entity {
			r.add(Problem{Kind: ProblemRowMismatch, Event: at, Key: "entity_id", Want: e.EntityID.String(), Got: entity.String()})
		}
		if known && e.Origin != originID {
			r.add(Problem{Kind: ProblemRowMismatch, Event: at, Key: "origin", Want: e.Origin.String(), Got: originID.String()})
		}
		if e.Origin == device.ID {
			nums.count(device.Code, &e, at)
		} else {
			nums.count("", &e, at)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nums, err
	}
	out := map[int64]chainEnd{}
	for _, origin := range order {
		c := chains[origin]
		out[origin] = c.chainEnd
		id, known := origins[origin]
		switch {
		case !known:
			r.add(Problem{Kind: ProblemUnknownOrigin, Event: c.first, Key: strconv.FormatInt(origin, 10), Got: strconv.FormatInt(c.events, 10)})
		case id != device.ID:
			r.add(Problem{Kind: ProblemForeignOrigin, Event: c.first, Key: id.String(), Got: strconv.FormatInt(c.events, 10)})
		}
	}
	return out, nums, nil
}

// count notes the number an entity was created with, if it has one drawn
// from a counter: code is this device's code, "" for another device's
// events (their numbers count for repeats, not for this device's
// counters).
func (nums issued) count(code string, e *model.Event, at *EventRef) {
	if _, ok := numberedTables[e.Entity]; !ok || e.Type != e.Entity+".created" {
		return
	}
	var p struct {
		Number string `json:"number"`
	}
	if json.Unmarshal(e.Payload, &p) != nil || p.Number == "" {
		return
	}
	if first, ok := nums.holders[p.Number]; !ok {
		nums.holders[p.Number] = at
	} else if first.Entity != at.Entity {
		*nums.repeats = append(*nums.repeats, Problem{Kind: ProblemDuplicateNumber, Event: at, Other: first, Key: p.Number})
	}
	if code == "" {
		return
	}
	if year, n, ok := parseNumber(code, p.Number); ok {
		counter := fmt.Sprintf("%s/%d", e.Entity, year)
		if n > nums.top[counter] {
			nums.top[counter], nums.highest[counter] = n, at
		}
	}
}

// verifyHead compares this device's recorded sequence, newest event and
// chain with the end of its events in the log.
func verifyHead(ctx context.Context, q queryer, device Device, end chainEnd, r *CheckReport) error {
	var recorded, upto int64
	var head, chain []byte
	if err := q.QueryRowContext(ctx, "SELECT last_seq, head, chain, chained_upto FROM local_device").Scan(&recorded, &head, &chain, &upto); err != nil {
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

// verifyCounters compares every counter of a numbered kind with the
// highest number the log shows this device issued from it, and reports
// every number given to more than one entity.
func verifyCounters(ctx context.Context, q queryer, nums issued, r *CheckReport) error {
	for _, p := range *nums.repeats {
		r.add(p)
	}
	rows, err := q.QueryContext(ctx, "SELECT name, value FROM counters")
	if err != nil {
		return err
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var name string
		var value int64
		if err := rows.Scan(&name, &value); err != nil {
			return err
		}
		kind, _, _ := strings.Cut(name, "/")
		if _, ok := numberedTables[kind]; !ok {
			continue
		}
		seen[name] = true
		top := nums.top[name]
		p := Problem{Key: name, Event: nums.highest[name], Want: strconv.FormatInt(top, 10), Got: strconv.FormatInt(value, 10)}
		switch {
		case value < top:
			p.Kind = ProblemCounterBehind
			r.add(p)
		case value > top:
			p.Kind = ProblemCounterAhead
			r.add(p)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var missing []string
	for name := range nums.top {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	for _, name := range missing {
		r.add(Problem{Kind: ProblemCounterBehind, Key: name, Event: nums.highest[name], Want: strconv.FormatInt(nums.top[name], 10), Got: "0"})
	}
	return nil
}

// verifyParents reads the log entity by entity and reports every parent an
// event names that is not among its entity's events.
func verifyParents(ctx context.Context, q queryer, r *CheckReport) error {
	rows, err := q.QueryContext(ctx, "SELECT n, origin, origin_seq, entity_id, body FROM events ORDER BY entity_id, n")
	if err != nil {
		return err
	}
	defer rows.Close()
	type stored struct {
		at      *EventRef
		parents []model.EventID
	}
	var (
		current model.ID
		group   []stored
		ids     = map[model.EventID]bool{}
	)
	flush := func() {
		for _, s := range group {
			for _, p := range s.parents {
				if !ids[p] {
					r.add(Problem{Kind: ProblemDanglingParent, Event: s.at, Key: p.String()[:16]})
				}
			}
		}
		group = group[:0]
		clear(ids)
	}
	for rows.Next() {
		var n, origin, seq int64
		var entity model.ID
		var body []byte
		if err := rows.Scan(&n, &origin, &seq, &entity, &body); err != nil {
			return err
		}
		if body, err = openBody(body); err != nil {
			continue // reported by the chain pass
		}
		if entity != current {
			flush()
			current = entity
		}
		id := model.HashEvent(body)
		ids[id] = true
		e, err := model.OpenEvent(body)
		if err != nil || len(e.Parents) == 0 {
			continue // an unreadable event is reported by the chain pass
		}
		group = append(group, stored{at: ref(n, origin, seq, id, &e), parents: e.Parents})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	flush()
	return nil
}
