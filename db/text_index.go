package db

import (
	"fmt"
)

// textIndexes are the full-text indexes (FTS5 tables): search's trigram
// indexes, whose rowids are those of ticket_text.
var textIndexes = []string{"ticket_title_index", "ticket_text_index"}

// emptyTextIndexes empties every full-text index for a rebuild, with
// FTS5's own command: its shadow tables are never written directly.
func emptyTextIndexes(b *Batch) error {
	for _, t := range textIndexes {
		if _, err := b.tx.ExecContext(b.ctx, fmt.Sprintf("INSERT INTO %s (%s) VALUES ('delete-all')", t, t)); err != nil {
			return fmt.Errorf("empty %s: %w", t, err)
		}
	}
	return nil
}
