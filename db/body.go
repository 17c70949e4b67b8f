package db

import (
	"sync"

	"yunwei/db/eventbody"
)

// The events table keeps each event's canonical body (the bytes its id
// hashes) through these two functions only: every read of events.body
// opens it with openBody, every write stores storeBody's bytes. Bodies are
// stored packed against a fixed dictionary (db/eventbody); those written
// before are raw canonical JSON and stay readable as they are, until
// CompactBodies packs them.

// storeBody is the bytes kept in events.body for a canonical body.
func storeBody(canonical []byte) []byte { return eventbody.Encode(canonical) }

// openBody gives back the canonical body from what events.body holds. An
// error means the stored bytes were changed outside yunwei.
func openBody(stored []byte) ([]byte, error) { return eventbody.Decode(stored) }

// bodyPacks packs the bodies of a batch's waiting events on a goroutine
// of its own while the batch goes on deciding, so that a batch does not
// wait the few microseconds each packing costs. A batch written behind
// packs them on the way to its writer instead (packstage.go), where no
// decision waits for them at all.
type bodyPacks struct {
	jobs  chan packJob
	wg    sync.WaitGroup
	slots [eventsPerInsert]packedBody
}

// packJob is the body of the i-th waiting event, to pack.
type packJob struct {
	i   int
	raw []byte
}

// packedBody is one event's body and what to store for it.
type packedBody struct{ raw, stored []byte }

// start packs the body of the i-th waiting event.
func (p *bodyPacks) start(i int, raw []byte) {
	if i >= len(p.slots) {
		return
	}
	if p.jobs == nil {
		p.jobs = make(chan packJob, len(p.slots))
		go p.work(p.jobs)
	}
	p.wg.Add(1)
	p.jobs <- packJob{i, raw}
}

func (p *bodyPacks) work(jobs <-chan packJob) {
	for j := range jobs {
		p.slots[j.i] = packedBody{j.raw, storeBody(j.raw)}
		p.wg.Done()
	}
}

// wait lets every packing started finish: before their results are read,
// and before a slot goes to another event.
func (p *bodyPacks) wait() { p.wg.Wait() }

// stop ends the packing goroutine, when the batch ends.
func (p *bodyPacks) stop() {
	if p.jobs != nil {
		p.wait()
		close(p.jobs)
		p.jobs = nil
	}
}

// stored is what to store for the i-th waiting event's body: its packing
// if one was made for these very bytes, else packed now.
func (p *bodyPacks) stored(i int, raw []byte) []byte {
	if i < len(p.slots) {
		if s := p.slots[i]; len(raw) > 0 && len(s.raw) == len(raw) && &s.raw[0] == &raw[0] {
			return s.stored
		}
	}
	return storeBody(raw)
}
