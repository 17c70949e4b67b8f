package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// weighted picks by weight: the mix of work a maintenance team sees.
type weighted[T any] struct {
	v T
	w int
}

func pickWeighted[T any](r *rand.Rand, list []weighted[T]) T {
	total := 0
	for _, x := range list {
		total += x.w
	}
	n := r.IntN(total)
	for _, x := range list {
		if n < x.w {
			return x.v
		}
		n -= x.w
	}
	return list[len(list)-1].v
}

var kindMix = []weighted[model.Kind]{
	{model.KindConsultation, 30}, {model.KindBugFix, 20}, {model.KindIncident, 14}, {model.KindDataCorrection, 16},
	{model.KindEnhancement, 8}, {model.KindChange, 5}, {model.KindTraining, 7},
	{model.KindStaffChange, 1}, {model.KindOvertime, 2},
}

var channelMix = []weighted[model.Channel]{
	{model.ChannelPhone, 45}, {model.ChannelRemote, 18}, {model.ChannelEmail, 15}, {model.ChannelOnSite, 16}, {model.ChannelFax, 6},
}

// offHoursKinds are the requests that come in outside working hours too:
// faults, defects and questions, by phone or e-mail. The rest (corrections,
// enhancements, changes, training) are raised from the office.
var offHoursKinds = map[model.Kind]bool{model.KindIncident: true, model.KindBugFix: true, model.KindConsultation: true}

// reportedAt spreads ticket i over the year before the parked tickets,
// oldest first, in working hours, except now and then a fault or a
// question raised in the evening or at the weekend.
func (g *generator) reportedAt(i int, kind model.Kind) time.Time {
	n, span := g.opt.Tickets, g.span()
	end := g.recentStart
	base := end.Add(-span + time.Duration(float64(span)*float64(i)/float64(n)))
	day := base.In(shanghai)
	hour := 9 + g.rng.IntN(9)
	offHours := offHoursKinds[kind] && g.rng.IntN(8) == 0
	if offHours {
		hour = []int{7, 8, 19, 21, 22}[g.rng.IntN(5)]
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), hour, g.rng.IntN(60), 0, 0, shanghai)
	if !offHours && !g.wt.working(t) {
		t = g.wt.after(t, time.Duration(g.rng.IntN(40))*time.Minute) // the next working morning, or after lunch
	}
	if t.After(end) {
		t = end.Add(-time.Duration(1+g.rng.IntN(90)) * time.Minute)
	}
	return t
}

// shanghai is the demo calendars' zone, the default one.
var shanghai = model.DefaultZone()

// span is how far back before the anchor the tickets reach.
func (g *generator) span() time.Duration {
	if n := g.opt.Tickets; n < 2000 {
		return time.Duration(n) * 4 * time.Hour // a small demo is a busy recent season
	}
	return 360 * 24 * time.Hour
}

// contractStart is the first day of the demo contracts: the anchor's
// year, or the day of the oldest ticket when they reach further back (a
// request is never dated before its contract began).
func (g *generator) contractStart() string {
	start := fmt.Sprintf("%d-01-01", g.opt.Anchor.Year())
	// A day's margin: a ticket's day is rounded down (reportedAt).
	if first := g.recentStart.Add(-g.span() - 24*time.Hour).In(shanghai).Format(time.DateOnly); first < start {
		return first
	}
	return start
}

// ticket creates ticket i and carries it through part or all of its flow.
func (g *generator) ticket(i int) error {
	cw := &g.w.customers[g.rng.IntN(len(g.w.customers))]
	kind := pickWeighted(g.rng, kindMix)
	// The newest tickets are parked one at each step of each flow.
	target := ""
	var reported time.Time
	if park := i - (g.opt.Tickets - len(g.parked)); park >= 0 {
		p := g.parked[park]
		kind, target, reported = p.kind, p.target, p.reported
	} else {
		reported = g.reportedAt(i, kind)
	}
	channel := pickWeighted(g.rng, channelMix)
	if channel == model.ChannelOnSite && kind != model.KindIncident {
		// Only an incident has an arrival to record: a request made to an
		// engineer already on site is written down as a phone call.
		channel = model.ChannelPhone
	}
	sys := pick(g.rng, cw.systems)
	requester := pick(g.rng, cw.requesters)
	dept := g.contacts[requester].Department
	title, description := ticketTexts(g.rng, kind, cw.plan, dept, sys.name)
	severity := model.Severity(2 + g.rng.IntN(3))
	if kind == model.KindIncident {
		severity = model.Severity(1 + g.rng.IntN(2))
	}
	recorder := pick(g.rng, g.w.engineers)
	g.at(reported.Add(min(time.Duration(2+g.rng.IntN(15))*time.Minute, g.opt.Anchor.Sub(reported)/2)))
	id := g.ids.at(g.clock)
	c := ticket.Create{
		ID: id, Kind: kind, Channel: channel, Severity: severity, Title: title, Description: description,
		ContractID: cw.contract, RequesterID: requester,
		OnSite:     channel == model.ChannelOnSite || (kind == model.KindIncident && severity == model.SeverityCritical),
		ReportedAt: reported,
	}
	if kind == model.KindStaffChange {
		c.RequesterID = model.NilID // the vendor's own notice: nobody of the customer asked for it
	}
	if ticket.NeedsSite(kind) {
		c.SiteID, c.SystemID = sys.site, sys.id
	}
	if g.rng.IntN(10) < 7 {
		c.AssigneeID = pick(g.rng, g.w.engineers)
	}
	if _, err := g.b.ExecuteNew(actingAs(recorder), c); err != nil {
		return err
	}
	if c.AssigneeID.IsZero() && g.rng.IntN(3) > 0 && i < g.opt.Tickets*9/10 {
		g.later(10 * time.Minute)
		if _, err := g.run(recorder, ticket.Assign{ID: id, AssigneeID: pick(g.rng, g.w.engineers)}); err != nil {
			return err
		}
	}
	for n := pickWeighted(g.rng, commentMix); n > 0; n-- {
		g.later(30 * time.Minute)
		if _, err := g.run(recorder, ticket.Comment{ID: id, Text: pick(g.rng, comments)}); err != nil {
			return err
		}
	}
	if err := g.advance(id, cw, c.RequesterID, target); err != nil {
		return err
	}
	return g.b.Forget(id)
}

// later moves the clock forward by up to max, never past the anchor.
func (g *generator) later(max time.Duration) {
	next := g.clock.Add(time.Minute + time.Duration(g.rng.Int64N(int64(max))))
	if next.After(g.opt.Anchor) {
		next = g.clock.Add(time.Second)
	}
	g.at(next)
}

// commentMix: how many notes an engineer adds to a ticket along the way.
var commentMix = []weighted[int]{{0, 50}, {1, 35}, {2, 15}}
