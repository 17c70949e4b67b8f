package db

import (
	"context"
	"errors"

	"yunwei/flows"
)

// errUndo ends a transaction that only tried a command.
var errUndo = errors.New("undo")

// Try decides cmd as Execute would, in a transaction that is then rolled
// back: nothing is written. A command that needs more from its user (a new
// passphrase) is refused before it asks for it.
func (s *Store) Try(ctx context.Context, as Acting, cmd flows.Command) error {
	err := s.Batch(ctx, func(b *Batch) error {
		if _, err := b.Execute(as, cmd); err != nil {
			return err
		}
		return errUndo
	})
	if errors.Is(err, errUndo) {
		return nil
	}
	return err
}
