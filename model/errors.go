// Package model holds yunwei's domain types: ids, clocks, canonical JSON,
// the event envelope, the people and things a service contract covers, and
// the error codes every layer speaks.
package model

import (
	"errors"

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

// ErrorMessage returns the user-facing message of err: the *Error's message,
// or a generic text for internal errors (the detail goes to the debug log).
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error: " + err.Error()
}

// ErrorText is the user-facing message of err in lang: an *Error's message
// worded from the catalogue, its arguments (causes given as arguments
// too) in lang; a generic text for internal errors. A message the
// catalogue does not know yet keeps its English sentence, with its
// arguments still worded in lang.
func ErrorText(err error, lang i18n.Lang) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case !errors.As(err, &e):
		return lang.T("internal error:") + " " + err.Error()
	case e.Format == "" || !i18n.Has(e.Format) && i18n.Has(e.Message):
		return lang.T(e.Message)
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
