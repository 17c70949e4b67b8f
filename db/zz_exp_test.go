package db

import (
	"context"
	"database/sql"
	"os"
	"testing"
	"time"
)

func TestZZExp(t *testing.T) {
	path := os.Getenv("ZZ_DB")
	if path == "" {
		t.Skip()
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	one := `SELECT CAST(id || ifnull(customer_id, zeroblob(16)) || ifnull(site_id, zeroblob(16)) || ifnull(assignee_id, zeroblob(16)) AS BLOB),
	number || char(31) || title || char(31) || kind || char(31) || channel || char(31) || status || char(31) || step || char(31) || waiting || char(31) || ifnull(sla_clock, '') || char(31) || ifnull(sla_state, '') || char(31) || 
	severity || ' ' || reported_at || ' ' || updated_at || ' ' || ifnull(closed_at, '') || ' ' || comments || ' ' || ifnull(sla_due, '')
	FROM tickets ORDER BY updated_at DESC, number`
	for _, q := range []string{ticketRowSelect + " ORDER BY updated_at DESC, number", one, ticketRowSelect + " ORDER BY updated_at DESC, number", one} {
		start := time.Now()
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		for i := range vals {
			vals[i] = new(sql.RawBytes)
		}
		n := 0
		for rows.Next() {
			rows.Scan(vals...)
			n++
		}
		rows.Close()
		t.Logf("%d rows %v  %d cols", n, time.Since(start), len(cols))
	}
}
