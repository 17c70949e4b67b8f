package flows

import (
	"bytes"
	"container/heap"
	"fmt"

	"yunwei/model"
)

// Order sorts one entity's events topologically by their parents, breaking
// ties between events that are ready together by (HLC, id) (DESIGN §4). The
// result is a pure function of the set of events, whatever order they were
// stored or received in. A parent missing from the set (not yet received) is
// treated as already applied.
func Order(events []model.Event) []model.Event {
	if len(events) < 2 {
		return events
	}
	index := make(map[model.EventID]int, len(events))
	for i, e := range events {
		index[e.ID] = i
	}
	waiting := make([]int, len(events))
	children := make([][]int, len(events))
	for i, e := range events {
		for _, p := range e.Parents {
			if j, ok := index[p]; ok && j != i {
				waiting[i]++
				children[j] = append(children[j], i)
			}
		}
	}
	ready := &eventHeap{events: events}
	for i := range events {
		if waiting[i] == 0 {
			ready.items = append(ready.items, i)
		}
	}
	heap.Init(ready)
	out := make([]model.Event, 0, len(events))
	for ready.Len() > 0 {
		i := heap.Pop(ready).(int)
		out = append(out, events[i])
		for _, c := range children[i] {
			if waiting[c]--; waiting[c] == 0 {
				heap.Push(ready, c)
			}
		}
	}
	if len(out) != len(events) {
		// A cycle cannot be made by hashing parents into ids; if a forged
		// set has one, fall back to clock order for the rest so nothing is
		// hidden.
		seen := make(map[model.EventID]bool, len(out))
		for _, e := range out {
			seen[e.ID] = true
		}
		rest := &eventHeap{events: events}
		for i, e := range events {
			if !seen[e.ID] {
				rest.items = append(rest.items, i)
			}
		}
		heap.Init(rest)
		for rest.Len() > 0 {
			out = append(out, events[heap.Pop(rest).(int)])
		}
	}
	return out
}

// Heads returns the events of the set that no other event of the set names
// as a parent: what a new event's parents must be.
func Heads(events []model.Event) []model.EventID {
	named := make(map[model.EventID]bool)
	for _, e := range events {
		for _, p := range e.Parents {
			named[p] = true
		}
	}
	var heads []model.EventID
	for _, e := range events {
		if !named[e.ID] {
			heads = append(heads, e.ID)
		}
	}
	sortEventIDs(heads)
	return heads
}

func sortEventIDs(ids []model.EventID) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && bytes.Compare(ids[j][:], ids[j-1][:]) < 0; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

type eventHeap struct {
	events []model.Event
	items  []int
}

func (h *eventHeap) Len() int { return len(h.items) }
func (h *eventHeap) Less(a, b int) bool {
	ea, eb := &h.events[h.items[a]], &h.events[h.items[b]]
	if ea.HLC != eb.HLC {
		return ea.HLC < eb.HLC
	}
	return bytes.Compare(ea.ID[:], eb.ID[:]) < 0
}
func (h *eventHeap) Swap(a, b int) { h.items[a], h.items[b] = h.items[b], h.items[a] }
func (h *eventHeap) Push(x any)    { h.items = append(h.items, x.(int)) }
func (h *eventHeap) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}

// Fold orders an entity's events and folds them into its state with
// evolve.
func Fold(events []model.Event, evolve Evolver) (State, error) {
	var s State
	for _, e := range Order(events) {
		var err error
		if s, err = evolve(s, e); err != nil {
			return nil, fmt.Errorf("fold %s %s: %w", e.Entity, e.EntityID.Short(), err)
		}
	}
	return s, nil
}
