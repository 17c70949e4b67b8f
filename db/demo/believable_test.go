package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"yunwei/db"
	"yunwei/flows/directory"
	"yunwei/flows/sla"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// standing is where an open ticket's SLA clocks stand at an instant, as
// the queue shows them (ui/queue: ✗ breached, ! under a quarter of the
// target or 30 minutes left).
type standing int

const (
	withinClocks standing = iota
	clockAtRisk
	clockBreached
)

func standingOf(clocks []sla.Clock) standing {
	out := withinClocks
	for _, c := range clocks {
		if !c.Open() {
			continue
		}
		switch {
		case c.State == sla.Breached:
			return clockBreached
		case c.State == sla.Running && (c.Remaining < 30*time.Minute || c.Remaining < c.Target/4):
			out = clockAtRisk
		}
	}
	return out
}

// openStandings counts the demo's open tickets by where their clocks stand
// at the anchor.
func openStandings(t *testing.T, s *db.Store, at time.Time) (counts [3]int, names [3][]string) {
	t.Helper()
	ctx := context.Background()
	err := s.EachTicket(ctx, db.TicketFilter{Status: "open"}, func(r db.TicketRow) error {
		d, err := s.Ticket(ctx, r.ID)
		if err != nil {
			return err
		}
		clocks, err := s.Clocks(ctx, &d.State, at)
		if err != nil {
			return err
		}
		st := standingOf(clocks)
		counts[st]++
		names[st] = append(names[st], r.Number+" "+string(r.Kind)+"/"+r.Step)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return counts, names
}

// A demo a customer would believe: at the demo's "now", most open tickets
// are within their SLA clocks, some are close to their due time and a few
// are past it, whether "now" is a Friday morning, just after hours, or a
// Monday first thing.
func TestDemoOpenTicketsMostlyWithinTheirClocks(t *testing.T) {
	anchors := map[string]time.Time{
		"Friday 10:30":        time.Date(2026, 11, 27, 10, 30, 0, 0, shanghai),
		"Friday 18:30":        anchor, // the tests' usual anchor, 10:30 UTC
		"Monday 09:20":        time.Date(2026, 11, 30, 9, 20, 0, 0, shanghai),
		"Wednesday 14:05":     time.Date(2026, 11, 25, 14, 5, 0, 0, shanghai),
		"a larger, older one": time.Date(2026, 6, 3, 11, 0, 0, 0, shanghai),
	}
	for name, at := range anchors {
		t.Run(name, func(t *testing.T) {
			n := 500
			if strings.HasPrefix(name, "a larger") {
				n = 3000
			}
			s := generateAt(t, n, 1, at)
			counts, names := openStandings(t, s, at)
			open := counts[0] + counts[1] + counts[2]
			t.Logf("%d open: %d within, %d at risk %v, %d breached %v", open, counts[withinClocks],
				counts[clockAtRisk], names[clockAtRisk], counts[clockBreached], names[clockBreached])
			if open < 30 {
				t.Fatalf("only %d open tickets", open)
			}
			if within := float64(counts[withinClocks]) / float64(open); within <= 0.6 {
				t.Errorf("%.0f%% of the open tickets are within their clocks, want most", within*100)
			}
			if counts[clockAtRisk] == 0 {
				t.Error("no open ticket is close to its due time")
			}
			if b := counts[clockBreached]; b == 0 || float64(b) > 0.15*float64(open) {
				t.Errorf("%d of %d open tickets are past their due time, want a few", b, open)
			}
		})
	}
}

// People decide in working hours: every decision of the demo, the
// customer's and the vendor's, falls inside the contract's 5×8 working
// time (seed §2.5), except the answers the seed's clocks demand on call:
// the vendor's first answer to a request after the working day, within
// its response time, and the arrival on site, within 4 hours (seed §2.6).
func TestDemoDecisionsFallInWorkingHours(t *testing.T) {
	for _, at := range []time.Time{anchor, time.Date(2026, 11, 30, 9, 20, 0, 0, shanghai)} {
		s := generateAt(t, 800, 4, at)
		ctx := context.Background()
		wt := newWorkTime()
		decisions, onCall := 0, 0
		err := s.EachTicket(ctx, db.TicketFilter{Status: "all"}, func(r db.TicketRow) error {
			d, err := s.Ticket(ctx, r.ID)
			if err != nil {
				return err
			}
			reported, _ := model.ParseTime(d.ReportedAt)
			answered := false // the vendor's first decision is on call when it must be
			for _, h := range d.History {
				if h.Decision == "" {
					continue
				}
				decided, _ := model.ParseTime(h.At)
				if decided.After(at) {
					t.Errorf("%s: %s decided at %s, after the demo's now", d.Number, h.Decision, h.At)
				}
				if wt.working(decided) {
					decisions++
					continue
				}
				dec := ticket.FlowFor(h.Kind).Step(h.From).Decision(h.Decision)
				first := !answered
				answered = answered || stamps(dec, "responded_at")
				switch {
				case h.Role.IsCustomer():
					t.Errorf("%s: %s decided %s at %s, outside working hours", d.Number, d.Names[h.Contact.String()], h.Decision, decided.In(shanghai).Format("Mon 2006-01-02 15:04"))
				case first && decided.Sub(reported) <= responseTime(wt, reported),
					stamps(dec, "arrived_at") && decided.Sub(reported) <= 4*time.Hour:
					onCall++
				default:
					t.Errorf("%s: %s at %s by an engineer, outside working hours and not on call", d.Number, h.Decision, decided.In(shanghai).Format("Mon 2006-01-02 15:04"))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if decisions < 1000 || onCall == 0 || onCall*10 > decisions {
			t.Errorf("%d decisions in working hours, %d on call", decisions, onCall)
		}
	}
}

// Each text fits its kind and its customer: a water utility's notice says
// nothing of patients; a vendor's staff notice is not something a
// department "reported"; a request comes from its requester's department.
func TestDemoTextsFitTheirKindAndCustomer(t *testing.T) {
	s := generateAt(t, 600, 2, anchor)
	ctx := context.Background()
	contacts := contactsOf(t, s)
	people := map[string]string{}
	for _, c := range customers {
		people[c.name] = c.people
	}
	err := s.EachTicket(ctx, db.TicketFilter{Status: "all"}, func(r db.TicketRow) error {
		d, err := s.Ticket(ctx, r.ID)
		if err != nil {
			return err
		}
		text := d.Title + "\n" + d.Description
		for customer, word := range people {
			if customer != r.Customer.Name && strings.Contains(text, word) {
				t.Errorf("%s of %s speaks of %s: %q", d.Number, r.Customer.Name, word, text)
			}
		}
		switch d.Kind {
		case model.KindStaffChange:
			if strings.Contains(text, "反映") || !d.RequesterID.IsZero() || !strings.Contains(d.Description, "提前一周") {
				t.Errorf("%s: a staff notice reads as a customer's request: %q", d.Number, text)
			}
		case model.KindOvertime:
			if strings.Contains(text, "反映") || !strings.Contains(d.Description, "签字确认") {
				t.Errorf("%s: an overtime confirmation reads as a request: %q", d.Number, text)
			}
		default:
			dept := contacts[d.RequesterID].Department
			if dept == "" || !strings.HasPrefix(d.Description, dept+"反映") {
				t.Errorf("%s: raised by %q, described %q", d.Number, dept, d.Description)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The seed's rules hold in the demo too: each department's request is
// approved by its own head (seed §3 step 2), no plan is approved by its
// author (seed §3 step 4), the owner approves the fix of critical or
// on-site incidents only (seed §2.1.1), and every overtime names who worked
// it, one of the contract's engineers that day (seed §2.4).
func TestDemoFollowsTheSeedsRules(t *testing.T) {
	s := generateAt(t, 1500, 5, anchor)
	ctx := context.Background()
	contacts := contactsOf(t, s)
	ownerApprovals, remoteFixes := 0, 0
	err := s.EachTicket(ctx, db.TicketFilter{Status: "all"}, func(r db.TicketRow) error {
		d, err := s.Ticket(ctx, r.ID)
		if err != nil {
			return err
		}
		var proposer model.ID
		for _, h := range d.History {
			if h.Decision == "" {
				continue
			}
			switch {
			case h.From == "dept_approval":
				head, req := contacts[h.Contact], contacts[d.RequesterID]
				if head.Department != req.Department {
					t.Errorf("%s: %s of %s decided for %s of %s", d.Number, head.Name, head.Department, req.Name, req.Department)
				}
			case h.Decision == "propose":
				proposer = h.Actor
			case (h.From == "review" || h.From == "tech_review") && h.Decision == "approve" && h.Actor == proposer:
				t.Errorf("%s: the plan approved by its author", d.Number)
			case h.From == "owner_approval":
				ownerApprovals++
			case h.Kind == model.KindIncident && h.From == "diagnosis" && h.To == "fixing":
				remoteFixes++
			case h.Kind == model.KindOvertime && h.Decision == "record" && h.Inputs["worked_by"] == "":
				t.Errorf("%s: overtime without who worked it", d.Number)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ownerApprovals == 0 || remoteFixes == 0 {
		t.Errorf("%d owner's approvals, %d fixes without one", ownerApprovals, remoteFixes)
	}
}

func generateAt(t testing.TB, n int, seed uint64, at time.Time) *db.Store {
	t.Helper()
	ctx := context.Background()
	s, err := db.Open(ctx, t.TempDir()+"/demo.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := Generate(ctx, s, Options{Tickets: n, Seed: seed, Anchor: at}); err != nil {
		t.Fatal(err)
	}
	return s
}

// contactsOf is every contact of the store, by id.
func contactsOf(t testing.TB, s *db.Store) map[model.ID]model.Contact {
	t.Helper()
	ctx := context.Background()
	out := map[model.ID]model.Contact{}
	customers, err := s.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range customers {
		cs, err := s.Contacts(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, ct := range cs {
			out[ct.ID] = ct
		}
	}
	return out
}

// A demo database is marked as one (its device code): a new demo replaces
// it only when asked to, and never replaces a database of other work.
func TestDemoReplacesOnlyDemoData(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/demo.db"
	if h, _, err := Inspect(ctx, path); err != nil || h != Nothing {
		t.Fatalf("no file: %v %v", h, err)
	}
	opt := Options{Tickets: 20, Seed: 1, Anchor: anchor}
	if _, err := Create(ctx, path, opt); err != nil {
		t.Fatal(err)
	}
	if h, n, err := Inspect(ctx, path); err != nil || h != DemoData || n == 0 {
		t.Fatalf("a demo: %v %d %v", h, n, err)
	}
	if _, err := Create(ctx, path, opt); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("a second demo without Replace: %v", err)
	}
	opt.Replace, opt.Seed = true, 2
	if _, err := Create(ctx, path, opt); err != nil {
		t.Fatalf("replacing the demo: %v", err)
	}

	work := t.TempDir() + "/work.db"
	s, err := db.Open(ctx, work)
	if err != nil {
		t.Fatal(err)
	}
	if s.Device().Code == DeviceCode {
		t.Fatalf("a new database got the demo's device code")
	}
	id := model.NewID()
	if _, err := s.Execute(ctx, db.Acting{UserID: id}, directory.SaveUser{User: model.User{ID: id, Login: "zhang", Name: "张工", Roles: model.Roles{model.RoleEngineer}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if h, _, err := Inspect(ctx, work); err != nil || h != Work {
		t.Fatalf("a database of work: %v %v", h, err)
	}
	if _, err := Create(ctx, work, opt); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("a demo over work, with Replace: %v", err)
	}
	if h, n, _ := Inspect(ctx, work); h != Work || n != 1 {
		t.Fatalf("the work was touched: %v %d", h, n)
	}
}
