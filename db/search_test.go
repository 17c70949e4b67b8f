package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// searchWorld is a fixture with tickets whose texts search is tried on.
type searchWorld struct {
	*fixture
	printer, slow, other, marks, assigned model.ID
	number                                string // printer's number, as the store drew it
}

func newSearchWorld(t *testing.T) *searchWorld {
	t.Helper()
	f := newFixture(t)
	w := &searchWorld{fixture: f}
	a := f.newTicket("收费处打印机卡纸")
	a.Description = "收费处 Printer HP LaserJet 卡纸，已重启。École 的老师也反映过"
	res := f.must(t, f.engineer, a)
	w.printer, w.number = a.ID, flows.As[ticket.State](res.State).Number
	b := f.newTicket("挂号系统登录慢")
	f.must(t, f.engineer, b)
	f.must(t, f.engineer, ticket.Comment{ID: b.ID, Text: "怀疑是数据库连接池耗尽 🙈 👍🏻 👨‍👩‍👧"})
	f.must(t, f.engineer, ticket.Act{ID: b.ID, Decision: "respond", Comment: "电话联系了信息科"})
	f.must(t, f.engineer, ticket.Act{ID: b.ID, Decision: "diagnosed", Inputs: map[string]string{"cause": "中间件线程数不足", "fix": "调大线程池上限"}})
	w.slow = b.ID
	c := f.newTicket("医嘱打印")
	c.Description = "病区反映打"
	f.must(t, f.engineer, c)
	f.must(t, f.engineer, ticket.Comment{ID: c.ID, Text: "印章另行处理"})
	w.other = c.ID
	d := f.newTicket(`报表 "月报" a*b (c) AND OR NOT NEAR(x y) 'q' 100% a_b ^{}:-+ \ 结束`)
	f.must(t, f.engineer, d)
	w.marks = d.ID
	e := f.newTicket("机房巡检")
	e.AssigneeID = f.engineer
	f.must(t, f.engineer, e)
	w.assigned = e.ID
	return w
}

func (w *searchWorld) search(t *testing.T, q string) []model.ID {
	t.Helper()
	ids, err := w.s.SearchTickets(context.Background(), q, TicketFilter{Status: "all"})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return ids
}

func (w *searchWorld) mentioning(t *testing.T, q string) []model.ID {
	t.Helper()
	ids, err := w.s.TicketsMentioning(context.Background(), q)
	if err != nil {
		t.Fatalf("texts mentioning %q: %v", q, err)
	}
	return ids
}

// sameIDs reports whether two lists hold the same ids, in any order.
func sameIDs(a, b []model.ID) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	cmp := func(x, y model.ID) int { return slices.Compare(x[:], y[:]) }
	slices.SortFunc(a, cmp)
	slices.SortFunc(b, cmp)
	return slices.Equal(a, b)
}

func TestSearchFindsTicketsByEveryTextPeopleKnowThemBy(t *testing.T) {
	w := newSearchWorld(t)
	all := []model.ID{w.printer, w.slow, w.other, w.marks, w.assigned}
	for q, want := range map[string][]model.ID{
		w.number:                     {w.printer}, // the number
		"收费处打印机":                     {w.printer}, // the title
		"LaserJet":                   {w.printer}, // the description
		"连接池耗尽":                      {w.slow},    // a comment
		"信息科":                        {w.slow},    // a decision's comment
		"线程数不足":                      {w.slow},    // a decision's text input
		"线程池上限":                      {w.slow},
		"人民医院":                       all,          // the customer's name
		"王工":                         {w.assigned}, // the assignee's name
		"wang":                       {w.assigned}, // and login
		"收费处打印机卡纸，":                  nil,          // more than any text holds
		"contract":                   nil,          // JSON keys and ids are not text
		"responded":                  nil,          // nor the names of steps and decisions
		"true":                       nil,          // nor inputs that are not text
		"另一张":                        nil,
		"  LaserJet  ":               {w.printer}, // spaces around the term do not count
		"printer hp":                 {w.printer}, // a space inside does
		"printer  hp":                nil,
		"已重启。école":                  {w.printer},
		"收费处 printer hp laserjet 卡纸": {w.printer},
	} {
		if got := w.search(t, q); !sameIDs(got, want) {
			t.Errorf("search %q: got %v, want %v", q, got, want)
		}
	}
}

