package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"yunwei/model"
)

// Search looks for a term as a substring of folded text (foldTerm): the
// user's text is never query syntax. A trigram index keeps each trigram's
// positions, so it answers exactly, by the term's length:
//
//   - three characters or more: the tickets holding the term's trigrams one
//     after another (an FTS5 phrase);
//   - one or two characters: every text ends with textEnd, so each of its
//     characters begins a trigram, and the term occurs exactly where one
//     of the index's trigrams begins with it; those trigrams are read from
//     the index's vocabulary and looked up together.

// textIndex is one of the trigram indexes and its vocabulary.
type textIndex struct{ table, terms string }

var (
	// titleIndex holds each ticket's number and title.
	titleIndex = textIndex{"ticket_title_index", "ticket_title_terms"}
	// writtenIndex holds each ticket's description, comments and decision
	// texts.
	writtenIndex = textIndex{"ticket_text_index", "ticket_text_terms"}
)

// trigramsPerMatch is how many trigrams one FTS5 query ORs together when
// a short term is looked up by the trigrams it begins: FTS5 merges an OR
// by stepping every one of its trigrams for each ticket it yields, so
// thousands in one query would cost thousands of steps a ticket; SQLite
// unions the answers of several small ones instead.
const trigramsPerMatch = 16

// maxTrigramMatches bounds the queries a lookup is split into, under SQLite's
// 500 parts of a compound SELECT.
const maxTrigramMatches = 400

// matches are the FTS5 queries whose answers together are the tickets
// whose texts in the index hold a folded, non-empty term; none when no
// text there holds it.
func (x textIndex) matches(ctx context.Context, q queryer, term string) ([]string, error) {
	if utf8.RuneCountInString(term) >= 3 {
		return []string{quoteFTS(term)}, nil
	}
	// Every trigram that begins with the term: terms from term up to, not
	// including, term followed by the byte 0xff, which UTF-8 never holds.
	trigrams, err := queryList(ctx, q, "SELECT term FROM "+x.terms+" WHERE term >= ? AND term < ?", func(r *sql.Rows) (string, error) {
		var t string
		return t, r.Scan(&t)
	}, term, term+"\xff")
	if err != nil {
		return nil, err
	}
	for i, t := range trigrams {
		trigrams[i] = quoteFTS(t)
	}
	per := max(trigramsPerMatch, (len(trigrams)+maxTrigramMatches-1)/maxTrigramMatches)
	var out []string
	for len(trigrams) > 0 {
		n := min(per, len(trigrams))
		out = append(out, strings.Join(trigrams[:n], " OR "))
		trigrams = trigrams[n:]
	}
	return out, nil
}

// quoteFTS makes s one FTS5 string, whatever it holds.
func quoteFTS(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// textQuery is the SQL selecting the ids of the tickets whose texts in the
// indexes hold a folded, non-empty term, with its arguments; "" when no
// text holds it.
func textQuery(ctx context.Context, q queryer, term string, in ...textIndex) (string, []any, error) {
	var or []string
	var args []any
	for _, x := range in {
		ms, err := x.matches(ctx, q, term)
		if err != nil {
			return "", nil, fmt.Errorf("search: %w", err)
		}
		if len(ms) == 0 {
			continue
		}
		one := "SELECT rowid FROM " + x.table + " WHERE " + x.table + " MATCH ?"
		or = append(or, "rowid IN ("+strings.TrimSuffix(strings.Repeat(one+" UNION ALL ", len(ms)), " UNION ALL ")+")")
		for _, m := range ms {
			args = append(args, m)
		}
	}
	if len(or) == 0 {
		return "", nil, nil
	}
	return "SELECT ticket_id FROM ticket_text WHERE " + strings.Join(or, " OR "), args, nil
}

// searchCondition is the condition on the tickets table that selects the
// tickets a search for text finds: by their text, or by the name of their
// customer or assignee. Names are matched here, in the few rows of their
// tables, so that renaming a customer reindexes nothing. A text that
// folds to nothing selects every ticket.
func (s *Store) searchCondition(ctx context.Context, text string) (string, []any, error) {
	term := foldTerm(text)
	if term == "" {
		return "1", nil, nil
	}
	texts, args, err := textQuery(ctx, s.db, term, titleIndex, writtenIndex)
	if err != nil {
		return "", nil, err
	}
	var or []string
	if texts != "" {
		or = append(or, "id IN ("+texts+")")
	}
	customers, users, err := s.namesHolding(ctx, term)
	if err != nil {
		return "", nil, err
	}
	if len(customers) > 0 {
		or = append(or, "customer_id IN ("+placeholders(len(customers))+")")
		args = append(args, customers...)
	}
	if len(users) > 0 {
		or = append(or, "assignee_id IN ("+placeholders(len(users))+")")
		args = append(args, users...)
	}
	if len(or) == 0 {
		return "0", nil, nil
	}
	return "(" + strings.Join(or, " OR ") + ")", args, nil
}

// namesHolding lists the customers whose name or short name, and the
// users whose name or login, hold the folded term.
func (s *Store) namesHolding(ctx context.Context, term string) (customers, users []any, err error) {
	type named struct {
		id   model.ID
		a, b string
	}
	scan := func(r *sql.Rows) (named, error) {
		var n named
		return n, r.Scan(&n.id, &n.a, &n.b)
	}
	holding := func(query string) ([]any, error) {
		rows, err := queryList(ctx, s.db, query, scan)
		if err != nil {
			return nil, err
		}
		var out []any
		for _, n := range rows {
			if strings.Contains(foldText(n.a), term) || strings.Contains(foldText(n.b), term) {
				out = append(out, n.id)
			}
		}
		return out, nil
	}
	if customers, err = holding("SELECT id, name, short_name FROM customers"); err != nil {
		return nil, nil, err
	}
	users, err = holding("SELECT id, name, login FROM users")
	return customers, users, err
}

// placeholders is n comma-separated question marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// TicketsMentioning finds the tickets whose descriptions, comments or
// decision texts (plan, cause, fix, upgrade notes…) contain text, folded.
// Numbers, titles and names are not searched here: the queue holds them.
func (s *Store) TicketsMentioning(ctx context.Context, text string) ([]model.ID, error) {
	term := foldTerm(text)
	if term == "" {
		return nil, nil
	}
	q, args, err := textQuery(ctx, s.db, term, writtenIndex)
	if err != nil || q == "" {
		return nil, err
	}
	ids, err := queryList(ctx, s.db, q, func(r *sql.Rows) (model.ID, error) {
		var id model.ID
		return id, r.Scan(&id)
	}, args...)
	if err != nil {
		return nil, fmt.Errorf("search texts: %w", err)
	}
	return ids, nil
}

// SearchTickets lists the ids of the tickets f selects whose number,
// title, customer, assignee, description, comments or decision texts
// contain text (case folded), in the order of EachTicket.
func (s *Store) SearchTickets(ctx context.Context, text string, f TicketFilter) ([]model.ID, error) {
	f.Search = text
	where, args, err := s.ticketWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	return queryList(ctx, s.db, "SELECT id FROM tickets"+where+ticketOrder(f), func(r *sql.Rows) (model.ID, error) {
		var id model.ID
		return id, r.Scan(&id)
	}, args...)
}
