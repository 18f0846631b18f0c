package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

// Kind is what went wrong, in the words every binding of hms-room-codes
// shares. Its values are the C library's hms_status values, taken from the
// header (one table, in the Rust core, decides them all).
type Kind uint32

// The kinds of error.
const (
	// KindInvalidArgument: an argument was rejected before any request was sent.
	KindInvalidArgument Kind = C.HMS_STATUS_INVALID_ARGUMENT
	// KindUnauthorized: HTTP 401, the management token is missing, invalid or expired.
	KindUnauthorized Kind = C.HMS_STATUS_UNAUTHORIZED
	// KindRoomDisabled: HTTP 403 on create, list or the token exchange: the room is disabled.
	KindRoomDisabled Kind = C.HMS_STATUS_ROOM_DISABLED
	// KindForbidden: any other HTTP 403.
	KindForbidden Kind = C.HMS_STATUS_FORBIDDEN
	// KindRoomNotFound: HTTP 404, the room does not exist.
	KindRoomNotFound Kind = C.HMS_STATUS_ROOM_NOT_FOUND
	// KindRoleNotFound: HTTP 404, the role is not part of the room's template.
	KindRoleNotFound Kind = C.HMS_STATUS_ROLE_NOT_FOUND
	// KindCodeNotFound: HTTP 404, the room code does not exist.
	KindCodeNotFound Kind = C.HMS_STATUS_CODE_NOT_FOUND
	// KindNotFound: any other HTTP 404.
	KindNotFound Kind = C.HMS_STATUS_NOT_FOUND
	// KindBadRequest: HTTP 400, the service rejected the request.
	KindBadRequest Kind = C.HMS_STATUS_BAD_REQUEST
	// KindRateLimited: HTTP 429 after the allowed retries (see Error.RetryAfter).
	KindRateLimited Kind = C.HMS_STATUS_RATE_LIMITED
	// KindServer: HTTP 5xx after the allowed retries.
	KindServer Kind = C.HMS_STATUS_SERVER
	// KindUnexpectedStatus: a status the API does not document (redirects are never followed).
	KindUnexpectedStatus Kind = C.HMS_STATUS_UNEXPECTED_STATUS
	// KindTimeout: an attempt ran past the client's timeout.
	KindTimeout Kind = C.HMS_STATUS_TIMEOUT
	// KindNetwork: the connection failed or broke.
	KindNetwork Kind = C.HMS_STATUS_NETWORK
	// KindDecode: a response body that could not be read.
	KindDecode Kind = C.HMS_STATUS_DECODE
	// KindInternal: a bug in the library.
	KindInternal Kind = C.HMS_STATUS_INTERNAL
)

// String is the kind's name as every binding spells it, e.g. "room_not_found"
// ("unknown" for a value that is no kind).
func (k Kind) String() string {
	return C.GoString(C.hms_status_name(C.uint32_t(k)))
}
