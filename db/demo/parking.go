package demo

import (
	"sort"
	"time"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// The newest tickets are parked one at each step of each flow, so that a
// demo shows every step. They are what a customer looks at first, so their
// times are planned back from the demo's "now" (the anchor): each waits at
// its step within its SLA clocks, a few near their due time and one past
// it, as in a team that mostly keeps up.

// parked is one parked ticket: its kind, the step it waits at, and when
// it was reported.
type parked struct {
	kind     model.Kind
	target   string
	reported time.Time
}

// freshness is where a parked request still waiting for its first answer
// stands at the anchor.
type freshness int

const (
	inTime  freshness = iota // well within the response time
	atRisk                   // under 30 minutes left
	overdue                  // the response time has passed
)

// freshnessOf: most requests waiting for an answer arrived minutes ago; a
// bug report and a question are close to their due time, and one
// enhancement request was missed.
func freshnessOf(kind model.Kind) freshness {
	switch kind {
	case model.KindBugFix, model.KindConsultation:
		return atRisk
	case model.KindEnhancement:
		return overdue
	}
	return inTime
}

// planParking plans every parked ticket, oldest report first.
func (g *generator) planParking() []parked {
	var out []parked
	for _, kt := range parkingTargets() {
		kind, target := model.Kind(kt[0]), kt[1]
		f := ticket.FlowFor(kind)
		steps := len(pathTo(f, target))
		var at time.Time
		switch {
		case steps == 0 && !f.Steps[0].CustomerStep():
			at = g.freshReport(freshnessOf(kind))
		case kind == model.KindIncident && target == "on_site":
			// Answered and on the way, with minutes left of the 4 hours
			// to arrive (seed §2.6).
			at = g.opt.Anchor.Add(-time.Duration(4*60-8-g.rng.IntN(16)) * time.Minute)
		default:
			work := time.Duration(max(steps, 1)*(60+g.rng.IntN(140))+g.rng.IntN(90)) * time.Minute
			at = g.wt.before(g.lastWork, work)
		}
		out = append(out, parked{kind: kind, target: target, reported: at.Truncate(time.Minute)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].reported.Before(out[j].reported) })
	return out
}

// freshReport is when a request still waiting for its first answer was
// raised, so that at the anchor it stands as f says: within 2 hours of a
// request raised in working hours, within 1 hour outside them (seed §2.6).
func (g *generator) freshReport(f freshness) time.Time {
	ago := func(lo, hi int) time.Time {
		return g.opt.Anchor.Add(-time.Duration(lo+g.rng.IntN(hi-lo)) * time.Minute)
	}
	var inHours, outHours [2]int
	switch f {
	case atRisk:
		inHours, outHours = [2]int{95, 112}, [2]int{36, 52}
	case overdue:
		inHours, outHours = [2]int{150, 200}, [2]int{80, 130}
	default:
		inHours, outHours = [2]int{5, 60}, [2]int{3, 20}
	}
	// The response time depends on when the request came: a time that
	// does not fall where the window assumed is not used.
	if at := ago(inHours[0], inHours[1]); g.wt.working(at) || f == overdue {
		return at
	}
	if at := ago(outHours[0], outHours[1]); !g.wt.working(at) {
		return at
	}
	return g.freshReport(inTime) // near the start of the day nothing can be close to due
}

// pathTo is the shortest path of decisions from the flow's start to step
// target, every condition taken as true (the demo says yes to them).
func pathTo(f *ticket.Flow, target string) []string {
	prev := map[string]string{}
	seen := map[string]bool{f.Start(): true}
	queue := []string{f.Start()}
	for len(queue) > 0 && !seen[target] {
		st := f.Step(queue[0])
		queue = queue[1:]
		for _, d := range st.Decisions {
			if d.Convert != "" || seen[d.To] {
				continue
			}
			seen[d.To] = true
			prev[d.To] = st.Name
			queue = append(queue, d.To)
		}
	}
	var path []string
	for at := target; at != f.Start() && seen[at]; at = prev[at] {
		path = append([]string{prev[at]}, path...)
	}
	return path
}
