package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"yunwei/model"
)

// diffProjections names every projection row of live that differs from
// rebuilt (the same projections rebuilt from the log): a row changed, one
// missing, one no event accounts for, a table whose columns differ.
func diffProjections(ctx context.Context, live, rebuilt queryer, r *CheckReport) error {
	before := len(r.Problems)
	have, err := projectionTables(ctx, live)
	if err != nil {
		return err
	}
	want, err := projectionTables(ctx, rebuilt)
	if err != nil {
		return err
	}
	for _, t := range have {
		if !slices.Contains(want, t) {
			r.add(Problem{Kind: ProblemProjectionTable, Table: t})
		}
	}
	for _, t := range want {
		if !slices.Contains(have, t) {
			r.add(Problem{Kind: ProblemProjectionTable, Table: t})
			continue
		}
		if err := diffTable(ctx, live, rebuilt, t, r); err != nil {
			return fmt.Errorf("compare %s: %w", t, err)
		}
	}
	if len(r.Problems) == before {
		r.add(Problem{Kind: ProblemProjections})
	}
	return nil
}

// diffTable compares one table's rows by primary key.
func diffTable(ctx context.Context, live, rebuilt queryer, table string, r *CheckReport) error {
	cols, err := tableColumns(ctx, live, table)
	if err != nil {
		return err
	}
	wantCols, err := tableColumns(ctx, rebuilt, table)
	if err != nil {
		return err
	}
	if !slices.Equal(cols, wantCols) {
		r.add(Problem{Kind: ProblemProjectionTable, Table: table})
		return nil
	}
	key, err := keyColumns(ctx, rebuilt, table)
	if err != nil {
		return err
	}
	if len(key) == 0 {
		key = cols
	}
	query := fmt.Sprintf("SELECT %s, %s FROM %s ORDER BY %s", strings.Join(key, ", "), strings.Join(cols, ", "), table, strings.Join(key, ", "))
	a, err := newRowCursor(ctx, live, query, len(key), len(cols))
	if err != nil {
		return err
	}
	defer a.close()
	b, err := newRowCursor(ctx, rebuilt, query, len(key), len(cols))
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
			r.add(Problem{Kind: ProblemProjectionExtra, Table: table, Key: showKey(a.key())})
			a.next()
		case c > 0:
			r.add(Problem{Kind: ProblemProjectionMissing, Table: table, Key: showKey(b.key())})
			b.next()
		default:
			var differ []string
			for i, col := range cols {
				if !sameValue(a.val(i), b.val(i)) {
					differ = append(differ, col)
				}
			}
			if len(differ) > 0 {
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

// keyColumns is a table's primary key, in key order.
func keyColumns(ctx context.Context, q queryer, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// rowCursor walks a query's rows: nk key values, then nc column values.
type rowCursor struct {
	rows *sql.Rows
	vals []any
	nk   int
	ok   bool
	err  error
}

func newRowCursor(ctx context.Context, q queryer, query string, nk, nc int) (*rowCursor, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c := &rowCursor{rows: rows, vals: make([]any, nk+nc), nk: nk}
	c.next()
	return c, c.err
}

func (c *rowCursor) next() {
	c.ok = c.rows.Next()
	if !c.ok {
		c.err = c.rows.Err()
		return
	}
	ptrs := make([]any, len(c.vals))
	for i := range c.vals {
		c.vals[i] = nil
		ptrs[i] = &c.vals[i]
	}
	c.err = c.rows.Scan(ptrs...)
	c.ok = c.err == nil
}

func (c *rowCursor) key() []any    { return c.vals[:c.nk] }
func (c *rowCursor) val(i int) any { return c.vals[c.nk+i] }
func (c *rowCursor) close()        { c.rows.Close() }

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
		y := b.(int64)
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

// sameValue compares two column values, type and all.
func sameValue(a, b any) bool {
	if x, ok := a.([]byte); ok {
		y, ok := b.([]byte)
		return ok && bytes.Equal(x, y)
	}
	return fmt.Sprintf("%T:%v", a, a) == fmt.Sprintf("%T:%v", b, b)
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
