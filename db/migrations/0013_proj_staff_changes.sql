-- Approved staff changes (seed §2.4), one row per staff change ticket the
-- customer approved, rewritten with its ticket: a contract's engineers on a
-- date are its recorded ones with these applied (ticket.EngineersOn).
CREATE TABLE IF NOT EXISTS staff_changes (
  ticket_id   BLOB PRIMARY KEY,
  contract_id BLOB NOT NULL,
  body        TEXT NOT NULL  -- the change as JSON (model.StaffChange)
);
CREATE INDEX IF NOT EXISTS staff_changes_by_contract ON staff_changes (contract_id);
