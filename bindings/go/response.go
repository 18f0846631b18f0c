package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"fmt"
	"math"
	"time"
	"unsafe"
)

// CallOption changes one call of a Client method; pass it after the method's
// arguments, e.g. client.CreateForRole(ctx, roomID, "guest", roomcodes.Response(&meta)).
type CallOption func(*callOptions)

// callOptions is what the CallOptions of one call ask for.
type callOptions struct {
	response   *ResponseMeta
	maxRetries *int
}

// collect is what opts ask for (nil options are skipped).
func collect(opts []CallOption) callOptions {
	if len(opts) == 0 {
		return callOptions{} // the usual call: nothing moved to the heap
	}
	var o callOptions
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	return o
}

// MaxRetries makes one call retry at most n times (0: a single attempt)
// instead of the client's Config.MaxRetries; for List and Codes, each page's
// call. A negative n, or one past a uint32, fails the call with
// KindInvalidArgument.
func MaxRetries(n int) CallOption {
	return func(o *callOptions) { o.maxRetries = &n }
}

// check is the error of options that cannot be given to the library, or nil.
func (o callOptions) check() error {
	return checkRetries(o.maxRetries)
}

// checkRetries is the error of a MaxRetries (nil: not set) that no C uint32
// holds, or nil: the conversion of a Go int, before the library sees it.
func checkRetries(n *int) error {
	if n != nil && (*n < 0 || uint64(*n) > math.MaxUint32) {
		return invalidArgument(fmt.Sprintf("MaxRetries %d is out of range", *n))
	}
	return nil
}

// apply gives the library what o asks of call, before its first step.
func (o callOptions) apply(call *C.hms_call, cerr **C.hms_error) C.hms_status {
	if o.maxRetries == nil {
		return C.HMS_STATUS_OK
	}
	return C.hms_call_set_max_retries(call, C.uint32_t(*o.maxRetries), cerr)
}

// ResponseMeta is what the response that ended a call successfully said, and
// what the call took; the library decides it (see Response).
type ResponseMeta struct {
	// Status is the HTTP status of the response (a 2xx).
	Status int
	// RequestID is the id the service gave the request (its X-Request-Id),
	// for a support ticket; "" when it sent none.
	RequestID string
	// Attempts is how many attempts the call sent, the successful one
	// included (2 after one retry).
	Attempts int
	// Elapsed is from the start of the call's first attempt to the response.
	Elapsed time.Duration
}

// Response makes a successful call fill *meta with its response's metadata.
// A failed call leaves it alone (its *Error carries the status and request
// id). List fills it with the last page's; a CodeIterator, as it goes, with
// that of the page its current code came from.
func Response(meta *ResponseMeta) CallOption {
	return func(o *callOptions) { o.response = meta }
}

// recording is take, followed, when o asks for it, by copying the call's
// response metadata into Go.
func recording[T any](take cTake[T], o callOptions) cTake[T] {
	if o.response == nil {
		return take
	}
	return func(call *C.hms_call, out *outputs) (T, C.hms_status) {
		value, status := take(call, out)
		if status == C.HMS_STATUS_OK {
			status = takeResponse(call, o.response, out)
		}
		return value, status
	}
}

// takeResponse copies the response metadata of call, if it has any, into *meta.
func takeResponse(call *C.hms_call, meta *ResponseMeta, o *outputs) C.hms_status {
	*o.out = nil
	status := C.hms_call_take_response_meta(call, (**C.hms_response_meta)(unsafe.Pointer(o.out)), o.err)
	out := (*C.hms_response_meta)(*o.out)
	if status != C.HMS_STATUS_OK || out == nil {
		return status
	}
	defer C.hms_response_meta_free(out)
	*meta = ResponseMeta{
		Status:    int(out.status),
		RequestID: C.GoString(out.request_id),
		Attempts:  int(out.attempts),
		Elapsed:   time.Duration(out.elapsed_ms) * time.Millisecond,
	}
	return status
}
