package queue

import (
	"context"
	"errors"
	"testing"

	"yunwei/model/i18n"
	"yunwei/ui/common/screentest"
)

// The queue reads with the program's context: once the program has quit,
// a load still to run stops instead of reading the whole table.
func TestLoadsStopWhenTheProgramQuits(t *testing.T) {
	s := screentest.Store(t)
	d := screentest.Deps(t, s, i18n.En)
	ctx, quit := context.WithCancel(context.Background())
	d.Ctx = ctx
	m := New(d)
	first := m.Init()
	all := loadAll(m.deps.Context(), s, d.Now)
	quit()
	if msg := first().(firstPageMsg); !errors.Is(msg.err, context.Canceled) {
		t.Errorf("first page after quitting: %v, want it cancelled", msg.err)
	}
	if msg := all().(loadedMsg); !errors.Is(msg.err, context.Canceled) {
		t.Errorf("whole queue after quitting: %v, want it cancelled", msg.err)
	}
}
