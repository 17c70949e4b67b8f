-- The queue's first screenful is read in SLA order (the clock due next
-- first) before the whole list has loaded: this index serves that LIMIT
-- query without reading every ticket.
CREATE INDEX tickets_by_sla_due ON tickets (sla_due, number);
