// Package model holds yunwei's domain types: ids, clocks, canonical JSON,
// the event envelope, the people and things a service contract covers, and
// the error codes every layer speaks.
package model

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"

	"yunwei/model/i18n"
)

// Error codes, from the bottom of the stack to the status line. A message
// says what was wrong and what to do about it.
const (
	EINVALID      = "invalid"      // bad input: the user can fix it and retry
	ENOTFOUND     = "not_found"    // the thing asked for does not exist
	ECONFLICT     = "conflict"     // the state changed under the request
	EUNAUTHORIZED = "unauthorized" // the actor may not do this
	EINTERNAL     = "internal"     // a bug or a broken environment
)

// Error is an application error with a machine-readable code and a message a
// user can act on. Message is in English; Format and Args are the message
// as the catalogue knows it (model/i18n), so that the interfaces word it
// in the user's language (ErrorText).
type Error struct {
	Code    string
	Message string
	Format  string
	Args    []any
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf builds an *Error with a formatted message. The format is the
// message's key in the catalogue; arguments of type i18n.Text or
// i18n.AnyOf are worded in the language the message is shown in.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: i18n.En.Tf(format, args...), Format: format, Args: args}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// InternalMessage is all a user reads of an error that is not theirs to
// fix: a bug, a broken environment. Its detail, raw SQLite or Go text
// that would only puzzle them, goes to the debug log (LogInternal).
const InternalMessage = "internal error: nothing was saved; details are in the debug log when DEBUG is set"

// The causes of an operating-system failure that a user can act on,
// worded for them instead of the system's own text.
var osCauses = []struct {
	err  error
	text string
}{
	{fs.ErrNotExist, "it does not exist"},
	{fs.ErrPermission, "permission denied: check the file's and folder's permissions"},
	{fs.ErrExist, "it exists already"},
	{context.Canceled, "cancelled: nothing was written"},
	{context.DeadlineExceeded, "it took too long: nothing was written"},
}

// ErrorMessage returns the user-facing message of err in English: the
// *Error's message, or a generic text for internal errors (the detail
// goes to the debug log).
func ErrorMessage(err error) string { return ErrorText(err, i18n.En) }

// ErrorText is the user-facing message of err in lang: an *Error's message
// worded from the catalogue, its arguments (causes given as arguments
// too) in lang. An error that is not an *Error is a generic text, or the
// cause a user can act on (a file that does not exist, a permission);
// its own text goes to the debug log. The message is looked up by its
// format, the catalogue's key, never by its English sentence; every
// format has its Chinese (model/i18n's tests).
func ErrorText(err error, lang i18n.Lang) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case !errors.As(err, &e):
		LogInternal(err)
		for _, c := range osCauses {
			if errors.Is(err, c.err) {
				return lang.T(c.text)
			}
		}
		return lang.T(InternalMessage)
	case e.Format == "":
		return lang.T(e.Message) // an Error made without Errorf
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		args[i] = a
		if inner, ok := a.(error); ok {
			args[i] = ErrorText(inner, lang) // a cause given as an argument
		}
	}
	return lang.Tf(e.Format, args...)
}

// LogInternal writes the detail of an error a user is shown only in
// general words to the debug log: slog's default logger at debug level,
// which the command line points at a file when DEBUG is set and which
// drops it otherwise.
func LogInternal(err error) {
	slog.Debug("internal error", "error", err.Error(), "type", fmt.Sprintf("%T", err))
}
