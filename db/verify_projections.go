package db

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"slices"
	"strings"

	"yunwei/model"
)

// The projections' digest is the SHA-256 of every projection table's name
// and columns, then its rows in primary-key order (all columns' order for a
// table without one), each row its columns' values as SQLite holds them,
// each written with its type (rowValue): equal digests mean equal
// projections. check computes it while it compares the database's rows
// with their rebuild, in the same order and form. The values are read as
// they are and written in Go: having SQLite quote every column costs more
// than reading the rows.

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
			if !bytes.Equal(a.row, b.row) {
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

// query selects the key, then every column, in key order. Each is read as
// an expression (+column, which SQLite leaves as it is) so that the driver
// hands over the value itself, not a time it parsed from a column
// declared as a date.
func (s shape) query(schema string) string {
	plain := func(cols []string) string {
		out := make([]string, len(cols))
		for i, c := range cols {
			out[i] = "+" + c
		}
		return strings.Join(out, ", ")
	}
	return fmt.Sprintf("SELECT %s, %s FROM %s.%s ORDER BY %s", plain(s.key), plain(s.cols), schema, s.table, strings.Join(s.key, ", "))
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

// rowCursor walks a query's rows: nk key values, then every column, the
// columns written into row (rowValue).
type rowCursor struct {
	rows *sql.Rows
	vals []any
	ptrs []any
	row  []byte
	nk   int
	ok   bool
	err  error
}

func newRowCursor(ctx context.Context, q queryer, query string, nk int) (*rowCursor, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, err
	}
	c := &rowCursor{rows: rows, vals: make([]any, nk), ptrs: make([]any, len(cols)), nk: nk}
	for i := range c.vals {
		c.ptrs[i] = &c.vals[i]
	}
	for i := nk; i < len(cols); i++ {
		c.ptrs[i] = (*rowValue)(c)
	}
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
	c.row = c.row[:0]
	c.err = c.rows.Scan(c.ptrs...)
	c.ok = c.err == nil
}

func (c *rowCursor) key() []any { return c.vals }
func (c *rowCursor) close()     { c.rows.Close() }

// digest writes the row and its end.
func (c *rowCursor) digest(h hash.Hash) {
	h.Write(c.row)
	h.Write([]byte{'\n'})
}

// rowValue appends each column it is given to its cursor's row, with its
// type: NULL, an integer (8 bytes), a float (its 8 bytes), text or a blob
// (its length, then its bytes). Text and a blob of the same bytes, or 1
// and 1.0, are different values.
type rowValue rowCursor

// Scan implements sql.Scanner.
func (v *rowValue) Scan(src any) error {
	b := v.row
	switch x := src.(type) {
	case nil:
		b = append(b, 'N')
	case int64:
		b = binary.BigEndian.AppendUint64(append(b, 'I'), uint64(x))
	case float64:
		b = binary.BigEndian.AppendUint64(append(b, 'F'), math.Float64bits(x))
	case string:
		b = append(binary.AppendUvarint(append(b, 'T'), uint64(len(x))), x...)
	case []byte:
		b = append(binary.AppendUvarint(append(b, 'B'), uint64(len(x))), x...)
	default:
		return fmt.Errorf("a column holds a %T", src)
	}
	v.row = b
	return nil
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
