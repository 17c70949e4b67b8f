package queue

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
)

// The search also finds tickets whose descriptions, comments and decision
// texts hold the query. Those are not in the queue's table (keeping them in
// memory would cost the queue its memory budget): typing filters instantly
// on numbers, titles and names; enter keeps the search and looks for it in
// the store's text index in the background (milliseconds at 100,000
// tickets), and the matches join the list.

// textFoundMsg carries the tickets whose texts mention q.
type textFoundMsg struct {
	q   string
	ids []model.ID
	err error
}

func searchTexts(ctx context.Context, s *db.Store, q string) tea.Cmd {
	return func() tea.Msg {
		ids, err := s.TicketsMentioning(ctx, q)
		return textFoundMsg{q: q, ids: ids, err: err}
	}
}

// setTextHits marks the rows of the tickets found for query q: one pass
// over the rows against a set of the tickets found, which are fewer.
func (t *table) setTextHits(q string, ids []model.ID) int {
	hits := make([]uint64, (len(t.rows)+63)/64)
	n := 0
	if len(ids) > 0 {
		found := make(map[model.ID]struct{}, len(ids))
		for _, id := range ids {
			found[id] = struct{}{}
		}
		for i := range t.rows {
			if _, ok := found[t.rows[i].id]; ok {
				hits[i/64] |= 1 << (i % 64)
				n++
			}
		}
	}
	t.textQuery, t.textHits = q, hits
	return n
}

// textHit reports whether row i was found in the texts for s's query.
func (s *search) textHit(i int32) bool {
	return s.text != nil && int(i/64) < len(s.text) && s.text[i/64]&(1<<(i%64)) != 0
}
