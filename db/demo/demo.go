package demo

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"time"

	"yunwei/db"
	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/model"
)

// Options control the generator.
type Options struct {
	Tickets int    // how many tickets; 0 means DefaultTickets
	Seed    uint64 // the same seed gives the same data
	// Anchor is the "now" of the data: tickets are spread over the year
	// before it and the newest are still open. Zero means the store's clock,
	// truncated to the minute.
	Anchor time.Time
	// Progress, if set, is told how many tickets are done.
	Progress func(done, total int)
	// Replace lets Create replace demo data already at its path (never a
	// database of other work).
	Replace bool
}

// DefaultTickets is the number of tickets of a plain `yunwei demo`.
const DefaultTickets = 500

// DeviceCode is the device code of demo databases, so ticket numbers read
// DEM-2026-0001 on every run; it also marks a database as demo data.
const DeviceCode = db.DemoDeviceCode

// Passphrase is every demo user's passphrase, as the README and `yunwei
// demo` say: demo data is for trying things, not for guarding anything.
const Passphrase = "demo"

// Summary says what was generated.
type Summary struct {
	Customers, Contacts, Users, Tickets, Events int
	Profile                                     model.User
	Passphrase                                  string // every demo user's
}

// world is what the generator has created so far.
type world struct {
	admin, profile model.ID
	engineers      []model.ID // users who take tickets
	base           []model.ID // the engineers every contract names
	users          map[string]model.ID
	customers      []customerWorld
}

type customerWorld struct {
	plan       customerPlan
	id         model.ID
	contract   model.ID
	sites      []model.ID
	systems    []systemWorld
	requesters []model.ID
	heads      []model.ID
	leaders    []model.ID
}

type systemWorld struct {
	id, site model.ID
	name     string
}

