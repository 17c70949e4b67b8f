package db

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"pgregory.net/rapid"

	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// TestRebuildEqualsIncrementalProjections appends random valid actions
// through the ordinary write path, then rebuilds the projections from the
// log and compares canonical dumps (DESIGN §4: projections rebuild with
// identical results). Every id is a UUIDv7 of an arbitrary time and the
// device's clock jumps back and forth, so ids and clocks come in any order:
// a contract may sort after its tickets, an edit's clock before its
// creation's.
func TestRebuildEqualsIncrementalProjections(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		f := newSkewedFixture(t, rt)
		ctx := context.Background()
		var tickets []model.ID
		texts := []string{"磁盘空间不足", "Printer jam 🖨️", "发票\"引号\"", "含\\反斜杠", "多行\n说明", "e\u0301tat"}
		steps := rapid.IntRange(1, 30).Draw(rt, "steps")
		for i := 0; i < steps; i++ {
			var cmd flows.Command
			switch op := rapid.IntRange(0, 6).Draw(rt, "op"); {
			case op == 0 || len(tickets) == 0:
				c := f.newTicket(rapid.SampledFrom(texts).Draw(rt, "title"))
				c.ID = drawID(rt, "ticket id")
				c.Kind = rapid.SampledFrom(model.Kinds).Draw(rt, "kind")
				c.Channel = rapid.SampledFrom(model.Channels).Draw(rt, "channel")
				tickets = append(tickets, c.ID)
				cmd = c
			case op == 1:
				cmd = ticket.Edit{ID: rapid.SampledFrom(tickets).Draw(rt, "t"), Fields: map[string]string{
					"title": fmt.Sprintf("%s %d", rapid.SampledFrom(texts).Draw(rt, "nt"), i), "severity": fmt.Sprint(rapid.IntRange(1, 4).Draw(rt, "sev"))}}
			case op == 2:
				who := rapid.SampledFrom([]model.ID{f.engineer, model.NilID}).Draw(rt, "who")
				cmd = ticket.Assign{ID: rapid.SampledFrom(tickets).Draw(rt, "t"), AssigneeID: who}
			case op == 3:
				cmd = ticket.Comment{ID: rapid.SampledFrom(tickets).Draw(rt, "t"), Text: rapid.SampledFrom(texts).Draw(rt, "c")}
			case op == 4:
				cmd = directory.SaveSite{Site: model.Site{ID: f.site, CustomerID: f.customer, Name: fmt.Sprintf("机房 %d", i)}}
			case op == 5:
				// The contract's targets change under open tickets.
				sla := model.DefaultSLA()
				sla.ResponseInHours = rapid.IntRange(30, 240).Draw(rt, "response")
				cmd = directory.SaveContract{Contract: model.Contract{ID: f.contract, CustomerID: f.customer, Number: "HT-2026-001",
					StartDate: "2026-01-01", EndDate: "2026-12-31", CalendarID: f.calendar, SLA: sla, QuotaDays: 30, Engineers: []model.ID{f.engineer}}}
			default:
				cmd = directory.SaveContact{Contact: model.Contact{ID: f.requester, CustomerID: f.customer, Name: rapid.SampledFrom(texts).Draw(rt, "n"),
					Roles: model.Roles{model.RoleRequester}}}
			}
			skewClock(rt, f)
			actor := f.engineer
			if _, ok := cmd.(directory.SaveContract); ok {
				actor = f.admin
			}
			if _, ok := cmd.(directory.SaveContact); ok && i%2 == 0 {
				actor = f.admin
			}
			// Refusals (e.g. re-assigning to the same person) are fine:
			// they must simply write nothing.
			before, _ := f.s.EventCount(ctx)
			if _, err := f.s.Execute(ctx, Acting{UserID: actor}, cmd); err != nil {
				if after, _ := f.s.EventCount(ctx); after != before {
					rt.Fatalf("refused %T wrote %d events", cmd, after-before)
				}
			}
		}
		incremental, err := f.s.ProjectionDigest(ctx)
		if err != nil {
			rt.Fatal(err)
		}
		if err := f.s.Rebuild(ctx); err != nil {
			rt.Fatal(err)
		}
		rebuilt, _ := f.s.ProjectionDigest(ctx)
		if incremental != rebuilt {
			rt.Fatalf("rebuild differs from the incremental projections")
		}
		// Folding an entity's events in any stored order gives one state.
		for _, id := range tickets {
			events, _ := f.s.EntityEvents(ctx, id)
			perm := rapid.Permutation(events).Draw(rt, "perm")
			a, _ := flows.Fold(events, ticket.Evolve)
			b, _ := flows.Fold(perm, ticket.Evolve)
			if string(model.MustCanonical(a)) != string(model.MustCanonical(b)) {
				rt.Fatalf("fold depends on storage order for %s", id.Short())
			}
		}
	})
}

