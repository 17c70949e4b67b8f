package db

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"yunwei/model"
)

// check folds the entities in the rebuild's order: by the rank of each
// one's kind (the kind its first event names), then by id. Working that
// order out from the log means opening every entity's first event before
// the pass begins, a tenth of the check spent before anything else can
// start. The stored projections say it already: each entity of a kind has
// its row in its kind's table (hintTables), keyed by the entity's id. So
// the pass reads the log through them, kind by kind in rank order and id
// by id, and checks the hint as it goes (orderHint): each entity's first
// event must name the kind its table stands for, the (rank, id) pairs must
// rise, and at the end the pass must have read every event of the log.
// If any fails (a projection row missing or extra, an entity of a kind
// this version does not know), what the pass found is dropped and it runs
// again in the order worked out from the log itself (rebuilder.order), so
// that the report is the same whatever the projections hold.

// followHints is whether check reads the log in the order the stored
// projections give; a test compares its reports with and without.
var followHints = true

// hintTables names, for each kind, the projection table that holds one row
// per entity of that kind under its id. A kind not named here is never
// hinted: a log holding one is read in the order worked out from the log.
var hintTables = map[string]string{
	model.EntityCalendar: "calendars",
	model.EntityCustomer: "customers",
	model.EntityContract: "contracts",
	model.EntitySite:     "sites",
	model.EntitySystem:   "systems",
	model.EntityContact:  "contacts",
	model.EntityUser:     "users",
	model.EntityTicket:   "tickets",
}

// hintQueries are the log's rows entity by entity, in the order the stored
// projections give: one query per kind, in rank order, each reading its
// table's ids in order and the events of each. The events of an entity
// are put in order as they are grouped (rawGroup.sortRows): ordering them
// in SQL costs a sort per entity.
func hintQueries() []string {
	kinds := make([]string, 0, len(hintTables))
	for kind := range hintTables {
		if _, ok := entities[kind]; ok {
			kinds = append(kinds, kind)
		}
	}
	slices.SortFunc(kinds, func(a, b string) int { return entities[a].rank - entities[b].rank })
	out := make([]string, len(kinds))
	for i, kind := range kinds {
		out[i] = fmt.Sprintf(`SELECT e.entity_id, e.n, e.id8, e.origin, e.origin_seq, e.body, %d FROM main.%s AS h
			CROSS JOIN main.events AS e ON e.entity_id = h.id ORDER BY h.id`, entities[kind].rank, hintTables[kind])
	}
	return out
}

// orderHint follows a hinted pass, entity by entity in the pass's order.
type orderHint struct {
	last     model.ID
	lastRank int
	started  bool
	wrong    bool
}

// errWrongHint stops a hinted pass whose order is not the rebuild's.
var errWrongHint = fmt.Errorf("the stored projections do not give the rebuild's order")

// take checks the next entity: the rank its first event gives must be the
// rank its hint gave, and the pair must come after the one before.
func (h *orderHint) take(c *entityCheck) error {
	rank := firstRank(c.rows[0])
	ok := rank == c.rank && (!h.started || h.lastRank < rank || h.lastRank == rank && bytes.Compare(h.last[:], c.entity[:]) < 0)
	h.last, h.lastRank, h.started = c.entity, rank, true
	if !ok {
		h.wrong = true
		return errWrongHint
	}
	return nil
}

// firstRank is the rank in the rebuild of an entity whose first event is
// row, as rebuilder.order finds it: the kind the body names, unknownRank
// when the body does not open or names a kind this version does not know.
func firstRank(row rawEvent) int {
	if row.openErr != nil {
		return unknownRank
	}
	if k, ok := entities[envelopeKind(row.body)]; ok {
		return k.rank
	}
	return unknownRank
}

// sortRows puts an entity's rows in the order they arrived (n).
func (g *rawGroup) sortRows() {
	less := func(a, b rawEvent) int { return cmp.Compare(a.n, b.n) }
	if !slices.IsSortedFunc(g.rows, less) {
		slices.SortFunc(g.rows, less)
	}
}

// runHinted runs the pass in the order the stored projections give;
// ok is false when that order proved wrong, and nothing of the pass is
// to be kept.
func (p *logPass) runHinted() (ok bool, err error) {
	p.hint = &orderHint{}
	err = p.run(hintQueries()...)
	switch {
	case p.hint.wrong:
		return false, nil
	case err != nil:
		return false, err
	}
	return p.done == p.total, nil
}

// restart makes the pass and the rebuild new again, in the same read
// transaction, after a hint proved wrong: the rebuilt rows are emptied.
func (p *logPass) restart(ctx context.Context, tables []string) (*logPass, error) {
	q, fold := p.q, p.fold
	*p.r = CheckReport{LogVerified: true}
	np, err := newLogPass(ctx, q, p.device, p.r, p.progress)
	if err != nil {
		return nil, err
	}
	if err := fold.restart(ctx, q, tables); err != nil {
		return nil, err
	}
	np.fold = fold
	return np, nil
}