// Generate fills an empty store. It refuses a store that already holds
// events: demo data never mixes with real work.
func Generate(ctx context.Context, s *db.Store, opt Options) (Summary, error) {
	if opt.Tickets == 0 {
		opt.Tickets = DefaultTickets
	}
	if opt.Tickets < 0 || opt.Tickets > 10_000_000 {
		return Summary{}, model.Errorf(model.EINVALID, "--tickets %d is out of range: use 1 to 10000000", opt.Tickets)
	}
	if n, err := s.EventCount(ctx); err != nil {
		return Summary{}, err
	} else if n > 0 {
		return Summary{}, model.Errorf(model.EINVALID, "%s already holds %d events: demo data goes into a new database; pass --db with a new file name", s.Path(), n)
	}
	if opt.Anchor.IsZero() {
		opt.Anchor = s.Now().Truncate(time.Minute)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x79756e776569)) // "yunwei"
	ids := &idSource{rng: rng}
	if err := s.SetDevice(ctx, ids.at(opt.Anchor), DeviceCode); err != nil {
		return Summary{}, err
	}
	g := &generator{opt: opt, rng: rng, ids: ids, contacts: map[model.ID]model.Contact{}, userModels: map[model.ID]model.User{},
		wt: newWorkTime(), staff: map[model.ID][]model.StaffChange{}}
	g.lastWork = g.wt.latest(opt.Anchor)
	g.parked = g.planParking()
	if len(g.parked) > opt.Tickets {
		g.parked = g.parked[len(g.parked)-opt.Tickets:]
	}
	// The other tickets come before the parked ones, the last of them a
	// working day before the first parked one.
	g.recentStart = opt.Anchor
	if len(g.parked) > 0 {
		g.recentStart = g.wt.before(g.parked[0].reported, 8*time.Hour)
	}
	hashes := hashPassphrases(len(users))
	var sum Summary
	err := s.Batch(ctx, func(b *db.Batch) error {
		g.b = b
		// Demo data is one transaction that fails whole: SQLite may write
		// while the next tickets are decided.
		if err := b.WriteBehind(); err != nil {
			return err
		}
		if err := g.directory(); err != nil {
			return fmt.Errorf("demo directory: %w", err)
		}
		for i := 0; i < opt.Tickets; i++ {
			if err := g.ticket(i); err != nil {
				return fmt.Errorf("demo ticket %d: %w", i+1, err)
			}
			if opt.Progress != nil && ((i+1)%1000 == 0 || i+1 == opt.Tickets) {
				opt.Progress(i+1, opt.Tickets)
			}
		}
		hs := <-hashes
		if hs.err != nil {
			return hs.err
		}
		for i, u := range users {
			if err := b.SetPassphrase(g.w.users[u.Login], hs.hashes[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Summary{}, err
	}
	if err := s.SetProfile(ctx, g.w.profile); err != nil {
		return Summary{}, err
	}
	sum.Tickets, sum.Users, sum.Passphrase = opt.Tickets, len(users), Passphrase
	sum.Customers = len(customers)
	for _, c := range customers {
		sum.Contacts += len(c.contacts)
	}
	n, err := s.EventCount(ctx)
	sum.Events = int(n)
	sum.Profile, _ = s.Profile(ctx)
	return sum, err
}

// passphraseHashes are the demo users' hashes of Passphrase.
type passphraseHashes struct {
	hashes []db.PassphraseHash
	err    error
}

// hashPassphrases hashes Passphrase n times, each with its own salt, one
// after the other while the tickets are generated: the hashes are slow on
// purpose (db.PassphraseCost) and the demo's budget is 9 s (DESIGN §8).
func hashPassphrases(n int) <-chan passphraseHashes {
	out := make(chan passphraseHashes, 1)
	go func() {
		var r passphraseHashes
		for range n {
			h, err := db.HashPassphrase(Passphrase)
			if err != nil {
				r.err = err
				break
			}
			r.hashes = append(r.hashes, h)
		}
		out <- r
	}()
	return out
}

// idSource makes UUIDv7 ids at given times from the seeded generator.
type idSource struct{ rng *rand.Rand }

func (s *idSource) Read(p []byte) (int, error) {
	for i := 0; i < len(p); i += 8 {
		var w [8]byte
		binary.LittleEndian.PutUint64(w[:], s.rng.Uint64())
		copy(p[i:], w[:])
	}
	return len(p), nil
}

func (s *idSource) at(t time.Time) model.ID { return model.NewIDAt(t, s) }

type generator struct {
	// contacts and userModels hold what was created, for deciding who acts.
	contacts   map[model.ID]model.Contact
	userModels map[model.ID]model.User
	opt        Options
	rng        *rand.Rand
	ids        *idSource
	b          *db.Batch
	w          world
	clock      time.Time
	wt         workTime
	// lastWork is the last working minute at or before the anchor: the
	// latest anyone decides.
	lastWork time.Time
	// parked are the newest tickets, planned back from the anchor;
	// recentStart is when the others end.
	parked      []parked
	recentStart time.Time
	// staff holds each contract's approved staff changes so far (seed §2.4),
	// for who serves it on a date.
	staff map[model.ID][]model.StaffChange
}

// at sets the time of the next commands.
func (g *generator) at(t time.Time) {
	g.clock = t
	g.b.SetNow(func() time.Time { return g.clock })
}

func (g *generator) run(actor model.ID, cmd flows.Command) (db.Result, error) {
	return g.b.Execute(db.Acting{UserID: actor}, cmd)
}

// directory creates users, customers, calendars, contracts, sites, systems
// and contacts, a year before the anchor.
func (g *generator) directory() error {
	start := g.opt.Anchor.AddDate(-1, 0, 0)
	g.at(start)
	g.w.users = map[string]model.ID{}
	for i, u := range users {
		u.ID = g.ids.at(start)
		actor := g.w.admin
		if i == 0 {
			actor = u.ID // the first user of an empty DB creates themselves
		}
		res, err := g.run(actor, directory.SaveUser{User: u})
		if err != nil {
			return err
		}
		g.userModels[u.ID] = *res.State.(*model.User)
		if i == 0 {
			g.w.admin = u.ID // made admin as the first user
		}
		g.w.users[u.Login] = u.ID
	}
	g.w.admin = g.w.users["zhaoli"]
	g.w.profile = g.w.users["wangjg"]
	g.w.engineers = []model.ID{g.w.users["wangjg"], g.w.users["lina"]}
	// The first user was made an admin only to bootstrap; the demo's
	// profile user is a plain engineer, as in the field.
	first := users[0]
	first.ID = g.w.profile
	res, err := g.run(g.w.admin, directory.SaveUser{User: first})
	if err != nil {
		return err
	}
	g.userModels[first.ID] = *res.State.(*model.User)
	g.w.base = []model.ID{g.w.users["wangjg"], g.w.users["lina"], g.w.users["chenming"]}
	year := g.opt.Anchor.Year()
	for _, plan := range customers {
		cw := customerWorld{plan: plan, id: g.ids.at(start), contract: g.ids.at(start)}
		if _, err := g.run(g.w.admin, directory.SaveCustomer{Customer: model.Customer{ID: cw.id, Name: plan.name, ShortName: plan.short, Address: plan.address}}); err != nil {
			return err
		}
		cal := model.Default5x8(g.ids.at(start), plan.short+" 5×8 工作日历")
		if _, err := g.run(g.w.admin, directory.SaveCalendar{Calendar: cal}); err != nil {
			return err
		}
		contract := model.Contract{
			ID: cw.contract, CustomerID: cw.id, Number: plan.contract,
			StartDate: g.contractStart(), EndDate: fmt.Sprintf("%d-12-31", year),
			SupportHours: "5x8", CalendarID: cal.ID, SLA: model.DefaultSLA(), QuotaDays: model.DefaultQuotaDays,
			Engineers: g.w.base,
		}
		if _, err := g.run(g.w.admin, directory.SaveContract{Contract: contract}); err != nil {
			return err
		}
		for _, sp := range plan.sites {
			site := model.Site{ID: g.ids.at(start), CustomerID: cw.id, Name: sp.name, Address: sp.address}
			if _, err := g.run(g.w.admin, directory.SaveSite{Site: site}); err != nil {
				return err
			}
			cw.sites = append(cw.sites, site.ID)
			for _, sys := range sp.systems {
				v := model.System{ID: g.ids.at(start), CustomerID: cw.id, SiteID: site.ID, Name: sys.name, Version: sys.version}
				if _, err := g.run(g.w.admin, directory.SaveSystem{System: v}); err != nil {
					return err
				}
				cw.systems = append(cw.systems, systemWorld{id: v.ID, site: site.ID, name: sys.name})
			}
		}
		for _, cp := range plan.contacts {
			c := model.Contact{ID: g.ids.at(start), CustomerID: cw.id, Name: cp.name, Department: cp.department, Phone: cp.phone, Roles: cp.roles}
			if _, err := g.run(g.w.admin, directory.SaveContact{Contact: c}); err != nil {
				return err
			}
			g.contacts[c.ID] = c
			if cp.roles.Has(model.RoleRequester) {
				cw.requesters = append(cw.requesters, c.ID)
			}
			if cp.roles.Has(model.RoleDeptHead) {
				cw.heads = append(cw.heads, c.ID)
			}
			if cp.roles.Has(model.RoleLeadership) {
				cw.leaders = append(cw.leaders, c.ID)
			}
		}
		g.w.customers = append(g.w.customers, cw)
	}
	return nil
}
