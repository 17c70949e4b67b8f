-- The event log: the source of truth (DESIGN §4). Rows are never updated or
-- deleted. Projection tables live in their own migrations and can be
-- dropped and rebuilt from this log at any time.

-- Devices that wrote events, numbered locally so that each event row holds a
-- small integer instead of a 16-byte id.
CREATE TABLE origins (
  n  INTEGER PRIMARY KEY,
  id BLOB NOT NULL UNIQUE
);

CREATE TABLE events (
  n          INTEGER PRIMARY KEY,        -- arrival order in this DB
  id8        INTEGER NOT NULL,           -- first 8 bytes of SHA-256(body)
  origin     INTEGER NOT NULL REFERENCES origins (n),
  origin_seq INTEGER NOT NULL,           -- gap-free per origin
  entity_id  BLOB NOT NULL,
  body       BLOB NOT NULL,              -- canonical JSON, verbatim
  UNIQUE (origin, origin_seq)
);
CREATE INDEX events_by_entity ON events (entity_id);
-- An event's id is the SHA-256 of its body, recomputed on every read. No
-- index on it: duplicates are caught by (origin, origin_seq), parents are
-- resolved within an entity, and a hash-ordered index would make every bulk
-- insert a random B-tree write. id8 lets yunwei check detect a changed body.

-- This DB's own device: its id, short code for record numbers, the last
-- origin sequence it used and its hybrid logical clock.
CREATE TABLE local_device (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  id         BLOB NOT NULL,
  code       TEXT NOT NULL,
  last_seq   INTEGER NOT NULL,
  hlc        INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

-- Per-device counters for numbers that are final when made offline
-- (ticket/2026, record/2026 …), advanced in the creating transaction.
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

-- Who uses this laptop: local, never synced.
CREATE TABLE profile (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  user_id   BLOB NOT NULL
);
