package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"context"
	"time"
	"unsafe"
)

// Create makes sure room roomID has an enabled code for every role of its
// template (creating the missing ones) and returns those codes. It is not
// retried after a 5xx or a timeout, since a repeat could mint more codes.
func (c *Client) Create(ctx context.Context, roomID string, opts ...CallOption) ([]RoomCode, error) {
	room, err := goText("roomID", roomID, false)
	if err != nil {
		return nil, err
	}
	return run(ctx, c, nil, func(core *C.hms_core, now, deadline C.uint64_t, out **C.hms_call, cerr **C.hms_error) C.hms_status {
		return C.hms_call_create(core, now, deadline, room, out, cerr)
	}, takeCodes, opts)
}

// CreateForRole creates one more code for role in room roomID. It is not
// retried after a 5xx or a timeout.
func (c *Client) CreateForRole(ctx context.Context, roomID, role string, opts ...CallOption) (*RoomCode, error) {
	room, err1 := goText("roomID", roomID, false)
	r, err2 := goText("role", role, false)
	if err := firstError(err1, err2); err != nil {
		return nil, err
	}
	return run(ctx, c, nil, func(core *C.hms_core, now, deadline C.uint64_t, out **C.hms_call, cerr **C.hms_error) C.hms_status {
		return C.hms_call_create_for_role(core, now, deadline, room, r, out, cerr)
	}, takeCode, opts)
}

// List returns every code of room roomID that filter keeps (nil for all),
// fetching page after page; the context bounds all of them together. To
// handle codes as they come, page by page, use Codes.
func (c *Client) List(ctx context.Context, roomID string, filter *ListFilter, opts ...CallOption) ([]RoomCode, error) {
	var args cArgs
	room, err1 := goText("roomID", roomID, false)
	f, err2 := args.listFilter(filter)
	if err := firstError(err1, err2); err != nil {
		args.free()
		return nil, err
	}
	return run(ctx, c, args, func(core *C.hms_core, now, deadline C.uint64_t, out **C.hms_call, cerr **C.hms_error) C.hms_status {
		return C.hms_call_list(core, now, deadline, room, f, out, cerr)
	}, takeCodes, opts)
}

// ListPage fetches one page of the codes of room roomID that filter keeps
// (nil for all; filter.Start is the cursor). The next page starts at the
// page's Last.
func (c *Client) ListPage(ctx context.Context, roomID string, filter *ListFilter, opts ...CallOption) (*RoomCodePage, error) {
	var args cArgs
	room, err1 := goText("roomID", roomID, false)
	f, err2 := args.listFilter(filter)
	if err := firstError(err1, err2); err != nil {
		args.free()
		return nil, err
	}
	return run(ctx, c, args, func(core *C.hms_core, now, deadline C.uint64_t, out **C.hms_call, cerr **C.hms_error) C.hms_status {
		return C.hms_call_list_page(core, now, deadline, room, f, out, cerr)
	}, takePage, opts)
}

// SetEnabled enables or disables code and returns the updated code.
// Disabling is how a code is revoked.
func (c *Client) SetEnabled(ctx context.Context, code string, enabled bool, opts ...CallOption) (*RoomCode, error) {
	cc, err := goText("code", code, false)
	if err != nil {
		return nil, err
	}
	return run(ctx, c, nil, func(core *C.hms_core, now, deadline C.uint64_t, out **C.hms_call, cerr **C.hms_error) C.hms_status {
		return C.hms_call_set_enabled(core, now, deadline, cc, C.bool(enabled), out, cerr)
	}, takeCode, opts)
}

// AuthTokenForCode exchanges room code code for a client auth token and its
// expiry (the call a joining app makes; no management token is sent) for
// userID ("" lets the service pick one). The token prints as "<redacted>".
func (c *Client) AuthTokenForCode(ctx context.Context, code, userID string, opts ...CallOption) (AuthToken, error) {
	cc, err1 := goText("code", code, false)
	user, err2 := goText("userID", userID, true)
	if err := firstError(err1, err2); err != nil {
		return AuthToken{}, err
	}
	return run(ctx, c, nil, func(core *C.hms_core, now, deadline C.uint64_t, out **C.hms_call, cerr **C.hms_error) C.hms_status {
		return C.hms_call_auth_token_for_code(core, now, deadline, cc, user, out, cerr)
	}, takeAuthToken, opts)
}

// RoomLink builds the link a person opens to join (no request is sent).
// Values are percent-encoded; bad options give KindInvalidArgument.
func RoomLink(options RoomLinkOptions) (string, error) {
	var args cArgs
	defer args.free()
	var o C.hms_room_link_options
	var errs [5]error
	o.subdomain, errs[0] = args.add("Subdomain", options.Subdomain, true)
	o.domain, errs[1] = args.add("Domain", options.Domain, true)
	o.code, errs[2] = args.add("Code", options.Code, false)
	o.user_id, errs[3] = args.add("UserID", options.UserID, true)
	o.name, errs[4] = args.add("Name", options.Name, true)
	if err := firstError(errs[:]...); err != nil {
		return "", err
	}
	var out *C.char
	var cerr *C.hms_error
	debugGC()
	if status := C.hms_room_link(&o, &out, &cerr); status != C.HMS_STATUS_OK {
		return "", fromC(status, cerr)
	}
	defer C.hms_string_free(out)
	return C.GoString(out), nil
}

// takeCodes copies the codes of a finished create or list call.
func takeCodes(call *C.hms_call, o *outputs) ([]RoomCode, C.hms_status) {
	status := C.hms_call_take_codes(call, (**C.hms_room_code_list)(unsafe.Pointer(o.out)), o.err)
	if status != C.HMS_STATUS_OK {
		return nil, status
	}
	out := (*C.hms_room_code_list)(*o.out)
	defer C.hms_room_code_list_free(out)
	return goRoomCodes(out.items, out.len), status
}

// takeCode copies the code of a finished create_for_role or set_enabled call.
func takeCode(call *C.hms_call, o *outputs) (*RoomCode, C.hms_status) {
	status := C.hms_call_take_code(call, (**C.hms_room_code)(unsafe.Pointer(o.out)), o.err)
	if status != C.HMS_STATUS_OK {
		return nil, status
	}
	out := (*C.hms_room_code)(*o.out)
	defer C.hms_room_code_free(out)
	return &goRoomCodes(out, 1)[0], status
}

// takePage copies the page of a finished list_page call.
func takePage(call *C.hms_call, o *outputs) (*RoomCodePage, C.hms_status) {
	status := C.hms_call_take_page(call, (**C.hms_room_code_page)(unsafe.Pointer(o.out)), o.err)
	if status != C.HMS_STATUS_OK {
		return nil, status
	}
	out := (*C.hms_room_code_page)(*o.out)
	defer C.hms_room_code_page_free(out)
	return goPage(out), status
}

// takeAuthToken copies the token of a finished auth_token_for_code call.
func takeAuthToken(call *C.hms_call, o *outputs) (AuthToken, C.hms_status) {
	status := C.hms_call_take_auth_token(call, (**C.hms_auth_token)(unsafe.Pointer(o.out)), o.err)
	if status != C.HMS_STATUS_OK {
		return AuthToken{}, status
	}
	out := (*C.hms_auth_token)(*o.out)
	defer C.hms_auth_token_free(out)
	return AuthToken{Token: C.GoString(out.token), ExpiresAt: timestamp(C.GoString(out.expires_at), new(time.Time))}, status
}

// firstError is the first non-nil error, if any.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
