// Package model holds yunwei's domain types: ids, clocks, canonical JSON,
// the event envelope, the people and things a service contract covers, and
// the error codes every layer speaks.
package model

import (
	"errors"
	"fmt"
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
// user can act on.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf builds an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
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
