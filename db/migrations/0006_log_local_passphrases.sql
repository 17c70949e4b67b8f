-- Each vendor user's passphrase on this laptop (DESIGN §5: acting as another
-- vendor user needs that user's passphrase). Local like local_device and
-- profile: never in an event, never synced, kept by a rebuild. Only a slow
-- hash is stored, with the salt and the cost it was made with, so that the
-- cost can be raised later and old hashes still verify.
CREATE TABLE local_passphrases (
  user_id    BLOB PRIMARY KEY,
  algorithm  TEXT NOT NULL,      -- 'argon2id'
  time_cost  INTEGER NOT NULL,   -- passes over the memory
  memory_kib INTEGER NOT NULL,
  threads    INTEGER NOT NULL,
  salt       BLOB NOT NULL,      -- 16 random bytes, one per hash
  hash       BLOB NOT NULL,      -- 32 bytes
  set_at     TEXT NOT NULL
) WITHOUT ROWID;
