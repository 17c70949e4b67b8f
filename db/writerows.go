package db

import (
	"database/sql"
	"fmt"
	"strings"
)

// A bulk batch writes one row of the tickets table, one of ticket_text and
// a few of quota_bookings for each ticket: 200,000 statements of one row
// each for a 100,000-ticket demo, each paying the driver and SQLite's
// start and end of a statement. Written behind (WriteBehind), such rows
// wait on the writer for the next ones of the same statement and go in as
// one statement of many rows: a batch of 30,000 tickets took about 4 %
// less CPU (32 rows a statement; 128 gained nothing more).
//
// That only reorders writes that commute: each row statement is an INSERT
// into a table no other row statement writes, and every other write (an
// UPDATE, a DELETE, an INSERT … SELECT, the events) first writes the rows
// waiting. There are no triggers, and no foreign key between the tables
// rows wait for (the events' origin is the only one). The rows of one
// statement keep their order, and a row that conflicts with an earlier
// one of the same statement is handled as it would have been a statement
// later.

// rowsPerInsert is how many rows one multi-row INSERT carries at most.
const rowsPerInsert = 32

// execRow writes one row with an INSERT of a single row of placeholders
// ("INSERT … VALUES (?, …) [ON CONFLICT …]"): with write-behind, it may
// wait for more rows of the same statement (see above).
func (b *Batch) execRow(query string, args ...any) error {
	if b.behind != nil {
		return b.behind.addRow(query, ownedArgs(args))
	}
	return b.execOwned(query, args)
}

// rowInsert is a one-row INSERT split around its row of placeholders.
type rowInsert struct {
	head, row, tail string
	width           int // placeholders in the row
}

// splitRowInsert splits query around its VALUES row; ok is false when it
// has another shape, and the query then runs as it is.
func splitRowInsert(query string) (r rowInsert, ok bool) {
	i := strings.Index(query, " VALUES (")
	if i < 0 || !strings.HasPrefix(query, "INSERT ") {
		return r, false
	}
	j := strings.IndexByte(query[i:], ')')
	if j < 0 {
		return r, false
	}
	r = rowInsert{head: query[:i+len(" VALUES ")], row: query[i+len(" VALUES ") : i+j+1], tail: query[i+j+1:]}
	r.width = strings.Count(r.row, "?")
	if r.width == 0 || strings.Trim(r.row, "(?, )") != "" || strings.Contains(r.head, "?") || strings.Contains(r.tail, "?") {
		return r, false
	}
	return r, true
}

// rows is the statement of n rows.
func (r rowInsert) rows(n int) string {
	return r.head + r.row + strings.Repeat(", "+r.row, n-1) + r.tail
}

// waitingRows are the rows waiting on the writer for one row statement.
type waitingRows struct {
	query string
	shape rowInsert
	ok    bool
	args  []any
	n     int
}

// rowWriter is the writer's side of the row statements: the rows waiting,
// by statement, in the order the statements first came.
type rowWriter struct {
	waiting []*waitingRows
	by      map[string]*waitingRows
	stmts   map[string]*sql.Stmt // by statement text
}

// statement is the writer's prepared statement for query.
func (w *rowWriter) statement(b *Batch, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := b.tx.PrepareContext(b.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	w.stmts[query] = st
	return st, nil
}

// queue keeps a row, writing the rows of its statement once there are
// rowsPerInsert.
func (w *rowWriter) queue(b *Batch, query string, args []any) error {
	r, ok := w.by[query]
	if !ok {
		r = &waitingRows{query: query}
		r.shape, r.ok = splitRowInsert(query)
		w.by[query] = r
		w.waiting = append(w.waiting, r)
	}
	if !r.ok || len(args) != r.shape.width {
		if err := w.flush(b); err != nil {
			return err
		}
		return w.exec(b, query, args)
	}
	r.args = append(r.args, args...)
	r.n++
	if r.n >= rowsPerInsert {
		return w.write(b, r)
	}
	return nil
}

// flush writes every row waiting.
func (w *rowWriter) flush(b *Batch) error {
	for _, r := range w.waiting {
		if err := w.write(b, r); err != nil {
			return err
		}
	}
	return nil
}

func (w *rowWriter) write(b *Batch, r *waitingRows) error {
	if r.n == 0 {
		return nil
	}
	query := r.query
	if r.n > 1 {
		query = r.shape.rows(r.n)
	}
	err := w.exec(b, query, r.args)
	clear(r.args)
	r.args, r.n = r.args[:0], 0
	return err
}

func (w *rowWriter) exec(b *Batch, query string, args []any) error {
	st, err := w.statement(b, query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(b.ctx, args...)
	return err
}

func (w *rowWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}
