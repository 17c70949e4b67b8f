-- Every lookup and every listed order of tickets is an index walk, so that
-- one command costs the same at 100,000 tickets as at 100 (DESIGN §8).
--
-- Numbers are typed in any case (dem-2026-0042 on the phone is
-- DEM-2026-0042): the unique index folds case, as the lookup does, so
-- two numbers that differ only in case are one number, shown marked like
-- any other duplicate (migration 0005). The rows are dropped so that the
-- index can be made; the rebuild that follows writes them again.
DELETE FROM tickets;
DROP INDEX IF EXISTS tickets_by_number;
CREATE UNIQUE INDEX tickets_by_number ON tickets (number COLLATE NOCASE);

-- Lists and the queue's fallback read the most recently updated first,
-- then by number: one index in that order (mixed directions), one per
-- status for the usual open/closed lists, one for the clockless tickets
-- the first screen reads after the running clocks. The list's own row is
-- encoded once, when the ticket is projected (db/ticketrow.go), and held
-- in the index, so that listing every ticket reads that index alone.
-- (The column and that index are made by the migration's step in
-- db/migrate.go, addListRows, which adds the column only where it is
-- missing.)
DROP INDEX IF EXISTS tickets_by_updated;
DROP INDEX IF EXISTS tickets_by_status;
CREATE INDEX tickets_by_status ON tickets (status, updated_at DESC, number);
DROP INDEX IF EXISTS tickets_without_clock;
CREATE INDEX tickets_without_clock ON tickets (updated_at DESC, number) WHERE sla_due IS NULL;

-- Only tickets with a clock are read by due time.
DROP INDEX IF EXISTS tickets_by_sla_due;
CREATE INDEX tickets_by_sla_due ON tickets (sla_due, number) WHERE sla_due IS NOT NULL;

-- A short id is the last 8 hex digits of the id (model.ID.Short): its
-- last four bytes.
DROP INDEX IF EXISTS tickets_by_short_id;
CREATE INDEX tickets_by_short_id ON tickets (substr(id, 13, 4));

DROP INDEX IF EXISTS contracts_by_number;
CREATE INDEX contracts_by_number ON contracts (number COLLATE NOCASE);
