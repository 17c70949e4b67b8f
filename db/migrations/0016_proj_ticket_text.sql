-- What search looks in (db/ticket_text.go, db/search.go): per ticket its
-- number, title and the texts people wrote, folded (lower case, NFC), in a
-- trigram index kept with the ticket's events in their transaction.

-- One row per ticket indexed: the index's rowid for it, and the digest of
-- the text indexed, which tells whether the text changed (and yunwei
-- check, comparing this table with a rebuild, whether the index was given
-- the text the log holds). The table has an index (its primary key), so
-- VACUUM keeps the implicit rowids the index refers to.
CREATE TABLE IF NOT EXISTS ticket_text (
  ticket_id BLOB PRIMARY KEY,
  digest    BLOB NOT NULL  -- the first 8 bytes of the SHA-256 of the text
);

-- The trigram index, contentless: it keeps no copy of the text, only each
-- trigram's tickets and positions (detail=full), so a term is found
-- exactly through its trigrams, in every column or in one, with no text to
-- read. The text is folded already, hence case_sensitive 1.
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text_index USING fts5(number, title, body, content = '', contentless_delete = 1,
  tokenize = 'trigram case_sensitive 1');

-- The index's vocabulary: its trigrams, which a term of one or two
-- characters is looked up by.
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text_terms USING fts5vocab(ticket_text_index, 'row');
