package db

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"yunwei/model"
)

// numberedTables are the entity kinds whose numbers a device draws from a
// counter named after the kind ("ticket/2026"), with the projection table
// whose unique number column holds them (DESIGN §4: numbers are final when
// made offline and never repeat). Maintenance records add one line.
var numberedTables = map[string]string{
	model.EntityTicket: "tickets",
}

// numberInUse reports whether a projection already shows number for
// another entity of the counter's kind.
func (b *Batch) numberInUse(kind, number string) (bool, error) {
	table, ok := numberedTables[kind]
	if !ok {
		return false, nil
	}
	st, err := b.stmt("SELECT 1 FROM " + table + " WHERE number = ? COLLATE NOCASE")
	if err != nil {
		return false, err
	}
	var one int
	err = st.QueryRowContext(b.ctx, number).Scan(&one)
	if isNoRows(err) {
		return false, nil
	}
	return err == nil, err
}

// formatNumber writes a drawn number: <device code>-<year>-<counter>, the
// counter at least four digits.
func formatNumber(code string, year int, n int64) string {
	return fmt.Sprintf("%s-%d-%04d", code, year, n)
}

// parseNumber reads a number formatNumber wrote for the device code; ok is
// false for any other number (an imported one, another device's).
func parseNumber(code, number string) (year int, n int64, ok bool) {
	rest, found := strings.CutPrefix(number, code+"-")
	if !found {
		return 0, 0, false
	}
	y, c, found := strings.Cut(rest, "-")
	if !found || len(y) != 4 || len(c) < 4 {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(y)
	n, err2 := strconv.ParseInt(c, 10, 64)
	if err1 != nil || err2 != nil || n <= 0 || strconv.FormatInt(n, 10) != strings.TrimLeft(c, "0") {
		return 0, 0, false
	}
	return year, n, true
}

// markedNumber is how the projection shows a number that the log gives to
// more than one entity, for every one but the entity whose id sorts first:
// the number, "!", and the entity's own id, so that each row stays
// reachable and the duplicate shows on every screen.
func markedNumber(number string, id model.ID) string { return number + "!" + id.String() }

// isUniqueViolation tells a UNIQUE constraint failure from other errors.
func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

// writeNumbered writes an entity's projection row with write(number). If
// another row already shows the number, the entity whose id sorts first
// keeps it and the other is marked (markedNumber), whatever the order the
// rows are written in: a rebuild then equals the incremental projection.
func (b *Batch) writeNumbered(table string, id model.ID, number string, write func(number string) error) error {
	err := write(number)
	if err == nil || !isUniqueViolation(err) {
		return err
	}
	var holder model.ID
	if err := b.settle(); err != nil {
		return err
	}
	if err := b.tx.QueryRowContext(b.ctx, "SELECT id FROM "+table+" WHERE number = ? COLLATE NOCASE", number).Scan(&holder); err != nil {
		return fmt.Errorf("find the holder of number %s: %w", number, err)
	}
	if holder == id {
		return err
	}
	if b.drawn[id] {
		// Never record a new entity under a number in use.
		return model.Errorf(model.ECONFLICT, "the number %s is already in use: nothing was saved; run yunwei check, which says what is wrong with the counter", number)
	}
	if bytes.Compare(holder[:], id[:]) < 0 {
		return write(markedNumber(number, id))
	}
	if err := b.exec("UPDATE "+table+" SET number = ? WHERE id = ?", markedNumber(number, holder), holder); err != nil {
		return fmt.Errorf("mark number %s: %w", number, err)
	}
	return write(number)
}
