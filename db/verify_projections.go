package db

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"slices"
	"strings"

	"yunwei/model"
)

// The projections' digest is the SHA-256 of every projection table's name
// and columns, then its rows in primary-key order (all columns' order for a
// table without one), each row written by SQLite as its columns' quote()
// joined by commas (typed: 'text', X'blob', numbers, NULL): equal digests
// mean equal projections. check computes it while it compares the
// database's rows with their rebuild, in the same order and form, so that
// SQLite hands over one value a row rather than every column.

// checkTables lists the projection tables check compares, sorted: those
// Rebuild empties (projectionTables). The full-text indexes are compared
// through ticket_text's digests of what they were given.
func checkTables(ctx context.Context, q queryer) ([]string, error) {
	return projectionTables(ctx, q)
}

// projectionDigest is the digest of the projections of the database q reads.
func projectionDigest(ctx context.Context, q queryer) (string, error) {
	tables, err := checkTables(ctx, q)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, t := range tables {
		shape, err := tableShape(ctx, q, "main", t)
		if err != nil {
			return "", err
		}
		shape.header(h)
		c, err := newRowCursor(ctx, q, shape.query("main"), len(shape.key))
		if err != nil {
			return "", err
		}
		for ; c.ok; c.next() {
			c.digest(h)
		}
		c.close()
		if c.err != nil {
			return "", c.err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// compareProjections digests the database's projections (r.Digest) and,
// unless the rebuild failed, compares every table with its rebuild in
// TEMP: a row changed, one missing, one no event accounts for.
func compareProjections(ctx context.Context, q queryer, tables []string, compare bool, r *CheckReport, progress func(done, total int64)) error {
	if !compare {
		var err error
		r.Digest, err = projectionDigest(ctx, q)
		return err
	}
	h := sha256.New()
	for i, t := range tables {
		if progress != nil {
			progress(int64(i), int64(len(tables)))
		}
		if err := compareTable(ctx, q, t, h, r); err != nil {
			return fmt.Errorf("compare %s: %w", t, err)
		}
	}
	if progress != nil {
		progress(int64(len(tables)), int64(len(tables)))
	}
	r.Digest = hex.EncodeToString(h.Sum(nil))
	return nil
}

// compareTable walks a table and its rebuild side by side in key order,
// digesting the database's rows; where two rows differ, it reads both again
// to name the columns.
func compareTable(ctx context.Context, q queryer, table string, h hash.Hash, r *CheckReport) error {
	shape, err := tableShape(ctx, q, "main", table)
	if err != nil {
		return err
	}
	rebuilt, err := tableShape(ctx, q, "temp", table)
	if err != nil {
		return err
	}
	shape.header(h)
	a, err := newRowCursor(ctx, q, shape.query("main"), len(shape.key))
	if err != nil {
		return err
	}
	defer a.close()
	if !slices.Equal(shape.cols, rebuilt.cols) || !slices.Equal(shape.key, rebuilt.key) {
		r.add(Problem{Kind: ProblemProjectionTable, Table: table})
		for ; a.ok; a.next() {
			a.digest(h)
		}
		return a.err
	}
	b, err := newRowCursor(ctx, q, shape.query("temp"), len(shape.key))
	if err != nil {
		return err
	}
	defer b.close()
	for a.ok || b.ok {
		c := 0
		switch {
		case !a.ok:
			c = 1
		case !b.ok:
			c = -1
		default:
			c = compareKeys(a.key(), b.key())
		}
		switch {
		case c < 0:
			a.digest(h)
			r.add(Problem{Kind: ProblemProjectionExtra, Table: table, Key: showKey(a.key())})
			a.next()
		case c > 0:
			r.add(Problem{Kind: ProblemProjectionMissing, Table: table, Key: showKey(b.key())})
			b.next()
		default:
			a.digest(h)
			if a.text != b.text {
				differ, err := shape.differ(ctx, q, a.key())
				if err != nil {
					return err
				}
				r.add(Problem{Kind: ProblemProjectionRow, Table: table, Key: showKey(a.key()), Detail: strings.Join(differ, ",")})
			}
			a.next()
			b.next()
		}
		if a.err != nil {
			return a.err
		}
		if b.err != nil {
			return b.err
		}
	}
	return nil
}

// shape is a table's name, its columns (sorted) and its primary key (in
// key order; all columns when it has none).
type shape struct {
	table     string
	cols, key []string
}

func tableShape(ctx context.Context, q queryer, schema, table string) (shape, error) {
	s := shape{table: table}
	rows, err := q.QueryContext(ctx, "SELECT name, pk FROM pragma_table_info(?, ?) ORDER BY pk, name", table, schema)
	if err != nil {
		return s, err
	}
	defer rows.Close()
	for rows.Next() {
		var c string
		var pk int
		if err := rows.Scan(&c, &pk); err != nil {
			return s, err
		}
		s.cols = append(s.cols, c)
		if pk > 0 {
			s.key = append(s.key, c)
		}
	}
	slices.Sort(s.cols)
	if len(s.key) == 0 {
		s.key = s.cols
	}
	return s, rows.Err()
}

// header digests the table's name and columns.
func (s shape) header(h hash.Hash) {
	fmt.Fprintf(h, "table %s %s\n", s.table, strings.Join(s.cols, ","))
}

// quoted is the columns, each as quote(column).
func (s shape) quoted() []string {
	out := make([]string, len(s.cols))
	for i, c := range s.cols {
		out[i] = "quote(" + c + ")"
	}
	return out
}

// query selects the key, then the row's text, in key order.
func (s shape) query(schema string) string {
	return fmt.Sprintf("SELECT %s, %s FROM %s.%s ORDER BY %s", strings.Join(s.key, ", "), strings.Join(s.quoted(), " || ',' || "),
		schema, s.table, strings.Join(s.key, ", "))
}

// differ names the columns in which the row with key differs from its
// rebuild.
func (s shape) differ(ctx context.Context, q queryer, key []any) ([]string, error) {
	where := make([]string, len(s.key))
	for i, k := range s.key {
		where[i] = k + " IS ?"
	}
	read := func(schema string) ([]string, error) {
		vals := make([]string, len(s.cols))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		query := fmt.Sprintf("SELECT %s FROM %s.%s WHERE %s", strings.Join(s.quoted(), ", "), schema, s.table, strings.Join(where, " AND "))
		return vals, q.QueryRowContext(ctx, query, key...).Scan(ptrs...)
	}
	have, err := read("main")
	if err != nil {
		return nil, err
	}
	want, err := read("temp")
	if err != nil {
		return nil, err
	}
	var out []string
	for i, c := range s.cols {
		if have[i] != want[i] {
			out = append(out, c)
		}
	}
	return out, nil
}

// tableColumns is a table's columns, sorted.
func tableColumns(ctx context.Context, q queryer, table string) ([]string, error) {
	s, err := tableShape(ctx, q, "main", table)
	return s.cols, err
}

// rowCursor walks a query's rows: nk key values, then the row's text.
type rowCursor struct {
	rows *sql.Rows
	vals []any
	ptrs []any
	text string
	nk   int
	ok   bool
	err  error
}

func newRowCursor(ctx context.Context, q queryer, query string, nk int) (*rowCursor, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c := &rowCursor{rows: rows, vals: make([]any, nk), ptrs: make([]any, nk+1), nk: nk}
	for i := range c.vals {
		c.ptrs[i] = &c.vals[i]
	}
	c.ptrs[nk] = &c.text
	c.next()
	return c, c.err
}

func (c *rowCursor) next() {
	c.ok = c.rows.Next()
	if !c.ok {
		c.err = c.rows.Err()
		return
	}
	clear(c.vals)
	c.err = c.rows.Scan(c.ptrs...)
	c.ok = c.err == nil
}

func (c *rowCursor) key() []any { return c.vals }
func (c *rowCursor) close()     { c.rows.Close() }

// digest writes the row's text and its end.
func (c *rowCursor) digest(h hash.Hash) {
	io.WriteString(h, c.text)
	h.Write([]byte{'\n'})
}

// compareKeys orders keys as SQLite's ORDER BY does: NULL, numbers, text,
// then blobs, each by value (text and blobs bytewise).
func compareKeys(a, b []any) int {
	for i := range a {
		if c := compareValues(a[i], b[i]); c != 0 {
			return c
		}
	}
	return 0
}

func compareValues(a, b any) int {
	rank := func(v any) int {
		switch v.(type) {
		case nil:
			return 0
		case int64, float64:
			return 1
		case string:
			return 2
		}
		return 3
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	switch x := a.(type) {
	case int64:
		y, ok := b.(int64)
		if !ok {
			break
		}
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case string:
		return strings.Compare(x, b.(string))
	case []byte:
		return bytes.Compare(x, b.([]byte))
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}

// showKey writes a row's key as a reader finds it: ids as UUIDs, other
// blobs in hex.
func showKey(key []any) string {
	parts := make([]string, len(key))
	for i, v := range key {
		if b, ok := v.([]byte); ok && len(b) == len(model.ID{}) {
			parts[i] = model.ID(b).String()
		} else if ok {
			parts[i] = hex.EncodeToString(b)
		} else {
			parts[i] = showValue(v)
		}
	}
	return strings.Join(parts, "/")
}

// showValue is a key value's text.
func showValue(v any) string {
	if v == nil {
		return "NULL"
	}
	return fmt.Sprint(v)
}