// drawID is a UUIDv7 of an arbitrary time between 1990 and 2100, so ids
// sort in no particular order against the order things were made in.
func drawID(rt *rapid.T, label string) model.ID {
	ms := rapid.Int64Range(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli(), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()).Draw(rt, label)
	idsDrawn++ // the random bits differ even where the draws shrink alike
	var seed [32]byte
	binary.LittleEndian.PutUint64(seed[:], uint64(ms))
	binary.LittleEndian.PutUint64(seed[8:], idsDrawn)
	return model.NewIDAt(time.UnixMilli(ms), rand.NewChaCha8(seed))
}

// idsDrawn numbers the ids drawID made in this test process.
var idsDrawn uint64

// skewClock may move the device's wall clock back or forth within the
// contract's year, and may set its hybrid logical clock anywhere (a clock
// reset or a device restored from a backup), so that the clocks of
// successive events are in any order too.
func skewClock(rt *rapid.T, f *fixture) {
	if rapid.Bool().Draw(rt, "move wall clock") {
		f.clock = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rapid.Int64Range(0, 364*24*3600).Draw(rt, "wall")) * time.Second)
	}
	if rapid.Bool().Draw(rt, "set hlc") {
		hlc := model.MakeHLC(rapid.Int64Range(0, 1<<40).Draw(rt, "hlc ms"), uint16(rapid.IntRange(0, 0xffff).Draw(rt, "hlc counter")))
		if _, err := f.s.db.Exec("UPDATE local_device SET hlc = ?", int64(hlc)); err != nil {
			rt.Fatal(err)
		}
	}
}

// newSkewedFixture is newFixture with every directory id drawn by
// drawID, the calendar and contract possibly sorting after the rest.
func newSkewedFixture(t *testing.T, rt *rapid.T) *fixture {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "yunwei.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, clock: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)}
	s.Now = func() time.Time { f.clock = f.clock.Add(time.Second); return f.clock }
	f.admin, f.engineer = drawID(rt, "admin"), drawID(rt, "engineer")
	f.customer, f.contract, f.site, f.system = drawID(rt, "customer"), drawID(rt, "contract"), drawID(rt, "site"), drawID(rt, "system")
	f.requester, f.head, f.calendar = drawID(rt, "requester"), drawID(rt, "head"), drawID(rt, "calendar")
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: f.admin, Login: "admin", Name: "管理员", Roles: model.Roles{model.RoleAdmin}}})
	f.must(t, f.admin, directory.SaveUser{User: model.User{ID: f.engineer, Login: "wang", Name: "王工", Roles: model.Roles{model.RoleEngineer}}})
	f.must(t, f.admin, directory.SaveCustomer{Customer: model.Customer{ID: f.customer, Name: "市第一人民医院"}})
	f.must(t, f.admin, directory.SaveCalendar{Calendar: model.Default5x8(f.calendar, "5x8")})
	f.must(t, f.admin, directory.SaveContract{Contract: model.Contract{ID: f.contract, CustomerID: f.customer, Number: "HT-2026-001",
		StartDate: "2026-01-01", EndDate: "2026-12-31", CalendarID: f.calendar, SLA: model.DefaultSLA(), QuotaDays: 30, Engineers: []model.ID{f.engineer}}})
	f.must(t, f.admin, directory.SaveSite{Site: model.Site{ID: f.site, CustomerID: f.customer, Name: "门诊楼机房"}})
	f.must(t, f.admin, directory.SaveSystem{System: model.System{ID: f.system, CustomerID: f.customer, SiteID: f.site, Name: "HIS"}})
	f.must(t, f.admin, directory.SaveContact{Contact: model.Contact{ID: f.requester, CustomerID: f.customer, Name: "李护士", Roles: model.Roles{model.RoleRequester}}})
	f.must(t, f.admin, directory.SaveContact{Contact: model.Contact{ID: f.head, CustomerID: f.customer, Name: "张主任", Roles: model.Roles{model.RoleDeptHead}}})
	return f
}
