package db

import (
	"bytes"
	"crypto/sha256"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"yunwei/flows/ticket"
	"yunwei/model"
)

// Search looks in, per ticket, its number and title and the texts people
// wrote (the description, every comment, every decision's comment and text
// inputs: plan, cause, fix, upgrade notes…), folded (foldText) so that
// matching is a plain substring test, in two FTS5 trigram indexes
// (migration 0016) that keep no copy of the text: ticket_title_index and
// ticket_text_index. The ticket_text rows say which ticket each entry is
// and what text it was made from.
// Customer and assignee names are not copied in: they live in their own
// small tables, and renaming a customer must not rewrite its tickets.

// textEnd ends every indexed text: two characters no search term holds
// (foldTerm drops control characters), so that every character of the
// text begins a trigram of the index and a term of one or two characters
// can be looked up by the trigrams it begins.
const textEnd = "\n\n"

// textSeparator separates the parts of a text (the number from the title,
// one comment from the next), so that no term matches across two.
const textSeparator = "\n"

// ticketText is a ticket's texts as indexed, folded and ended with
// textEnd: title holds the number and the title, body the written texts.
type ticketText struct {
	title, body string
}

// textOf is what search finds a ticket by.
func textOf(t *ticket.State) ticketText {
	parts := []string{t.Description}
	for i := range t.History {
		h := &t.History[i]
		parts = append(parts, h.Comment)
		if len(h.Inputs) > 0 {
			parts = append(parts, textInputs(h)...)
		}
	}
	var body strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			body.WriteString(foldText(p))
			body.WriteString(textSeparator)
		}
	}
	return ticketText{
		title: foldText(t.Number) + textSeparator + foldText(t.Title) + textEnd,
		body:  strings.TrimSuffix(body.String(), textSeparator) + textEnd,
	}
}

// textInputs are the values of a decision's inputs that people wrote
// (InputText), in the order of their names. Inputs that are dates, times,
// minutes, ratings, yes/no or user ids are not text to find; an input this
// version does not know is kept, being text of a newer one.
func textInputs(h *ticket.HistoryEntry) []string {
	names := make([]string, 0, len(h.Inputs))
	for name := range h.Inputs {
		if in := decisionInput(h, name); in == nil || in.Type == ticket.InputText {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = h.Inputs[name]
	}
	return out
}

// decisionInput is the step table's input of a decision in the history,
// nil when this version does not know it.
func decisionInput(h *ticket.HistoryEntry, name string) *ticket.Input {
	f := ticket.FlowFor(h.Kind)
	if f == nil {
		return nil
	}
	st := f.Step(h.From)
	if st == nil {
		return nil
	}
	d := st.Decision(h.Decision)
	if d == nil {
		return nil
	}
	return d.Input(name)
}

// foldText is how stored text and search terms are compared: NFC, lower
// case. Event text is NFC already (model's canonical JSON); terms are typed.
func foldText(s string) string {
	if alreadyFolded(s) {
		return s
	}
	return strings.ToLower(norm.NFC.String(s))
}

// alreadyFolded reports text that folding leaves as it is: ASCII without capitals,
// and the Chinese characters and punctuation that have no case and that
// NFC leaves alone whatever surrounds them. Every ticket's texts are
// folded as its row is written, and nearly all are such text.
func alreadyFolded(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				return false
			}
		case r >= 0x4e00 && r <= 0x9fff, // CJK unified ideographs
			r >= 0x3000 && r <= 0x3029, // CJK punctuation, before the tone marks
			r >= 0xff01 && r <= 0xff20, // full-width punctuation and digits: ，：（）
			r >= 0x2018 && r <= 0x203d: // quotation marks, dashes, …
		default:
			return false
		}
	}
	return true
}

// foldTerm is a search term as it is looked for: trimmed, folded, with
// control characters (which no one types into a search, and which would
// match textEnd) turned into spaces.
func foldTerm(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	return foldText(strings.TrimSpace(s))
}

// digest is what ticket_text keeps of the text indexed: the first 8
// bytes of the SHA-256 of the title's text, then those of the body's, so
// that a change to one reindexes only its index.
func (t ticketText) digest() []byte {
	title, body := sha256.Sum256([]byte(t.title)), sha256.Sum256([]byte(t.body))
	return append(title[:8:8], body[:8]...)
}

// pendingText is a ticket's text waiting to be indexed when a bulk batch
// ends (deferTexts).
type pendingText struct {
	id  model.ID
	txt ticketText
}

// projectTicketText indexes a ticket's text again where it changed. In a
// bulk batch (WriteBehind) the texts are written when the batch ends:
// writing one reads its ticket_text row back, a read that waits for every
// write queued behind the decisions, so writing each as its ticket was
// projected made the decisions wait (a 30,000-ticket demo: 7.7 s against
// 5.4 s). The texts of tickets the batch created are written as they come,
// without reading (writeNewTicketText).
func (b *Batch) projectTicketText(id model.ID, t *ticket.State) error {
	if b.deferTexts && b.created[id] && !b.rebuilding && !b.digestsOnly {
		return b.writeNewTicketText(id, textOf(t))
	}
	if b.deferTexts {
		b.texts = append(b.texts, pendingText{id, textOf(t)})
		return nil
	}
	return b.writeTicketText(id, textOf(t))
}

// flushTexts indexes the texts a bulk batch kept for its end, after its
// last command.
func (b *Batch) flushTexts() error {
	texts := b.texts
	b.texts, b.deferTexts = nil, false
	for _, p := range texts {
		if err := b.writeTicketText(p.id, p.txt); err != nil {
			return err
		}
	}
	return nil
}

// writeTicketText indexes a ticket's text again where it changed.
func (b *Batch) writeTicketText(id model.ID, txt ticketText) error {
	digest := txt.digest()
	if b.rebuilding || b.created[id] {
		// A new ticket has no row yet, unless this batch wrote one already.
		if done, err := b.insertTicketText(id, digest, txt); done || err != nil {
			return err
		}
	}
	var n int64
	var old []byte
	st, err := b.stmt("SELECT rowid, digest FROM ticket_text WHERE ticket_id = ?")
	if err != nil {
		return err
	}
	switch err := st.QueryRowContext(b.ctx, id).Scan(&n, &old); {
	case isNoRows(err):
		_, err := b.insertTicketText(id, digest, txt)
		return err
	case err != nil:
		return err
	case bytes.Equal(old, digest):
		return nil
	}
	return b.reindexText(n, old, digest, txt)
}

// insertTicketText writes the text row of a ticket that has none and
// indexes its text; done is false when the ticket has a row already.
func (b *Batch) insertTicketText(id model.ID, digest []byte, txt ticketText) (done bool, err error) {
	st, err := b.stmt("INSERT INTO ticket_text (ticket_id, digest) VALUES (?, ?) ON CONFLICT (ticket_id) DO NOTHING")
	if err != nil {
		return false, err
	}
	res, err := st.ExecContext(b.ctx, id, digest)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if b.digestsOnly {
		return true, nil
	}
	return true, b.indexText(rowid, txt)
}
