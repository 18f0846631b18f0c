package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"context"
	"fmt"
	"time"
)

// Error is the error of every operation: its kind, a message, and what the
// service said. Messages never contain credentials or tokens.
type Error struct {
	// Kind is what went wrong.
	Kind Kind
	// Message is a human-readable message (the service's own where it sent one).
	Message string
	// HTTPStatus is the status of the response, or 0 when none came back.
	HTTPStatus int
	// Details are the service's details, if it sent any.
	Details []string
	// RetryAfter is the wait the service asked for in the Retry-After header
	// of an error answer, usually a 429 or a 503 (0 if none).
	RetryAfter time.Duration
	// RequestID is the id the service gave the failed request (its
	// x-request-id or request-id response header), for a support ticket;
	// empty when no response came back or it named none.
	RequestID string

	// cause is the context error a timeout or cancellation also matches.
	cause error
}

// Error formats the error as "kind: message (HTTP status) [request id ID]",
// the parts without a value left out, as every binding does.
func (e *Error) Error() string {
	s := e.Kind.String()
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.HTTPStatus != 0 {
		s += fmt.Sprintf(" (HTTP %d)", e.HTTPStatus)
	}
	if e.RequestID != "" {
		s += " [request id " + e.RequestID + "]"
	}
	return s
}

// Is reports whether target is an *Error of the same kind, which makes
// errors.Is(err, ErrRoomNotFound) and the other sentinels work.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind
}

// Unwrap gives the context error behind a timeout or a cancellation, so that
// every timeout (an attempt's, or the context's deadline) matches both
// ErrTimeout and context.DeadlineExceeded, and a cancelled call matches both
// ErrTimeout and context.Canceled.
func (e *Error) Unwrap() error {
	return e.cause
}

// Sentinels, one per kind, for errors.Is.
var (
	ErrInvalidArgument  = &Error{Kind: KindInvalidArgument}
	ErrUnauthorized     = &Error{Kind: KindUnauthorized}
	ErrRoomDisabled     = &Error{Kind: KindRoomDisabled}
	ErrForbidden        = &Error{Kind: KindForbidden}
	ErrRoomNotFound     = &Error{Kind: KindRoomNotFound}
	ErrRoleNotFound     = &Error{Kind: KindRoleNotFound}
	ErrCodeNotFound     = &Error{Kind: KindCodeNotFound}
	ErrNotFound         = &Error{Kind: KindNotFound}
	ErrBadRequest       = &Error{Kind: KindBadRequest}
	ErrRateLimited      = &Error{Kind: KindRateLimited}
	ErrServer           = &Error{Kind: KindServer}
	ErrUnexpectedStatus = &Error{Kind: KindUnexpectedStatus}
	ErrTimeout          = &Error{Kind: KindTimeout}
	ErrNetwork          = &Error{Kind: KindNetwork}
	ErrDecode           = &Error{Kind: KindDecode}
	ErrInternal         = &Error{Kind: KindInternal}
)

// invalidArgument is an error found on the Go side, before any C call.
func invalidArgument(message string) *Error {
	return &Error{Kind: KindInvalidArgument, Message: message}
}

// contextError is the *Error for a call that ctx ended: cancelled, or past
// its deadline.
func contextError(ctx error) *Error {
	message := "the call's deadline passed"
	if ctx == context.Canceled {
		message = "the call was cancelled"
	}
	return &Error{Kind: KindTimeout, Message: message, cause: ctx}
}

// fromC copies the C error err (which the failed call stored) and frees it.
func fromC(status C.hms_status, err *C.hms_error) *Error {
	if err == nil {
		return &Error{Kind: Kind(status)}
	}
	defer C.hms_error_free(err)
	e := &Error{
		Kind:       Kind(C.hms_error_status(err)),
		Message:    C.GoString(C.hms_error_message(err)),
		HTTPStatus: int(C.hms_error_http_status(err)),
		RetryAfter: time.Duration(C.hms_error_retry_after_ms(err)) * time.Millisecond,
	}
	if id := C.hms_error_request_id(err); id != nil {
		e.RequestID = C.GoString(id)
	}
	for i := C.size_t(0); i < C.hms_error_details_count(err); i++ {
		e.Details = append(e.Details, C.GoString(C.hms_error_details_at(err, i)))
	}
	if e.Kind == KindTimeout {
		e.cause = context.DeadlineExceeded
	}
	return e
}
