package db

import (
	"context"
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"yunwei/flows"
	"yunwei/flows/directory"
	"yunwei/flows/ticket"
	"yunwei/model"
)

// TestRebuildEqualsIncrementalProjections appends random valid actions
// through the ordinary write path, then rebuilds the projections from the
// log and compares canonical dumps (DESIGN §4: projections rebuild with
// identical results).
func TestRebuildEqualsIncrementalProjections(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		f := newFixture(t)
		ctx := context.Background()
		var tickets []model.ID
		texts := []string{"磁盘空间不足", "Printer jam 🖨️", "发票\"引号\"", "含\\反斜杠", "多行\n说明", "e\u0301tat"}
		steps := rapid.IntRange(1, 30).Draw(rt, "steps")
		for i := 0; i < steps; i++ {
			var cmd flows.Command
			switch op := rapid.IntRange(0, 5).Draw(rt, "op"); {
			case op == 0 || len(tickets) == 0:
				c := f.newTicket(rapid.SampledFrom(texts).Draw(rt, "title"))
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
			default:
				cmd = directory.SaveContact{Contact: model.Contact{ID: f.requester, CustomerID: f.customer, Name: rapid.SampledFrom(texts).Draw(rt, "n"),
					Roles: model.Roles{model.RoleRequester}}}
			}
			actor := f.engineer
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
