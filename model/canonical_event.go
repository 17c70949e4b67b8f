package model

import (
	"bytes"
	"fmt"
	"reflect"
)

// SealPayload is SealEvent for an envelope whose payload is still a value:
// the payload is encoded (CanonicalExact) straight into the event's bytes,
// and env.Payload is its part of them, rather than encoded alone and then
// copied in (every event of a bulk build was written twice). exact is
// CanonicalExact's: whether decoding the payload gives the value back.
func SealPayload(env Envelope, payload any) (e Event, exact bool, err error) {
	buf := canonBufs.Get().(*canonBuf)
	defer buf.release()
	var start, end int
	err = env.write(buf, func(b *canonBuf) error {
		start, b.lossy = len(b.b), false
		err := encodeCanonical(b, reflect.ValueOf(payload))
		end, exact = len(b.b), !b.lossy
		return err
	})
	if err != nil {
		return Event{}, false, fmt.Errorf("encode %s event: %w", env.Type, err)
	}
	if !env.fast() {
		env.Payload = bytes.Clone(buf.b[start:end])
		e, err := SealEvent(env)
		return e, exact, err
	}
	raw := bytes.Clone(buf.b)
	env.Payload = raw[start:end:end]
	return Event{ID: HashEvent(raw), Raw: raw, Envelope: env}, exact, nil
}
