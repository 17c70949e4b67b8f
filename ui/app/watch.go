package app

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"yunwei/db"
	"yunwei/model"
	"yunwei/ui/common"
)

// watch is the root's change feed (Options.Watch): the newest event the
// screens know of, and whether a read of the log is under way.
type watch struct {
	on   bool
	from int64
	busy bool
}

// changesMsg carries what one read of the change feed found.
type changesMsg struct {
	ids  []model.ID
	last int64
	err  error
}

// readChanges asks the store for the tickets written after event from.
func readChanges(ctx context.Context, s *db.Store, from int64) tea.Cmd {
	return func() tea.Msg {
		ids, last, err := s.TicketsChangedSince(ctx, from)
		return changesMsg{ids: ids, last: last, err: err}
	}
}

// poll starts a read of the change feed, unless one is under way: the
// clock ticks every second, and a read that takes longer (a busy disk)
// must not pile up behind it.
func (m *Model) poll() tea.Cmd {
	if !m.watch.on || m.watch.busy || m.deps.Store == nil {
		return nil
	}
	m.watch.busy = true
	return readChanges(m.deps.Context(), m.deps.Store, m.watch.from)
}

// changes tells the screens which tickets changed. A read that moved on
// may have left more behind it (a sync's thousands of events come in
// pieces): the next starts at once. A failed read is tried again at the
// next tick; the screens keep what they show meanwhile.
func (m Model) changes(msg changesMsg) (Model, tea.Cmd) {
	m.watch.busy = false
	if msg.err != nil || msg.last == m.watch.from {
		return m, nil
	}
	m.watch.from = msg.last
	var cmd tea.Cmd
	if len(msg.ids) > 0 {
		m, cmd = m.broadcast(common.TicketsChangedMsg{IDs: msg.ids})
		m.enableKeys()
	}
	read := m.poll()
	return m, tea.Batch(cmd, read)
}
