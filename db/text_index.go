package db

import (
	"bytes"
	"fmt"
	"strings"
	"yunwei/model"
)

// textIndexes are the full-text indexes (FTS5 tables): search's trigram
// indexes, whose rowids are those of ticket_text.
var textIndexes = []string{"ticket_title_index", "ticket_text_index"}

// emptyTextIndexes empties every full-text index for a rebuild, with
// FTS5's own command: its shadow tables are never written directly.
func emptyTextIndexes(b *Batch) error {
	for _, t := range textIndexes {
		if _, err := b.tx.ExecContext(b.ctx, textIndexCommand(t, "delete-all")); err != nil {
			return fmt.Errorf("empty %s: %w", t, err)
		}
	}
	return nil
}

// indexText indexes a ticket's text under the rowid of its ticket_text
// row. The new rows wait, to be written many to a statement: for the
// batch's end (flushIndexRows), or, when its writes run behind, until
// indexChunkRows of them wait (writeIndexChunk).
func (b *Batch) indexText(rowid int64, txt ticketText) error {
	if b.indexAt == nil {
		b.indexAt = map[int64]int{}
	}
	b.indexAt[rowid] = len(b.indexRows)
	b.indexRows = append(b.indexRows, indexRow{rowid, txt})
	if b.behind != nil && len(b.indexRows) >= indexChunkRows {
		return b.writeIndexChunk()
	}
	return nil
}

// writeNewTicketText writes the text row of a ticket this batch created,
// and indexes its text, without reading anything back: in a batch whose
// writes run behind (WriteBehind), a read waits for every write queued
// before it. The batch numbers the rows itself, as SQLite would (one
// more than the largest), and remembers what each row holds.
func (b *Batch) writeNewTicketText(id model.ID, txt ticketText) error {
	digest := txt.digest()
	if row, ok := b.newTexts[id]; ok {
		if bytes.Equal(row.digest, digest) {
			return nil
		}
		b.newTexts[id] = newText{row.rowid, digest}
		return b.reindexText(row.rowid, row.digest, digest, txt)
	}
	if b.newTexts == nil {
		if err := b.settle(); err != nil {
			return err
		}
		if err := b.tx.QueryRowContext(b.ctx, "SELECT coalesce(max(rowid), 0) FROM ticket_text").Scan(&b.lastTextRow); err != nil {
			return fmt.Errorf("read the text rows: %w", err)
		}
		b.newTexts = map[model.ID]newText{}
	}
	b.lastTextRow++
	rowid := b.lastTextRow
	b.newTexts[id] = newText{rowid, digest}
	// No ON CONFLICT: the ticket is new, and a row already there would
	// leave these index rows under a rowid of nothing; the batch fails.
	if err := b.execRow("INSERT INTO ticket_text (rowid, ticket_id, digest) VALUES (?, ?, ?)", rowid, id, digest); err != nil {
		return err
	}
	return b.indexText(rowid, txt)
}

// newText is what a ticket_text row written by writeNewTicketText holds.
type newText struct {
	rowid  int64
	digest []byte
}

// reindexText indexes the text of ticket_text row n again, its digest
// going from old to digest: in the rows still waiting to be written, or
// in each index whose part of the digest changed.
func (b *Batch) reindexText(n int64, old, digest []byte, txt ticketText) error {
	if at, ok := b.indexAt[n]; ok {
		// Its rows wait: they are written as they now are.
		b.indexRows[at].txt = txt
		return b.exec("UPDATE ticket_text SET digest = ? WHERE rowid = ?", digest, n)
	}
	for i, part := range []struct{ index, text string }{{"ticket_title_index", txt.title}, {"ticket_text_index", txt.body}} {
		if len(old) == len(digest) && bytes.Equal(old[8*i:8*i+8], digest[8*i:8*i+8]) {
			continue
		}
		if err := b.exec("DELETE FROM "+part.index+" WHERE rowid = ?", n); err != nil {
			return err
		}
		if err := b.exec("INSERT INTO "+part.index+" (rowid, text) VALUES (?, ?)", n, part.text); err != nil {
			return err
		}
	}
	return b.exec("UPDATE ticket_text SET digest = ? WHERE rowid = ?", digest, n)
}

// writeIndexRow writes one ticket's rows of the text indexes.
func (b *Batch) writeIndexRow(rowid int64, txt ticketText) error {
	if err := b.exec("INSERT INTO ticket_title_index (rowid, text) VALUES (?, ?)", rowid, txt.title); err != nil {
		return err
	}
	return b.exec("INSERT INTO ticket_text_index (rowid, text) VALUES (?, ?)", rowid, txt.body)
}

// indexRow is a ticket's text for the text indexes, under its ticket_text
// rowid.
type indexRow struct {
	rowid int64
	txt   ticketText
}

// indexRowsPerInsert is how many rows one INSERT into the staging table
// carries; a batch of at most directIndexRows new texts (one action)
// writes them straight into the indexes. A batch whose writes run behind
// fills the indexes every indexChunkRows rows, while it goes on deciding,
// rather than all at its end while nothing else runs.
const (
	indexRowsPerInsert = 256
	directIndexRows    = 16
)

