package db

import "yunwei/db/eventbody"

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
