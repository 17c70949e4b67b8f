package db

import (
	"bytes"
	"database/sql"
	"fmt"
	"strings"
)

// A bulk build decides on one core what SQLite writes on the other: with
// WriteBehind the batch's writes are queued, in the order made, and a
// goroutine of their own runs them on the transaction while the next
// commands are decided. Every read inside the batch first waits for the
// writes made before it (settle), so it sees exactly what it would have
// seen had they run at once; a write that fails fails the batch when it
// next reads or ends, not the command that made it.

// writeChunk is how many writes go to the writer at a time: enough that
// handing them over costs little, few enough that it is never idle long.
const writeChunk = 256

// queuedChunks is how many chunks may wait for the packing stage, and as
// many for the writer: enough that deciding goes on while SQLite fills a
// search index chunk (a tenth of a second or more), rather than one core
// waiting on the other.
const queuedChunks = 64

// aWrite is one queued statement with its arguments; row marks one row
// of a row statement (execRow), bodies one whose arguments hold event
// bodies to pack (packstage.go).
type aWrite struct {
	query  string
	args   []any
	row    bool
	bodies bool
}

type writeBehind struct {
	queue  []aWrite
	work   chan []aWrite // nil asks for the first failure so far
	packed chan []aWrite // work, its bodies packed, for the writer
	reply  chan error
	done   chan struct{}
	err    error // the first failure the batch has learnt of
}

// WriteBehind runs the rest of the batch's writes on a goroutine of their
// own (see above): for bulk builds into a new file, where a failed write
// fails the whole batch anyway. The tickets' indexes are built when the
// batch ends (deferIndexes).
func (b *Batch) WriteBehind() error {
	if b.behind != nil {
		return nil
	}
	if err := b.deferIndexes("tickets"); err != nil {
		return err
	}
	w := &writeBehind{work: make(chan []aWrite, queuedChunks), packed: make(chan []aWrite, queuedChunks), reply: make(chan error), done: make(chan struct{})}
	b.behind, b.deferTexts = w, true
	go packStage(w.work, w.packed)
	go w.run(b)
	return nil
}

// deferIndexes drops the indexes of table that only speed up reads, to
// create them again, as they were, when the batch ends (restoreIndexes):
// a bulk build writes every row of the table and reads almost none, and
// inserting each row into every index cost more than sorting each index
// once. Unique indexes stay, for the unique rule they keep is checked as
// each row is written.
func (b *Batch) deferIndexes(table string) error {
	rows, err := b.tx.QueryContext(b.ctx, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", table)
	if err != nil {
		return fmt.Errorf("read the indexes of %s: %w", table, err)
	}
	var names []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			rows.Close()
			return err
		}
		if !strings.HasPrefix(strings.ToUpper(sql), "CREATE UNIQUE ") {
			names = append(names, name)
			b.deferred = append(b.deferred, sql)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, name := range names {
		if _, err := b.tx.ExecContext(b.ctx, "DROP INDEX "+quoteName(name)); err != nil {
			return fmt.Errorf("defer index %s: %w", name, err)
		}
	}
	return nil
}

// restoreIndexes creates the indexes deferIndexes dropped.
func (b *Batch) restoreIndexes() error {
	for _, sql := range b.deferred {
		if err := b.exec(sql); err != nil {
			return err
		}
	}
	b.deferred = nil
	return nil
}

// quoteName is an SQL identifier quoted.
func quoteName(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// run executes the queued writes until the queue is closed, with
// statements of its own: the batch's are the batch goroutine's. Rows of a
// row statement wait for the next ones (writerows.go); every other write,
// and every settle, writes them first.
func (w *writeBehind) run(b *Batch) {
	defer close(w.done)
	rows := &rowWriter{by: map[string]*waitingRows{}, stmts: map[string]*sql.Stmt{}}
	defer rows.close()
	var failed error
	for chunk := range w.packed {
		if chunk == nil {
			if failed == nil {
				failed = rows.flush(b)
			}
			w.reply <- failed
			continue
		}
		for _, x := range chunk {
			if failed != nil {
				break
			}
			if x.row {
				failed = rows.queue(b, x.query, x.args)
				continue
			}
			if failed = rows.flush(b); failed == nil {
				failed = rows.exec(b, x.query, x.args)
			}
		}
	}
}

// add queues a write whose arguments nothing will change; it reports a
// failure already learnt of.
func (w *writeBehind) add(query string, args []any) error {
	return w.queueWrite(aWrite{query: query, args: args})
}

// addBodies is add for a write whose rawBody arguments are to be packed
// before it runs.
func (w *writeBehind) addBodies(query string, args []any) error {
	return w.queueWrite(aWrite{query: query, args: args, bodies: true})
}

// addRow is add for one row of a row statement (execRow).
func (w *writeBehind) addRow(query string, args []any) error {
	return w.queueWrite(aWrite{query: query, args: args, row: true})
}

func (w *writeBehind) queueWrite(x aWrite) error {
	w.queue = append(w.queue, x)
	if len(w.queue) >= writeChunk {
		w.work <- w.queue
		w.queue = make([]aWrite, 0, writeChunk)
	}
	return w.err
}

// settle waits until every queued write has run and reports the first
// that failed.
func (w *writeBehind) settle() error {
	if len(w.queue) > 0 {
		w.work <- w.queue
		w.queue = make([]aWrite, 0, writeChunk)
	}
	w.work <- nil
	if err := <-w.reply; err != nil && w.err == nil {
		w.err = err
	}
	return w.err
}

// stop settles the writes and ends the writer.
func (w *writeBehind) stop() error {
	err := w.settle()
	close(w.work)
	<-w.done
	return err
}

// settle makes every write of the batch so far visible to its reads.
func (b *Batch) settle() error {
	if b.behind == nil {
		return nil
	}
	return b.behind.settle()
}

// stopWriting ends write-behind, every write done; a batch ends it on
// every way out.
func (b *Batch) stopWriting() error {
	if b.behind == nil {
		return nil
	}
	w := b.behind
	b.behind = nil
	return w.stop()
}

// ownedArgs copies the byte slices among args: a queued write runs later,
// and a state's bytes may change meanwhile.
func ownedArgs(args []any) []any {
	for i, a := range args {
		if p, ok := a.([]byte); ok {
			args[i] = bytes.Clone(p)
		}
	}
	return args
}