var indexChunkRows = 8192 // a variable for tests, which fill in chunks of a few

// FTS5 keeps the terms of the rows being written in memory and writes
// them to disk as a new segment whenever they pass its hash size (1 MB by
// default), merging segments as they pile up. While a batch fills the
// indexes from the staging table, the hash may hold many more: a 100,000
// ticket demo spent a fifth of its index fill merging segments. The
// option is kept in each index's configuration, so the batch sets it back
// to FTS5's default before it ends, for the writes that come after.
const (
	bulkHashSize    = 64 << 20
	defaultHashSize = 1 << 20
)

// setBulkFill sets every text index for a bulk fill, or back to FTS5's
// defaults for the writes after it: in a fill FTS5 holds more terms before
// writing a segment, and stops merging the chunks' segments as they come,
// since they are merged into one at the fill's end (optimizeTextIndexes).
func setBulkFill(b *Batch, bulk bool) error {
	size, merge := defaultHashSize, defaultAutomerge
	if bulk {
		size, merge = bulkHashSize, 0
	}
	for _, x := range textIndexes {
		if err := b.exec(textIndexCommand(x, "hashsize", size)); err != nil {
			return fmt.Errorf("set the hash size of %s: %w", x, err)
		}
		if err := b.exec(textIndexCommand(x, "automerge", merge)); err != nil {
			return fmt.Errorf("set the merging of %s: %w", x, err)
		}
	}
	return nil
}

// defaultAutomerge is FTS5's default: segments of a level are merged once
// there are four.
const defaultAutomerge = 4

// textIndexCommand is the statement that gives the text index x one of
// FTS5's commands, with its value if it takes one.
func textIndexCommand(x, command string, value ...int) string {
	if len(value) > 0 {
		return fmt.Sprintf("INSERT INTO %s (%s, rank) VALUES ('%s', %d)", x, x, command, value[0])
	}
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES ('%s')", x, x, command)
}

// flushIndexRows writes the text index rows kept by indexText, when the
// batch ends.
func (b *Batch) flushIndexRows() error {
	if len(b.indexRows) <= directIndexRows && !b.staging {
		rows := b.indexRows
		b.indexRows, b.indexAt = nil, nil
		for _, r := range rows {
			if err := b.writeIndexRow(r.rowid, r.txt); err != nil {
				return err
			}
		}
		return nil
	}
	if err := b.writeIndexChunk(); err != nil {
		return err
	}
	b.staging = false
	if err := setBulkFill(b, false); err != nil {
		return err
	}
	if err := optimizeTextIndexes(b); err != nil {
		return err
	}
	return b.exec("DROP TABLE temp.index_rows")
}

// optimizeTextIndexes merges each text index into one segment, with
// FTS5's own command, once a bulk fill has written it as several. FTS5
// merges the segments of a level as they pile up, a few pages at every
// later write: the chunks of a 100,000-ticket demo, left as they were,
// made every action after it merge them a little, at 5.1 ms of CPU and
// 374 KB written a comment where 2.8 ms and 180 KB do once they are one.
func optimizeTextIndexes(b *Batch) error {
	for _, x := range textIndexes {
		if err := b.exec(textIndexCommand(x, "optimize")); err != nil {
			return fmt.Errorf("merge %s: %w", x, err)
		}
	}
	return nil
}

// writeIndexChunk writes the index rows waiting: into a staging table,
// then into each index in one statement. FTS5 writes the terms it holds
// to disk at the start of every statement that changes it, as one
// segment, and merges the segments as they pile up: rows inserted one a
// statement made a rebuild of 100,000 tickets spend most of its time
// merging.
func (b *Batch) writeIndexChunk() error {
	rows := b.indexRows
	b.indexRows, b.indexAt = nil, nil
	if len(rows) == 0 {
		return nil
	}
	if !b.staging {
		if err := b.exec("CREATE TEMP TABLE IF NOT EXISTS index_rows (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)"); err != nil {
			return err
		}
		b.staging = true
		if err := setBulkFill(b, true); err != nil {
			return err
		}
	}
	for start := 0; start < len(rows); start += indexRowsPerInsert {
		chunk := rows[start:min(start+indexRowsPerInsert, len(rows))]
		args := make([]any, 0, 3*len(chunk))
		for _, r := range chunk {
			args = append(args, r.rowid, r.txt.title, r.txt.body)
		}
		if err := b.exec("INSERT INTO temp.index_rows (id, title, body) VALUES (?, ?, ?)"+strings.Repeat(", (?, ?, ?)", len(chunk)-1), args...); err != nil {
			return err
		}
	}
	for _, q := range []string{
		"INSERT INTO ticket_title_index (rowid, text) SELECT id, title FROM temp.index_rows ORDER BY id",
		"INSERT INTO ticket_text_index (rowid, text) SELECT id, body FROM temp.index_rows ORDER BY id",
		"DELETE FROM temp.index_rows",
	} {
		if err := b.exec(q); err != nil {
			return err
		}
	}
	return nil
}
