-- A search that matches a customer's or a user's name selects their
-- tickets (db/search.go): these indexes find them without reading every
-- ticket.
CREATE INDEX IF NOT EXISTS tickets_by_customer ON tickets (customer_id);
CREATE INDEX IF NOT EXISTS tickets_by_assignee ON tickets (assignee_id);
