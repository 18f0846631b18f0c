package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

// Kind is what went wrong, in the words every binding of hms-room-codes
// shares. Its values are the C library's hms_status values (a test checks
// them against the header).
type Kind uint32

// The kinds of error.
const (
	// KindInvalidArgument: an argument was rejected before any request was sent.
	KindInvalidArgument Kind = 1
	// KindUnauthorized: HTTP 401, the management token is missing, invalid or expired.
	KindUnauthorized Kind = 2
	// KindRoomDisabled: HTTP 403 on create, list or the token exchange: the room is disabled.
	KindRoomDisabled Kind = 3
	// KindForbidden: any other HTTP 403.
	KindForbidden Kind = 4
	// KindRoomNotFound: HTTP 404, the room does not exist.
	KindRoomNotFound Kind = 5
	// KindRoleNotFound: HTTP 404, the role is not part of the room's template.
	KindRoleNotFound Kind = 6
	// KindCodeNotFound: HTTP 404, the room code does not exist.
	KindCodeNotFound Kind = 7
	// KindNotFound: any other HTTP 404.
	KindNotFound Kind = 8
	// KindBadRequest: HTTP 400, the service rejected the request.
	KindBadRequest Kind = 9
	// KindRateLimited: HTTP 429 after the allowed retries (see Error.RetryAfter).
	KindRateLimited Kind = 10
	// KindServer: HTTP 5xx after the allowed retries.
	KindServer Kind = 11
	// KindUnexpectedStatus: a status the API does not document (redirects are never followed).
	KindUnexpectedStatus Kind = 12
	// KindTimeout: an attempt ran past the client's timeout.
	KindTimeout Kind = 13
	// KindNetwork: the connection failed or broke.
	KindNetwork Kind = 14
	// KindDecode: a response body that could not be read.
	KindDecode Kind = 15
	// KindInternal: a bug in the library.
	KindInternal Kind = 16
)

// String is the kind's name as every binding spells it, e.g. "room_not_found"
// ("unknown" for a value that is no kind).
func (k Kind) String() string {
	return C.GoString(C.hms_status_name(C.uint32_t(k)))
}
