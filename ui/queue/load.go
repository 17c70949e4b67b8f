package queue

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
)

// FirstPage is how many tickets the first, limited query reads: more than
// any terminal shows at once, so the first frame is full at any size.
const FirstPage = 200

// firstPageMsg carries the first screenful, read in the default order by a
// LIMIT query, before the whole queue has loaded.
type firstPageMsg struct {
	t   *table
	err error
}

// loadedMsg carries the whole queue.
type loadedMsg struct {
	t    *table
	took time.Duration
	err  error
}

// rowMsg carries one ticket re-read after it changed.
type rowMsg struct {
	q   db.QueueTicket
	err error
}

// rowsMsg carries the tickets another process wrote, re-read.
type rowsMsg struct {
	qs  []db.QueueTicket
	err error
}

// reloadAbove is how many changed tickets are re-read one by one; more
// (a sync that brought a thousand) reload the whole queue instead, off
// the UI's goroutine: each row put into the table costs a pass over its
// sort orders there.
const reloadAbove = 200

// tickMsg makes the countdowns tick.
type tickMsg time.Time

// loadFirstPage reads the first screenful (indexed, a few milliseconds).
func loadFirstPage(ctx context.Context, s *db.Store) tea.Cmd {
	return func() tea.Msg {
		t := newTable(FirstPage)
		err := s.EachQueueTicket(ctx, db.QueueQuery{Order: db.QueueByDue, Limit: FirstPage}, func(q *db.QueueTicket) error {
			t.add(q)
			return nil
		})
		t.sortAll()
		return firstPageMsg{t: t, err: err}
	}
}

// loadAll reads every ticket and sorts them every way, off the UI's
// goroutine (about half a second at 100,000 tickets). It times itself
// with the screen's clock, so a test's fixed clock makes it read 0 s.
func loadAll(ctx context.Context, s *db.Store, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		start := now()
		n, err := s.TicketCount(ctx)
		if err != nil {
			return loadedMsg{err: err}
		}
		t := newTable(n + n/64)
		err = s.EachQueueTicket(ctx, db.QueueQuery{}, func(q *db.QueueTicket) error {
			t.add(q)
			return nil
		})
		if err != nil {
			return loadedMsg{err: err}
		}
		t.sortAll()
		return loadedMsg{t: t, took: now().Sub(start)}
	}
}

// loadRow re-reads one ticket after a change.
func loadRow(ctx context.Context, s *db.Store, id model.ID) tea.Cmd {
	return func() tea.Msg {
		q, err := s.QueueTicketByID(ctx, id)
		return rowMsg{q: q, err: err}
	}
}

// loadRows re-reads the tickets written elsewhere.
func loadRows(ctx context.Context, s *db.Store, ids []model.ID) tea.Cmd {
	ids = append([]model.ID(nil), ids...)
	return func() tea.Msg {
		qs, err := s.QueueTicketsByID(ctx, ids)
		return rowsMsg{qs: qs, err: err}
	}
}

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}
