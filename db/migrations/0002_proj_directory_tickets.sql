-- Projections: read models for screens and the command line, written in
-- the same transaction as the events they come from. Disposable.

CREATE TABLE customers (
  id         BLOB PRIMARY KEY,
  name       TEXT NOT NULL,
  short_name TEXT NOT NULL,
  address    TEXT NOT NULL
);

CREATE TABLE calendars (
  id   BLOB PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL  -- the calendar as JSON
);

CREATE TABLE contracts (
  id            BLOB PRIMARY KEY,
  customer_id   BLOB NOT NULL,
  number        TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  support_hours TEXT NOT NULL,
  calendar_id   BLOB,
  sla           TEXT NOT NULL,  -- SLA targets as JSON
  quota_days    INTEGER NOT NULL,
  engineers     TEXT NOT NULL   -- JSON array of user ids
);
CREATE INDEX contracts_by_customer ON contracts (customer_id);

CREATE TABLE sites (
  id          BLOB PRIMARY KEY,
  customer_id BLOB NOT NULL,
  name        TEXT NOT NULL,
  address     TEXT NOT NULL
);

CREATE TABLE systems (
  id          BLOB PRIMARY KEY,
  customer_id BLOB NOT NULL,
  site_id     BLOB,
  name        TEXT NOT NULL,
  version     TEXT NOT NULL
);

CREATE TABLE contacts (
  id          BLOB PRIMARY KEY,
  customer_id BLOB NOT NULL,
  name        TEXT NOT NULL,
  department  TEXT NOT NULL,
  phone       TEXT NOT NULL,
  email       TEXT NOT NULL,
  roles       TEXT NOT NULL  -- comma-separated role codes
);

CREATE TABLE users (
  id    BLOB PRIMARY KEY,
  login TEXT NOT NULL,
  name  TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  roles TEXT NOT NULL
);
CREATE INDEX users_by_login ON users (login);

-- The queue's rows. Descriptions and comments stay in the events (the
-- detail folds them); created_at is the time inside the UUIDv7 id. Times
-- here are Unix milliseconds, not RFC 3339 text like everywhere else: four
-- times of 24 bytes, two of them indexed, were 90 bytes of a ticket's
-- 1,300-byte budget (DESIGN §8). The events keep the text.
CREATE TABLE tickets (
  id           BLOB PRIMARY KEY,
  number       TEXT NOT NULL,
  kind         TEXT NOT NULL,
  channel      TEXT NOT NULL,
  severity     INTEGER NOT NULL,
  title        TEXT NOT NULL,
  customer_id  BLOB,
  contract_id  BLOB,
  site_id      BLOB,
  system_id    BLOB,
  requester_id BLOB,
  assignee_id  BLOB,
  on_site      INTEGER NOT NULL,
  status       TEXT NOT NULL,
  step         TEXT NOT NULL,
  reported_at  INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  closed_at    INTEGER,
  comments     INTEGER NOT NULL,
  -- Who must act next (comma-separated roles): approvals and "waiting for me".
  waiting      TEXT NOT NULL,
  -- The SLA clock due next (seed §2.6), as it stood at the last event: for
  -- sorting and the breaching filter; screens recompute the live countdown.
  sla_clock    TEXT,
  sla_due      INTEGER,
  sla_state    TEXT,     -- running or paused (waiting on the customer)
  -- Events kept in the log but not applied (⚠ on screens).
  rejected     INTEGER NOT NULL
);
CREATE INDEX tickets_by_number ON tickets (number);
-- Lists show the most recently updated first.
CREATE INDEX tickets_by_updated ON tickets (updated_at);

-- Effort booked against a contract's yearly enhancement quota (seed §1.3),
-- one row per booking, rewritten with its ticket.
CREATE TABLE quota_bookings (
  event_id     BLOB PRIMARY KEY,
  ticket_id    BLOB NOT NULL,
  contract_id  BLOB NOT NULL,
  service_year TEXT NOT NULL,
  minutes      INTEGER NOT NULL,
  body         TEXT NOT NULL  -- the booking as JSON
);
CREATE INDEX quota_bookings_by_contract ON quota_bookings (contract_id, service_year);
CREATE INDEX quota_bookings_by_ticket ON quota_bookings (ticket_id);
