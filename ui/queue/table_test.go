package queue

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"yunwei/db"
	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
	"yunwei/ui/common/screentest"
)

func TestCountdown(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second:                   "45s",
		-45 * time.Second:                  "-45s",
		42*time.Minute + 17*time.Second:    "42m17s",
		-(59*time.Minute + 59*time.Second): "-59m59s",
		3*time.Hour + 5*time.Minute:        "3h05m",
		-(23*time.Hour + 59*time.Minute):   "-23h59m",
		50*time.Hour + 30*time.Minute:      "2d02h",
		-(99*24*time.Hour + time.Hour):     "-99d01h",
		-400 * 24 * time.Hour:              "-400d",
	} {
		if got := countdown(d); got != want {
			t.Errorf("countdown(%v) = %q, want %q", d, got, want)
		}
		if n := len(countdown(d)); n > 7 {
			t.Errorf("countdown(%v) is %d cells", d, n)
		}
	}
}

// fullTable loads the test database's whole queue as the screen does.
func fullTable(t *testing.T, s *db.Store) *table {
	t.Helper()
	msg := loadAll(context.Background(), s, time.Now)().(loadedMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	return msg.t
}

func ids(t *table, rows []int32) []model.ID {
	out := make([]model.ID, len(rows))
	for i, r := range rows {
		out[i] = t.rows[r].id
	}
	return out
}

// The first screenful, read with a LIMIT query before the rest, is exactly
// the top of the full queue in its default order: the first frame does not
// jump when the whole queue arrives.
func TestFirstPageIsTheTopOfTheQueue(t *testing.T) {
	s := screentest.Store(t)
	full := fullTable(t, s)
	const page = 20 // a screenful, fewer than the fixture's tickets
	var first []model.ID
	err := s.EachQueueTicket(context.Background(), db.QueueQuery{Order: db.QueueByDue, Limit: page}, func(q *db.QueueTicket) error {
		first = append(first, q.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(full, full.orders[sortSLA][:page]); !slices.Equal(got, first) {
		t.Fatalf("the full table's SLA order starts\n%v\nthe first page is\n%v", got, first)
	}
	var byUpdated []model.ID
	s.EachQueueTicket(context.Background(), db.QueueQuery{Order: db.QueueByUpdated, Limit: page}, func(q *db.QueueTicket) error {
		byUpdated = append(byUpdated, q.ID)
		return nil
	})
	if got := ids(full, full.orders[sortUpdated][:page]); !slices.Equal(got, byUpdated) {
		t.Fatal("the update order differs from the database's")
	}
}

func TestOrders(t *testing.T) {
	full := fullTable(t, screentest.Store(t))
	n := len(full.rows)
	for k := sortKey(0); k < sortCount; k++ {
		o := full.orders[k]
		if len(o) != n {
			t.Fatalf("order %d has %d rows, want %d", k, len(o), n)
		}
		for i := 1; i < n; i++ {
			if full.compare(k, o[i-1], o[i]) >= 0 {
				t.Fatalf("order %d: rows %d and %d out of order", k, i-1, i)
			}
		}
	}
	sev := full.orders[sortSeverity]
	if full.rows[sev[0]].severity != uint8(model.SeverityCritical) {
		t.Error("severity order does not start with a critical ticket")
	}
}

// The quick filters, checked against their definitions row by row.
func TestQuickFilters(t *testing.T) {
	s := screentest.Store(t)
	d := screentest.Deps(t, s, "en")
	full := fullTable(t, s)
	me := full.me(d.User.ID, d.User.Roles)
	now := screentest.Now.UnixMilli()
	var qs []db.QueueTicket
	s.EachQueueTicket(context.Background(), db.QueueQuery{}, func(q *db.QueueTicket) error { qs = append(qs, *q); return nil })
	count := map[quickFilter]int{}
	for _, q := range qs {
		i := full.find(q.ID)
		mine := q.Assignee.ID == d.User.ID && !q.Closed
		waiting := !q.Closed && (q.Assignee.ID.IsZero() || q.Assignee.ID == d.User.ID) && slices.ContainsFunc(q.Waiting, d.User.Roles.Has)
		breaching := !q.Closed && q.Clock.Kind != "" && q.Clock.State != sla.Paused && q.Clock.Due.Sub(screentest.Now) < 30*time.Minute
		for f, want := range map[quickFilter]bool{filterAll: true, filterMine: mine, filterWaiting: waiting, filterBreaching: breaching} {
			if got := full.keep(f, i, me, now); got != want {
				t.Errorf("%s filter %d: got %v, want %v", q.Number, f, got, want)
			}
			if want {
				count[f]++
			}
		}
	}
	for _, f := range []quickFilter{filterMine, filterWaiting, filterBreaching} {
		if count[f] == 0 || count[f] == len(qs) {
			t.Errorf("filter %d keeps %d of %d: the fixture should exercise it", f, count[f], len(qs))
		}
	}
}

func TestSearch(t *testing.T) {
	s := screentest.Store(t)
	full := fullTable(t, s)
	some := full.orders[sortSLA][7]
	number, title := full.number(some), full.title(some)
	cust := full.customers[full.rows[some].customer]
	find := func(q string) []int32 {
		return full.apply(view{}, filterAll, fold(q), sortSLA, me{}, 0, nil).rows
	}
	for _, q := range []string{number, strings.ToLower(number), title, string([]rune(title)[2:5]), cust.ShortName, cust.Name} {
		if !slices.Contains(find(q), some) {
			t.Errorf("search %q does not find %s (%s)", q, number, title)
		}
	}
	if got := find("no such thing 无此内容"); len(got) != 0 {
		t.Errorf("a search for nothing found %d", len(got))
	}
	// Typing a query one character at a time narrows the previous result;
	// the answer must be what a fresh search gives.
	for _, q := range []string{"数据批量导入", strings.ToLower(screentest.NumberPrefix + "001"), "打印机"} {
		v := view{}
		buf := []int32(nil)
		typed := ""
		for _, r := range q {
			typed += string(r)
			prev := v
			v = full.apply(prev, filterAll, fold(typed), sortSLA, me{}, 0, buf)
			buf = prev.rows
			if want := find(typed); !slices.Equal(v.rows, want) {
				t.Fatalf("typing %q: %d rows, a fresh search gives %d", typed, len(v.rows), len(want))
			}
		}
	}
}

// Clock states: running with room, warning at 30 minutes or a quarter of
// the target, breached past due, paused not counting, closed none.
func TestClockStates(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	tb := newTable(8)
	add := func(due time.Duration, target time.Duration, state sla.State, closed bool) int32 {
		tb.add(&db.QueueTicket{ID: model.NewID(), Number: "T", Title: "t", Closed: closed, UpdatedAt: now.Add(-time.Hour),
			Clock: db.QueueClock{Kind: sla.OnSite, State: state, Due: now.Add(due), Target: target}})
		return int32(len(tb.rows) - 1)
	}
	for _, c := range []struct {
		due, target time.Duration
		state       sla.State
		closed      bool
		want        slaState
	}{
		{3 * time.Hour, 4 * time.Hour, sla.Running, false, slaOK},
		{29 * time.Minute, 0, sla.Running, false, slaWarning},
		{90 * time.Minute, 8 * time.Hour, sla.Running, false, slaWarning}, // under a quarter of 8 h
		{150 * time.Minute, 8 * time.Hour, sla.Running, false, slaOK},     // over a quarter
		{-time.Minute, 4 * time.Hour, sla.Running, false, slaBreached},    // passed since the last event
		{-time.Hour, 4 * time.Hour, sla.Breached, false, slaBreached},
		{10 * time.Minute, 4 * time.Hour, sla.Paused, false, slaPaused},
		{time.Hour, 4 * time.Hour, sla.Running, true, slaNone},
	} {
		i := add(c.due, c.target, c.state, c.closed)
		if got, _ := tb.clockOf(i, now.UnixMilli()); got != c.want {
			t.Errorf("due in %v of %v, %s, closed %v: state %d, want %d", c.due, c.target, c.state, c.closed, got, c.want)
		}
	}
	syms := map[string]bool{}
	for _, s := range slaSymbols[1:] {
		syms[s] = true
	}
	if len(syms) != len(slaSymbols)-1 {
		t.Error("two SLA states share a symbol")
	}
}

// People's text is made safe when the table is built: escape sequences
// and control characters are shown, never sent to the terminal.
func TestUnsafeTextIsSanitised(t *testing.T) {
	tb := newTable(1)
	tb.add(&db.QueueTicket{ID: model.NewID(), Number: "X-1\x1b[2J", Title: "打印\x1b]0;pwned\x07机\r\n坏了\u202e",
		Customer: db.CustomerRef{ID: model.NewID(), ShortName: "客户\x1b[31m"}, Assignee: db.UserRef{ID: model.NewID(), Name: "王\x00工"}})
	tb.sortAll()
	m := New(screentest.Deps(t, screentest.Store(t), "en"))
	m.SetSize(100, 10)
	m.setTable(tb)
	v := m.View()
	for _, bad := range []string{"\x1b[2J", "\x1b]0", "\x07", "\r", "\x00", "\u202e"} {
		if strings.Contains(v, bad) {
			t.Errorf("the view holds %q", bad)
		}
	}
	if !strings.Contains(v, "␛") {
		t.Error("the escape character is not shown as a symbol")
	}
}

// Truncation never halves a wide character, and every line fits.
func TestWideTextFits(t *testing.T) {
	s := screentest.Store(t)
	for _, w := range []int{80, 81, 97, 120, 143} {
		m := New(screentest.Deps(t, s, "zh"))
		m.SetSize(w, 20)
		m, _ = screentest.Drive(t, m, m.Init()())
		screentest.Frame(t, m.View(), w, 20)
		if !utf8.ValidString(m.View()) {
			t.Fatalf("width %d: invalid UTF-8", w)
		}
	}
}

// "Waiting for me" holds for any number of role sets: more sets than a
// byte of flags still tell each ticket's waiting roles apart, and each
// follows ticket.WaitsFor (nobody is assigned here).
func TestWaitingForManyRoles(t *testing.T) {
	tb := newTable(64)
	var sets []model.Roles
	for bits := 1; bits < 1<<len(model.VendorRoles); bits++ {
		var set model.Roles
		for i, r := range model.VendorRoles {
			if bits&(1<<i) != 0 {
				set = append(set, r)
			}
		}
		sets = append(sets, set)
		tb.add(&db.QueueTicket{ID: model.NewID(), Number: "T", Title: fmt.Sprint(set), Waiting: set})
	}
	tb.add(&db.QueueTicket{ID: model.NewID(), Number: "T", Title: "nobody"})
	for _, mine := range []model.Roles{{model.RoleEngineer}, {model.RoleAdmin}, {model.RoleDeveloper, model.RoleReqLead}} {
		user := model.NewID()
		m := tb.me(user, mine)
		for i := range tb.rows {
			want := i < len(sets) && ticket.WaitsFor(sets[i], model.NilID, user, mine)
			if got := tb.keep(filterWaiting, int32(i), m, 0); got != want {
				t.Errorf("user with %v, ticket waiting for %v: kept %v, want %v", mine, tb.waits[tb.rows[i].waiting], got, want)
			}
		}
	}
}
