-- The tickets projection keeps each fact once. A ticket's list row
-- (db/ticketrow.go) holds what lists and the queue show, in the table
-- only; its other columns are those that a query selects or orders by, an
-- index holds, or the store updates apart from the row: the columns that
-- repeated the list row cost a third of the table, and the copy of the
-- list row in the index that lists by update time as much again. The list
-- row itself is smaller (format 2: codes as one byte, times as distances
-- from the update).
--
-- Lists read that index for the order and the list row by rowid: listing
-- 100,000 tickets as a whole process costs about 0.08 s more CPU than
-- reading a copy in the index (0.32 s against 0.24 s as text), and a
-- ticket 130 bytes less (25 an event). The same index serves the clockless tickets of
-- the queue's first screen (nearly every ticket) and, holding the status,
-- the closed tickets; the open ones, a few of them, have their own.
-- The rebuild that follows every projection migration writes the rows.
DROP TABLE IF EXISTS tickets;
CREATE TABLE tickets (
  id          BLOB PRIMARY KEY,
  number      TEXT NOT NULL,
  kind        TEXT NOT NULL,
  customer_id BLOB,     -- the contract's customer (NULL until the contract is projected)
  contract_id BLOB,
  assignee_id BLOB,
  status      TEXT NOT NULL,
  updated_at  INTEGER NOT NULL,  -- Unix milliseconds
  -- The SLA clock due next (seed §2.6), as it stood at the last event:
  -- for sorting and the breaching filter; screens recompute the live
  -- countdown. NULL for most tickets (closed ones), so costing nothing.
  sla_clock   TEXT,
  sla_due     INTEGER,
  sla_state   TEXT,     -- running or paused (waiting on the customer)
  -- Who must act next (comma-separated roles): approvals and "waiting for me".
  waiting     TEXT NOT NULL,
  -- Events kept in the log but not applied (⚠ on screens).
  rejected    INTEGER NOT NULL,
  list_row    BLOB NOT NULL
);
CREATE UNIQUE INDEX tickets_by_number ON tickets (number COLLATE NOCASE);
CREATE INDEX tickets_by_updated ON tickets (updated_at DESC, number, customer_id, status);
CREATE INDEX tickets_open ON tickets (status, updated_at DESC, number) WHERE status = 'open';
CREATE INDEX tickets_by_sla_due ON tickets (sla_due, number) WHERE sla_due IS NOT NULL;
CREATE INDEX tickets_by_short_id ON tickets (substr(id, 13, 4));
CREATE INDEX tickets_by_customer ON tickets (customer_id);
CREATE INDEX tickets_by_assignee ON tickets (assignee_id);
