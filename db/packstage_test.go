package db

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// Written behind, a batch hands its events' bodies over raw and never
// packs one itself (deciding does not wait for packings); what is stored
// is still exactly storeBody of each event's bytes, in the events' order,
// and the database passes check.
func TestWriteBehindStoresBodiesPackedOnTheWay(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	want := map[int64][]byte{}
	err := f.s.Batch(ctx, func(b *Batch) error {
		b.WriteBehind()
		for i := range 3 * eventsPerInsert { // several INSERTs of events
			res, err := b.ExecuteNew(Acting{UserID: f.engineer}, f.newTicket(fmt.Sprintf("第%d号打印机卡纸", i+1)))
			if err != nil {
				return err
			}
			for _, e := range res.Events {
				want[e.Seq] = storeBody(e.Raw)
			}
		}
		if b.packs.jobs != nil {
			t.Error("the batch packed bodies on its own goroutine")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.s.DB().Query("SELECT origin_seq, body FROM events WHERE origin_seq >= ? ORDER BY origin_seq", minKey(want))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var seq int64
		var body []byte
		if err := rows.Scan(&seq, &body); err != nil {
			t.Fatal(err)
		}
		if w, ok := want[seq]; !ok || !bytes.Equal(body, w) {
			t.Fatalf("event %d stored as %d bytes, not its packing (%d bytes)", seq, len(body), len(w))
		}
		n++
	}
	if n != len(want) {
		t.Errorf("%d events stored of %d", n, len(want))
	}
	report, err := f.s.Check(ctx)
	if err != nil || len(report.Problems) > 0 {
		t.Fatalf("check: %v %s", err, describe(report.Problems))
	}
}

func minKey(m map[int64][]byte) int64 {
	k := int64(-1)
	for s := range m {
		if k < 0 || s < k {
			k = s
		}
	}
	return k
}

// The packing stage replaces only the marked bodies, and hands every
// chunk on in the order it came, a settle's empty chunk included.
func TestPackStageKeepsOrderAndPacksOnlyBodies(t *testing.T) {
	in, out := make(chan []aWrite, 3), make(chan []aWrite, 3)
	raw := []byte(`{"v":1}`)
	in <- []aWrite{{query: "a", args: []any{int64(1), rawBody(raw)}, bodies: true}}
	in <- nil
	in <- []aWrite{{query: "b", args: []any{[]byte("kept")}}}
	close(in)
	go packStage(in, out)
	first := <-out
	if got, ok := first[0].args[1].([]byte); !ok || !bytes.Equal(got, storeBody(raw)) || first[0].args[0] != int64(1) {
		t.Errorf("packed args %v", first[0].args)
	}
	if settle := <-out; settle != nil {
		t.Errorf("the settle came out as %v", settle)
	}
	if last := <-out; last[0].query != "b" || !bytes.Equal(last[0].args[0].([]byte), []byte("kept")) {
		t.Errorf("then %v", last)
	}
	if _, open := <-out; open {
		t.Error("the stage did not close its output")
	}
}
