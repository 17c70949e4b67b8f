-- A ticket's number is written on paper and quoted on the phone: two
-- tickets must never share one (DESIGN §4). The index is unique; the
-- store never draws a number in use, and if the log itself holds two
-- tickets with one number (an older yunwei's counter, or tampering), the
-- projection keeps both: the ticket whose id sorts first keeps the number,
-- the others show it marked with their id, and yunwei check reports them.
-- The rows are dropped so that the index can be made; the rebuild that
-- follows every projection migration writes them again.
DELETE FROM tickets;
DROP INDEX tickets_by_number;
CREATE UNIQUE INDEX tickets_by_number ON tickets (number);
