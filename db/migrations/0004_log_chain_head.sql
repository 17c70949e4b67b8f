-- Each device's events form a hash chain: an event's envelope carries the
-- id of the same device's previous event (prev). The chain's last link is
-- this device's newest event, and nothing after it vouches for it; head
-- keeps its id, advanced in the same transaction as the events, so that
-- deleting or editing the newest event is caught by yunwei check too.
-- NULL until this device writes its first chained event (a log from an
-- older yunwei: check reports its events as unchained).
ALTER TABLE local_device ADD COLUMN head BLOB;