func TestSearchIgnoresCase(t *testing.T) {
	w := newSearchWorld(t)
	for _, q := range []string{"laserjet", "LASERJET", "LaserJet", "lAsErJeT", "école", "ÉCOLE", "École", "laser", "LASER"} {
		if got := w.search(t, q); !sameIDs(got, []model.ID{w.printer}) {
			t.Errorf("search %q: got %v, want the printer ticket", q, got)
		}
	}
	for _, q := range []string{ascii(w.number, toLower), ascii(w.number, toUpper)} {
		if got := w.search(t, q); !sameIDs(got, []model.ID{w.printer}) {
			t.Errorf("search %q: got %v, want the printer ticket", q, got)
		}
	}
}

func toLower(r byte) byte {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

func toUpper(r byte) byte {
	if 'a' <= r && r <= 'z' {
		return r - 'a' + 'A'
	}
	return r
}

func ascii(s string, f func(byte) byte) string {
	b := []byte(s)
	for i := range b {
		b[i] = f(b[i])
	}
	return string(b)
}

func TestSearchFindsTermsShorterThanATrigram(t *testing.T) {
	w := newSearchWorld(t)
	for q, want := range map[string][]model.ID{
		"打印":    {w.printer, w.other}, // in a title's middle and at its end
		"医嘱":    {w.other},            // at a title's start
		"嘱":     {w.other},
		"打":     {w.printer, w.other}, // last character of a description
		"印章":    {w.other},            // start of a comment
		"科":     {w.slow},             // last character of a decision's comment
		"限":     {w.slow},             // last character of a text input
		"束":     {w.marks},            // last character of a title
		"🙈":     {w.slow},             // one code point
		"👍🏻":    {w.slow},             // two
		"👨‍👩‍👧": {w.slow},             // five
		"(x":    {w.marks},
		"%":     {w.marks},
		"_":     {w.marks},
		"\\":    {w.marks},
		"*":     {w.marks},
		"\"":    {w.marks},
		"'":     {w.marks},
		"(":     {w.marks},
		"or":    {w.marks},
		"龘":     nil,
		"zq":    nil,
	} {
		if got := w.search(t, q); !sameIDs(got, want) {
			t.Errorf("search %q: got %v, want %v", q, got, want)
		}
	}
	// Parts of a ticket's texts are apart: the description ends with 打 and
	// a comment begins with 印, but the ticket says no 打印 there.
	if got := w.mentioning(t, "打印"); len(got) != 0 {
		t.Errorf("texts mentioning 打印: got %v, want none (打 and 印 are in two texts)", got)
	}
}

func TestSearchTakesTheUsersTextLiterally(t *testing.T) {
	w := newSearchWorld(t)
	for _, q := range []string{`"月报"`, `"`, `" a`, `a*b`, `*`, `(c)`, `(c`, `AND OR NOT`, `NOT`, `NEAR(x y)`, `'q'`, `100%`, `a_b`,
		`^{}:-+`, `\ 结束`, `{}:`, `"月报" a*b (c) AND OR NOT NEAR(x y)`} {
		if got := w.search(t, q); !sameIDs(got, []model.ID{w.marks}) {
			t.Errorf("search %q: got %v, want only the ticket whose title holds it", q, got)
		}
	}
	for _, q := range []string{`AND 月报`, `月报 OR 收费`, `打印*`, `"打印" OR "连接"`, `NOT 收费`, `title:打印机`} {
		if got := w.search(t, q); len(got) != 0 {
			t.Errorf("search %q: got %v, want nothing (no text holds it)", q, got)
		}
	}
}

func TestAnEmptySearchKeepsEveryTicket(t *testing.T) {
	w := newSearchWorld(t)
	for _, q := range []string{"", " ", "\t\n"} {
		if got := w.search(t, q); len(got) != 5 {
			t.Errorf("search %q: got %d tickets, want all 5", q, len(got))
		}
		if got := w.mentioning(t, q); len(got) != 0 {
			t.Errorf("texts mentioning %q: got %v, want none", q, got)
		}
	}
}

func TestTicketsMentioningLooksOnlyInWrittenTexts(t *testing.T) {
	w := newSearchWorld(t)
	for q, want := range map[string][]model.ID{
		"printer":   {w.printer}, // case folded
		"卡纸":        {w.printer}, // in the description (and the title)
		"连接池":       {w.slow},
		"🙈":         {w.slow},
		"线程池上限":     {w.slow},
		"收费处打印机":    nil, // titles are the queue's
		w.number:    nil, // so are numbers
		"机房巡检":      nil,
		"王工":        nil, // and names
		"人民医院":      nil,
		"contract":  nil,
		"%":         nil,
		"":          nil,
		"病区反映打\n印章": nil,
	} {
		if got := w.mentioning(t, q); !sameIDs(got, want) {
			t.Errorf("texts mentioning %q: got %v, want %v", q, got, want)
		}
	}
}

func TestSearchKeepsTheListsOrderAndFilters(t *testing.T) {
	w := newSearchWorld(t)
	ctx := context.Background()
	var listed []model.ID
	if err := w.s.EachTicket(ctx, TicketFilter{Status: "all", Search: "人民医院"}, func(r TicketRow) error {
		listed = append(listed, r.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := w.search(t, "人民医院"); !slices.Equal(got, listed) || len(got) != 5 {
		t.Fatalf("search order %v, list order %v", got, listed)
	}
	got, err := w.s.SearchTickets(ctx, "人民医院", TicketFilter{Status: "all", Limit: 2})
	if err != nil || !slices.Equal(got, listed[:2]) {
		t.Errorf("with a limit of 2: %v, %v; want %v", got, err, listed[:2])
	}
	got, err = w.s.SearchTickets(ctx, "打印", TicketFilter{Status: "all", AssigneeID: w.engineer})
	if err != nil || len(got) != 0 {
		t.Errorf("打印 among the engineer's tickets: %v, %v; want none", got, err)
	}
	got, err = w.s.SearchTickets(ctx, "巡检", TicketFilter{Status: "all", AssigneeID: w.engineer, Kind: model.KindIncident})
	if err != nil || !sameIDs(got, []model.ID{w.assigned}) {
		t.Errorf("巡检 among the engineer's incidents: %v, %v", got, err)
	}
	got, err = w.s.SearchTickets(ctx, "打印", TicketFilter{Status: model.StatusClosed})
	if err != nil || len(got) != 0 {
		t.Errorf("打印 among closed tickets: %v, %v; want none", got, err)
	}
}

func TestSearchFollowsEditsAndRenames(t *testing.T) {
	w := newSearchWorld(t)
	w.must(t, w.engineer, ticket.Edit{ID: w.printer, Fields: map[string]string{"title": "发票打印异常", "description": "驱动版本过旧"}})
	for q, want := range map[string][]model.ID{
		"发票打印": {w.printer},
		"驱动版本": {w.printer},
		"卡纸":   nil, // the old title and description are gone
		"打印机":  nil,
	} {
		if got := w.search(t, q); !sameIDs(got, want) {
			t.Errorf("after the edit, search %q: got %v, want %v", q, got, want)
		}
	}
	// A title changed alone, and a comment alone: each text is found as it
	// now stands.
	w.must(t, w.engineer, ticket.Edit{ID: w.slow, Fields: map[string]string{"title": "门诊挂号缓慢"}})
	w.must(t, w.engineer, ticket.Comment{ID: w.other, Text: "换了色带"})
	for q, want := range map[string][]model.ID{
		"门诊挂号缓慢": {w.slow},
		"登录慢":    nil,
		"连接池耗尽":  {w.slow},
		"换了色带":   {w.other},
		"医嘱打印":   {w.other},
		"印章另行处理": {w.other},
	} {
		if got := w.search(t, q); !sameIDs(got, want) {
			t.Errorf("after the second edit, search %q: got %v, want %v", q, got, want)
		}
	}
	// A customer's name is matched in its own table: a rename is found at
	// once, and the tickets' texts are not rewritten.
	var before int
	if err := w.s.db.QueryRow("SELECT count(*) FROM ticket_text").Scan(&before); err != nil {
		t.Fatal(err)
	}
	w.must(t, w.admin, directory.SaveCustomer{Customer: model.Customer{ID: w.customer, Name: "江州市中心医院", ShortName: "中心院"}})
	if got := w.search(t, "中心院"); len(got) != 5 {
		t.Errorf("after the rename, search 中心院: got %d tickets, want all 5", len(got))
	}
	if got := w.search(t, "人民医院"); len(got) != 0 {
		t.Errorf("after the rename, search 人民医院: got %v, want none", got)
	}
}

// textIndexHolds runs FTS5's check of the indexes' structure.
func textIndexHolds(t *testing.T, s *Store) {
	t.Helper()
	for _, x := range textIndexes {
		if _, err := s.db.Exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES ('integrity-check')", x, x)); err != nil {
			t.Fatalf("the text index %s is damaged: %v", x, err)
		}
	}
}

// indexHasTrigram reports whether any ticket's text has the trigram.
func indexHasTrigram(t *testing.T, s *Store, trigram string) bool {
	t.Helper()
	var n int
	for _, x := range []textIndex{titleIndex, writtenIndex} {
		if err := s.db.QueryRow("SELECT count(*) + ? FROM "+x.terms+" WHERE term = ? AND doc > 0", n, trigram).Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	return n > 0
}

func TestRebuildGivesTheSameTextIndex(t *testing.T) {
	w := newSearchWorld(t)
	w.must(t, w.engineer, ticket.Edit{ID: w.printer, Fields: map[string]string{"description": "驱动版本过旧"}})
	w.must(t, w.engineer, ticket.Comment{ID: w.other, Text: "再次打印测试通过"})
	ctx := context.Background()
	terms := []string{"打印", "驱动版本", "连接池", "🙈", "(x", w.number, "线程池上限", "卡纸", "人民医院"}
	found := func() map[string][]model.ID {
		out := map[string][]model.ID{}
		for _, q := range terms {
			out[q] = w.search(t, q)
		}
		return out
	}
	vocabulary := func() []string {
		list, err := queryList(ctx, w.s.db, "SELECT 'title ' || term || ' ' || doc FROM ticket_title_terms UNION ALL SELECT 'text ' || term || ' ' || doc FROM ticket_text_terms", func(r *sql.Rows) (string, error) {
			var s string
			return s, r.Scan(&s)
		})
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	textIndexHolds(t, w.s)
	before, words := found(), vocabulary()
	digest, err := w.s.ProjectionDigest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.s.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	textIndexHolds(t, w.s)
	after, err := w.s.ProjectionDigest(ctx)
	if err != nil || after != digest {
		t.Errorf("the projections' digest changed in the rebuild: %v", err)
	}
	for q, ids := range found() {
		if !sameIDs(ids, before[q]) {
			t.Errorf("search %q after the rebuild: %v, before it: %v", q, ids, before[q])
		}
	}
	if got := vocabulary(); !slices.Equal(got, words) {
		t.Errorf("the index's trigrams differ after the rebuild: %d, were %d", len(got), len(words))
	}
	r, err := w.s.Check(ctx)
	if err != nil || len(r.Problems) > 0 {
		t.Errorf("check after the rebuild: %v, %s", err, describe(r.Problems))
	}
}

func TestARolledBackCommentLeavesNoTraceInTheIndex(t *testing.T) {
	w := newSearchWorld(t)
	ctx := context.Background()
	refused := errors.New("refused")
	err := w.s.Batch(ctx, func(b *Batch) error {
		if _, err := b.Execute(Acting{UserID: w.engineer}, ticket.Comment{ID: w.printer, Text: "回滚的备注：硒鼓更换"}); err != nil {
			return err
		}
		if err := b.Forget(w.printer); err != nil { // projected: the index was written
			return err
		}
		return refused
	})
	if !errors.Is(err, refused) {
		t.Fatalf("the batch: %v", err)
	}
	if got := w.search(t, "硒鼓更换"); len(got) != 0 {
		t.Errorf("after the rollback, search 硒鼓更换: got %v, want none", got)
	}
	if got := w.search(t, "硒鼓"); len(got) != 0 {
		t.Errorf("after the rollback, search 硒鼓: got %v, want none", got)
	}
	for _, g := range []string{"回滚的", "硒鼓更", "鼓更换"} {
		if indexHasTrigram(t, w.s, g) {
			t.Errorf("after the rollback, the index holds the trigram %s", g)
		}
	}
	textIndexHolds(t, w.s)
	// The index takes the next change as if nothing had happened.
	w.must(t, w.engineer, ticket.Comment{ID: w.printer, Text: "硒鼓已更换"})
	if got := w.search(t, "硒鼓"); !sameIDs(got, []model.ID{w.printer}) {
		t.Errorf("after a committed comment, search 硒鼓: got %v", got)
	}
	if got := w.search(t, "卡纸"); !sameIDs(got, []model.ID{w.printer}) {
		t.Errorf("the ticket's earlier text, 卡纸: got %v", got)
	}
	textIndexHolds(t, w.s)
}

// Every substring of one to four characters of every ticket's texts, and
// a few that no text holds, finds through the index exactly the tickets
// whose folded texts hold it.
func TestTheIndexFindsWhatAScanOfTheTextsFinds(t *testing.T) {
	w := newSearchWorld(t)
	w.must(t, w.engineer, ticket.Comment{ID: w.other, Text: "A\nb\tc  d"})
	// 甲 begins more trigrams than one FTS5 query ORs together.
	var many strings.Builder
	for i := range 50 {
		many.WriteString("甲" + string(rune('!'+i)))
	}
	w.must(t, w.engineer, ticket.Comment{ID: w.slow, Text: many.String()})
	w.must(t, w.engineer, ticket.Comment{ID: w.marks, Text: "甲方确认"})
	ctx := context.Background()
	texts := map[model.ID]ticketText{}
	err := w.s.Batch(ctx, func(b *Batch) error {
		for _, id := range []model.ID{w.printer, w.slow, w.other, w.marks, w.assigned} {
			c, err := b.load(id)
			if err != nil {
				return err
			}
			texts[id] = textOf(flows.As[ticket.State](c.state))
		}
		return errors.New("read only")
	})
	if len(texts) != 5 {
		t.Fatal(err)
	}
	terms := map[string]bool{"龘": true, "zq": true, "打印机卡": true}
	if n := w.trigramsBeginning(t, "甲"); n <= trigramsPerMatch {
		t.Fatalf("甲 begins %d trigrams: too few to look up in several queries", n)
	}
	for _, txt := range texts {
		for _, col := range []string{txt.title, txt.body} {
			r := []rune(col)
			for i := range r {
				for n := 1; n <= 4 && i+n <= len(r); n++ {
					if term := foldTerm(string(r[i : i+n])); term != "" {
						terms[term] = true
					}
				}
			}
		}
	}
	for term := range terms {
		var all, written []model.ID
		for id, txt := range texts {
			if strings.Contains(txt.body, term) {
				written = append(written, id)
			}
			if strings.Contains(txt.title, term) || strings.Contains(txt.body, term) {
				all = append(all, id)
			}
		}
		for _, c := range []struct {
			in   []textIndex
			want []model.ID
		}{{[]textIndex{titleIndex, writtenIndex}, all}, {[]textIndex{writtenIndex}, written}} {
			if got := w.ids(t, term, c.in...); !sameIDs(got, c.want) {
				t.Errorf("%q in %v: the index finds %v, a scan of the texts %v", term, c.in, got, c.want)
			}
		}
	}
}

func (w *searchWorld) trigramsBeginning(t *testing.T, prefix string) int {
	t.Helper()
	var n int
	if err := w.s.db.QueryRow("SELECT count(*) FROM ticket_text_terms WHERE term >= ? AND term < ?", prefix, prefix+"\xff").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (w *searchWorld) ids(t *testing.T, term string, in ...textIndex) []model.ID {
	t.Helper()
	ctx := context.Background()
	q, args, err := textQuery(ctx, w.s.db, term, in...)
	if err != nil || q == "" {
		if err != nil {
			t.Fatal(err)
		}
		return nil
	}
	ids, err := queryList(ctx, w.s.db, q, func(r *sql.Rows) (model.ID, error) {
		var id model.ID
		return id, r.Scan(&id)
	}, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return ids
}

// A search reads the tickets it finds, not every ticket: by the text
// index, and by the customer and assignee indexes for names.
func TestSearchReadsOnlyTheTicketsItFinds(t *testing.T) {
	w := newSearchWorld(t)
	ctx := context.Background()
	for _, q := range []string{"收费处打印机", "打印", "嘱", "人民医院", "王工", "wang"} {
		where, args, err := w.s.ticketWhere(ctx, TicketFilter{Status: "all", Search: q})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := w.s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN SELECT id FROM tickets"+where+ticketOrder(TicketFilter{}), args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN tickets") || strings.HasPrefix(step, "SCAN ticket_text ") {
				t.Errorf("search %q reads every ticket: %s", q, strings.Join(plan, "; "))
			}
		}
	}
}
