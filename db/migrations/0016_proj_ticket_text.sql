-- What search looks in (db/ticket_text.go): per ticket its number, title
-- and the texts people wrote, folded (lower case, NFC), each column ended
-- with two newlines. Rewritten with its ticket in the same transaction as
-- the ticket's events. The implicit rowid is what the index refers to;
-- the table has an index (its primary key), so VACUUM keeps its rowids.
CREATE TABLE IF NOT EXISTS ticket_text (
  ticket_id BLOB PRIMARY KEY,
  number    TEXT NOT NULL,
  title     TEXT NOT NULL,
  body      TEXT NOT NULL
);

-- The trigram index over ticket_text, an external-content FTS5 table
-- (db/search.go says how a term is looked up in it). The text is folded
-- already, hence case_sensitive 1. detail=none keeps no positions (a term
-- longer than one trigram is checked against the row's text) and
-- columnsize=0 no lengths (nothing is ranked): the index is under a third
-- of the size of the text.
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text_index USING fts5(number, title, body, content = 'ticket_text',
  tokenize = 'trigram case_sensitive 1', detail = none, columnsize = 0);

-- The index's vocabulary: its trigrams, which a term of one or two
-- characters is looked up by (db/search.go).
CREATE VIRTUAL TABLE IF NOT EXISTS ticket_text_terms USING fts5vocab(ticket_text_index, 'row');
