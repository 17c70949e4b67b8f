-- A ticket's stored SLA clock follows what its kind is timed by (seed
-- §2.6: the response to the customer's requests; none for the vendor's
-- own notices, seed §2.4; planned work from its scheduled time), and a wait
-- that the ticket's last event began pauses it. Clocks stored by the older
-- rule are dropped; the rebuild that follows every projection migration
-- computes them again.
UPDATE tickets SET sla_clock = NULL, sla_due = NULL, sla_state = NULL;
