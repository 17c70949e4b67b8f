-- Each device's events form a hash chain (DESIGN §4), kept beside the
-- events so that it costs no byte in them:
--
--   events.id8 is from now on the event's link: the first 8 bytes of
--   SHA-256(id of the same device's previous event ‖ id of this event),
--   32 zero bytes standing for the previous id of a device's first event
--   (an id is the SHA-256 of the event's bytes). Editing, replacing or
--   deleting an event breaks the link of the event after it, and its own.
--
--   local_device.head is the id of this device's newest event, and chain
--   the SHA-256 chain over all its events in sequence order,
--   chain(k) = SHA-256(chain(k-1) ‖ id(k)) from 32 zero bytes: both are
--   advanced in the transaction that writes the events, so that deleting
--   or editing the newest event, or any event with its links recomputed,
--   is caught too. A device's signature over its chain will anchor it
--   outside the laptop once it syncs.
--
-- The links of the events already stored are computed when this migration
-- runs (db/chain.go); chained_upto keeps how many of this device's events
-- were written before, which check mentions: an edit made before the
-- upgrade that recomputed the old hash prefix cannot be told.
ALTER TABLE local_device ADD COLUMN head BLOB;
ALTER TABLE local_device ADD COLUMN chain BLOB;
ALTER TABLE local_device ADD COLUMN chained_upto INTEGER NOT NULL DEFAULT 0;
