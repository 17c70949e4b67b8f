package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"regexp"
	"strings"
	"sync"
	"testing"

	sqlite "modernc.org/sqlite"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// recorder is a database/sql driver over SQLite's that keeps every
// statement the store runs, with the arguments of its first run.
type recorder struct {
	sqlite.Driver
	mu   sync.Mutex
	seen map[string][]driver.NamedValue
}

func (r *recorder) note(query string, args []driver.NamedValue) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.seen[query]; !ok {
		r.seen[query] = append([]driver.NamedValue(nil), args...)
	}
}

func (r *recorder) Open(name string) (driver.Conn, error) {
	c, err := r.Driver.Open(name)
	if err != nil {
		return nil, err
	}
	return &recordingConn{Conn: c, r: r}, nil
}

type recordingConn struct {
	driver.Conn
	r *recorder
}

func (c *recordingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.r.note(query, args)
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c *recordingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.r.note(query, args)
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

func (c *recordingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &recordingStmt{Stmt: st, query: query, r: c.r}, nil
}

func (c *recordingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

type recordingStmt struct {
	driver.Stmt
	query string
	r     *recorder
}

func (s *recordingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.r.note(s.query, args)
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *recordingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.r.note(s.query, args)
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}

var registerRecorder sync.Once

// wholeReads are the statements that read a whole table on purpose, each
// with the reason; every other statement of the everyday work below must
// find its rows through an index.
var wholeReads = map[string]string{
	"SELECT " + queueColumns: "the queue's background load reads every ticket once, in storage order (DESIGN §8)",
}

// fewSorted are the statements that sort what an index found, each with
// why that is only a few rows.
var fewSorted = map[string]string{
	ticketsByIDPartQuery: "the tickets whose id begins or ends with the digits typed: at most a few",
}

// readsLog tells whether a statement reads the events or tickets tables,
// the two that grow with the work (the directory's tables hold tens of rows).
var readsLog = regexp.MustCompile(`(?i)\b(FROM|JOIN|INTO|UPDATE)\s+(events|tickets)\b`)

// Every statement one action, one lookup, one list or the first screen
// runs finds its rows through an index (DESIGN §8: an action costs the same
// at 100,000 tickets as at 100): no SCAN of the events or tickets tables,
// and no sort of them in a temporary b-tree.
func TestEverydayQueriesUseIndexes(t *testing.T) {
	rec := &recorder{seen: map[string][]driver.NamedValue{}}
	registerRecorder.Do(func() { sql.Register("sqlite-recording", rec) })
	driverName = "sqlite-recording"
	t.Cleanup(func() { driverName = "sqlite" })
	recorded := rec
	if d, ok := sqlDriverFor("sqlite-recording"); ok {
		recorded = d
	}

	f := newFixture(t)
	ctx := context.Background()
	var ids []model.ID
	for _, title := range []string{"打印机无法出单", "医嘱日期显示错误", "挂号系统缓慢"} {
		c := f.newTicket(title)
		f.must(t, f.engineer, c)
		ids = append(ids, c.ID)
	}
	c := f.newTicket("数据更正")
	c.Kind = model.KindDataCorrection
	f.must(t, f.engineer, c)
	head := Acting{UserID: f.engineer, ContactID: f.head}
	if _, err := f.s.Execute(ctx, head, f.signed(t, head, ticket.Act{ID: c.ID, Decision: "approve"})); err != nil {
		t.Fatal(err)
	}
	f.must(t, f.engineer, ticket.Comment{ID: ids[0], Text: "已电话联系"})
	f.must(t, f.engineer, ticket.Assign{ID: ids[1], AssigneeID: f.engineer})
	f.must(t, f.engineer, ticket.Edit{ID: ids[2], Fields: map[string]string{"title": "挂号系统很慢"}})
	var number string
	if err := f.s.db.QueryRow("SELECT number FROM tickets WHERE id = ?", ids[0]).Scan(&number); err != nil {
		t.Fatal(err)
	}
	hex := strings.ReplaceAll(ids[0].String(), "-", "")
	for _, ref := range []string{strings.ToLower(number), ids[0].String(), hex[:16], ids[0].Short()} {
		if _, err := f.s.FindTicket(ctx, ref); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.Ticket(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	for _, filter := range []TicketFilter{{}, {Status: "all"}, {Status: model.StatusClosed}, {Limit: 2},
		{AssigneeID: f.engineer}, {CustomerID: f.customer}, {Kind: model.KindIncident}} {
		if err := f.s.EachTicket(ctx, filter, func(TicketRow) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []QueueQuery{{Order: QueueByDue, Limit: 2}, {Order: QueueByDue, Limit: 50}, {Order: QueueByUpdated, Limit: 2}, {}} {
		if err := f.s.EachQueueTicket(ctx, q, func(*QueueTicket) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.QueueTicketsByID(ctx, ids); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Approvals(ctx, f.engineer, model.Roles{model.RoleEngineer}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.s.TicketsChangedSince(ctx, 0); err != nil {
		t.Fatal(err)
	}

	plans := explainAll(t, f.s, recorded)
	scan := regexp.MustCompile(`^SCAN (events|tickets)\b`)
	checked := 0
	for query, plan := range plans {
		checked++
		if reason, ok := wholeReads[query]; ok {
			t.Logf("whole read (%s): %s", reason, query)
			continue
		}
		for _, line := range plan {
			fullScan := scan.MatchString(line) && !strings.Contains(line, "USING INDEX") && !strings.Contains(line, "USING COVERING INDEX")
			_, few := fewSorted[query]
			bigSort := strings.HasPrefix(line, "USE TEMP B-TREE") && readsLog.MatchString(query) && !few
			if fullScan || bigSort {
				t.Errorf("%s\n  plan: %s", oneLine(query), strings.Join(plan, " | "))
				break
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d statements recorded: the recording driver is not in use", checked)
	}
}

// sqlDriverFor is the recorder registered under name (the first test's,
// when the package's tests run more than once in one process).
func sqlDriverFor(name string) (*recorder, bool) {
	db, err := sql.Open(name, ":memory:")
	if err != nil {
		return nil, false
	}
	defer db.Close()
	r, ok := db.Driver().(*recorder)
	return r, ok
}

// explainAll runs EXPLAIN QUERY PLAN for every data statement recorded,
// with its recorded arguments.
func explainAll(t *testing.T, s *Store, rec *recorder) map[string][]string {
	t.Helper()
	rec.mu.Lock()
	seen := make(map[string][]driver.NamedValue, len(rec.seen))
	for q, a := range rec.seen {
		seen[q] = a
	}
	rec.mu.Unlock()
	out := map[string][]string{}
	for query, args := range seen {
		verb := strings.ToUpper(strings.Fields(strings.TrimSpace(query) + " x")[0])
		if verb != "SELECT" && verb != "INSERT" && verb != "UPDATE" && verb != "DELETE" && verb != "WITH" {
			continue
		}
		if strings.Contains(strings.TrimSuffix(strings.TrimSpace(query), ";"), ";") {
			continue // a migration's script
		}
		if strings.Contains(query, "temp.") {
			continue // the rebuild's own tables
		}
		vals := make([]any, len(args))
		for i, a := range args {
			vals[i] = a.Value
		}
		rows, err := s.db.Query("EXPLAIN QUERY PLAN "+query, vals...)
		if err != nil {
			t.Fatalf("explain %s: %v", oneLine(query), err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		out[query] = plan
	}
	return out
}

func oneLine(q string) string { return strings.Join(strings.Fields(q), " ") }
