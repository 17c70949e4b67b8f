-- What search looks in (db/ticket_text.go, db/search.go): per ticket its
-- number and title, and the texts people wrote, folded (lower case, NFC),
-- in two trigram indexes kept with the ticket's events in their
-- transaction.

-- One row per ticket indexed: its rowid is the ticket's in both indexes;
-- the digest of the text indexed tells whether the text changed (and
-- yunwei check, comparing this table with a rebuild, whether the indexes
-- were given the text the log holds). The table has an index (its primary
-- key), so VACUUM keeps the implicit rowids the indexes refer to.
CREATE TABLE IF NOT EXISTS ticket_text (
  ticket_id BLOB PRIMARY KEY,
  digest    BLOB NOT NULL  -- 8 bytes of the SHA-256 of the number and title, 8 of the written texts
);

-- The trigram indexes, contentless: they keep no copy of the text, only
-- each trigram's tickets and positions (detail=full), so a term is found
-- exactly through its trigrams with no text to read. The text is folded
-- already, hence case_sensitive 1. One column each: the number and title
-- in one index, the written texts in the other (the queue searches only
-- those); a second column would cost a third more than a second table.
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_title_index USING fts5(text, content = '', contentless_delete = 1,
  tokenize = 'trigram case_sensitive 1');
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text_index USING fts5(text, content = '', contentless_delete = 1,
  tokenize = 'trigram case_sensitive 1');

-- The indexes' vocabularies: their trigrams, which a term of one or two
-- characters is looked up by.
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_title_terms USING fts5vocab(ticket_title_index, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text_terms USING fts5vocab(ticket_text_index, 'row');
