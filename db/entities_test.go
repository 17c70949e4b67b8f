package db

import (
	"context"
	"testing"

	"yunwei/flows"
	"yunwei/model"
)

// A throwaway kind of entity, numbered like a record sheet: what a new
// capability adds is its commands, its evolver and its projector, and one
// line in entities; the write path, numbering and rebuilds need nothing else.
const entityNote = "note"

type noteState struct {
	Number string `json:"number"`
	Text   string `json:"text"`
}

type writeNote struct {
	ID     model.ID
	Number string
	Text   string
}

func (c writeNote) Target() (string, model.ID) { return entityNote, c.ID }

func (c writeNote) Decide(env flows.Env, s flows.State) ([]model.Change, error) {
	if flows.As[noteState](s) != nil {
		return nil, model.Errorf(model.ECONFLICT, "the note exists already")
	}
	return []model.Change{{Type: "note.written", Payload: noteState{Number: c.Number, Text: c.Text}}}, nil
}

func (c writeNote) Counter() string { return "note" }

func (c writeNote) WithNumber(n string) flows.Command { c.Number = n; return c }

func evolveNote(s flows.State, e model.Event) (flows.State, error) {
	var n noteState
	if err := e.Decode(&n); err != nil {
		return s, err
	}
	return &n, nil
}

func TestNewEntityKindIsOneLine(t *testing.T) {
	f := newFixture(t)
	projected := map[model.ID]noteState{}
	entities[entityNote] = register(90, evolveNote, func(b *Batch, id model.ID, n *noteState) error {
		projected[id] = *n
		return nil
	})
	t.Cleanup(func() { delete(entities, entityNote) })

	id := model.NewID()
	res := f.must(t, f.engineer, writeNote{ID: id, Text: "巡检备忘 📝"})
	n := flows.As[noteState](res.State)
	if n == nil || n.Text != "巡检备忘 📝" || n.Number != f.s.device.Code+"-2026-0001" {
		t.Fatalf("state after the command: %+v", res.State)
	}
	if projected[id] != *n {
		t.Fatalf("projected %+v, want %+v", projected[id], *n)
	}
	if _, err := f.s.Execute(context.Background(), Acting{UserID: f.engineer}, writeNote{ID: id, Text: "again"}); model.ErrorCode(err) != model.ECONFLICT {
		t.Fatalf("second write: %v, want the decider's conflict", err)
	}
	clear(projected)
	if err := f.s.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	if projected[id] != *n {
		t.Fatalf("rebuild projected %+v, want %+v", projected[id], *n)
	}
}
