// Package words turns what db and flows return — flow positions, SLA clocks
// with the facts that explain them, calendar days, history entries — into
// the words of the terminal UI and the command line, in the user's
// language, from the one message catalogue (model/i18n). Nothing below ui/
// takes a language: this is where words are made.
package words
